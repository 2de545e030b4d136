/**
 * Variety from day one (issue 14, point 2): a simulated learner studies the curated article's deck
 * with the default limits, and we look at which card types each day brings.
 */
import { describe, expect, it } from 'vitest';
import type { Card, CardType, Track } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import { mulberry32 } from '$lib/random/prng';
import { studyOrder } from '$lib/srs/order';
import { buildQueue } from '$lib/srs/queue';
import { createScheduler, State, type CardState, type ReviewLog } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { lexicon, library } from '../helpers/library';

const DAY = 86_400_000;
const ZONE = 'UTC';
const START = Date.parse('2026-01-05T10:00:00Z');

const deck = buildDeck(library, { lexicon });
const [article] = library.map((entry) => entry.article);

/** The cards of a track in the order the study page hands them to the session. */
function pageOrder(track: Track): Card[] {
	const cards = deck.cards.filter((c) => c.source.article === article.slug && c.track === track);
	return studyOrder(cards, article.sentences);
}

interface Shown {
	day: number;
	type: CardType;
	/** The card was new when shown (introduced that day). */
	fresh: boolean;
}

/**
 * A learner who studies every day at 10:00 until nothing is left, rating Again with probability
 * `again` and Good otherwise, 30 seconds per card; learning steps are waited for.
 */
function simulate(cards: Card[], track: Track, days: number, seed = 14, again = 0.15): Shown[] {
	const random = mulberry32(seed);
	const srs = createScheduler(DEFAULT_SETTINGS, { timeZone: ZONE });
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
				settings: DEFAULT_SETTINGS,
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
			shown.push({ day, type: card.type, fresh: log.previousState === State.New });
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

const facts = simulate(pageOrder('facts'), 'facts', 70);
const vocab = simulate(pageOrder('vocab'), 'vocab', 70);
const silent = simulate(
	pageOrder('vocab').filter((card) => card.type !== 'listening'),
	'vocab',
	14
);

if (process.env.VARIETY_TABLE) {
	for (const [name, shown] of [['facts', facts], ['vocab', vocab]] as const) {
		for (const day of [1, 2, 3, 7, 30]) console.log(name, day, JSON.stringify(newTypes(shown, day)));
		const types = [...new Set(shown.map((s) => s.type))];
		console.log(name, 'first day', JSON.stringify(Object.fromEntries(types.map((t) => [t, firstDay(shown, t)]))));
	}
}

describe('a simulated learner on the curated article', () => {
	it('runs', () => {
		expect(facts.length).toBeGreaterThan(0);
		expect(vocab.length).toBeGreaterThan(0);
		expect(silent.length).toBeGreaterThan(0);
	});
});
