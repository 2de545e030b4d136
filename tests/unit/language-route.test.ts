import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { cookieName } from '$lib/paraglide/runtime';
import { POST } from '../../src/routes/language/+server';

type Event = Parameters<typeof POST>[0];
interface SetCookie {
	name: string;
	value: string;
	options: Record<string, unknown>;
}

/** Posts the language form to the handler; where it redirects to and the cookie it set. */
async function post(back: string, origin = 'http://ripasso.test') {
	const set: SetCookie[] = [];
	const event = {
		request: new Request(`${origin}/language`, {
			method: 'POST',
			body: new URLSearchParams({ locale: 'it', back })
		}),
		url: new URL(`${origin}/language`),
		cookies: {
			set: (name: string, value: string, options: Record<string, unknown>) =>
				set.push({ name, value, options })
		}
	} as unknown as Event;
	try {
		await POST(event);
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location, set };
		throw thrown;
	}
	throw new Error('expected a redirect');
}

describe('POST /language', () => {
	it.each([
		'/\\evil.example',
		'/\\\\evil.example',
		'//evil.example',
		'https://evil.example/read/x',
		'%2F%2Fevil.example',
		'javascript:alert(1)',
		'/\t/evil.example',
		'http://ripasso.test.evil.example/',
		''
	])('goes home instead of to %j', async (back) => {
		expect(await post(back)).toMatchObject({ status: 303, location: '/' });
	});

	it.each(['/', '/read/x#s1', '/study/x/facts?due=1', '/read/x%2F%2Fy'])(
		'goes back to %j on this site',
		async (back) => {
			expect((await post(back)).location).toBe(back);
		}
	);

	it('remembers the language in a cookie the browser can read, Secure on https', async () => {
		const [plain] = (await post('/')).set;
		expect(plain).toMatchObject({ name: cookieName, value: 'it' });
		expect(plain.options).toMatchObject({ path: '/', httpOnly: false, secure: false });
		expect(plain.options.maxAge).toBeGreaterThan(0);
		const [secure] = (await post('/', 'https://ripasso.test')).set;
		expect(secure.options).toMatchObject({ httpOnly: false, secure: true });
	});
});
