import { describe, expect, it } from 'vitest';
import { findCandidates } from '$lib/autogen/candidates';
import { gazetteer } from '$lib/autogen/entities';
import { generateAutoCards } from '$lib/autogen/generate';
import { monthNames } from '$lib/autogen/lexicon';
import { GAP, type Card } from '$lib/cards/types';
import { buildArticle, isFactual } from '$lib/content/article';
import type { Article } from '$lib/content/types';
import { loadRealArticle } from '../helpers/content';

const article = loadRealArticle();
const cards = generateAutoCards(article, { seed: 42 });
/** A deck with room for every kept candidate, to check all card types. */
const all = generateAutoCards(article, { seed: 42, limit: 1000 });
const occurrences = (text: string, part: string) => text.split(part).length - 1;

const meta = {
	title: 'Treni al Sud',
	author: 'Redazione',
	language: 'it' as const,
	description: 'Prova'
};
const SHORT = [
	'Il governo ha approvato ieri un piano da circa 3,5 miliardi di euro per le ferrovie del Mezzogiorno.',
	'Secondo il ministro Matteo Salvini, i lavori partiranno a marzo del 2026 e dureranno fino a 4 anni.',
	'La nuova linea ad alta velocità collegherà Napoli e Bari in meno di due ore.',
	'Una parte dei fondi arriverà dalla Commissione europea, che ha già finanziato opere simili in Spagna.'
].join('\n\n');

describe('generateAutoCards on the real article', () => {
	it('makes a deck of at least 20 automatic fact cards by default', () => {
		expect(cards.length).toBeGreaterThanOrEqual(20);
		expect(cards.length).toBeLessThanOrEqual(
			Math.ceil(article.sentences.filter(isFactual).length / 2)
		);
		for (const card of cards) {
			expect(card).toMatchObject({ track: 'facts', origin: 'auto' });
			expect(card.source.article).toBe(article.slug);
		}
		expect(new Set(all.map((c) => c.type))).toEqual(
			new Set(['cloze', 'multiple-choice', 'numeric'])
		);
	});

	it('gives prompts with one gap that the answer fills back into the exact sentence', () => {
		for (const card of all) {
			expect(occurrences(card.prompt, GAP)).toBe(1);
			expect(card.prompt.replace(GAP, card.answer)).toBe(card.source.text);
			expect(occurrences(card.source.text, card.answer)).toBe(1);
			expect(card.prompt_en).toContain(card.prompt);
			const sentence = article.sentences.find((s) => s.id === card.source.sentence)!;
			expect(sentence.text).toBe(card.source.text);
		}
	});

	it('never uses the headline, the byline or a sentence that needs the one before', () => {
		const notFacts = new Set(article.sentences.filter((s) => !isFactual(s)).map((s) => s.id));
		expect(notFacts.size).toBe(2);
		for (const card of all) {
			expect(notFacts.has(card.source.sentence)).toBe(false);
			expect(card.source.text).not.toMatch(/^(Questo|Queste|Quella)\b/);
		}
	});

	it('asks about the numbers of the article, with accepted spellings', () => {
		const answers = cards.map((c) => c.answer);
		for (const number of ['10.000', '4.000', '30.000']) expect(answers).toContain(number);
		const tenThousand = all.find((c) => c.answer === '10.000' && c.type === 'numeric')!;
		expect(tenThousand.number).toEqual({ value: 10000, qualifier: 'more-than' });
		expect(tenThousand.accept).toEqual(expect.arrayContaining(['10000', 'diecimila']));
	});

	it('gives multiple-choice cards 4 distinct options of the answer’s type, the answer once', () => {
		const candidates = findCandidates(article);
		const kinds = new Map(candidates.map((c) => [c.text, c.kind]));
		const personWords = new Set(
			candidates.filter((c) => c.kind === 'person').flatMap((c) => [c.text, ...c.text.split(' ')])
		);
		const choices = all.filter((c) => c.type === 'multiple-choice');
		expect(choices.length).toBeGreaterThanOrEqual(10);
		for (const card of choices) {
			expect(card.options).toHaveLength(4);
			expect(new Set(card.options.map((o) => o.toLowerCase())).size).toBe(4);
			expect(card.options.filter((o) => o === card.answer)).toHaveLength(1);
			const kind = kinds.get(card.answer);
			for (const option of card.options) {
				if (kind === 'number') expect(option).toMatch(/^(\d{1,3}(\.\d{3})*|[a-z]+)$/);
				if (kind === 'year') expect(option).toMatch(/^\d{4}$/);
				if (kind === 'month') expect(monthNames()).toContain(option);
				if (kind === 'place')
					expect(gazetteer().get(option.replace(/’/g, "'"))?.kind).toBe(
						gazetteer().get(card.answer)?.kind
					);
				if (kind === 'person') expect(personWords.has(option)).toBe(true);
			}
		}
		// The number options keep the answer's format: 10.000 is never offered beside "10000".
		const numbers = choices.filter((c) => c.answer === '10.000')[0];
		for (const option of numbers.options) expect(option).toMatch(/^\d{1,3}\.\d{3}$/);
	});

	it('gives a place distractors that fit the article before the gap', () => {
		const russia = all.filter((c) => c.type === 'multiple-choice' && c.answer === 'Russia');
		expect(russia.length).toBeGreaterThan(0);
		// "la Russia": every option must take "la" — feminine, singular, starting with a consonant.
		for (const option of russia.flatMap((c) => c.options)) expect(option).toMatch(/^[^AEIOU].*a\b/);
	});

	it('is deterministic for a seed, and its ids do not depend on the seed', () => {
		expect(generateAutoCards(article, { seed: 42 })).toEqual(cards);
		const other = generateAutoCards(article, { seed: 7, limit: 1000 });
		expect(other.map((c) => c.id)).toEqual(all.map((c) => c.id));
		const options = (deck: Card[]) => deck.map((c) => c.options.join('|')).join('\n');
		expect(options(other)).not.toBe(options(all));
	});

	it('gives every card a unique id of the documented shape, siblings sharing a key', () => {
		expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
		for (const card of all) {
			expect(card.id).toBe(`${card.sibling}:${card.type}`);
			expect(card.sibling.startsWith(`${article.slug}:auto:${card.source.sentence}:`)).toBe(true);
		}
		const perSentence = new Map<string, number>();
		for (const card of all)
			perSentence.set(card.source.sentence, (perSentence.get(card.source.sentence) ?? 0) + 1);
		expect(Math.max(...perSentence.values())).toBeLessThanOrEqual(3);
	});

	it('keeps an id when the sentence around it is unchanged but others change', () => {
		const edited: Article = buildArticle(
			article.file,
			article.slug,
			article.meta,
			article.body.replace(
				'Quella clausola è già stata testata.',
				'Quella clausola è stata testata davvero.'
			)
		);
		const ids = new Set(generateAutoCards(edited, { seed: 42, limit: 1000 }).map((c) => c.id));
		const tenThousand = all.find((c) => c.answer === '10.000')!;
		expect(ids.has(tenThousand.id)).toBe(true);
	});
});

describe('generateAutoCards on other texts', () => {
	it('makes sensible cards from a short text of its own', () => {
		const short = buildArticle('inline', 'treni', meta, SHORT);
		const deck = generateAutoCards(short, { seed: 1, limit: 12 });
		expect(deck.length).toBeGreaterThanOrEqual(6);
		const answers = deck.map((c) => c.answer);
		expect(answers).toEqual(expect.arrayContaining(['3,5', '2026']));
		for (const card of deck) {
			expect(card.prompt.replace(GAP, card.answer)).toBe(card.source.text);
			expect(card.id.startsWith('treni:auto:')).toBe(true);
		}
		expect(generateAutoCards(short, { seed: 1 }).length).toBe(2); // default: one per two sentences
	});

	it('returns [] for an empty or very short text', () => {
		expect(generateAutoCards(buildArticle('inline', 'vuoto', meta, ''), { seed: 1 })).toEqual([]);
		expect(
			generateAutoCards(buildArticle('inline', 'breve', meta, 'Ciao a tutti.'), { seed: 1 })
		).toEqual([]);
		expect(generateAutoCards(article, { seed: 1, limit: 0 })).toEqual([]);
	});
});

// How fast, and that it grows linearly, is measured by `npm run bench` (deck section), where a
// busy machine cannot fail a test: timing assertions here were flaky under load.
describe('large texts', () => {
	it('makes cards from a 50,000-word text', () => {
		const big = buildArticle(
			'inline',
			'big',
			article.meta,
			Array(45).fill(article.body).join('\n\n')
		);
		expect(big.sentences.reduce((sum, s) => sum + s.tokens.length, 0)).toBeGreaterThan(50_000);
		expect(generateAutoCards(big, { seed: 1 }).length).toBeGreaterThan(1000);
	});
});
