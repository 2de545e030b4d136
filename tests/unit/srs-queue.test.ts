import { describe, expect, it } from 'vitest';
import type { Track } from '$lib/cards/types';
import { reviewsSince } from '$lib/srs/log';
import { buildQueue, type QueueCard } from '$lib/srs/queue';
import { createScheduler, State, type CardState, type ReviewLog } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS, type SrsSettings } from '$lib/srs/settings';
import { settled } from '../helpers/memory';

const ROME = 'Europe/Rome';
const MIN = 60_000;
// 10:00 in Rome (UTC+1); the learner's day runs from 03:00Z today to 03:00Z tomorrow.
const NOW = new Date('2025-01-15T09:00:00Z');
const at = (iso: string) => new Date(iso);
const minutes = (n: number) => new Date(NOW.getTime() + n * MIN);

function card(id: string, sibling = id, track: Track = 'facts'): QueueCard {
	return { id, track, sibling };
}

const stateOf = (id: string, state: State, due: Date): CardState => settled(id, due, state);

function review(cardId: string, previousState: State, when = minutes(-30)): ReviewLog {
	return {
		cardId,
		rating: 'good',
		reviewedAt: when.toISOString(),
		previousState,
		previousDue: when.toISOString(),
		elapsedDays: 0,
		scheduledDays: 1,
		stability: 5,
		difficulty: 5
	};
}

function queue(
	cards: QueueCard[],
	states: CardState[] = [],
	todaysLog: ReviewLog[] = [],
	opts: { now?: Date; settings?: SrsSettings; track?: Track } = {}
) {
	return buildQueue({
		cards,
		states: new Map(states.map((s) => [s.id, s])),
		todaysLog,
		settings: opts.settings ?? DEFAULT_SETTINGS,
		now: opts.now ?? NOW,
		track: opts.track ?? 'facts',
		timeZone: ROME
	});
}

const range = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('buildQueue', () => {
	it('shows due learning cards before due reviews and new cards, and counts each kind', () => {
		const cards = [card('n1'), card('r1'), card('l1'), card('l2'), card('l3')];
		const states = [
			stateOf('r1', State.Review, minutes(-1440)),
			stateOf('l1', State.Learning, minutes(-1)),
			stateOf('l2', State.Relearning, minutes(5)),
			// Due after the next 4 a.m.: tomorrow's, not today's.
			stateOf('l3', State.Learning, at('2025-01-16T03:10:00Z'))
		];
		const q = queue(cards, states);
		expect(q.next).toBe('l1');
		// Learning counts the card waiting 5 minutes too, as Anki's deck list does.
		expect(q.counts).toEqual({ new: 1, learning: 2, review: 1 });
		expect(q.nextDueAt).toBeNull();
	});

	it('takes reviews due before the next 4 a.m., earliest first', () => {
		const cards = [card('tonight'), card('early'), card('tomorrow')];
		const states = [
			stateOf('tonight', State.Review, at('2025-01-16T02:30:00Z')),
			stateOf('early', State.Review, at('2025-01-13T08:00:00Z')),
			stateOf('tomorrow', State.Review, at('2025-01-16T03:00:00Z'))
		];
		const q = queue(cards, states);
		expect(q.next).toBe('early');
		expect(q.counts.review).toBe(2);
	});

	it('learns ahead, as Anki does, when nothing else is left: learning cards due within 20 min', () => {
		const cards = [card('l1'), card('l2'), card('l3'), card('r1')];
		const states = [
			stateOf('l1', State.Learning, minutes(8)),
			stateOf('l2', State.Learning, minutes(3)),
			stateOf('l3', State.Learning, minutes(45)),
			stateOf('r1', State.Review, at('2025-01-20T09:00:00Z'))
		];
		const q = queue(cards, states);
		expect(q.next).toBe('l2');
		expect(q.counts).toEqual({ new: 0, learning: 3, review: 0 });
		expect(q.nextDueAt).toBeNull();
		// With a new card left, that comes first: learning ahead waits until nothing else is.
		expect(queue([...cards, card('n1')], states).next).toBe('n1');
	});

	it('says when the next learning card is due once nothing is within the learn-ahead limit', () => {
		const cards = [card('l1'), card('r1')];
		const states = [
			stateOf('l1', State.Learning, minutes(45)),
			stateOf('r1', State.Review, at('2025-01-20T09:00:00Z'))
		];
		const q = queue(cards, states);
		expect(q.next).toBeNull();
		// Nothing to show for now, but the learner sees that one card is still waiting today.
		expect(q.counts).toEqual({ new: 0, learning: 1, review: 0 });
		expect(q.nextDueAt).toEqual(minutes(45));
		expect(q.nextDay).toBeNull();
		expect(queue(cards, states, [], { now: minutes(25) }).next).toBe('l1');
	});

	it('introduces at most 20 new cards a day, in the given order, counting those done today', () => {
		const ids = range(30, 'n');
		const cards = ids.map((id) => card(id));
		expect(queue(cards).counts.new).toBe(20);
		expect(queue(cards).next).toBe('n0');

		// n0–n4 were introduced this morning and are now in Review for tomorrow.
		const done = ids.slice(0, 5);
		const states = done.map((id) => stateOf(id, State.Review, at('2025-01-16T09:00:00Z')));
		const log = done.map((id) => review(id, State.New));
		const q = queue(cards, states, log);
		expect(q.counts.new).toBe(15);
		expect(q.next).toBe('n5');

		const all = ids.slice(0, 20).map((id) => review(id, State.New));
		expect(queue(cards, [], all).counts.new).toBe(0);
	});

	it('resets the new-card limit at 4 a.m., not at midnight', () => {
		const ids = range(40, 'n');
		const cards = ids.map((id) => card(id));
		// 20 new cards at 22:00 Rome on 14 January; the caller passes the log of the last 24 hours.
		const evening = ids.slice(20).map((id) => review(id, State.New, at('2025-01-14T21:00:00Z')));
		const cardsAll = (now: Date) => queue(cards, [], evening, { now }).counts.new;
		expect(cardsAll(at('2025-01-14T23:30:00Z'))).toBe(0); // 00:30: same learner day
		expect(cardsAll(at('2025-01-15T02:59:00Z'))).toBe(0); // 03:59
		expect(cardsAll(at('2025-01-15T03:00:00Z'))).toBe(20); // 04:00: a new day
	});

	it('caps reviews per day, counting reviews done today', () => {
		const settings = validSettings({ reviewsPerDay: 3 });
		const due = range(5, 'r');
		const cards = [...due, 'done'].map((id) => card(id));
		const states = [
			...due.map((id, i) => stateOf(id, State.Review, minutes(-60 - i))),
			stateOf('done', State.Review, at('2025-01-18T09:00:00Z'))
		];
		expect(queue(cards, states, [], { settings }).counts.review).toBe(3);
		const q = queue(cards, states, [review('done', State.Review)], { settings });
		expect(q.counts.review).toBe(2);
		expect(q.next).toBe('r4');
		const spent = ['done', 'done', 'done'].map((id) => review(id, State.Review));
		expect(queue(cards, states, spent, { settings }).next).toBeNull();
	});

	it('lets the review limit bound new cards too, as Anki does: a backlog is not made worse', () => {
		const settings = validSettings({ reviewsPerDay: 5 });
		const cards = [...range(5, 'r'), ...range(5, 'n')].map((id) => card(id));
		const dueStates = (n: number) =>
			range(n, 'r').map((id, i) => stateOf(id, State.Review, minutes(-60 - i)));
		// Five reviews due fill the limit: no new card today.
		expect(queue(cards, dueStates(5), [], { settings }).counts).toEqual({
			new: 0,
			learning: 0,
			review: 5
		});
		// Three due leave room for two new cards; one new card studied already takes one place.
		expect(queue(cards, dueStates(3), [], { settings }).counts.new).toBe(2);
		const studied = [review('r4', State.New)];
		expect(queue(cards, dueStates(3), studied, { settings }).counts.new).toBe(1);
		// With no room at all, nothing new is shown, and the queue says it is done.
		expect(
			queue(
				range(5, 'n').map((id) => card(id)),
				[],
				[],
				{ settings: validSettings({ reviewsPerDay: 0 }) }
			).next
		).toBeNull();
	});

	it('buries siblings of a card reviewed today or in learning, but shows learning cards', () => {
		const cards = [card('a1', 'A'), card('a2', 'A'), card('b1', 'B'), card('b2', 'B'), card('c1')];
		const states = [
			stateOf('a1', State.Review, at('2025-01-16T09:00:00Z')),
			stateOf('b1', State.Learning, minutes(-1)),
			stateOf('b2', State.Review, minutes(-600))
		];
		const q = queue(cards, states, [review('a1', State.New)]);
		expect(q.next).toBe('b1');
		// a2 (sibling reviewed today) and b2 (sibling in learning) wait for tomorrow.
		expect(q.counts).toEqual({ new: 1, learning: 1, review: 0 });
		const tomorrow = queue(cards, states.slice(0, 1), [], { now: at('2025-01-16T09:00:00Z') });
		expect(tomorrow.counts).toEqual({ new: 4, learning: 0, review: 1 });
	});

	it('mixes new cards among reviews so both run out together', () => {
		const due = range(10, 'r');
		const done = range(10, 'd');
		const cards = [...due, ...done, 'n1', 'n2'].map((id) => card(id));
		const states = [
			...due.map((id) => stateOf(id, State.Review, minutes(-60))),
			...done.map((id) => stateOf(id, State.Review, at('2025-01-18T09:00:00Z')))
		];
		// 10 reviews and 2 new today: the first new card after 10 reviews.
		expect(queue(cards, states).next).toBe('r0');
		const log9 = done.slice(0, 9).map((id) => review(id, State.Review));
		expect(queue(cards, states, log9).next).toBe('r0');
		const log10 = done.map((id) => review(id, State.Review));
		expect(queue(cards, states, log10).next).toBe('n1');
		// Only new cards left: they come at once.
		expect(queue(['n1', 'n2'].map((id) => card(id))).next).toBe('n1');
	});

	it('keeps tracks apart: limits and counts per track', () => {
		const cards = [card('f1'), card('v1', 'v1', 'vocab'), card('v2', 'v2', 'vocab')];
		const settings = validSettings({ newPerDay: 1 });
		const log = [review('v1', State.New)];
		const states = [stateOf('v1', State.Review, at('2025-01-18T09:00:00Z'))];
		expect(queue(cards, states, log, { settings }).counts.new).toBe(1);
		expect(queue(cards, states, log, { settings, track: 'vocab' }).counts.new).toBe(0);
	});

	// How fast is `npm run bench`'s business (SRS section): a busy machine must not fail a test.
	it('handles 20,000 cards and 200,000 reviews', () => {
		const ids = range(20_000, 'c');
		const cards = ids.map((id, i) => card(id, `s${i >> 1}`));
		const states = ids
			.filter((_, i) => i % 2 === 0)
			.map((id, i) => stateOf(id, State.Review, minutes((i % 5000) - 2500)));
		const log = Array.from({ length: 200_000 }, (_, i) =>
			review(ids[(i * 7) % 20_000], State.Review, minutes(-(i % 300) - 1))
		);
		const q = queue(cards, states, log);
		expect(q.counts.review).toBe(0);
	});
});

function validSettings(limits: Partial<SrsSettings['limits']['facts']>): SrsSettings {
	const s = structuredClone(DEFAULT_SETTINGS);
	s.limits.facts = { ...s.limits.facts, ...limits };
	s.limits.vocab = { ...s.limits.vocab, ...limits };
	return s;
}

describe('reviewsSince', () => {
	it('keeps the reviews from a moment on, whatever the date notation', () => {
		const start = new Date('2026-11-23T03:00:00.000Z');
		const reviews = [
			{ reviewedAt: '2026-11-23T02:59:59.999Z' },
			{ reviewedAt: '2026-11-23T03:00:00.000Z' },
			{ reviewedAt: '2026-11-23T04:30:00+01:00' },
			{ reviewedAt: '2026-11-23T03:30:00+01:00' }
		];
		expect(reviewsSince(reviews, start).map((r) => r.reviewedAt)).toEqual([
			'2026-11-23T03:00:00.000Z',
			'2026-11-23T04:30:00+01:00'
		]);
	});
});

describe('deck changes', () => {
	it('keep the history of removed cards and start added cards as new', () => {
		const now = new Date('2026-11-23T10:00:00Z');
		const scheduler = createScheduler(DEFAULT_SETTINGS);
		const removed = scheduler.rate(scheduler.newState('gone', now), 'good', now).state;
		const states = new Map([['gone', removed]]);
		const later = (ids: string[]) =>
			buildQueue({
				cards: ids.map((id) => ({ id, track: 'facts' as const, sibling: id })),
				states,
				todaysLog: [],
				settings: DEFAULT_SETTINGS,
				now: new Date(now.getTime() + 60 * 60_000),
				track: 'facts',
				timeZone: 'Europe/Rome'
			});
		const queue = later(['added']);
		expect(queue.next).toBe('added');
		expect(queue.counts).toEqual({ new: 1, learning: 0, review: 0 });
		// The removed card comes back (the fact is restored): it resumes where it was, in
		// learning and due, not as a new card.
		const restored = later(['added', 'gone']);
		expect(restored.next).toBe('gone');
		expect(restored.counts).toEqual({ new: 1, learning: 1, review: 0 });
	});
});
