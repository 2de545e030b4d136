import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getEngine } from '$lib/server/classroom';
import { getDeck, prepareForAddedTexts } from '$lib/server/deck';
import { DIRECT_ANSWER, directAnswer } from '$lib/server/classroom/answer';
import {
	NON_PAGE_CSP,
	SECURITY_HEADERS_OBJECT,
	WORKER_CSP,
	WORKER_PATH,
	withSecurityHeaders
} from '$lib/server/security-headers';

/** Where `scripts/start.js` finds the headers for what it serves without SvelteKit. */
const BASE_HEADERS = Symbol.for('ripasso.securityHeaders');
/** And the policy of the service worker's script, the one static file that fetches. */
const WORKER_HEADERS = Symbol.for('ripasso.workerHeaders');

/**
 * At start: resume every classroom game from the database, so a question running when the server
 * stopped still ends on time with nobody connected, and build the deck before the first teacher
 * creates a quiz (it takes most of a second), and load what decks of added texts need. And hand `npm start` the answer handler for its
 * direct path (see `$lib/server/classroom/answer`) and the headers of what it serves directly.
 */
export const init: ServerInit = () => {
	if (building) return;
	getDeck();
	prepareForAddedTexts();
	getEngine();
	// `scripts/start.js` takes answers on a direct path, awaiting the reply (the store is async).
	(globalThis as Record<symbol, unknown>)[DIRECT_ANSWER] = directAnswer;
	// Static files and the direct answer path never reach `handle`: the same headers, there too.
	(globalThis as Record<symbol, unknown>)[BASE_HEADERS] = {
		...SECURITY_HEADERS_OBJECT,
		'content-security-policy': NON_PAGE_CSP
	};
	(globalThis as Record<symbol, unknown>)[WORKER_HEADERS] = { path: WORKER_PATH, csp: WORKER_CSP };
};

/**
 * Resolves the UI language for each request (cookie, then Accept-Language) and sets `<html lang>`;
 * every response gets the security headers (`$lib/server/security-headers`).
 */
export const handle: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(
		// The classroom API answers in JSON for machines and phones under load: no page, no language.
		event.url.pathname.startsWith('/api/')
			? await resolve(event)
			: await paraglideMiddleware(event.request, ({ request, locale }) => {
					event.request = request;
					return resolve(event, {
						transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
					});
				})
	);
