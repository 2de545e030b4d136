import { describe, expect, it } from 'vitest';
import { isGameCode, newGameCode } from '$lib/classroom/code';
import { mulberry32 } from '$lib/random/prng';

describe('newGameCode', () => {
	it('makes 6-digit codes that never start with 0', () => {
		const random = mulberry32(7);
		for (let i = 0; i < 500; i++) expect(newGameCode(random, new Set())).toMatch(/^[1-9]\d{5}$/);
		expect(newGameCode(() => 0, new Set())).toBe('100000');
		expect(newGameCode(() => 0.9999999999, new Set())).toBe('999999');
	});

	it('never hands out a code in use', () => {
		const taken = new Set(['100000', '100001']);
		// A generator stuck on one value must still find a free code.
		expect(newGameCode(() => 0, taken)).toBe('100002');
		const random = mulberry32(1);
		const codes = new Set<string>();
		for (let i = 0; i < 1000; i++) codes.add(newGameCode(random, codes));
		expect(codes.size).toBe(1000);
	});

	it('tells a code from a typo', () => {
		expect(isGameCode('123456')).toBe(true);
		expect(isGameCode('012345')).toBe(false);
		expect(isGameCode('12345')).toBe(false);
		expect(isGameCode('12345a')).toBe(false);
	});
});
