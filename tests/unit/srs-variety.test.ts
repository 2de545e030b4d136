/**
 * Variety from day one (issue 14, point 2): a simulated learner studies the curated article's deck
 * with the default limits, and we look at which card types each day brings.
 */
import { describe, expect, it } from 'vitest';
import type { Card, CardType, Track } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import { mulberry32 } from '$lib/random/prng';
import { inTurns, studyOrder } from '$lib/srs/order';
import { buildQueue } from '$lib/srs/queue';
import { createScheduler, State, type CardState, type ReviewLog } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { lexicon, library } from '../helpers/library';

const DAY = 86_400_000;
const ZONE = 'UTC';
const START = Date.parse('2026-01-05T10:00:00Z');

const deck = buildDeck(library, { lexicon });
const [article] = library.map((entry) => entry.article);

/**
 * The cards of a track in the order the session studies them: the study page's order, without
 * listening cards when the browser has no voice, dealt again for the learner's daily limit.
 */
function sessionOrder(track: Track, { voice = true, newPerDay = 20 } = {}): Card[] {
	const cards = deck.cards.filter((c) => c.source.article === article.slug && c.track === track);
	const page = studyOrder(cards, article.sentences);
	return inTurns(
		page.filter((card) => voice || card.type !== 'listening'),
		newPerDay
	);
}

interface Shown {
	day: number;
	id: string;
	type: CardType;
	/** The card was new when shown (introduced that day). */
	fresh: boolean;
}

/**
 * A learner who studies every day at 10:00 until nothing is left, rating Again with probability
 * `again` and Good otherwise, 30 seconds per card; learning steps are waited for.
 */
function simulate(
	cards: Card[],
	track: Track,
	days: number,
	{ newPerDay = 20, seed = 14, again = 0.15 } = {}
): Shown[] {
	const random = mulberry32(seed);
	const limits = { newPerDay, reviewsPerDay: 200 };
	const settings = { ...DEFAULT_SETTINGS, limits: { facts: limits, vocab: limits } };
	const srs = createScheduler(settings, { timeZone: ZONE });
	const byId = new Map(cards.map((card) => [card.id, card]));
	const states = new Map<string, CardState>();
	const shown: Shown[] = [];
	for (let day = 1; day <= days; day++) {
		let now = new Date(START + (day - 1) * DAY);
		const today: ReviewLog[] = [];
		for (let step = 0; step < 2000; step++) {
			const queue = buildQueue({
				cards,
				states,
				todaysLog: today,
				settings,
				now,
				track,
				timeZone: ZONE
			});
			if (queue.next === null) {
				if (!queue.nextDueAt) break;
				now = queue.nextDueAt;
				continue;
			}
			const card = byId.get(queue.next)!;
			const before = states.get(card.id) ?? srs.newState(card.id, now);
			const { state, log } = srs.rate(before, random() < again ? 'again' : 'good', now);
			shown.push({ day, id: card.id, type: card.type, fresh: log.previousState === State.New });
			states.set(card.id, state);
			today.push(log);
			now = new Date(now.getTime() + 30_000);
		}
	}
	return shown;
}

/** New cards of each type introduced on a day. */
function newTypes(shown: Shown[], day: number): Partial<Record<CardType, number>> {
	const counts: Partial<Record<CardType, number>> = {};
	for (const s of shown) if (s.day === day && s.fresh) counts[s.type] = (counts[s.type] ?? 0) + 1;
	return counts;
}

/** The first day a card of the type is shown, or null. */
const firstDay = (shown: Shown[], type: CardType) =>
	shown.find((s) => s.type === type)?.day ?? null;

// Thirty days show days 1, 2, 7 and 30; every fact card is introduced by day 15 anyway.
const facts = simulate(sessionOrder('facts'), 'facts', 30);
const vocab = simulate(sessionOrder('vocab'), 'vocab', 30);
// A browser with no Italian voice, and a learner who takes five new cards a day.
const silent = simulate(sessionOrder('vocab', { voice: false }), 'vocab', 3);
const fewFacts = simulate(sessionOrder('facts', { newPerDay: 5 }), 'facts', 7, { newPerDay: 5 });
const fewWords = simulate(sessionOrder('vocab', { newPerDay: 5 }), 'vocab', 7, { newPerDay: 5 });

// `VARIETY_TABLE=1 npx vitest run tests/unit/srs-variety.test.ts` prints the table of the report.
if (process.env.VARIETY_TABLE) {
	for (const [name, shown] of [
		['facts', facts],
		['vocab', vocab],
		['vocab, no voice', silent],
		['facts, 5 a day', fewFacts],
		['vocab, 5 a day', fewWords]
	] as const) {
		for (const day of [1, 2, 3, 7, 30])
			console.log(name, day, JSON.stringify(newTypes(shown, day)));
		const types = [...new Set(shown.map((s) => s.type))];
		const first = Object.fromEntries(types.map((t) => [t, firstDay(shown, t)]));
		console.log(name, 'first day', JSON.stringify(first));
	}
}

const TYPED: readonly CardType[] = ['production', 'open', 'cloze', 'numeric', 'listening'];
const kinds = (counts: Partial<Record<CardType, number>>) => Object.keys(counts).length;

describe('a simulated learner on the curated article (20 new cards a day, Good 85%)', () => {
	it('meets at least three fact types and three word types on day 1, twenty new cards each', () => {
		for (const shown of [facts, vocab]) {
			const day1 = newTypes(shown, 1);
			expect(kinds(day1)).toBeGreaterThanOrEqual(3);
			expect(Object.values(day1).reduce((a, b) => a + b, 0)).toBe(20);
			// No type takes more than half the day.
			expect(Math.max(...Object.values(day1))).toBeLessThanOrEqual(10);
		}
	});

	it('has the learner type an answer on day 1 in both tracks, and type a word from English by day 2', () => {
		expect(facts.some((s) => s.day === 1 && TYPED.includes(s.type))).toBe(true);
		expect(vocab.some((s) => s.day === 1 && TYPED.includes(s.type))).toBe(true);
		expect(firstDay(vocab, 'production')).toBeLessThanOrEqual(2);
		expect(firstDay(silent, 'production')).toBeLessThanOrEqual(2);
	});

	it('plays a listening card within the first week when there is a voice', () => {
		expect(firstDay(vocab, 'listening')).toBeLessThanOrEqual(7);
	});

	it('mixes types and has words typed from English by day 2 at five new cards a day too', () => {
		expect(kinds(newTypes(fewFacts, 1))).toBeGreaterThanOrEqual(3);
		expect(kinds(newTypes(fewWords, 1))).toBeGreaterThanOrEqual(3);
		expect(firstDay(fewWords, 'production')).toBeLessThanOrEqual(2);
		expect(firstDay(fewFacts, 'open')).toBeLessThanOrEqual(2);
	});

	it('asks no open question and types no word from English on day 1: those wait for a sibling', () => {
		expect(newTypes(facts, 1).open).toBeUndefined();
		expect(newTypes(vocab, 1).production).toBeUndefined();
		expect(newTypes(silent, 1).production).toBeUndefined();
	});

	it('still mixes types a week and a month in', () => {
		expect(kinds(newTypes(facts, 7))).toBeGreaterThanOrEqual(3);
		expect(kinds(newTypes(vocab, 7))).toBeGreaterThanOrEqual(3);
		expect(kinds(newTypes(vocab, 30))).toBeGreaterThanOrEqual(3);
	});

	it('shows at most one card of a fact or a word a day (Anki: siblings buried until tomorrow)', () => {
		const cards = new Map(deck.cards.map((card) => [card.id, card]));
		for (const shown of [facts, vocab]) {
			const seen = new Map<string, string>();
			for (const s of shown) {
				const sibling = cards.get(s.id)!.sibling;
				const key = `${s.day}|${sibling}`;
				expect(seen.get(key) ?? s.id).toBe(s.id);
				seen.set(key, s.id);
			}
		}
	});
});
