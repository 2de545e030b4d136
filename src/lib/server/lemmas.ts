/**
 * The lemma table for Node code (scripts, the server): generated at install and build time by
 * scripts/build-lemmas.ts, read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanLemmaTable, type TableLookup } from '$lib/lemma/forms';
import { parseLemmaTable } from '$lib/lemma/lemmatizer';
import type { LemmaTable } from '$lib/lemma/types';

let table: LemmaTable | undefined;

export function lemmaTablePath(root = process.cwd()): string {
	return join(root, 'src/lib/server/generated/lemmas.tsv');
}

/** @throws Error telling how to build the table when it is missing */
export function loadLemmaTable(root = process.cwd()): LemmaTable {
	if (table) return table;
	const path = lemmaTablePath(root);
	if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build:lemmas`);
	table = parseLemmaTable(readFileSync(path, 'utf8'));
	return table;
}

/**
 * Looks some lemmas and words up in the table without loading all of it (for the deck's
 * vocabulary cards). Without a table (never built here) it finds nothing and says so once: the
 * cards are then graded as before, without naming real forms.
 */
export function lookupLemmas(
	lemmas: ReadonlySet<string>,
	words: ReadonlySet<string>,
	root = process.cwd()
): TableLookup {
	const path = lemmaTablePath(root);
	if (!existsSync(path)) {
		console.warn(`${path} is missing (npm run build:lemmas): forms of words are not named`);
		return { forms: new Map(), words: new Map() };
	}
	return scanLemmaTable(readFileSync(path, 'utf8'), lemmas, words);
}
