/**
 * The lemmatizer on texts it was not written for: the dev set (tests/fixtures/lemma-dev, four
 * texts with every content word annotated by hand) and the check set (lemma-check, annotated
 * before any tuning). A vocabulary card is only as right as its word's lemma.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accuracyOf, judge, parseAnnotations, type Judged } from '$lib/lemma/accuracy';
import { loadLemmaTable } from '$lib/server/lemmas';

const root = join(import.meta.dirname, '..', '..');
const table = loadLemmaTable(root);

/** Every annotated word of the texts in one fixture folder, judged. */
function judgeFolder(name: string): Judged[] {
	const dir = join(root, 'tests/fixtures', name);
	return readdirSync(dir)
		.filter((file) => file.endsWith('.tsv'))
		.flatMap((file) => {
			const text = readFileSync(join(dir, file.replace(/\.tsv$/u, '.txt')), 'utf8');
			return judge(text, parseAnnotations(readFileSync(join(dir, file), 'utf8')), table);
		});
}

const listed = (errors: readonly Judged[]) =>
	errors
		.map(
			(e) => `${e.form}: ${e.lemma} ${e.pos}, read ${e.got ? `${e.got.lemma} ${e.got.pos}` : '?'}`
		)
		.join('\n');

describe('lemma accuracy on hand-annotated texts', () => {
	it.each([
		{ folder: 'lemma-dev', least: 250 },
		{ folder: 'lemma-check', least: 200 }
	])('reads at least 95 percent of the lemmas of $folder right', ({ folder, least }) => {
		const accuracy = accuracyOf(judgeFolder(folder));
		console.log(
			`${folder}: ${accuracy.words} words, lemma ${(100 * accuracy.lemma).toFixed(1)}%, ` +
				`lemma and POS ${(100 * accuracy.lemmaAndPos).toFixed(1)}%`
		);
		expect(accuracy.words).toBeGreaterThanOrEqual(least);
		expect(accuracy.lemma, listed(accuracy.errors)).toBeGreaterThanOrEqual(0.95);
		expect(accuracy.lemmaAndPos, listed(accuracy.errors)).toBeGreaterThanOrEqual(0.9);
	});

	it('counts a wrong lemma as wrong and a missing word as an error in the fixture', () => {
		const text = 'Le sale del museo.';
		const judged = judge(text, [{ form: 'sale', lemma: 'sale', pos: 'NOUN' }], table);
		expect(accuracyOf(judged)).toMatchObject({ words: 1, lemma: 0 });
		expect(() => judge(text, [{ form: 'stanze', lemma: 'stanza', pos: 'NOUN' }], table)).toThrow(
			/stanze/u
		);
		expect(() => parseAnnotations('sale\tsala')).toThrow(/not form, lemma, POS/u);
	});
});
