/**
 * `npm run build:dictionary`: derives content/dictionary/ita-eng.tsv, the Italian–English glosses
 * that words of a new text get when the curated lexicon does not have them. Run by hand when a
 * source or the review list changes; the app and the deck command read only the derived file.
 *
 * Needs (Debian): `apt-get install dict-freedict-ita-eng dict-freedict-eng-ita wordnet-base`.
 *
 * Sources: FreeDict ita-eng 0.2 and eng-ita 0.1.2 (GPL-2.0-or-later, from Ergane), read in dictd
 * format; the derived file keeps their licence (content/dictionary/COPYING, README.md). WordNet
 * 3.0 (Princeton, a permissive licence) only tells the part of speech of each English word and
 * how often each is used, so that a gloss goes with an Italian word of the same part of speech;
 * none of its text is copied. The lemma table (npm run build:lemmas) tells the Italian one.
 *
 * Why so much cleaning: the dictd conversion cut every multi-word headword to its first word
 * ("edizione della sera" became edizione → "evening paper", "due volte" a second due →
 * "twice"), senses mix parts of speech ("comune": common, joint), and some glosses are rare or
 * wrong words. A wrong gloss teaches a mistake, so what is doubtful is left out: the word then
 * has no gloss yet, which the app says.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FUNCTION_WORDS } from '$lib/lemma/function-words';
import { parseLemmaTable } from '$lib/lemma/lemmatizer';
import type { LemmaTable } from '$lib/lemma/types';
import { lemmaTablePath } from '$lib/server/lemmas';
import { ADVERBS } from '$lib/vocab/content-words';
import { DICTIONARY_FILE, type GlossPos } from '$lib/vocab/dictionary';

const root = join(import.meta.dirname, '..');
const DICTD = '/usr/share/dictd';
const WORDNET = '/usr/share/wordnet';
const REVIEW = join(root, 'content/dictionary/rejected.txt');

/** A dictd entry: the headword and its senses, each a list of translations. */
interface Entry {
	head: string;
	senses: string[][];
	/** How many entries with the same headword came before: the later ones are cut phrases. */
	repeat: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64 = (s: string) => [...s].reduce((n, c) => n * 64 + BASE64.indexOf(c), 0);

function readDictd(name: string): Entry[] {
	const data = gunzipSync(readFileSync(join(DICTD, `freedict-${name}.dict.dz`)));
	const seen = new Map<string, number>();
	const entries: Entry[] = [];
	for (const line of readFileSync(join(DICTD, `freedict-${name}.index`), 'utf8').split('\n')) {
		const [head, offset, length] = line.split('\t');
		if (!length || head === '' || head.startsWith('00')) continue;
		const start = base64(offset);
		const text = data.subarray(start, start + base64(length)).toString('utf8');
		const [, ...lines] = text
			.replace(/\u2010/gu, '-')
			.trim()
			.split('\n');
		const senses = lines.map((sense) =>
			sense
				.replace(/^\d+\.\s*/u, '')
				.split(/,\s*/u)
				.map((word) => word.trim())
				.filter(Boolean)
		);
		const repeat = seen.get(head) ?? 0;
		seen.set(head, repeat + 1);
		entries.push({ head, senses, repeat });
	}
	return entries;
}

const WORDNET_POS: Record<string, GlossPos> = {
	'1': 'noun',
	'2': 'verb',
	'3': 'adjective',
	'5': 'adjective',
	'4': 'adverb'
};

/** English word → how often it is used as each part of speech (WordNet's tagged senses). */
function readWordNet(): Map<string, Map<GlossPos, number>> {
	const words = new Map<string, Map<GlossPos, number>>();
	const add = (word: string, pos: GlossPos, count: number) => {
		const parts = words.get(word) ?? new Map<GlossPos, number>();
		parts.set(pos, (parts.get(pos) ?? 0) + count);
		words.set(word, parts);
	};
	// Every part of speech a word has counts a little, even one never tagged in the corpus.
	for (const [file, pos] of [
		['noun', 'noun'],
		['verb', 'verb'],
		['adj', 'adjective'],
		['adv', 'adverb']
	] as const) {
		for (const line of readFileSync(join(WORDNET, `index.${file}`), 'utf8').split('\n')) {
			if (line === '' || line.startsWith(' ')) continue;
			add(line.slice(0, line.indexOf(' ')), pos, 0.5);
		}
	}
	for (const line of readFileSync(join(WORDNET, 'cntlist.rev'), 'utf8').split('\n')) {
		const [key, , count] = line.split(' ');
		const match = /^(.+)%(\d)/u.exec(key ?? '');
		if (match && WORDNET_POS[match[2]]) add(match[1], WORDNET_POS[match[2]], Number(count));
	}
	return words;
}

const wordnet = readWordNet();
const table: LemmaTable = parseLemmaTable(readFileSync(lemmaTablePath(root), 'utf8'));

const TAG: Record<string, GlossPos> = { NOUN: 'noun', VERB: 'verb', ADJ: 'adjective' };

/** The parts of speech an Italian headword has as a lemma (not as a form of another word). */
function italianPos(head: string): Set<GlossPos> {
	const found = new Set<GlossPos>();
	for (const reading of table.get(head) ?? []) {
		if (reading.lemma === head && TAG[reading.pos]) found.add(TAG[reading.pos]);
	}
	if (head.endsWith('mente') && found.size === 0) found.add('adverb');
	// Adverbs of time the table has as nouns: the vocabulary teaches them as adverbs.
	if (ADVERBS.has(head)) return new Set(['adverb']);
	return found;
}

/** Phrasal glosses WordNet lacks ("be able to", "get used"): a verb when they start with one. */
const VERB_PHRASE = /^(?:be|get|go|make|take|have|give|put|come|keep|set|turn|run) \p{L}/u;

/** How much of an English gloss's use is as each part of speech, from 0 to 1. */
function englishShares(gloss: string): Map<GlossPos, number> {
	const key = gloss.toLowerCase().replace(/^to /u, '').replace(/\s+/gu, '_');
	const counts = wordnet.get(key);
	if (!counts) return new Map(VERB_PHRASE.test(gloss) ? [['verb', 1]] : []);
	const total = [...counts.values()].reduce((a, b) => a + b, 0);
	return new Map([...counts].map(([pos, n]) => [pos, n / total]));
}

/** How often an English word is used at all, for picking common words over rare ones. */
function usage(gloss: string, pos: GlossPos): number {
	return wordnet.get(gloss.toLowerCase().replace(/\s+/gu, '_'))?.get(pos) ?? 0;
}

/** A gloss with a capital inside a phrase is a cut name ("Adam's apple" for pomo, "Rhine barge"). */
const cutName = (gloss: string) => /\s/u.test(gloss) && /\p{Lu}/u.test(gloss);

/**
 * The senses of an entry that fit each part of speech of its headword, their words filtered: a
 * sense goes to the part of speech its words are mostly used as (common, joint is an adjective's
 * sense, not the noun comune's), and within it only words that have that part of speech.
 */
function sensesByPos(head: string, senses: string[][], pos: Set<GlossPos>) {
	const result = new Map<GlossPos, string[][]>();
	for (const sense of senses) {
		// A capitalised word among lower-case ones is noise (parte: part, Parthian, share).
		const lower = sense.some((g) => !/\p{Lu}/u.test(g));
		const words = sense.filter((g) => !cutName(g) && !(lower && /\p{Lu}/u.test(g)));
		const shares = words.map(englishShares);
		const score = (p: GlossPos) =>
			shares.reduce((sum, s) => sum + (s.get(p) ?? 0), 0) / Math.max(1, words.length);
		const scores = [...pos].map((p) => [p, score(p)] as const);
		const best = Math.max(...scores.map(([, s]) => s));
		for (const [p, s] of scores) {
			const fits = pos.size === 1 ? s >= 0.15 : s === best || s >= 0.35;
			if (!fits || s === 0) continue;
			const kept = words.filter((g, i) => (shares[i].get(p) ?? 0) > 0);
			if (kept.length > 0) result.set(p, [...(result.get(p) ?? []), kept]);
		}
	}
	return result;
}

/** Italian and English words that share their start (abbandonare, abandon): the best gloss. */
function cognate(italian: string, english: string): boolean {
	const plain = (word: string) =>
		word
			.toLowerCase()
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.replace(/(\p{L})\1/gu, '$1');
	const a = plain(italian);
	const b = plain(english.replace(/^to /u, ''));
	let same = 0;
	while (same < a.length && a[same] === b[same]) same++;
	return same >= 4 || (same >= 3 && same * 2 >= b.length);
}

/**
 * The gloss as the file keeps it: short and common. At most two senses and four words. Within a
 * sense a cognate comes first (accettare: accept), then the source's order, which puts its main
 * words first; a word nobody uses is dropped where the sense has a common one (entusiasmo:
 * enthusiasm, not alacrity).
 */
function formatGloss(head: string, senses: string[][], pos: GlossPos): string {
	const picked: string[][] = [];
	let count = 0;
	for (const sense of senses) {
		const common = sense.filter((g) => usage(g, pos) >= 1 || /\s/u.test(g));
		const rank = (g: string) => (cognate(head, g) ? 1 : 0);
		const words = (common.length > 0 ? common : sense)
			.filter((g) => !picked.flat().includes(g))
			.sort((a, b) => rank(b) - rank(a))
			.slice(0, picked.length === 0 ? 3 : 2);
		if (words.length === 0 || count + words.length > 4) continue;
		picked.push(words);
		count += words.length;
		if (picked.length === 2) break;
	}
	const verb = (g: string) => (pos === 'verb' && !g.startsWith('to ') ? `to ${g}` : g);
	return picked.map((sense) => sense.map(verb).join(', ')).join('; ');
}

/**
 * The review list, one entry a line, the reason after `#`: `lemma` drops the word, `lemma pos`
 * that part of speech, `lemma pos -word…` only those English words of its gloss.
 */
function readRejected(): Map<string, Set<string> | 'all'> {
	const rejected = new Map<string, Set<string> | 'all'>();
	for (const line of readFileSync(REVIEW, 'utf8').split('\n')) {
		const [entry] = line.split('#');
		const [lemma, pos, ...rest] = entry.trim().split(/\s+-/u)[0].split(/\s+/u);
		if (!lemma) continue;
		const words = entry
			.split(/\s+-/u)
			.slice(1)
			.map((w) => w.trim());
		if (rest.length > 0) throw new Error(`${REVIEW}: cannot read "${line}"`);
		const key = pos ? `${pos}:${lemma}` : lemma;
		rejected.set(key, words.length > 0 ? new Set(words) : 'all');
	}
	return rejected;
}

const isFunctionWord = (head: string) => FUNCTION_WORDS.has(head.toLowerCase());
const rejected = readRejected();
const glosses = new Map<string, { lemma: string; pos: GlossPos; gloss: string; from: string }>();

for (const entry of readDictd('ita-eng')) {
	const { head } = entry;
	if (entry.repeat > 0 || /[\s'’.]|^\p{Lu}/u.test(head) || isFunctionWord(head)) continue;
	if (rejected.get(head) === 'all') continue;
	for (const [pos, senses] of sensesByPos(head, entry.senses, italianPos(head))) {
		const review = rejected.get(`${pos}:${head}`);
		if (review === 'all') continue;
		const kept = senses.map((sense) => sense.filter((g) => !review?.has(g)));
		const gloss = formatGloss(head, kept, pos);
		if (gloss) glosses.set(`${pos}:${head}`, { lemma: head, pos, gloss, from: 'ita-eng' });
	}
}

/**
 * eng-ita read backwards, only for words ita-eng lacks and only where it is safe: a one-word
 * English headword given once, whose first translation is the Italian word, a common English
 * word of the Italian word's part of speech. Each Italian word keeps its two most used.
 */
const reversed = new Map<string, { lemma: string; pos: GlossPos; words: string[] }>();
for (const entry of readDictd('eng-ita')) {
	const english = entry.head;
	if (entry.repeat > 0 || /[\s.]|^\p{Lu}/u.test(english)) continue;
	const italian = entry.senses[0]?.[0];
	if (!italian || /[\s'’.]|^\p{Lu}/u.test(italian) || isFunctionWord(italian)) continue;
	if (rejected.get(italian) === 'all') continue;
	for (const [pos] of sensesByPos(italian, [[english]], italianPos(italian))) {
		const key = `${pos}:${italian}`;
		if (glosses.has(key) || usage(english, pos) < 2) continue;
		const review = rejected.get(key);
		if (review === 'all' || review?.has(english)) continue;
		const found = reversed.get(key) ?? { lemma: italian, pos, words: [] };
		found.words.push(english);
		reversed.set(key, found);
	}
}
for (const [key, { lemma, pos, words }] of reversed) {
	const common = words.sort((a, b) => usage(b, pos) - usage(a, pos)).slice(0, 2);
	glosses.set(key, { lemma, pos, gloss: formatGloss(lemma, [common], pos), from: 'eng-ita' });
}

const HEADER = `# Italian → English glosses for Ripasso: generated by scripts/build-dictionary.ts, do not edit.
# Derived from FreeDict ita-eng 0.2 and eng-ita 0.1.2 (FreeDict contributors, from Ergane;
# https://freedict.org), GNU GPL version 2 or later: see COPYING and README.md beside this file.
# Parts of speech matched with WordNet 3.0 (Princeton University). lemma<TAB>pos<TAB>gloss<TAB>source
`;
const rows = [...glosses.values()]
	.sort((a, b) => a.lemma.localeCompare(b.lemma, 'it') || a.pos.localeCompare(b.pos))
	.map(({ lemma, pos, gloss, from }) => `${lemma}\t${pos}\t${gloss}\t${from}`);
writeFileSync(join(root, DICTIONARY_FILE), HEADER + rows.join('\n') + '\n');
console.log(`${DICTIONARY_FILE}: ${rows.length} glosses`);
