import { describe, expect, it } from 'vitest';
import { GAP } from '$lib/cards/types';
import { shortGloss, vocabCards, withArticle } from '$lib/vocab/cards';
import { buildVocabulary } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const [{ article }] = library;
const vocabulary = buildVocabulary(article, lexicon);
const cards = vocabCards(article, vocabulary, 3);

describe('vocabulary cards', () => {
	it('come in four types on the vocab track, ids made of the entry and the type', () => {
		const types = new Set(cards.map((c) => c.type));
		expect(types).toEqual(new Set(['recognition', 'production', 'cloze', 'listening']));
		for (const card of cards) {
			expect(card.track).toBe('vocab');
			expect(card.id).toBe(`${card.sibling}:${card.type}`);
		}
		expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
		expect(vocabCards(article, vocabulary, 99).map((c) => c.id)).toEqual(cards.map((c) => c.id));
	});

	it('ask recognition with four distinct glosses, the right one once', () => {
		for (const card of cards.filter((c) => c.type === 'recognition')) {
			expect(card.options).toHaveLength(4);
			expect(new Set(card.options.map((o) => o.toLowerCase())).size).toBe(4);
			expect(card.options.filter((o) => o === card.answer)).toHaveLength(1);
		}
	});

	it('gap the form the article uses, in its own sentence', () => {
		for (const card of cards.filter((c) => c.type === 'cloze')) {
			expect(card.prompt.split(GAP)).toHaveLength(2);
			expect(card.prompt.replace(GAP, card.answer)).toBe(card.source.text);
		}
	});

	it('ask production of the lemma, nouns with their article accepted', () => {
		const truppa = cards.find((c) => c.id.endsWith('noun:truppa:production'))!;
		expect(truppa).toMatchObject({ answer: 'truppa', accept: ['la truppa'] });
		expect(truppa.prompt).toMatch(/^troop.*\(noun, f\)$/);
	});

	it('never make cards of names or of the source’s typos', () => {
		expect(cards.some((c) => /Lavrov|riconsestare|dissuasire/.test(c.answer))).toBe(false);
	});
});

describe('helpers', () => {
	it('put the right article before a noun', () => {
		expect(withArticle({ lemma: 'truppa', pos: 'noun', gender: 'f' })).toBe('la truppa');
		expect(withArticle({ lemma: 'artiglieria', pos: 'noun', gender: 'f' })).toBe('l’artiglieria');
		expect(withArticle({ lemma: 'sistema', pos: 'noun', gender: 'm' })).toBe('il sistema');
		expect(withArticle({ lemma: 'scambio', pos: 'noun', gender: 'm' })).toBe('lo scambio');
		expect(withArticle({ lemma: 'leader', pos: 'noun', gender: 'm/f' })).toBe('leader');
		expect(withArticle({ lemma: 'sostenere', pos: 'verb' })).toBe('sostenere');
	});

	it('shorten a gloss to its first sense', () => {
		expect(shortGloss('troop (plural truppe = troops)')).toBe('troop');
		expect(shortGloss('also, too; (anche se) even if')).toBe('also, too');
	});
});
