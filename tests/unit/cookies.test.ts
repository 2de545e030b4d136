import { describe, expect, it } from 'vitest';
import { cookieOptions } from '$lib/server/cookies';

describe('cookie options', () => {
	it('are Secure exactly when the request came over https', () => {
		expect(cookieOptions(new URL('https://ripasso.example.org/join')).secure).toBe(true);
		expect(cookieOptions(new URL('http://192.168.1.20:3000/join')).secure).toBe(false);
	});

	it('are httpOnly and site-wide unless a cookie says otherwise, and never drop Secure', () => {
		expect(cookieOptions(new URL('https://a.example/'))).toMatchObject({
			path: '/',
			httpOnly: true,
			sameSite: 'lax'
		});
		const over = cookieOptions(new URL('https://a.example/'), {
			httpOnly: false,
			sameSite: 'strict',
			secure: false
		});
		expect(over).toMatchObject({ httpOnly: false, sameSite: 'strict', secure: true });
	});
});
