/**
 * FSRS on the learner's days (issue 14, point 5): elapsed days, due dates and day starts in the
 * learner's own zone, across DST, and the order of the four intervals.
 */
import { describe, expect, it } from 'vitest';
import { dayKey, startOfDay, startOfNextDay } from '$lib/srs/day';
import { createScheduler, RATINGS, State, type CardState, type Rating } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NEW_YORK = 'America/New_York';
const ROME = 'Europe/Rome';
const KOLKATA = 'Asia/Kolkata';
const AUCKLAND = 'Pacific/Auckland';

const scheduler = (timeZone: string, dayStartHour = 4) =>
	createScheduler({ ...DEFAULT_SETTINGS, dayStartHour }, { timeZone });

/** A card that graduated with Easy at `at`: in Review, its history independent of the clock. */
function graduated(srs: ReturnType<typeof scheduler>, id: string, at: Date): CardState {
	return srs.rate(srs.newState(id, at), 'easy', at).state;
}

const addDays = (key: string, n: number) =>
	new Date(Date.parse(`${key}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe('elapsed days are learner days', () => {
	// Each case: two reviews at local wall-clock times (as UTC instants) `gap` learner days apart,
	// where the UTC calendar says otherwise.
	const cases = [
		// 18:00 EST (23:00Z) on 14 Jan, then 20:00 EST (01:00Z on the 17th) on 16 Jan: 2 days, UTC 3.
		{ zone: NEW_YORK, first: '2025-01-14T23:00:00Z', second: '2025-01-17T01:00:00Z', gap: 2 },
		// 05:00 IST on 10 Jan (23:30Z on the 9th), then 06:00 IST on 11 Jan (00:30Z): 1 day, UTC 2.
		{ zone: KOLKATA, first: '2025-01-09T23:30:00Z', second: '2025-01-11T00:30:00Z', gap: 1 },
		// 14:00 NZDT on 10 Jan (01:00Z), then 12:00 NZDT on 13 Jan (23:00Z on the 12th): 3 days, UTC 2.
		{ zone: AUCKLAND, first: '2025-01-10T01:00:00Z', second: '2025-01-12T23:00:00Z', gap: 3 }
	];

	for (const { zone, first, second, gap } of cases) {
		it(`counts ${gap} day(s) in ${zone}, in the log and for FSRS`, () => {
			const srs = scheduler(zone);
			const card = graduated(srs, 'card', new Date(first));
			const { state, log } = srs.rate(card, 'good', new Date(second));
			expect(log.elapsedDays).toBe(gap);
			expect(state.memory.elapsed_days).toBe(gap);

			// FSRS must have been given `gap` days: the same history at noon in UTC, `gap` days apart,
			// ends with the same memory state.
			const utc = scheduler('UTC', 0);
			const noon = new Date('2025-01-10T12:00:00Z');
			const reference = utc.rate(graduated(utc, 'card', noon), 'good', new Date(+noon + gap * DAY));
			expect(state.memory.stability).toBeCloseTo(reference.state.memory.stability, 10);
			expect(state.memory.scheduled_days).toBe(reference.state.memory.scheduled_days);
		});
	}

	it('labels a review interval in learner days, not in the hours until it is due', () => {
		// 21:00 EST: "2d" means the day after tomorrow, which starts 31 hours later at 04:00.
		const srs = scheduler(NEW_YORK);
		const now = new Date('2025-01-15T02:00:00Z');
		const preview = srs.preview(graduated(srs, 'label', now), now);
		for (const rating of ['hard', 'good', 'easy'] as const) {
			const { due, span, interval } = preview[rating];
			const days = Math.round(
				(Date.parse(`${dayKey(due, 4, NEW_YORK)}T00:00:00Z`) -
					Date.parse(`${dayKey(now, 4, NEW_YORK)}T00:00:00Z`)) /
					DAY
			);
			if (span.unit === 'day') {
				expect(span.count).toBe(days);
				expect(interval).toBe(`${days}d`);
			}
		}
	});
});

describe('due dates are learner days, across DST', () => {
	// Rome springs forward on 30 March 2025 and falls back on 26 October 2025. Reviews just after or
	// just before the day start are the ones a `now + N × 24 h` due date moved by a day.
	const reviews = [
		{ at: '2025-03-25T02:30:00Z', hour: 4 }, // 03:30 CET: still the learner day of 24 March
		{ at: '2025-03-25T03:15:00Z', hour: 4 }, // 04:15 CET
		{ at: '2025-10-20T02:30:00Z', hour: 4 }, // 04:30 CEST: 10 × 24 h later is 03:30 CET
		{ at: '2025-10-20T00:30:00Z', hour: 2 }, // 02:30 CEST, day start in the repeated hour
		{ at: '2025-03-25T01:30:00Z', hour: 2 } // 02:30 CET, day start in the skipped hour
	];

	for (const { at, hour } of reviews) {
		it(`keeps the learner day of a review at ${at} (day start ${hour}:00, Rome)`, () => {
			const srs = scheduler(ROME, hour);
			const now = new Date(at);
			const today = dayKey(now, hour, ROME);
			const change = at.startsWith('2025-03') ? '2025-03-30' : '2025-10-26';
			let crossed = 0;
			for (let i = 0; i < 40; i++) {
				const card = graduated(srs, `dst-${i}`, new Date(+now - 3 * DAY));
				for (const rating of ['hard', 'good', 'easy'] as const) {
					const { state } = srs.rate(card, rating, now);
					const days = state.memory.scheduled_days;
					const due = new Date(state.memory.due);
					expect(dayKey(due, hour, ROME)).toBe(addDays(today, days));
					// Shown from the start of that day, as Anki shows a review card all day.
					expect(due.getTime()).toBe(startOfDay(due, hour, ROME).getTime());
					if (dayKey(due, hour, ROME) > change) crossed++;
				}
			}
			// Some of these intervals did cross a DST change (else the test proves nothing).
			expect(crossed).toBeGreaterThan(0);
		});
	}
});

describe('a day start inside the DST hour', () => {
	const days = [
		{ zone: ROME, hour: 2, date: '2025-03-30', length: 23 },
		{ zone: ROME, hour: 2, date: '2025-10-26', length: 25 },
		{ zone: NEW_YORK, hour: 2, date: '2025-03-09', length: 23 },
		// New York falls back at 02:00 EDT to 01:00 EST: 2 November starts at 02:00 EST, so the long
		// day is the 1st.
		{ zone: NEW_YORK, hour: 2, date: '2025-11-01', length: 25 }
	];
	for (const { zone, hour, date, length } of days) {
		it(`puts every instant of ${date} in ${zone} in exactly one ${length}-hour day`, () => {
			// From 12 hours before the local midnight to 36 hours after, every 10 minutes.
			const from = Date.parse(`${date}T00:00:00Z`) - 12 * HOUR;
			for (let t = from; t < from + 48 * HOUR; t += 10 * 60_000) {
				const now = new Date(t);
				const start = startOfDay(now, hour, zone).getTime();
				const end = startOfNextDay(now, hour, zone).getTime();
				expect(start).toBeLessThanOrEqual(t);
				expect(end).toBeGreaterThan(t);
				expect(dayKey(new Date(start), hour, zone)).toBe(dayKey(now, hour, zone));
				expect(dayKey(new Date(start - 1), hour, zone)).not.toBe(dayKey(now, hour, zone));
			}
			const noon = new Date(`${date}T12:00:00Z`);
			const span =
				startOfNextDay(noon, hour, zone).getTime() - startOfDay(noon, hour, zone).getTime();
			expect(span).toBe(length * HOUR);
		});
	}
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('interval order', () => {
	it('gives Easy a later due date than Good, and Good than Hard, on every state', () => {
		const next = random(14);
		const zones = [NEW_YORK, ROME, KOLKATA, AUCKLAND];
		const seen = new Set<State>();
		for (let c = 0; c < 80; c++) {
			const zone = zones[c % zones.length];
			const srs = scheduler(zone);
			let now = new Date(Date.UTC(2025, 0, 1) + next() * 365 * DAY);
			let state = srs.newState(`order-${c}`, now);
			for (let r = 0; r < 12; r++) {
				const preview = srs.preview(state, now);
				seen.add(state.memory.state);
				const due = (rating: Rating) => preview[rating].due.getTime();
				expect(due('easy')).toBeGreaterThan(due('good'));
				expect(due('good')).toBeGreaterThan(due('hard'));
				const rating = RATINGS[Math.floor(next() * 4)];
				state = srs.rate(state, rating, now).state;
				// Early, on time or late: anything from 5 minutes after to twice the interval.
				const wait = Date.parse(state.memory.due) - now.getTime();
				now = new Date(now.getTime() + 5 * 60_000 + next() * 2 * Math.max(wait, 0));
			}
		}
		expect([...seen].sort()).toEqual([State.New, State.Learning, State.Review, State.Relearning]);
		// About a second alone; more on a machine shared with other test runs.
	}, 20_000);
});
