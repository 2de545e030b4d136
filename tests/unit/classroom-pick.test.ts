import { describe, expect, it } from 'vitest';
import {
	chosenCards,
	dropQuestion,
	livePool,
	pickGameCards,
	questionCount,
	swapQuestion
} from '$lib/classroom/pick';
import { createSchema } from '$lib/classroom/contracts';
import { buildDeck } from '$lib/deck/deck';
import { textToLibraryEntry } from '$lib/deck/input';
import { mulberry32 } from '$lib/random/prng';
import { lexicon, library } from '../helpers/library';

const { cards } = buildDeck(library, { lexicon });
const article = 'mosca-pyongyang';
/** The article's curated facts: every one has a choice or number card. */
const facts = library.find((entry) => entry.article.slug === article)!.facts.length;

describe('the cards of a classroom quiz', () => {
	it('takes only curated choice and number cards of the chosen tracks, one per fact', () => {
		const pool = livePool(cards, {
			article,
			tracks: ['facts'],
			kinds: ['multiple-choice', 'true-false', 'numeric']
		});
		expect(new Set(pool.map((c) => c.type))).toEqual(
			new Set(['multiple-choice', 'true-false', 'numeric'])
		);
		expect(pool.every((c) => c.track === 'facts' && c.origin === 'curated')).toBe(true);
		// One question for each curated fact.
		expect(questionCount(pool)).toBe(facts);
		const game = pickGameCards(pool, facts, mulberry32(7));
		expect(new Set(game.map((c) => c.sibling)).size).toBe(facts);
		expect(new Set(game.map((c) => c.type)).size).toBe(3);
	});

	it('plays the generated cards of a text nobody curated (one a user added)', () => {
		const entry = textToLibraryEntry(
			'fiera.md',
			`La fiera del libro

Sabato 12 ottobre a Mantova apre la fiera del libro, che quest'anno ospita 240 editori.
Secondo la sindaca Laura Bassi, i visitatori saranno più di 30.000 in quattro giorni.
L'ingresso costa 8 euro; i ragazzi sotto i 14 anni entrano gratis.`
		);
		const added = buildDeck([entry], { lexicon }).cards;
		const pool = livePool(added, {
			article: entry.article.slug,
			tracks: ['facts'],
			kinds: ['multiple-choice', 'true-false', 'numeric']
		});
		expect(pool.length).toBeGreaterThan(0);
		expect(pool.every((c) => c.origin === 'auto')).toBe(true);
		// The curated article's generated cards stay out: its curated ones are played instead.
		expect(cards.some((c) => c.source.article === article && c.origin === 'auto')).toBe(true);
	});

	it('plays vocabulary as recognition (the word, four glosses)', () => {
		const pool = livePool(cards, { article, tracks: ['vocab'], kinds: ['multiple-choice'] });
		expect(pool.length).toBeGreaterThan(300);
		expect(pool.every((c) => c.type === 'recognition' && c.options.length === 4)).toBe(true);
		expect(livePool(cards, { article, tracks: ['vocab'], kinds: ['numeric'] })).toEqual([]);
	});

	it('asks only numbers when only numbers are chosen, and nothing of another article', () => {
		const numbers = livePool(cards, { article, tracks: ['facts'], kinds: ['numeric'] });
		expect(numbers.length).toBeGreaterThan(0);
		expect(numbers.every((c) => c.type === 'numeric' && c.number)).toBe(true);
		expect(livePool(cards, { article: 'altro', tracks: ['facts'], kinds: ['numeric'] })).toEqual(
			[]
		);
	});

	it('draws the number asked for, in an order that depends on the draw', () => {
		const pool = livePool(cards, {
			article,
			tracks: ['facts', 'vocab'],
			kinds: ['multiple-choice']
		});
		const a = pickGameCards(pool, 10, mulberry32(1));
		const b = pickGameCards(pool, 10, mulberry32(2));
		expect(a).toHaveLength(10);
		expect(a.map((c) => c.id)).not.toEqual(b.map((c) => c.id));
		expect(pickGameCards(pool.slice(0, 3), 10, mulberry32(1))).toHaveLength(3);
	});

	it('takes each question from another sentence while the article has enough of them', () => {
		const pool = livePool(cards, { article, tracks: ['facts'], kinds: ['multiple-choice'] });
		const sentences = new Set(pool.map((c) => c.source.sentence)).size;
		expect(sentences).toBeLessThan(questionCount(pool)); // some sentences state two facts
		for (let seed = 1; seed <= 20; seed++) {
			const game = pickGameCards(pool, sentences, mulberry32(seed));
			expect(new Set(game.map((c) => c.source.sentence)).size).toBe(sentences);
		}
		// Asked for every fact, the game repeats sentences only at the end.
		const all = pickGameCards(pool, 70, mulberry32(3));
		expect(new Set(all.slice(0, sentences).map((c) => c.source.sentence)).size).toBe(sentences);
	});
});

describe('the questions a teacher picks', () => {
	const pool = livePool(cards, { article, tracks: ['facts'], kinds: ['multiple-choice'] });
	const candidates = pickGameCards(pool, pool.length, mulberry32(3));
	const first = candidates.slice(0, 3).map((c) => c.id);

	it('plays the chosen cards in the order chosen, and only cards of the choice', () => {
		const reversed = [...first].reverse();
		expect(chosenCards(pool, reversed)?.map((c) => c.id)).toEqual(reversed);
		// A card of a kind or track not chosen, a generated one (the facts are curated), one
		// twice: refused.
		const notChosen = (type: string, origin = 'curated') =>
			cards.find((c) => c.type === type && c.origin === origin && !pool.includes(c))!.id;
		for (const id of [
			notChosen('true-false'),
			notChosen('recognition'),
			notChosen('multiple-choice', 'auto')
		]) {
			expect(chosenCards(pool, [...first, id])).toBeNull();
		}
		expect(chosenCards(pool, [first[0], first[0]])).toBeNull();
		expect(chosenCards(pool, ['stima-4000-uccisi-forged'])).toBeNull();
	});

	it('swaps a question for the next unused card, never one swapped out or of a fact asked', () => {
		let preview = { chosen: first, skipped: [] as string[] };
		preview = swapQuestion(candidates, preview, 1);
		expect(preview.chosen).toEqual([first[0], candidates[3].id, first[2]]);
		expect(preview.skipped).toEqual([first[1]]);
		preview = swapQuestion(candidates, preview, 1);
		expect(preview.chosen[1]).toBe(candidates[4].id);
		// Swapping on until nothing is left: the list stays valid, then stays as it is.
		for (let i = 0; i < candidates.length; i++) preview = swapQuestion(candidates, preview, 0);
		expect(chosenCards(pool, preview.chosen)).not.toBeNull();
		expect(new Set([...preview.chosen, ...preview.skipped]).size).toBe(candidates.length);
		expect(swapQuestion(candidates, preview, 0)).toBe(preview);
	});

	it('never swaps in a second card of a fact already asked, whatever order the candidates come in', () => {
		// A true/false and a choice of each fact: the candidates of one order hold one of the two.
		const both = livePool(cards, {
			article,
			tracks: ['facts'],
			kinds: ['multiple-choice', 'true-false']
		});
		for (let seed = 1; seed <= 50; seed++) {
			const drawn = pickGameCards(both, 3, mulberry32(seed)).map((c) => c.id);
			// The preview swapped with candidates of another order than the one that drew it.
			const other = pickGameCards(both, both.length, mulberry32(seed + 1000));
			const swapped = swapQuestion(other, { chosen: drawn, skipped: [] }, 1, both);
			expect(chosenCards(both, swapped.chosen), `seed ${seed}`).not.toBeNull();
		}
	});

	it('drops a question, but never the last one', () => {
		const dropped = dropQuestion({ chosen: first, skipped: [] }, 0);
		expect(dropped).toEqual({ chosen: first.slice(1), skipped: [first[0]] });
		const one = { chosen: [first[0]], skipped: [] };
		expect(dropQuestion(one, 0)).toBe(one);
	});

	it('is checked by the create contract: no card twice, as many questions as cards', () => {
		const input = { article, questions: 2, cardIds: first.slice(0, 2) };
		expect(createSchema.safeParse(input).success).toBe(true);
		expect(createSchema.safeParse({ ...input, questions: 3 }).success).toBe(false);
		expect(createSchema.safeParse({ ...input, cardIds: [first[0], first[0]] }).success).toBe(false);
		expect(createSchema.parse({ article, questions: 2 }).getReadySeconds).toBe(0);
	});
});
