import { error, redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** Only same-site paths, so the form cannot be used to send people elsewhere. */
function safeBack(value: FormDataEntryValue | null): string {
	return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')
		? value
		: '/';
}

/** Remembers the chosen UI language in the cookie Paraglide reads first, then goes back. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData().catch(() => error(400, 'Expected a form.'));
	const locale = form.get('locale');
	if (!isLocale(locale)) error(400, 'Unknown language.');
	cookies.set(cookieName, locale, {
		path: '/',
		maxAge: cookieMaxAge,
		httpOnly: false, // Paraglide also reads it in the browser
		sameSite: 'lax',
		secure: false
	});
	redirect(303, safeBack(form.get('back')));
};
