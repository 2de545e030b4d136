/**
 * The HTTP security headers of every response, in one place so that the app (`handle` in
 * `src/hooks.server.ts`) and the production server's own fast paths send the same values.
 *
 * The Content-Security-Policy of pages is SvelteKit's (`kit.csp` in `svelte.config.js`: it adds
 * the nonce of its start-up script to each page). A response that is not a page gets
 * {@link NON_PAGE_CSP} instead, and an HTML response SvelteKit gave no policy (none should
 * exist) at least cannot be framed.
 *
 * Referrer-Policy `same-origin`: other sites learn nothing of where a visitor came from, not even
 * the host (`strict-origin-when-cross-origin` would still send it, and in a classroom that is a
 * teacher's laptop on the school network). The app's own requests keep the full referrer; none
 * of its checks need it (SvelteKit's CSRF check reads Origin, which this does not change). Game
 * codes are in paths and queries (`/class/123456/play`, `/join?code=…`), so they never leave.
 */

/** Headers for every response: name (lower case) and value. */
export const SECURITY_HEADERS = [
	// Browsers must take a JSON answer or a CSV file for what it says, never guess a page in it.
	['x-content-type-options', 'nosniff'],
	['referrer-policy', 'same-origin'],
	// `frame-ancestors 'none'` in the CSP says the same; this is for browsers older than it.
	['x-frame-options', 'DENY']
] as const satisfies readonly (readonly [string, string])[];

/** {@link SECURITY_HEADERS} as a plain object, for `res.writeHead(status, { ...headers })`. */
export const SECURITY_HEADERS_OBJECT: Readonly<Record<string, string>> = Object.freeze(
	Object.fromEntries(SECURITY_HEADERS)
);

/**
 * The Content-Security-Policy of a response that is not an HTML page (JSON, CSV, event streams,
 * images, scripts): opened as a document, it may load and run nothing, nor be framed.
 */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Where SvelteKit builds the service worker (`src/service-worker.ts`), served as a static file. */
export const WORKER_PATH = '/service-worker.js';

/**
 * The policy of the service worker's script, which browsers apply to the worker itself: like
 * {@link NON_PAGE_CSP}, but it may fetch from this server (pages, data, files to keep offline).
 */
export const WORKER_CSP = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

/** The policy for an HTML response that came without one: at least it cannot be framed. */
export const HTML_FALLBACK_CSP = "frame-ancestors 'none'";

/**
 * The Content-Security-Policy a response should get when it has none of its own.
 *
 * @param contentType its `content-type` header, if any
 */
export function fallbackCsp(contentType: string | null): string {
	return /^\s*text\/html\b/iu.test(contentType ?? '') ? HTML_FALLBACK_CSP : NON_PAGE_CSP;
}

/**
 * Adds the security headers to a response, and a Content-Security-Policy when it has none
 * (pages bring SvelteKit's). Headers already present are kept.
 *
 * @returns the same response, or a copy when its headers cannot be changed (`Response.redirect`,
 *   a response passed on from `fetch`)
 */
export function withSecurityHeaders(response: Response): Response {
	try {
		addTo(response.headers);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		addTo(copy.headers);
		return copy;
	}
}

function addTo(headers: Headers): void {
	for (const [name, value] of SECURITY_HEADERS) if (!headers.has(name)) headers.set(name, value);
	if (!headers.has('content-security-policy')) {
		headers.set('content-security-policy', fallbackCsp(headers.get('content-type')));
	}
}
