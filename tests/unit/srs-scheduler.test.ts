import { describe, expect, it } from 'vitest';
import { createScheduler, formatInterval, State, type CardState } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = new Date('2025-03-10T09:00:00Z');
const srs = createScheduler(DEFAULT_SETTINGS);

/** Rates `good` at each due date, `times` times, starting from a new card. */
function goodStreak(id: string, times: number): { state: CardState; now: Date } {
	let state = srs.newState(id, T0);
	let now = T0;
	for (let i = 0; i < times; i++) {
		state = srs.rate(state, 'good', now).state;
		now = new Date(state.memory.due);
	}
	return { state, now };
}

const dueMs = (s: CardState) => Date.parse(s.memory.due);

describe('scheduler', () => {
	it('takes a new card through the 10-minute step to Review', () => {
		const first = srs.rate(srs.newState('c1', T0), 'good', T0).state;
		expect(first.memory.state).toBe(State.Learning);
		expect(dueMs(first) - T0.getTime()).toBe(10 * MIN);

		const at = new Date(first.memory.due);
		const second = srs.rate(first, 'good', at).state;
		expect(second.memory.state).toBe(State.Review);
		expect(second.memory.scheduled_days).toBeGreaterThanOrEqual(1);
		expect(dueMs(second) - at.getTime()).toBeGreaterThanOrEqual(DAY);
	});

	it('brings a new card rated Again back after 1 minute', () => {
		const state = srs.newState('c1', T0);
		expect(srs.preview(state, T0).again.interval).toBe('1m');
		const again = srs.rate(state, 'again', T0).state;
		expect(dueMs(again) - T0.getTime()).toBe(MIN);
		expect(again.memory.state).toBe(State.Learning);
	});

	it('shows Anki-style intervals on the buttons of a new card', () => {
		const p = srs.preview(srs.newState('c1', T0), T0);
		expect(p.again.interval).toBe('1m');
		expect(p.hard.interval).toBe('6m');
		expect(p.good.interval).toBe('10m');
		expect(p.easy.interval).toMatch(/^\d+d$/);
	});

	it('brings a card back exactly when the preview said, in learning and in review', () => {
		for (const steps of [0, 1, 2, 4]) {
			const { state, now } = goodStreak(`card-${steps}`, steps);
			const preview = srs.preview(state, now);
			for (const answer of ['again', 'hard', 'good', 'easy'] as const) {
				const rated = srs.rate(state, answer, now).state;
				expect(dueMs(rated)).toBe(preview[answer].due.getTime());
			}
		}
	});

	it('fuzzes long intervals per card, the same way every time for one card', () => {
		const intervals = new Set<number>();
		for (let i = 0; i < 20; i++) {
			const { state } = goodStreak(`fact-${i}`, 5);
			intervals.add(state.memory.scheduled_days);
		}
		// Same history, different ids: the intervals spread (Anki's fuzz).
		expect(intervals.size).toBeGreaterThan(1);

		const a = goodStreak('fact-7', 5).state;
		const b = goodStreak('fact-7', 5).state;
		expect(b).toEqual(a);
		expect(a.memory.scheduled_days).toBeGreaterThan(7);
	});

	it('gives the same interval whenever the preview is computed on the same day', () => {
		const { state, now } = goodStreak('c9', 3);
		const later = new Date(now.getTime() + 3 * 60 * MIN);
		const p1 = srs.preview(state, later);
		const p2 = srs.preview(structuredClone(state), later);
		expect(p2.good.due).toEqual(p1.good.due);
	});

	it('leaves the state it rates untouched, so the copy the caller keeps undoes the review exactly', () => {
		const { state, now } = goodStreak('c2', 3);
		const before = structuredClone(state);
		const { state: after, log } = srs.rate(state, 'again', now);
		expect(after.memory.lapses).toBe(1);
		expect(state).toEqual(before);
		expect(JSON.parse(JSON.stringify(state))).toEqual(before);
		// Restoring the kept state gives back the old due date (ts-fsrs rollback would not).
		expect(after.memory.due).not.toBe(before.memory.due);
		expect(log).toMatchObject({
			cardId: 'c2',
			rating: 'again',
			reviewedAt: now.toISOString(),
			previousState: State.Review,
			previousDue: before.memory.due
		});
		expect(log.elapsedDays).toBeGreaterThanOrEqual(1);
	});

	it('keeps the history through JSON, so a reloaded card gets the same next interval', () => {
		const { state, now } = goodStreak('c3', 4);
		const reloaded = JSON.parse(JSON.stringify(state)) as CardState;
		expect(reloaded).toEqual(state);
		expect(reloaded.memory.last_review).toBe(state.memory.last_review);
		expect(srs.rate(reloaded, 'good', now).state).toEqual(srs.rate(state, 'good', now).state);
		// The guard is real: a card that lost its last review (pitfall 1) gets another interval.
		const amnesic = { ...reloaded, memory: { ...reloaded.memory, last_review: null } };
		expect(srs.preview(amnesic, now).good.due).not.toEqual(srs.preview(reloaded, now).good.due);
	});

	it('uses the desired retention: higher retention, shorter intervals', () => {
		const strict = createScheduler({ ...DEFAULT_SETTINGS, desiredRetention: 0.97 });
		const { state, now } = goodStreak('c4', 3);
		expect(strict.preview(state, now).good.due.getTime()).toBeLessThan(
			srs.preview(state, now).good.due.getTime()
		);
	});
});

describe('formatInterval', () => {
	it('prints spans like Anki', () => {
		expect(formatInterval(30_000)).toBe('30s');
		expect(formatInterval(MIN)).toBe('1m');
		expect(formatInterval(10 * MIN)).toBe('10m');
		expect(formatInterval(3 * 60 * MIN)).toBe('3h');
		expect(formatInterval(DAY)).toBe('1d');
		expect(formatInterval(3 * DAY)).toBe('3d');
		expect(formatInterval(64 * DAY)).toBe('2.1mo');
		expect(formatInterval(548 * DAY)).toBe('1.5y');
	});
});
