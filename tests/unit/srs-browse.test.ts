/**
 * The card browser's search, filters and order: what a learner finds when typing a word without
 * its accent, narrowing to one article, track or state, or one sentence's cards.
 */
import { describe, expect, it } from 'vitest';
import {
	browse,
	fold,
	indexCards,
	NO_FILTER,
	pageOf,
	type BrowseCard,
	type BrowseContext,
	type BrowseFilter
} from '$lib/srs/browse';
import { dayNumber, startOfNextDay } from '$lib/srs/day';
import type { CardMark } from '$lib/srs/marks';
import { createScheduler, type CardState } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';

const ZONE = 'Europe/Rome';
const NOW = new Date('2026-11-23T10:00:00Z');
const scheduler = createScheduler(DEFAULT_SETTINGS, { timeZone: ZONE });

function card(id: string, over: Partial<BrowseCard> = {}): BrowseCard {
	return {
		id,
		track: 'facts',
		type: 'open',
		origin: 'curated',
		sibling: `a:${id}`,
		article: 'a',
		title: 'Articolo A',
		prompt: `Domanda ${id}`,
		answer: 'sì',
		sentence: `Frase ${id}.`,
		sentenceId: `s-${id}`,
		...over
	};
}

const CARDS = indexCards([
	card('c1', { prompt: 'Perché Mosca guarda a Pyongyang?', answer: 'per le truppe' }),
	card('c2', { prompt: 'Chi è il leader?', answer: 'Kim', sentenceId: 's-1', sibling: 'a:f2' }),
	card('c3', { track: 'vocab', type: 'recognition', prompt: 'città', answer: 'city' }),
	card('c4', { article: 'b', title: 'Articolo B', sentenceId: 's-1', sibling: 'a:f2' }),
	card('c5', { prompt: 'L’alleanza è nata nel 2024', answer: 'vero' })
]);

/** States: c1 reviewed (Good twice, due in days), c2 in learning (Again), the others new. */
function states(): Map<string, CardState> {
	const good = scheduler.rate(scheduler.newState('c1', NOW), 'good', NOW).state;
	const later = new Date(NOW.getTime() + 11 * 60_000);
	const review = scheduler.rate(good, 'good', later).state;
	const learning = scheduler.rate(scheduler.newState('c2', NOW), 'again', NOW).state;
	return new Map([
		['c1', review],
		['c2', learning]
	]);
}

function context(marks: CardMark[] = [], now = NOW): BrowseContext {
	return {
		states: states(),
		marks: new Map(marks.map((mark) => [mark.id, mark])),
		today: dayNumber(now, DEFAULT_SETTINGS.dayStartHour, ZONE),
		dayEnd: startOfNextDay(now, DEFAULT_SETTINGS.dayStartHour, ZONE).getTime()
	};
}

const ids = (filter: Partial<BrowseFilter>, ctx = context(), sort: 'deck' | 'due' = 'deck') =>
	browse(CARDS, { ...NO_FILTER, ...filter }, sort, ctx).map((c) => c.id);

const mark = (id: string, over: Partial<CardMark>): CardMark => ({
	id,
	track: 'facts',
	suspended: false,
	buriedUntil: null,
	flag: null,
	...over
});

describe('search', () => {
	it('ignores accents, capitals and typographic apostrophes', () => {
		expect(fold('  Perché  CITTÀ l’alleanza ')).toBe("perche citta l'alleanza");
		expect(ids({ query: 'perche' })).toEqual(['c1']);
		expect(ids({ query: 'CITTA' })).toEqual(['c3']);
		expect(ids({ query: "l'alleanza" })).toEqual(['c5']);
	});

	it('finds words in the answer and the sentence too, all of them', () => {
		expect(ids({ query: 'truppe' })).toEqual(['c1']);
		expect(ids({ query: 'frase c4' })).toEqual(['c4']);
		expect(ids({ query: 'mosca kim' })).toEqual([]);
		expect(ids({ query: '' })).toHaveLength(5);
	});
});

describe('filters', () => {
	it('by article, track, sentence and fact', () => {
		expect(ids({ article: 'b' })).toEqual(['c4']);
		expect(ids({ track: 'vocab' })).toEqual(['c3']);
		expect(ids({ sentence: 's-1' })).toEqual(['c2', 'c4']);
		expect(ids({ sibling: 'a:f2', article: 'a' })).toEqual(['c2']);
	});

	it('by study state, and due today as the study counts it', () => {
		expect(ids({ state: 'new' })).toEqual(['c3', 'c4', 'c5']);
		expect(ids({ state: 'review' })).toEqual(['c1']);
		expect(ids({ state: 'learning' })).toEqual(['c2']);
		expect(ids({ state: 'relearning' })).toEqual([]);
		// The learning card is due today; the review card only in a few days.
		expect(ids({ state: 'due' })).toEqual(['c2']);
		const inAWeek = new Date(NOW.getTime() + 30 * 86_400_000);
		expect(ids({ state: 'due' }, context([], inAWeek))).toEqual(['c1', 'c2']);
	});

	it('by marks: a suspended or buried card is not due, a burial ends with its day', () => {
		const today = context().today;
		const marks = [
			mark('c2', { suspended: true }),
			mark('c1', { buriedUntil: today + 1 }),
			mark('c3', { flag: 'red' }),
			mark('c5', { buriedUntil: today })
		];
		expect(ids({ state: 'suspended' }, context(marks))).toEqual(['c2']);
		expect(ids({ state: 'buried' }, context(marks))).toEqual(['c1']);
		expect(ids({ state: 'flagged' }, context(marks))).toEqual(['c3']);
		expect(ids({ state: 'due' }, context(marks))).toEqual([]);
	});
});

describe('order and pages', () => {
	it('sorts by due date, new cards last, ties in deck order', () => {
		expect(ids({}, context(), 'due')).toEqual(['c2', 'c1', 'c3', 'c4', 'c5']);
		const byPrompt = browse(CARDS, NO_FILTER, 'prompt', context()).map((c) => c.id);
		expect(byPrompt).toEqual(['c2', 'c3', 'c4', 'c5', 'c1']);
	});

	it('pages a list and keeps the page inside it', () => {
		const list = Array.from({ length: 120 }, (_, i) => i);
		expect(pageOf(list, 0, 50)).toMatchObject({ page: 0, pages: 3 });
		expect(pageOf(list, 2, 50).items).toEqual(list.slice(100));
		expect(pageOf(list, 9, 50).page).toBe(2);
		expect(pageOf([], 3, 50)).toEqual({ items: [], page: 0, pages: 1 });
	});

	it('searches 2,000 cards in a few milliseconds', () => {
		const many = indexCards(
			Array.from({ length: 2000 }, (_, i) => card(`m${i}`, { prompt: `Perché la città ${i}?` }))
		);
		const ctx = context();
		const start = performance.now();
		for (let i = 0; i < 10; i++) browse(many, { ...NO_FILTER, query: `citta ${i}` }, 'deck', ctx);
		const each = (performance.now() - start) / 10;
		expect(each).toBeLessThan(20);
	});
});
