import { describe, expect, it } from 'vitest';
import { dayKey, startOfDay, startOfNextDay } from '$lib/srs/day';

const ROME = 'Europe/Rome';

describe('learner day', () => {
	it('starts at 4 a.m. local: 03:59 is still yesterday, 04:00 is today', () => {
		// Rome is UTC+1 in winter: 03:59 local = 02:59Z.
		expect(dayKey(new Date('2025-01-15T02:59:00Z'), 4, ROME)).toBe('2025-01-14');
		expect(dayKey(new Date('2025-01-15T03:00:00Z'), 4, ROME)).toBe('2025-01-15');
		// Midnight does not start a new day.
		expect(dayKey(new Date('2025-01-14T23:30:00Z'), 4, ROME)).toBe('2025-01-14');
	});

	it('uses the given time zone, not the machine one', () => {
		const t = new Date('2025-01-15T05:00:00Z');
		expect(dayKey(t, 4, ROME)).toBe('2025-01-15');
		expect(dayKey(t, 4, 'America/New_York')).toBe('2025-01-14');
		expect(dayKey(t, 0, 'Asia/Tokyo')).toBe('2025-01-15');
	});

	it('gives the start of today and of tomorrow at the day start hour', () => {
		const t = new Date('2025-01-15T02:59:00Z');
		expect(startOfDay(t, 4, ROME).toISOString()).toBe('2025-01-14T03:00:00.000Z');
		expect(startOfNextDay(t, 4, ROME).toISOString()).toBe('2025-01-15T03:00:00.000Z');
		expect(startOfNextDay(new Date('2025-01-15T03:00:00Z'), 4, ROME).toISOString()).toBe(
			'2025-01-16T03:00:00.000Z'
		);
	});

	it('follows daylight saving time (Rome moves to UTC+2 on 30 March 2025)', () => {
		// 29 March 12:00 local (UTC+1); the next day starts at 04:00 local on 30 March = 02:00Z.
		const t = new Date('2025-03-29T11:00:00Z');
		expect(startOfNextDay(t, 4, ROME).toISOString()).toBe('2025-03-30T02:00:00.000Z');
		expect(dayKey(new Date('2025-03-30T01:59:00Z'), 4, ROME)).toBe('2025-03-29');
		expect(dayKey(new Date('2025-03-30T02:00:00Z'), 4, ROME)).toBe('2025-03-30');
	});
});
