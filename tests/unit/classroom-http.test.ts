import { describe, expect, it } from 'vitest';
import { RateLimiter, readJson } from '$lib/server/classroom/http';

describe('rate limits', () => {
	it('allow up to the limit per window and per client, then refuse until the window moves', () => {
		const limiter = new RateLimiter(3, 1000);
		expect([0, 10, 20, 30].map((t) => limiter.allow('a', t))).toEqual([true, true, true, false]);
		expect(limiter.allow('b', 30)).toBe(true);
		expect(limiter.allow('a', 1001)).toBe(true);
	});
});

describe('request bodies', () => {
	const post = (body: string, headers: Record<string, string> = {}) =>
		new Request('http://localhost/', { method: 'POST', body, headers });

	it('reads small JSON', async () => {
		expect(await readJson(post('{"nickname":"Anna"}'))).toEqual({ nickname: 'Anna' });
	});

	it('refuses oversized and malformed bodies with 413 and 400', async () => {
		await expect(readJson(post('x'.repeat(5000)))).rejects.toMatchObject({ status: 413 });
		await expect(readJson(post('{}', { 'content-length': '999999' }))).rejects.toMatchObject({
			status: 413
		});
		await expect(readJson(post('{not json'))).rejects.toMatchObject({ status: 400 });
	});
});
