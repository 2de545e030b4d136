import { describe, expect, it } from 'vitest';
import { score } from '$lib/classroom/scoring';

const T = 20_000;
const right = (elapsedMs: number, speedBonus = true) =>
	score({ correct: true, elapsedMs, limitMs: T, speedBonus });

describe('score', () => {
	it('pays 1000 at once, 750 at half time and 500 on the buzzer', () => {
		expect(right(0)).toBe(1000);
		expect(right(T / 2)).toBe(750);
		expect(right(T)).toBe(500);
		expect(right(5_000)).toBe(875);
	});

	it('rounds to whole points', () => {
		expect(right(1)).toBe(1000);
		expect(right(7_777)).toBe(806);
	});

	it('pays nothing for a late or a wrong answer', () => {
		expect(right(T + 1)).toBe(0);
		expect(score({ correct: false, elapsedMs: 0, limitMs: T, speedBonus: true })).toBe(0);
		expect(score({ correct: false, elapsedMs: 0, limitMs: T, speedBonus: false })).toBe(0);
	});

	it('pays 1000 for any right answer in time when the speed bonus is off', () => {
		expect(right(0, false)).toBe(1000);
		expect(right(T, false)).toBe(1000);
		expect(right(T + 1, false)).toBe(0);
	});

	it('never pays more than 1000 when the clock runs backwards', () => {
		expect(right(-5_000)).toBe(1000);
	});
});
