import { describe, expect, it } from 'vitest';
import { createScheduler, type CardState, type Rating, type ReviewLog } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { MAX_ANSWER_MS, summarizeSession } from '$lib/srs/summary';

const scheduler = createScheduler(DEFAULT_SETTINGS, { timeZone: 'Europe/Rome' });
const START = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

/** Rates cards as a learner would, in order: `[card, rating, seconds after the start]`. */
function session(steps: [string, Rating, number][], before = new Map<string, CardState>()) {
	const states = new Map(before);
	const log: ReviewLog[] = [];
	for (const [id, rating, seconds] of steps) {
		const current = states.get(id) ?? scheduler.newState(id, at(seconds));
		const result = scheduler.rate(current, rating, at(seconds));
		states.set(id, result.state);
		log.push(result.log);
	}
	return log;
}

describe('the session summary', () => {
	it('counts cards once, reviews by what the card was, and ratings', () => {
		// `a` is forgotten and comes back within the session: two reviews, one card.
		const log = session([
			['a', 'again', 20],
			['b', 'good', 40],
			['c', 'easy', 50],
			['a', 'good', 70]
		]);
		const summary = summarizeSession(log, START);
		expect(summary.cards).toBe(3);
		expect(summary.reviews).toBe(4);
		expect(summary.byState).toEqual({ new: 3, learning: 1, review: 0 });
		expect(summary.byRating).toEqual({ again: 1, hard: 0, good: 2, easy: 1 });
		expect(summary.right).toBe(0.75);
		expect(summary.timeMs).toBe(70_000);
	});

	it('counts a card due for review as a review, a lapse as Again', () => {
		// Learnt ten days ago (two Goods made it a review card), forgotten now.
		let state = scheduler.newState('a', at(-10 * 86_400));
		for (const rating of ['good', 'good'] as const)
			state = scheduler.rate(state, rating, at(-10 * 86_400 + 600)).state;
		const log = session([['a', 'again', 30]], new Map([['a', state]]));
		const summary = summarizeSession(log, START);
		expect(summary.byState).toEqual({ new: 0, learning: 0, review: 1 });
		expect(summary.right).toBe(0);
	});

	it('caps a long pause, in any order of the log', () => {
		const log = session([
			['a', 'good', 30],
			['b', 'good', 30 + 3600],
			['c', 'hard', 30 + 3600 + 15]
		]);
		const summary = summarizeSession([...log].reverse(), START);
		expect(summary.timeMs).toBe(30_000 + MAX_ANSWER_MS + 15_000);
	});

	it('has no share right and no time without reviews', () => {
		expect(summarizeSession([], START)).toEqual({
			cards: 0,
			reviews: 0,
			byState: { new: 0, learning: 0, review: 0 },
			byRating: { again: 0, hard: 0, good: 0, easy: 0 },
			right: null,
			timeMs: 0
		});
	});
});
