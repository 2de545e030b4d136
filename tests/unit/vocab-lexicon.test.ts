import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFactual } from '$lib/content/article';
import { readings } from '$lib/lemma/lemmatizer';
import { loadLemmaTable } from '$lib/server/lemmas';
import { indexForms, isMultiword, loadLexicon } from '$lib/vocab/lexicon';
import { findForm } from '$lib/vocab/links';
import { lexicon, library } from '../helpers/library';

const root = join(import.meta.dirname, '..', '..');
const index = indexForms(lexicon);
const [{ article }] = library;

/** Tokens of the article (sentence id → token indices) covered by multi-word expressions and names. */
function coveredTokens(): Set<string> {
	const covered = new Set<string>();
	for (const entry of lexicon.entries) {
		for (const form of entry.forms.filter(isMultiword)) {
			for (const sentence of article.sentences) {
				for (const indices of findForm(sentence, form)) {
					for (const i of indices) covered.add(`${sentence.id}:${i}`);
				}
			}
		}
	}
	return covered;
}

describe('the curated lexicon', () => {
	it('resolves every word of the article to an entry or an explicit exclusion', () => {
		const covered = coveredTokens();
		const excluded = new Set([
			...lexicon.typos.map((t) => t.form),
			...lexicon.foreign.map((f) => f.form),
			...lexicon.prefixes.map((p) => p.form),
			...lexicon.numbers
		]);
		const missing: string[] = [];
		for (const sentence of article.sentences) {
			for (const [i, token] of sentence.tokens.entries()) {
				if (token.kind === 'number' || excluded.has(token.text)) continue;
				if (index.has(token.text) || index.has(token.text.toLowerCase())) continue;
				if (covered.has(`${sentence.id}:${i}`)) continue;
				missing.push(token.text);
			}
		}
		expect(missing).toEqual([]);
	});

	it('only lists forms that occur in the article (a misprinted form as it should be)', () => {
		const tokens = new Set(article.sentences.flatMap((s) => s.tokens.map((t) => t.text)));
		const corrected = new Set(lexicon.typos.map((t) => t.correct));
		for (const entry of lexicon.entries) {
			for (const form of [...entry.forms, ...entry.contexts]) {
				const found = isMultiword(form)
					? article.sentences.some((s) => findForm(s, form).length > 0)
					: tokens.has(form) || corrected.has(form);
				expect(found, `${entry.file}: ${entry.lemma}: "${form}"`).toBe(true);
			}
		}
	});

	it('never teaches the source’s typos as words, but the words they stand for', () => {
		expect(lexicon.typos.map((t) => [t.form, t.correct])).toEqual([
			['riconsestare', 'riconquistare'],
			['dissuasire', 'dissuadere']
		]);
		for (const typo of lexicon.typos) {
			expect(index.has(typo.form)).toBe(false);
			expect(lexicon.entries.some((e) => e.lemma === typo.form)).toBe(false);
			expect(index.get(typo.correct)?.map((e) => `${e.pos}:${e.lemma}`)).toEqual([
				`verb:${typo.correct}`
			]);
		}
	});

	it('takes intelligence for the Italian noun it is, not a foreign word', () => {
		expect(lexicon.foreign.some((f) => f.form === 'intelligence')).toBe(false);
		expect(index.get('intelligence')).toMatchObject([
			{ kind: 'word', lemma: 'intelligence', pos: 'noun', gender: 'f' }
		]);
	});

	it('keeps a short idiom list: each word met only inside its idiom, with the reason', () => {
		expect(lexicon.idioms.map((d) => d.form).sort()).toEqual(
			['Esteri', 'cima', 'conto', 'giro', 'là', 'occhio', 'particolare', 'vicenda'].sort()
		);
		for (const idiom of lexicon.idioms) {
			const expression = lexicon.entries.find(
				(e) => e.kind === 'expression' && e.lemma === idiom.expression
			);
			expect(expression, idiom.expression).toBeDefined();
			expect(idiom.reason.length).toBeGreaterThan(40);
			// Nowhere outside its idiom: where it stands alone its own sense is meant, and taught.
			for (const sentence of article.sentences) {
				const inside = new Set(
					expression!.forms.flatMap((form) => findForm(sentence, form)).flat()
				);
				sentence.tokens.forEach((token, i) => {
					if (token.text === idiom.form) expect(inside.has(i), sentence.text).toBe(true);
				});
			}
		}
	});

	it('refuses an idiom without its expression, or a typo without its word', () => {
		const exclusions = (extra: string) =>
			`typos: []\nforeign: []\nprefixes: []\nnumbers: []\nidioms: []\n${extra}`;
		const load = (yaml: string) => () => loadLexicon({ 'content/lexicon/exclusions.yaml': yaml });
		expect(load(exclusions(''))).not.toThrow();
		const idiom = exclusions('').replace(
			'idioms: []',
			'idioms: [{ form: vicenda, expression: a vicenda, reason: none }]'
		);
		expect(load(idiom)).toThrow(/idiom "vicenda": no expression "a vicenda"/);
		const typo = exclusions('').replace(
			'typos: []',
			'typos: [{ form: dissuasire, correct: dissuadere, gloss: to deter, note: a typo }]'
		);
		expect(load(typo)).toThrow(/typo "dissuasire": no word has the form "dissuadere"/);
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
