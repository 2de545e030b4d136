import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { buildDeck, withoutDuplicates } from '$lib/deck/deck';
import { deckToCsv, deckToJson } from '$lib/deck/export';
import { lexicon, library } from '../helpers/library';

const deck = buildDeck(library);

describe('the deck of content/', () => {
	it('holds curated and automatic fact cards, with unique ids', () => {
		const curated = deck.cards.filter((c) => c.origin === 'curated');
		const auto = deck.cards.filter((c) => c.origin === 'auto');
		expect(curated.length).toBeGreaterThan(200);
		expect(auto.length).toBeGreaterThan(5);
		expect(new Set(deck.cards.map((c) => c.id)).size).toBe(deck.cards.length);
	});

	it('is the same for the same seed, and keeps its ids under another seed', () => {
		expect(buildDeck(library)).toEqual(deck);
		const other = buildDeck(library, { seed: 1 });
		expect(other.cards.map((c) => c.id)).toEqual(deck.cards.map((c) => c.id));
	});

	it('asks nothing twice: no automatic card gaps what a curated card gaps in the same sentence', () => {
		const curatedGaps = new Set(
			deck.cards
				.filter((c) => c.origin === 'curated' && c.type === 'cloze')
				.map((c) => `${c.source.sentence}|${c.answer.toLowerCase()}`)
		);
		for (const card of deck.cards.filter((c) => c.origin === 'auto')) {
			expect(curatedGaps.has(`${card.source.sentence}|${card.answer.toLowerCase()}`)).toBe(false);
		}
	});

	it('has no vocabulary without the lexicon, and only vocabulary on the vocab track', () => {
		expect(buildDeck(library, { track: 'vocab' }).cards).toEqual([]);
		const vocab = buildDeck(library, { track: 'vocab', lexicon });
		expect(vocab.cards.length).toBeGreaterThan(900);
		expect(vocab.cards.every((card) => card.track === 'vocab')).toBe(true);
		expect(vocab.vocab.length).toBeGreaterThan(250);
	});
});

describe('withoutDuplicates', () => {
	const card = (origin: Card['origin'], answer: string, sentence = 's1'): Card => ({
		id: `${origin}-${answer}`,
		track: 'facts',
		type: 'cloze',
		origin,
		sibling: answer,
		prompt: 'p',
		prompt_en: 'p',
		answer,
		accept: [],
		options: [],
		source: { article: 'a', sentence, text: 't' }
	});

	it('drops an automatic card whose answer a curated card already gaps in that sentence', () => {
		const curated = [card('curated', 'più di 10.000')];
		const auto = [card('auto', '10.000'), card('auto', 'Kursk'), card('auto', '10.000', 's2')];
		expect(withoutDuplicates(auto, curated).map((c) => `${c.answer}@${c.source.sentence}`)).toEqual(
			['Kursk@s1', '10.000@s2']
		);
	});
});

describe('deck export', () => {
	it('writes JSON in the documented shape', () => {
		const out = JSON.parse(deckToJson(deck));
		expect(Object.keys(out)).toEqual(['articles', 'cards']);
		expect(out.cards[0]).not.toHaveProperty('sibling');
	});

	it('carries the note of a card that has one, in JSON and in CSV', () => {
		const out = JSON.parse(deckToJson(deck));
		const noted = out.cards.find((c: { id: string }) =>
			c.id.endsWith(':ingresso-kursk-settembre:open')
		);
		expect(noted.note.en).toMatch(/August 2024/);
		expect(out.cards.some((c: { note?: unknown }) => c.note === undefined)).toBe(true);
		const card = deck.cards.find((c) => c.id === noted.id)!;
		const [header, row] = deckToCsv({ articles: [], cards: [card], vocab: [] }).split('\r\n');
		expect(header.endsWith(',note,note_en')).toBe(true);
		expect(row).toContain('agosto 2024');
		expect(row).toContain('August 2024');
	});

	it('writes CSV that quotes commas, quotes and line breaks', () => {
		const tricky: Card = {
			...deck.cards[0],
			prompt: 'Dice "sì", poi\nno',
			accept: ['a', 'b']
		};
		const csv = deckToCsv({ articles: [], cards: [tricky], vocab: [] });
		const [, row] = csv.split('\r\n');
		expect(row).toContain('"Dice ""sì"", poi\nno"');
		expect(row).toContain(',a | b,');
	});
});
