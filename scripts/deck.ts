/**
 * `npm run -s deck -- [--input FILE.md] [--track facts|vocab|all] [--format json|csv] [--seed N]`
 *
 * Prints a deck to stdout: by default every article in content/ (curated and automatic cards);
 * with --input, the deck of that one Italian text (automatic cards only), saving nothing.
 * Any problem is one line on stderr and a non-zero exit: 1 for bad input, 2 for bad usage.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '$lib/content/schema';
import { buildDeck, type TrackChoice } from '$lib/deck/deck';
import { deckToCsv, deckToJson } from '$lib/deck/export';
import { textToLibraryEntry, MAX_INPUT_BYTES } from '$lib/deck/input';
import { readLexiconFiles, readLibrary } from '$lib/server/content-files';
import { loadLemmaTable } from '$lib/server/lemmas';
import { loadLexicon } from '$lib/vocab/lexicon';

class UsageError extends Error {}
class InputError extends Error {}

const TRACKS = ['facts', 'vocab', 'all'] as const;
const FORMATS = ['json', 'csv'] as const;

function options() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				input: { type: 'string' },
				track: { type: 'string', default: 'all' },
				format: { type: 'string', default: 'json' },
				seed: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (!TRACKS.includes(values.track as TrackChoice)) {
		throw new UsageError(`--track must be one of ${TRACKS.join(', ')} (got "${values.track}")`);
	}
	if (!FORMATS.includes(values.format as (typeof FORMATS)[number])) {
		throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
	}
	const seed = values.seed === undefined ? undefined : Number(values.seed);
	if (seed !== undefined && !Number.isInteger(seed)) {
		throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);
	}
	return { ...values, track: values.track as TrackChoice, seed };
}

/** Reads an input file as UTF-8 text, refusing what is not a usable text file. */
function readInput(path: string): string {
	let size: number;
	try {
		const stat = statSync(path);
		if (!stat.isFile()) throw new InputError(`${path} is not a file`);
		size = stat.size;
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError(`cannot read ${path}: no such file`);
	}
	if (size > MAX_INPUT_BYTES) {
		throw new InputError(
			`${path} is ${(size / 1e6).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1e6} MB of text`
		);
	}
	const bytes = readFileSync(path);
	if (bytes.includes(0)) throw new InputError(`${path} is a binary file, not text`);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new InputError(`${path} is not UTF-8 text`);
	}
}

function main(): void {
	const args = options();
	if (args.help) {
		process.stdout.write(
			'usage: npm run -s deck -- [--input FILE.md] [--track facts|vocab|all] [--format json|csv] [--seed N]\n'
		);
		return;
	}
	const root = join(import.meta.dirname, '..');
	const entries = args.input
		? [textToLibraryEntry(args.input, readInput(args.input))]
		: readLibrary(root);
	// The curated lexicon covers the articles in content/; a text given with --input has none yet.
	const lexicon = args.input ? undefined : loadLexicon(readLexiconFiles(root));
	if (args.input && args.track === 'vocab') {
		process.stderr.write('deck: note: vocabulary needs a curated lexicon; --input gives none.\n');
	}
	// Any text gets the lemma table as its fact generator's guide (the curated article needs none).
	const lemmas = args.input && args.track !== 'vocab' ? loadLemmaTable(root) : undefined;
	const deck = buildDeck(entries, { track: args.track, seed: args.seed, lexicon, lemmas });
	const sentences = new Map(
		entries.flatMap(({ article }) => article.sentences.map((s) => [s.id, s.text] as const))
	);
	process.stdout.write(
		args.format === 'csv' ? deckToCsv(deck) : deckToJson(deck, sentences) + '\n'
	);
}

try {
	main();
} catch (error) {
	const known = error instanceof UsageError || error instanceof InputError;
	const message =
		error instanceof ContentError || known ? error.message : `unexpected error: ${String(error)}`;
	process.stderr.write(`deck: ${message}\n`);
	process.exitCode = error instanceof UsageError ? 2 : 1;
}
