import { describe, expect, it } from 'vitest';
import { buildVocabulary, linkTokens } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const [{ article }] = library;
const vocabulary = buildVocabulary(article, lexicon);
const byLemma = (lemma: string) => vocabulary.find((entry) => entry.lemma === lemma);

describe('the vocabulary of the article', () => {
	it('holds words and expressions, never names or typos', () => {
		expect(vocabulary.length).toBeGreaterThan(250);
		expect(vocabulary.every((e) => !['person', 'place', 'organisation'].includes(e.pos))).toBe(
			true
		);
		expect(vocabulary.some((e) => /riconsestare|dissuasire/.test(e.lemma))).toBe(false);
		expect(byLemma('Lavrov')).toBeUndefined();
	});

	it('counts every form and the sentences they occur in', () => {
		const truppa = byLemma('truppa')!;
		expect(truppa).toMatchObject({ pos: 'noun', gender: 'f', forms: ['truppe'] });
		expect(truppa.count).toBe(article.body.match(/\btruppe\b/g)!.length);
		for (const id of truppa.sentences) {
			expect(article.sentences.find((s) => s.id === id)!.text).toMatch(/truppe/);
		}
	});

	it('treats an expression as one unit', () => {
		const vicenda = byLemma('a vicenda')!;
		expect(vicenda.pos).toBe('expression');
		expect(vicenda.forms).toEqual(['a vicenda']);
		const sentence = article.sentences.find((s) => s.text.includes('a vicenda'))!;
		const links = linkTokens(article, lexicon).get(sentence.id)!;
		const a = sentence.tokens.findIndex(
			(t, i) => t.text === 'a' && sentence.tokens[i + 1]?.text === 'vicenda'
		);
		expect(links[a].group).toBe(links[a + 1].group);
		expect(links[a].entry).toBe(vicenda.id);
	});

	it('ranks the most useful words first', () => {
		expect(vocabulary[0].rank).toBe(1);
		for (let i = 1; i < vocabulary.length; i++) {
			expect(vocabulary[i].count).toBeLessThanOrEqual(vocabulary[i - 1].count);
		}
		expect(byLemma('truppa')!.rank).toBeLessThan(byLemma('scommessa')!.rank);
		// A noun met only inside an expression ("a vicenda") is not taught as the noun.
		expect(byLemma('vicenda')).toBeUndefined();
	});
});
