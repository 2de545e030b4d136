import { describe, expect, it } from 'vitest';
import { loadTranslation } from '$lib/content/translation';
import { library } from '../helpers/library';

const [{ article, translation }] = library;

describe('the English translation of the article', () => {
	it('translates every sentence, headline and byline included', () => {
		expect(translation.size).toBe(article.sentences.length);
		for (const sentence of article.sentences) {
			expect(translation.get(sentence.id), sentence.text).toBeTruthy();
		}
	});

	it('keeps the article’s figures and names in the matching sentences', () => {
		for (const sentence of article.sentences) {
			const english = translation.get(sentence.id)!;
			for (const figure of sentence.text.match(/\d[\d.]*\d|\d/g) ?? []) {
				// 10.000 in Italian is 10,000 in English.
				expect(english, sentence.text).toContain(figure.replace(/\./g, ','));
			}
			for (const name of ['Lavrov', 'Kim', 'Kursk', 'Trump', 'Coffey']) {
				if (sentence.text.includes(name)) expect(english, sentence.text).toContain(name);
			}
		}
	});

	it('keeps reported claims hedged', () => {
		const reported = article.sentences.find((s) => s.text.includes('avrebbe ricevuto'))!;
		expect(translation.get(reported.id)).toMatch(/reported|said to|allegedly/i);
	});
});

describe('translation files with mistakes are refused, naming the sentence', () => {
	const ids = article.sentences.map((s) => s.id);
	const yaml = (entries: string[]) => `language: en\nsentences:\n${entries.join('\n')}\n`;
	const all = ids.map((id) => `  ${id}: "x"`);

	it('refuses a missing sentence', () => {
		expect(() => loadTranslation('t.yaml', yaml(all.slice(1)), article)).toThrow(
			new RegExp(`t\\.yaml: sentence "${ids[0]}" has no translation`)
		);
	});

	it('refuses an id the article does not have', () => {
		expect(() => loadTranslation('t.yaml', yaml([...all, '  old-id-123: "x"']), article)).toThrow(
			/sentence "old-id-123" is not in the article/
		);
	});

	it('refuses an empty translation and another language', () => {
		expect(() =>
			loadTranslation('t.yaml', yaml([...all.slice(1), `  ${ids[0]}: ""`]), article)
		).toThrow(/field "sentences\./);
		expect(() => loadTranslation('t.yaml', yaml(all).replace('en', 'fr'), article)).toThrow(
			/field "language"/
		);
	});
});
