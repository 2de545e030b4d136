/**
 * Generation from a text, as for a text a user brings: the text read as a library entry
 * (`textToLibraryEntry`, as `deck --input` does), then its fact cards and its vocabulary with their
 * cards (`buildDeck`), at about 1,000 and 10,000 words.
 *
 * The texts are the curated article's body paragraphs, in order and repeated as needed, so
 * content/lexicon covers their words as it covers the article's (a text it does not cover gets
 * fewer vocabulary entries, not more). Each run starts from the text, so nothing a previous run
 * computed for its sentences is reused, and times its three steps in turn: reading, fact cards
 * (`track: 'facts'`), vocabulary (`track: 'vocab'`), the two halves `buildDeck` runs one after
 * the other for `track: 'all'`.
 */
import { performance } from 'node:perf_hooks';
import type { Library } from '$lib/content/library';
import { buildDeck } from '$lib/deck/deck';
import { textToLibraryEntry } from '$lib/deck/input';
import type { Lexicon } from '$lib/vocab/lexicon';
import { syntheticText, wordCount } from './text';
import { medianOf, ms } from './timing';

const SIZES = [
	{ words: 1_000, targetMs: 1_000, runs: 15 },
	{ words: 10_000, targetMs: 10_000, runs: 5 }
];
/** Untimed runs first: the first calls of the generators are slower (JIT, Intl data). */
const WARMUPS = 2;

interface Laps {
	reading: number;
	facts: number;
	vocab: number;
	total: number;
	/** CPU time of the whole run: steadier than the wall clock when others share the machine. */
	cpu: number;
}

/** One run from the text to both tracks' cards, each step timed. */
function generate(file: string, text: string, lexicon: Lexicon): Laps {
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const entry = textToLibraryEntry(file, text);
	const t1 = performance.now();
	buildDeck([entry], { track: 'facts' });
	const t2 = performance.now();
	buildDeck([entry], { track: 'vocab', lexicon });
	const t3 = performance.now();
	const { user, system } = process.cpuUsage(cpu0);
	return {
		reading: t1 - t0,
		facts: t2 - t1,
		vocab: t3 - t2,
		total: t3 - t0,
		cpu: (user + system) / 1000
	};
}

/** Median of each step over `runs` runs, after the warm-up runs. */
function medianLaps(runs: number, work: () => Laps): Laps {
	for (let i = 0; i < WARMUPS; i++) work();
	const laps = Array.from({ length: runs }, work);
	const of = (step: keyof Laps) => medianOf(laps.map((lap) => lap[step]));
	return {
		reading: of('reading'),
		facts: of('facts'),
		vocab: of('vocab'),
		total: of('total'),
		cpu: of('cpu')
	};
}

const seconds = (t: number) => `${t / 1000} s`;

export function benchGeneration(library: Library, lexicon: Lexicon): void {
	const [{ article }] = library;
	console.log(
		`Generation from a text (textToLibraryEntry + buildDeck: fact cards and vocabulary with content/lexicon; the article's paragraphs repeated; medians of ${SIZES.map((s) => s.runs).join(' and ')} runs)`
	);
	const totals: { words: number; time: number; cpu: number }[] = [];
	for (const { words: about, targetMs, runs } of SIZES) {
		const file = `testo-${about}.md`;
		const text = `# ${article.meta.title}\n\n${syntheticText(article, about)}\n`;
		const entry = textToLibraryEntry(file, text);
		const words = wordCount(entry.article);
		const deck = buildDeck([entry], { lexicon });
		const factCards = deck.cards.filter((c) => c.track === 'facts').length;
		const vocabCards = deck.cards.length - factCards;

		const time = medianLaps(runs, () => generate(file, text, lexicon));
		totals.push({ words, time: time.total, cpu: time.cpu });
		console.log(
			`  ${words.toLocaleString('en')} words (${factCards} fact cards, ${deck.vocab.length} vocabulary entries, ${vocabCards} vocabulary cards): ${ms(time.total)}, CPU ${ms(time.cpu)} (reading ${ms(time.reading)}, fact cards ${ms(time.facts)}, vocabulary ${ms(time.vocab)})  target < ${seconds(targetMs)}: ${time.total < targetMs ? 'met' : 'MISSED'}`
		);
	}
	const [small, large] = totals;
	const timeRatio = large.time / small.time;
	const cpuRatio = large.cpu / small.cpu;
	const wordRatio = large.words / small.words;
	console.log(
		`  10k / 1k words: ${timeRatio.toFixed(1)}× the time (${cpuRatio.toFixed(1)}× the CPU) for ${wordRatio.toFixed(1)}× the words (cost per word ${(timeRatio / wordRatio).toFixed(2)}×; 1.0 = linear)`
	);
}
