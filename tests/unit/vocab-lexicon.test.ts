import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFactual } from '$lib/content/article';
import { readings } from '$lib/lemma/lemmatizer';
import { loadLemmaTable } from '$lib/server/lemmas';
import { indexForms, isMultiword } from '$lib/vocab/lexicon';
import { lexicon, library } from '../helpers/library';

const root = join(import.meta.dirname, '..', '..');
const index = indexForms(lexicon);
const [{ article }] = library;
const body = article.body;

/** Spans of the article covered by multi-word expressions and names. */
function coveredSpans(): [number, number][] {
	const spans: [number, number][] = [];
	for (const entry of lexicon.entries) {
		for (const form of entry.forms) {
			if (!isMultiword(form)) continue;
			for (let at = body.indexOf(form); at >= 0; at = body.indexOf(form, at + 1)) {
				spans.push([at, at + form.length]);
			}
		}
	}
	return spans;
}

describe('the curated lexicon', () => {
	it('resolves every word of the article to an entry or an explicit exclusion', () => {
		const spans = coveredSpans();
		const excluded = new Set([
			...lexicon.typos.map((t) => t.form),
			...lexicon.foreign.map((f) => f.form),
			...lexicon.prefixes.map((p) => p.form),
			...lexicon.numbers
		]);
		const missing: string[] = [];
		for (const sentence of article.sentences) {
			for (const token of sentence.tokens) {
				if (token.kind === 'number' || excluded.has(token.text)) continue;
				if (index.has(token.text) || index.has(token.text.toLowerCase())) continue;
				if (spans.some(([start, end]) => token.start >= start && token.end <= end)) continue;
				missing.push(token.text);
			}
		}
		expect(missing).toEqual([]);
	});

	it('only lists forms that occur in the article', () => {
		const tokens = new Set(article.sentences.flatMap((s) => s.tokens.map((t) => t.text)));
		for (const entry of lexicon.entries) {
			for (const form of entry.forms) {
				const found = isMultiword(form) ? body.includes(form) : tokens.has(form);
				expect(found, `${entry.file}: ${entry.lemma}: "${form}"`).toBe(true);
			}
		}
	});

	it('never teaches the source’s typos as words', () => {
		expect(lexicon.typos.map((t) => [t.form, t.correct])).toEqual([
			['riconsestare', 'riconquistare'],
			['dissuasire', 'dissuadere']
		]);
		for (const typo of lexicon.typos) {
			expect(index.has(typo.form)).toBe(false);
			expect(lexicon.entries.some((e) => e.lemma === typo.form)).toBe(false);
		}
	});

	it('lists proper names as names, not as vocabulary', () => {
		for (const name of ['Lavrov', 'Pyongyang', 'Kursk', 'Trump', 'Coffey']) {
			expect(
				lexicon.entries.some((e) => e.kind === 'name' && e.forms.some((f) => f.includes(name))),
				name
			).toBe(true);
			expect(index.get(name)?.some((e) => e.kind !== 'name') ?? false, name).toBe(false);
		}
	});

	it('holds the expressions the article is built on', () => {
		const lemmas = new Set(
			lexicon.entries.filter((e) => e.kind === 'expression').map((e) => e.lemma)
		);
		for (const expression of [
			'a vicenda',
			'forze speciali',
			'in cambio (di)',
			'decine di migliaia'
		]) {
			expect(lemmas.has(expression), expression).toBe(true);
		}
	});

	it('gives the sense of the article: attualmente is currently, not actually', () => {
		const [attualmente] = index.get('attualmente') ?? [];
		expect(attualmente.gloss).toMatch(/currently/i);
		expect(attualmente.note).toMatch(/false friend|actually/i);
	});

	it('mostly agrees with the lemmatizer on single words (the rest are listed)', () => {
		const table = loadLemmaTable(root);
		let agree = 0;
		let total = 0;
		const disagreements: string[] = [];
		for (const sentence of article.sentences.filter(isFactual)) {
			for (const token of sentence.tokens) {
				const entry = index.get(token.text)?.find((e) => e.kind === 'word');
				const found = readings(token.text, table);
				if (!entry || found.length === 0) continue;
				total++;
				if (found.some((a) => a.lemma === entry.lemma)) agree++;
				else disagreements.push(`${token.text}: lexicon ${entry.lemma}, table ${found[0].lemma}`);
			}
		}
		expect(agree / total, disagreements.join('\n')).toBeGreaterThan(0.9);
	});
});
