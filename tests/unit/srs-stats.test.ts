import { describe, expect, it } from 'vitest';
import type { Track } from '$lib/cards/types';
import type { Rating } from '$lib/srs/scheduler';
import { State } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { computeStats, STATS_DAYS, type StatsInput } from '$lib/srs/stats';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';

const ROME = 'Europe/Rome';
// 10:00 in Rome (UTC+1) on 15 January; the learner's day runs from 03:00Z today to 03:00Z on the 16th.
const NOW = new Date('2025-01-15T09:00:00Z');
const DAY = 86_400_000;

function state(
	id: string,
	s: State,
	due: string,
	opts: { track?: Track; scheduledDays?: number } = {}
): StateRecord {
	return {
		id,
		track: opts.track ?? 'facts',
		article: 'mosca-pyongyang',
		memory: {
			due,
			stability: 5,
			difficulty: 5,
			elapsed_days: 3,
			scheduled_days: opts.scheduledDays ?? 3,
			learning_steps: 0,
			reps: 3,
			lapses: 0,
			state: s,
			last_review: '2025-01-10T09:00:00.000Z'
		}
	};
}

function review(
	reviewedAt: string,
	rating: Rating,
	previousState = State.Review,
	track: Track = 'facts'
): ReviewRecord {
	return {
		cardId: 'c',
		track,
		article: 'mosca-pyongyang',
		rating,
		reviewedAt,
		previousState,
		previousDue: reviewedAt,
		elapsedDays: 3,
		scheduledDays: 5,
		stability: 5,
		difficulty: 5
	};
}

function stats(
	states: StateRecord[],
	reviews: ReviewRecord[] = [],
	extra: Partial<StatsInput> = {}
) {
	return computeStats({
		states: new Map(states.map((s) => [s.id, s])),
		reviews,
		settings: DEFAULT_SETTINGS,
		now: NOW,
		timeZone: ROME,
		...extra
	});
}

describe('computeStats', () => {
	it('puts a card due at 03:59 local in today and one due at 04:00 in tomorrow', () => {
		const s = stats([
			state('a', State.Review, '2025-01-16T02:59:00Z'), // 03:59 on the 16th: still today
			state('b', State.Review, '2025-01-16T03:00:00Z'), // 04:00 on the 16th: tomorrow
			state('c', State.Review, '2025-01-17T02:59:00Z'), // still tomorrow
			state('d', State.Review, '2025-01-17T03:00:00Z') // the day after
		]);
		expect(s.dueToday).toBe(1);
		expect(s.dueTomorrow).toBe(2);
		expect(s.forecast.slice(0, 3)).toEqual([1, 2, 1]);
		expect(s.forecastDays.slice(0, 3)).toEqual(['2025-01-15', '2025-01-16', '2025-01-17']);
	});

	it('counts overdue cards, even months late, and learning cards due later today, as today', () => {
		const s = stats([
			state('late', State.Review, '2024-10-01T09:00:00Z'),
			state('yesterday', State.Review, '2025-01-14T20:00:00Z'),
			state('learning', State.Learning, '2025-01-15T09:10:00Z'),
			state('relearning', State.Relearning, '2025-01-15T22:00:00Z')
		]);
		expect(s.dueToday).toBe(4);
		expect(s.forecast.reduce((a, b) => a + b, 0)).toBe(4);
	});

	it('gives 30 forecast days and leaves out cards due after them', () => {
		const s = stats([
			state('last', State.Review, '2025-02-14T02:59:00Z'), // day 29 ends 03:00Z on 14 Feb
			state('beyond', State.Review, '2025-02-14T03:00:00Z')
		]);
		expect(s.forecast).toHaveLength(STATS_DAYS);
		expect(s.forecast[29]).toBe(1);
		expect(s.forecast.reduce((a, b) => a + b, 0)).toBe(1);
		expect(s.forecastDays[29]).toBe('2025-02-13');
	});

	it('keeps days aligned across daylight saving time (Rome moves to UTC+2 on 30 March)', () => {
		const now = new Date('2025-03-28T09:00:00Z');
		const s = stats(
			[
				// 04:00 local on 30 March is 02:00Z: the first instant of day 2.
				state('a', State.Review, '2025-03-30T01:59:00Z'),
				state('b', State.Review, '2025-03-30T02:00:00Z')
			],
			[],
			{ now }
		);
		expect(s.forecast.slice(0, 3)).toEqual([0, 1, 1]);
		expect(s.forecastDays.slice(0, 3)).toEqual(['2025-03-28', '2025-03-29', '2025-03-30']);
	});

	it('counts true retention only on reviews of cards that were in Review', () => {
		const s = stats(
			[],
			[
				review('2025-01-15T08:00:00Z', 'good'),
				review('2025-01-15T08:01:00Z', 'hard'),
				review('2025-01-14T08:00:00Z', 'easy'),
				review('2025-01-13T08:00:00Z', 'again'),
				// Learning and relearning steps, and new cards, say nothing about long-term memory.
				review('2025-01-15T08:02:00Z', 'again', State.Learning),
				review('2025-01-15T08:03:00Z', 'again', State.Relearning),
				review('2025-01-15T08:04:00Z', 'again', State.New)
			]
		);
		expect(s.trueRetention).toEqual({ rate: 0.75, reviews: 4 });
	});

	it('counts reviews per learner day, split by rating, within the last 30 days only', () => {
		const s = stats(
			[],
			[
				review('2025-01-15T08:00:00Z', 'good'),
				review('2025-01-15T02:30:00Z', 'again'), // 03:30 local: yesterday's learner day
				review('2025-01-14T10:00:00Z', 'hard'),
				review('2024-12-17T03:00:00Z', 'again'), // first instant of the window (day −29)
				review('2024-12-17T02:59:00Z', 'again'), // just before the window
				review('2025-01-16T03:00:00Z', 'easy') // tomorrow (a clock set back): not counted
			]
		);
		expect(s.reviewsPerDay).toHaveLength(STATS_DAYS);
		const today = s.reviewsPerDay[STATS_DAYS - 1];
		const yesterday = s.reviewsPerDay[STATS_DAYS - 2];
		expect(today).toEqual({ day: '2025-01-15', total: 1, again: 0, hard: 0, good: 1, easy: 0 });
		expect(yesterday).toEqual({ day: '2025-01-14', total: 2, again: 1, hard: 1, good: 0, easy: 0 });
		expect(s.reviewsPerDay[0]).toMatchObject({ day: '2024-12-17', total: 1, again: 1 });
		expect(s.reviewsPerDay.reduce((n, d) => n + d.total, 0)).toBe(4);
		// Retention uses the same window: 1 good + 1 hard of 4 judged, the old again left out.
		expect(s.trueRetention).toEqual({ rate: 0.5, reviews: 4 });
		expect(s.totalReviews).toBe(6);
	});

	it('places dates written with an offset or without milliseconds like the app-written ones', () => {
		const s = stats(
			[state('a', State.Review, '2025-01-16T03:59:00+01:00')],
			[
				review('2025-01-15T03:30:00+01:00', 'good'), // yesterday's learner day
				review('2025-01-15T09:00:00Z', 'again'),
				review('2024-12-17T03:59:00+01:00', 'easy') // before the window
			]
		);
		expect(s.dueToday).toBe(1);
		expect(s.reviewsPerDay.slice(-2).map((d) => d.total)).toEqual([1, 1]);
		expect(s.trueRetention).toEqual({ rate: 0.5, reviews: 2 });
	});

	it('gives zeros and no retention for no data', () => {
		const s = stats([], [], { totalCards: { facts: 12, vocab: 0 } });
		expect(s.dueToday).toBe(0);
		expect(s.dueTomorrow).toBe(0);
		expect(s.forecast).toEqual(new Array(STATS_DAYS).fill(0));
		expect(s.reviewsPerDay.every((d) => d.total === 0)).toBe(true);
		expect(s.trueRetention).toBeNull();
		expect(s.totalReviews).toBe(0);
		expect(s.byState).toEqual({ new: 12, learning: 0, review: 0, relearning: 0, mature: 0 });
	});

	it('counts cards by state, new ones from the deck size, mature ones from 21 days', () => {
		const s = stats(
			[
				state('l', State.Learning, '2025-01-15T09:10:00Z'),
				state('r', State.Review, '2025-01-20T09:00:00Z', { scheduledDays: 20 }),
				state('m', State.Review, '2025-02-20T09:00:00Z', { scheduledDays: 21 }),
				state('x', State.Relearning, '2025-01-15T09:10:00Z')
			],
			[],
			{ totalCards: { facts: 10 } }
		);
		expect(s.byState).toEqual({ new: 6, learning: 1, review: 2, relearning: 1, mature: 1 });
	});

	it('keeps the tracks apart, and adds them up when no track is given', () => {
		const states = [
			state('f1', State.Review, '2025-01-15T05:00:00Z'),
			state('v1', State.Review, '2025-01-15T05:00:00Z', { track: 'vocab' }),
			state('v2', State.Learning, '2025-01-16T05:00:00Z', { track: 'vocab' })
		];
		const reviews = [
			review('2025-01-15T08:00:00Z', 'again'),
			review('2025-01-15T08:00:00Z', 'good', State.Review, 'vocab')
		];
		const totalCards = { facts: 5, vocab: 7 };
		const facts = stats(states, reviews, { track: 'facts', totalCards });
		const vocab = stats(states, reviews, { track: 'vocab', totalCards });
		const all = stats(states, reviews, { totalCards });

		expect([facts.dueToday, facts.dueTomorrow, facts.byState.new]).toEqual([1, 0, 4]);
		expect(facts.trueRetention).toEqual({ rate: 0, reviews: 1 });
		expect([vocab.dueToday, vocab.dueTomorrow, vocab.byState.new]).toEqual([1, 1, 5]);
		expect(vocab.trueRetention).toEqual({ rate: 1, reviews: 1 });
		expect([all.dueToday, all.dueTomorrow, all.byState.new]).toEqual([2, 1, 9]);
		expect(all.trueRetention).toEqual({ rate: 0.5, reviews: 2 });
	});

	it('does not count new states as started, nor states of removed cards below zero new', () => {
		const s = stats(
			[
				state('n', State.New, '2025-01-15T09:00:00Z'),
				state('gone1', State.Review, '2025-03-01T09:00:00Z'),
				state('gone2', State.Review, '2025-03-01T09:00:00Z')
			],
			[],
			{ totalCards: { facts: 1 } }
		);
		expect(s.dueToday).toBe(0);
		expect(s.byState.new).toBe(0);
		expect(s.byState.review).toBe(2);
	});

	it('reads the window from the clock it is given, not the machine one', () => {
		const reviews = [review(new Date(NOW.getTime() - 40 * DAY).toISOString(), 'good')];
		expect(stats([], reviews).trueRetention).toBeNull();
		const earlier = new Date(NOW.getTime() - 20 * DAY);
		expect(stats([], reviews, { now: earlier }).trueRetention).toEqual({ rate: 1, reviews: 1 });
	});
});
