/**
 * `npx tsx scripts/lemma-accuracy.ts [dir]`: the lemmatizer's accuracy on hand-annotated texts
 * (default tests/fixtures/lemma-dev: `name.txt` with `name.tsv`), and every word it gets wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyOf, judge, parseAnnotations, type Judged } from '$lib/lemma/accuracy';
import { loadLemmaTable } from '$lib/server/lemmas';

const root = join(import.meta.dirname, '..');
const dir = process.argv[2] ?? join(root, 'tests/fixtures/lemma-dev');
const table = loadLemmaTable(root);
const all: Judged[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
	const text = readFileSync(join(dir, file.replace(/\.tsv$/, '.txt')), 'utf8');
	const judged = judge(text, parseAnnotations(readFileSync(join(dir, file), 'utf8')), table);
	const { words, lemma, lemmaAndPos } = accuracyOf(judged);
	const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
	console.log(`${file}: ${words} words, lemma ${pct(lemma)}, lemma+POS ${pct(lemmaAndPos)}`);
	all.push(...judged);
}
const total = accuracyOf(all);
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
console.log(
	`all: ${total.words} words, lemma ${pct(total.lemma)}, lemma+POS ${pct(total.lemmaAndPos)}`
);
for (const e of total.errors) {
	const got = e.got ? `${e.got.lemma} ${e.got.pos}` : 'unknown';
	console.log(`  ${e.form}: want ${e.lemma} ${e.pos}, got ${got}`);
}
