import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';

/** Resolves the UI language for each request (cookie, then Accept-Language) and sets `<html lang>`. */
export const handle: Handle = ({ event, resolve }) =>
	// The classroom API answers in JSON for machines and phones under load: no page, no language.
	event.url.pathname.startsWith('/api/')
		? resolve(event)
		: paraglideMiddleware(event.request, ({ request, locale }) => {
				event.request = request;
				return resolve(event, {
					transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
				});
			});
