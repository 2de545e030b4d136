/**
 * Error pages in the UI's language. A load function's `error(404, m.…())` already carries a
 * localised message; what SvelteKit writes by itself (an address no route matches: "Not Found",
 * an unexpected failure: "Internal Error") is English, so it is replaced by our own words.
 */
import { m } from '$lib/paraglide/messages';

/** The messages SvelteKit gives errors that no load function described: HTTP's reason phrases. */
const KIT_MESSAGES = new Set([
	'Bad Request',
	'Forbidden',
	'Not Found',
	'Method Not Allowed',
	'Payload Too Large',
	'Unsupported Media Type',
	'Too Many Requests',
	'Internal Error',
	'Internal Server Error',
	'Service Unavailable'
]);

const TITLES: Record<number, () => string> = {
	400: m.error_bad_request,
	403: m.error_forbidden,
	404: m.error_not_found,
	429: m.error_too_many,
	503: m.error_unavailable
};

/** The heading of an error page for `status`. */
export function errorTitle(status: number): string {
	return (TITLES[status] ?? m.error_generic)();
}

/** The sentence under it: the load function's own message, or ours instead of SvelteKit's. */
export function errorDetail(status: number, message: string | undefined): string {
	if (message && !KIT_MESSAGES.has(message)) return message;
	return status === 404 ? m.error_not_found_detail() : m.error_generic_detail();
}
