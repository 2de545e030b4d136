import { describe, expect, it } from 'vitest';
import { answerSchema } from '$lib/classroom/contracts';
import { parseBody, RateLimiter, readBody } from '$lib/server/classroom/http';

describe('rate limits', () => {
	it('keep a bounded number of keys, of bounded size, however many are forged', () => {
		const limiter = new RateLimiter(1, 60_000, 100);
		for (let i = 0; i < 1000; i++) limiter.hit(`${'x'.repeat(15_000)}${i}`, 0);
		expect(limiter.size).toBe(100);
	});

	it('say how long to wait when they refuse', () => {
		const limiter = new RateLimiter(2, 60_000);
		expect(limiter.hit('a', 0)).toBe(0);
		expect(limiter.hit('a', 1000)).toBe(0);
		expect(limiter.hit('a', 2000)).toBe(58);
		expect(limiter.retryAfter('a', 2000)).toBe(58);
	});

	it('allow up to the limit per window and per client, then refuse until the window moves', () => {
		const limiter = new RateLimiter(3, 1000);
		expect([0, 10, 20, 30].map((t) => limiter.hit('a', t) === 0)).toEqual([
			true,
			true,
			true,
			false
		]);
		expect(limiter.hit('b', 30)).toBe(0);
		expect(limiter.hit('a', 1001)).toBe(0);
	});
});

describe('request bodies', () => {
	const post = (body: string, headers: Record<string, string> = {}) =>
		new Request('http://localhost/', { method: 'POST', body, headers });

	it('reads a small JSON body that meets the contract', async () => {
		expect(await readBody(post('{"questionIndex":0,"given":"Mosca"}'), answerSchema)).toEqual({
			questionIndex: 0,
			given: 'Mosca'
		});
	});

	it('refuses oversized and malformed bodies with 413 and 400', async () => {
		const status = (p: Promise<unknown>) =>
			p.then(
				() => 200,
				(e: { refusal: { status: number } }) => e.refusal.status
			);
		expect(await status(readBody(post('x'.repeat(5000)), answerSchema))).toBe(413);
		expect(await status(readBody(post('{}', { 'content-length': '999999' }), answerSchema))).toBe(
			413
		);
		expect(await status(readBody(post('{not json'), answerSchema))).toBe(400);
	});

	it('answers 400 with a code, never a crash, for JSON that is not what the action takes', () => {
		for (const text of [
			'null',
			'[]',
			'"a string"',
			'42',
			'{"questionIndex":"0","given":1}',
			'{}'
		]) {
			const parsed = parseBody(text, answerSchema);
			expect(parsed.ok, text).toBe(false);
			if (!parsed.ok)
				expect(parsed.refusal).toMatchObject({ status: 400, body: { code: 'bad-request' } });
		}
	});
});
