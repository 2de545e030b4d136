import { describe, expect, it } from 'vitest';
import { isFactual } from '$lib/content/article';
import { buildVocabulary, linkTokens } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const [{ article }] = library;
const links = linkTokens(article, lexicon);
const vocabulary = buildVocabulary(article, lexicon, links);
const byLemma = (lemma: string, pos?: string) =>
	vocabulary.find((entry) => entry.lemma === lemma && (!pos || entry.pos === pos));
const sentenceWith = (text: string) => article.sentences.find((s) => s.text.includes(text))!;
/** The link of the `nth` token with this text in the sentence that contains `context`. */
const linkOf = (context: string, text: string, nth = 0) => {
	const sentence = sentenceWith(context);
	const indices = sentence.tokens.flatMap((t, i) => (t.text === text ? [i] : []));
	return links.get(sentence.id)![indices[nth]];
};

describe('the vocabulary of the article', () => {
	it('holds words and expressions, never names or typos', () => {
		expect(vocabulary.length).toBeGreaterThan(400);
		expect(vocabulary.every((e) => !['person', 'place', 'organisation'].includes(e.pos))).toBe(
			true
		);
		expect(vocabulary.some((e) => /riconsestare|dissuasire/.test(e.lemma))).toBe(false);
		expect(byLemma('Lavrov')).toBeUndefined();
	});

	it('counts every form and the sentences they occur in, each sentence once', () => {
		const truppa = byLemma('truppa')!;
		expect(truppa).toMatchObject({ pos: 'noun', gender: 'f', forms: ['truppe'] });
		expect(truppa.count).toBe(article.body.match(/\btruppe\b/g)!.length);
		for (const id of truppa.sentences) {
			expect(article.sentences.find((s) => s.id === id)!.text).toMatch(/truppe/);
		}
		for (const entry of vocabulary) {
			expect(new Set(entry.sentences).size, entry.id).toBe(entry.sentences.length);
		}
	});

	it('treats an expression as one unit', () => {
		const vicenda = byLemma('a vicenda')!;
		expect(vicenda.pos).toBe('expression');
		expect(vicenda.forms).toEqual(['a vicenda']);
		const sentence = sentenceWith('a vicenda');
		const sentenceLinks = links.get(sentence.id)!;
		const a = sentence.tokens.findIndex(
			(t, i) => t.text === 'a' && sentence.tokens[i + 1]?.text === 'vicenda'
		);
		expect(sentenceLinks[a].group).toBe(sentenceLinks[a + 1].group);
		expect(sentenceLinks[a].entry).toBe(vicenda.id);
	});

	it('teaches a word met only inside expressions as a word, the expressions its examples', () => {
		for (const [lemma, expression] of [
			['anno', "l'anno scorso"],
			['settimana', 'ogni settimana'],
			['tenere', "tenere d'occhio"],
			['prendere', 'prendere una relazione'],
			['funzionario', 'alti funzionari'],
			['penisola', undefined],
			['missile', undefined]
		] as const) {
			const entry = byLemma(lemma);
			expect(entry, lemma).toBeDefined();
			if (expression) expect(entry!.expressions, lemma).toContain(expression);
		}
		// But not the words of the idiom list: "vicenda" in "a vicenda" is not the noun vicenda.
		expect(byLemma('vicenda')).toBeUndefined();
		expect(linkOf('a vicenda', 'vicenda').word).toBeUndefined();
		expect(byLemma('occhio')).toBeUndefined();
	});

	it('finds an expression on whole words only, its words apart where the idiom is', () => {
		expect(linkOf('più disciplinati', 'più', 0).entry).toBe('adverb:piu');
		expect(linkOf('più di 10.000', 'più').entry).toBe('expression:piu-di');
		const both = byLemma('non solo … ma anche')!;
		expect(both.forms).toEqual(['non solo … ma anche']);
		expect(both.count).toBe(2);
		// The words between the two halves are words of their own.
		expect(linkOf('del comportamento della Russia', 'comportamento').entry).toBe(
			'noun:comportamento'
		);
		expect(byLemma('fare di qualcosa una priorità')!.forms).toEqual(['fatto di … una priorità']);
	});

	it('never takes a word inside a name for another word: “Stati” is no form of essere', () => {
		const stati = linkOf('Gli Stati Uniti sostengono', 'Stati');
		expect(stati).toMatchObject({ kind: 'name' });
		expect(stati.word).toBeUndefined();
		const essere = byLemma('essere')!;
		expect(essere.forms).not.toContain('Stati');
	});

	it('lets an entry claim one occurrence of a shared form', () => {
		expect(linkOf('manodopera e materiale', 'materiale').word).toBe('noun:materiale');
		expect(linkOf('Anche il sostegno materiale', 'materiale').word).toBe('adjective:materiale');
		expect(linkOf('cosa ottiene in cambio', 'cosa')).toMatchObject({
			entry: 'pronoun:cosa',
			kind: 'function'
		});
		expect(linkOf('cosa ottiene in cambio', 'cosa').word).toBeUndefined();
		expect(linkOf('Una cosa è chiara', 'cosa').word).toBe('noun:cosa');
	});

	it('teaches the word a typo stands for, and remembers how the article prints it', () => {
		const link = linkOf('riconsestare', 'riconsestare');
		expect(link).toMatchObject({ entry: 'verb:riconquistare', correct: 'riconquistare' });
		expect(byLemma('riconquistare')).toMatchObject({
			forms: ['riconquistare'],
			misprints: { riconquistare: 'riconsestare' }
		});
		expect(byLemma('dissuadere')).toMatchObject({ misprints: { dissuadere: 'dissuasire' } });
	});

	it('ranks the most useful words first', () => {
		expect(vocabulary[0].rank).toBe(1);
		for (let i = 1; i < vocabulary.length; i++) {
			expect(vocabulary[i].count).toBeLessThanOrEqual(vocabulary[i - 1].count);
		}
		expect(byLemma('truppa')!.rank).toBeLessThan(byLemma('scommessa')!.rank);
	});

	it('counts only the article’s own sentences, not its title', () => {
		const counted = new Set(vocabulary.flatMap((e) => e.sentences));
		for (const sentence of article.sentences) {
			if (!isFactual(sentence)) expect(counted.has(sentence.id)).toBe(false);
		}
	});
});
