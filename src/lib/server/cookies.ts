/**
 * The one place that decides how the app's cookies are set. `Secure` follows the protocol the
 * request came in on: adapter-node derives it from `ORIGIN` or the trusted `PROTOCOL_HEADER`
 * (`npm start` sets that header itself from the socket when neither is configured), so a
 * classroom laptop on plain http keeps working and an https deployment never sends a cookie
 * in the clear.
 */
import type { Cookies } from '@sveltejs/kit';

export type CookieOptions = Parameters<Cookies['set']>[2];

/**
 * Options for a cookie of this app.
 *
 * @param url the request's URL (`event.url`)
 * @param over what differs for this cookie (maxAge, sameSite, httpOnly…)
 */
export function cookieOptions(url: URL, over: Partial<CookieOptions> = {}): CookieOptions {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		...over,
		secure: url.protocol === 'https:'
	};
}
