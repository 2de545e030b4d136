/**
 * Numbers that agree (issue 14, point 4): the study counts, the statistics' "due today" and the done
 * screen's next review, on the same states, log and clock.
 */
import { describe, expect, it } from 'vitest';
import { startOfDay, startOfNextDay } from '$lib/srs/day';
import { buildQueue, type QueueCard } from '$lib/srs/queue';
import { State, type MemoryState } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS, type SrsSettings } from '$lib/srs/settings';
import { computeStats } from '$lib/srs/stats';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONES = ['America/New_York', 'Europe/Rome', 'Asia/Kolkata', 'Pacific/Auckland'];
const WIDE: SrsSettings = {
	...DEFAULT_SETTINGS,
	limits: {
		facts: { newPerDay: 9999, reviewsPerDay: 9999 },
		vocab: { newPerDay: 9999, reviewsPerDay: 9999 }
	}
};

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function memory(state: State, due: number): MemoryState {
	return {
		due: new Date(due).toISOString(),
		stability: 5,
		difficulty: 5,
		elapsed_days: 1,
		scheduled_days: state === State.Review ? 3 : 0,
		learning_steps: 0,
		reps: 3,
		lapses: 0,
		state,
		last_review: new Date(due - DAY).toISOString()
	};
}

/** A deck of one track with seeded states: new, learning (some waiting today), review, relearning. */
function deck(seed: number, now: Date) {
	const next = random(seed);
	const cards: QueueCard[] = [];
	const states = new Map<string, StateRecord>();
	const log: ReviewRecord[] = [];
	for (let i = 0; i < 120; i++) {
		const id = `c${i}`;
		cards.push({ id, track: 'facts', sibling: id });
		const kind = Math.floor(next() * 4);
		if (kind === 0) continue; // new
		const t = now.getTime();
		const [state, due] =
			kind === 1
				? [State.Learning, t + (next() * 30 - 2) * HOUR]
				: kind === 2
					? [State.Review, t + (next() * 30 - 10) * DAY]
					: [State.Relearning, t + (next() * 20 - 2) * HOUR];
		states.set(id, { id, track: 'facts', article: 'a', memory: memory(state, due) });
		if (next() < 0.3) {
			log.push({
				cardId: id,
				track: 'facts',
				article: 'a',
				rating: 'good',
				reviewedAt: new Date(t - next() * HOUR).toISOString(),
				previousState: State.Review,
				previousDue: new Date(t - DAY).toISOString(),
				elapsedDays: 1,
				scheduledDays: 3,
				stability: 5,
				difficulty: 5
			});
		}
	}
	return { cards, states, log };
}

describe('study counts and statistics', () => {
	it('agree on what is due today, in every zone, with cards waiting for a later step', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const timeZone = ZONES[seed % ZONES.length];
			const now = new Date(Date.UTC(2025, 0, 1) + random(seed * 7)() * 365 * DAY);
			const { cards, states, log } = deck(seed, now);
			const input = { cards, states, todaysLog: log, settings: WIDE, now, track: 'facts' as const };
			const queue = buildQueue({ ...input, timeZone });
			const stats = computeStats({ states, reviews: log, settings: WIDE, now, timeZone });
			expect(queue.counts.learning + queue.counts.review).toBe(stats.dueToday);

			// Studied until the queue is empty: only the cards of later days and later steps are left.
			const later = new Map(
				[...states].filter(
					([, s]) =>
						s.memory.state !== State.Review &&
						Date.parse(s.memory.due) > now.getTime() + 30 * 60_000
				)
			);
			const done = buildQueue({
				...input,
				cards: cards.filter((c) => later.has(c.id)),
				states: later,
				timeZone
			});
			const next = done.nextDueAt ?? done.nextDay;
			expect(done.next).toBeNull();
			expect(next!.getTime()).toBeGreaterThan(now.getTime());
		}
	});

	it('names tomorrow, not an overdue date, when the daily limit holds due reviews back', () => {
		const timeZone = 'Europe/Rome';
		const now = new Date('2025-01-15T20:00:00Z');
		const cards = ['a', 'b', 'c'].map((id) => ({ id, track: 'facts' as const, sibling: id }));
		const states = new Map(
			cards.map((c) => [
				c.id,
				{
					id: c.id,
					track: 'facts' as const,
					article: 'a',
					memory: memory(State.Review, +now - 5 * DAY)
				}
			])
		);
		const settings: SrsSettings = {
			...DEFAULT_SETTINGS,
			limits: { ...DEFAULT_SETTINGS.limits, facts: { newPerDay: 20, reviewsPerDay: 0 } }
		};
		const queue = buildQueue({
			cards,
			states,
			todaysLog: [],
			settings,
			now,
			track: 'facts',
			timeZone
		});
		expect(queue.next).toBeNull();
		expect(queue.nextDay).toEqual(startOfNextDay(now, settings.dayStartHour, timeZone));
		// Statistics still say what is due, limit or not, as Anki's do.
		expect(computeStats({ states, reviews: [], settings, now, timeZone }).dueToday).toBe(3);
	});

	it('names the start of the learner day of the next review when nothing is held back', () => {
		const timeZone = 'America/New_York';
		const now = new Date('2025-01-15T20:00:00Z');
		const due = new Date(+now + 4 * DAY + 3 * HOUR);
		const cards = [{ id: 'a', track: 'facts' as const, sibling: 'a' }];
		const states = new Map([['a', { id: 'a', memory: memory(State.Review, +due) }]]);
		const queue = buildQueue({
			cards,
			states,
			todaysLog: [],
			settings: WIDE,
			now,
			track: 'facts',
			timeZone
		});
		expect(queue.nextDay).toEqual(startOfDay(due, WIDE.dayStartHour, timeZone));
	});
});
