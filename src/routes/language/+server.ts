import { error, redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { cookieOptions } from '$lib/server/cookies';
import type { RequestHandler } from './$types';

/**
 * Where to go back to: a page of this site (path, query and fragment kept), else the home page,
 * so the form cannot be used to send people elsewhere. The URL parser browsers use decides, not
 * a prefix check: they read `/\evil.example` like `//evil.example`, another site. The form
 * always sends a path, so anything not starting with `/` is not one of ours either.
 */
function safeBack(value: FormDataEntryValue | null, origin: string): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return '/';
	let back: URL;
	try {
		back = new URL(value, origin);
	} catch {
		return '/';
	}
	return back.origin === origin ? back.pathname + back.search + back.hash : '/';
}

/** Remembers the chosen UI language in the cookie Paraglide reads first, then goes back. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData().catch(() => error(400, 'Expected a form.'));
	const locale = form.get('locale');
	if (!isLocale(locale)) error(400, 'Unknown language.');
	// Not httpOnly: Paraglide also reads it in the browser.
	cookies.set(cookieName, locale, cookieOptions(url, { httpOnly: false, maxAge: cookieMaxAge }));
	redirect(303, safeBack(form.get('back'), url.origin));
};
