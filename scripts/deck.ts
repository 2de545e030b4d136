/**
 * `npm run -s deck -- [--input FILE.md] [--track facts|vocab|all] [--format json|csv|apkg|terms]
 *   [--separator tab|comma|semicolon] [--progress BACKUP.json] [--origin URL] [--seed N]`
 *
 * Prints a deck to stdout: by default every article in content/ (curated and automatic cards);
 * with --input, the deck of that one Italian text (automatic cards only, its vocabulary made
 * from its own words), saving nothing. `apkg` is an Anki package (with the review history of a
 * progress backup given with --progress, links back to the reader at --origin); `terms` is term
 * and definition pairs for Quizlet or Anki, separated by --separator.
 * Any problem is one line on stderr and a non-zero exit: 1 for bad input, 2 for bad usage.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '$lib/content/schema';
import { buildDeck, type Deck, type TrackChoice } from '$lib/deck/deck';
import { deckToCsv, deckToJson } from '$lib/deck/export';
import { ankiCollection } from '$lib/export/anki';
import { historyOf } from '$lib/export/history';
import { SEPARATORS, termPairs, termsFile, type SeparatorName } from '$lib/export/terms';
import { apkgFile } from '$lib/server/export/apkg';
import { BackupError, parseBackup } from '$lib/storage/records';
import { textToLibraryEntry, MAX_INPUT_BYTES } from '$lib/deck/input';
import { readLexiconFiles, readLibrary } from '$lib/server/content-files';
import { loadDictionary } from '$lib/server/dictionary';
import { loadLemmaTable } from '$lib/server/lemmas';
import { loadLexicon } from '$lib/vocab/lexicon';

class UsageError extends Error {}
class InputError extends Error {}

const TRACKS = ['facts', 'vocab', 'all'] as const;
const FORMATS = ['json', 'csv', 'apkg', 'terms'] as const;
const SEPARATOR_NAMES = Object.keys(SEPARATORS) as SeparatorName[];

function options() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				input: { type: 'string' },
				track: { type: 'string', default: 'all' },
				format: { type: 'string', default: 'json' },
				seed: { type: 'string' },
				separator: { type: 'string', default: 'tab' },
				progress: { type: 'string' },
				origin: { type: 'string', default: process.env.ORIGIN ?? 'http://localhost:3000' },
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
	if (!SEPARATOR_NAMES.includes(values.separator as SeparatorName)) {
		throw new UsageError(
			`--separator must be one of ${SEPARATOR_NAMES.join(', ')} (got "${values.separator}")`
		);
	}
	if (!URL.canParse(values.origin) || !/^https?:$/u.test(new URL(values.origin).protocol)) {
		throw new UsageError(`--origin must be an http(s) address (got "${values.origin}")`);
	}
	const seed = values.seed === undefined ? undefined : Number(values.seed);
	if (seed !== undefined && !Number.isInteger(seed)) {
		throw new UsageError(`--seed must be a whole number (got "${values.seed}")`);
	}
	return {
		...values,
		track: values.track as TrackChoice,
		format: values.format as (typeof FORMATS)[number],
		separator: values.separator as SeparatorName,
		seed
	};
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

/** The review history of the deck's articles in a progress backup (Settings → Backup). */
function progressHistory(path: string, deck: Deck) {
	try {
		const backup = parseBackup(readInput(path));
		return historyOf(backup.states, backup.reviews, new Set(deck.articles.map((a) => a.slug)));
	} catch (error) {
		if (error instanceof BackupError) throw new InputError(`${path}: ${error.message}`);
		throw error;
	}
}

const ankiCollectionFile = (
	deck: Deck,
	history: ReturnType<typeof progressHistory>,
	origin: string
) => apkgFile(ankiCollection(deck, history, { origin, now: new Date() }));

function main(): void {
	const args = options();
	if (args.help) {
		process.stdout.write(
			'usage: npm run -s deck -- [--input FILE.md] [--track facts|vocab|all] [--format json|csv|apkg|terms]\n' +
				'  [--separator tab|comma|semicolon] [--progress BACKUP.json] [--origin URL] [--seed N]\n'
		);
		return;
	}
	const root = join(import.meta.dirname, '..');
	const entries = args.input
		? [textToLibraryEntry(args.input, readInput(args.input))]
		: readLibrary(root);
	// The curated lexicon is the vocabulary of the articles in content/; a text given with --input
	// gets one made from its own words, glossed by the lexicon first, then by the dictionary.
	const lexicon = loadLexicon(readLexiconFiles(root));
	const note = (message: string) => process.stderr.write(`deck: note: ${message}\n`);
	// Any text gets the lemma table as its generators' guide (the curated article needs none).
	const lemmas = args.input ? loadLemmaTable(root) : undefined;
	const generate =
		lemmas && args.track !== 'facts'
			? { lemmas, dictionary: loadDictionary(root, note) }
			: undefined;
	const deck = buildDeck(entries, {
		track: args.track,
		seed: args.seed,
		lexicon,
		lemmas,
		generate
	});
	if (args.format === 'apkg') {
		const history = args.progress ? progressHistory(args.progress, deck) : [];
		process.stdout.write(ankiCollectionFile(deck, history, args.origin));
		return;
	}
	if (args.format === 'terms') {
		const tracks = args.track === 'all' ? (['facts', 'vocab'] as const) : [args.track];
		const pairs = deck.articles.flatMap(({ slug }) =>
			tracks.flatMap((track) => termPairs(deck, slug, track))
		);
		process.stdout.write(termsFile(pairs, args.separator));
		return;
	}
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
