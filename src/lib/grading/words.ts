/**
 * Answers as words: how a typed text is cut into words and how far two spellings are apart.
 * Shared by the grading of answers and by the tools that find the neighbours of a word.
 */

/** A word in three forms: as typed (for feedback), compared exactly, and compared loosely. */
export interface Word {
	raw: string;
	/** Lower case, accents kept: equal `norm` means correct. */
	norm: string;
	/** Without accents or a final apostrophe: equal `bare` means an accent slip (`piu'`, `perche`). */
	bare: string;
}

export const ARTICLES: ReadonlySet<string> = new Set([
	'il',
	'lo',
	'la',
	'i',
	'gli',
	"gl'",
	'le',
	"l'",
	'un',
	'uno',
	'una',
	"un'",
	'the',
	'a',
	'an'
]);

export const stripMarks = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** A single word's loose form: lower case, no accents, no final apostrophe. */
export const bareOf = (word: string) =>
	stripMarks(word.normalize('NFC').toLowerCase()).replace(/['’]$/u, '');

/** Words of a text: punctuation dropped, elisions split (`l’anno` → `l'` `anno`), both apostrophes one. */
export function toWords(text: string): Word[] {
	const unified = text.normalize('NFC').replace(/[’‘ʼ`´′]/gu, "'");
	const words: Word[] = [];
	for (const [token] of unified.matchAll(/[\p{L}\p{M}\p{N}']+/gu)) {
		// An opening quote is not part of the word; an elided article is a word of its own.
		for (const piece of token.replace(/^'+/, '').split(/(?<=')(?=[\p{L}\p{N}])/u)) {
			const raw = piece.replace(/'+$/, (quotes) => quotes.slice(0, 1));
			const norm = raw.toLowerCase();
			if (raw) words.push({ raw, norm, bare: stripMarks(norm).replace(/'$/, '') });
		}
	}
	return words;
}

/** Drops one leading article, unless it is the whole answer. */
export function withoutArticle(words: Word[]): Word[] {
	return words.length > 1 && ARTICLES.has(words[0].norm) ? words.slice(1) : words;
}

export const joinRaw = (words: Word[]) => words.map((w) => w.raw).join(' ');
export const joinBare = (words: Word[]) => words.map((w) => w.bare).join(' ');

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), by code point;
 * anything beyond `max` is reported as `max + 1`, so that long inputs cost little.
 */
export function editDistance(given: string, expected: string, max: number): number {
	const a = Array.from(given);
	const b = Array.from(expected);
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let before: number[] = [];
	let previous = b.map((_, j) => j + 1);
	previous.unshift(0);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				row[j] = Math.min(row[j], before[j - 2] + 1);
			}
		}
		[before, previous] = [previous, row];
	}
	return Math.min(previous[b.length], max + 1);
}

/** How many typos an answer of this many letters tolerates. */
export function typoAllowance(letters: number): number {
	if (letters < 4) return 0;
	return letters <= 8 ? 1 : 2;
}

/**
 * The ways an answer with optional parts in parentheses may be typed: `in cambio (di)` is
 * `in cambio di` or `in cambio`. At most three optional parts are expanded (eight spellings);
 * an answer without any is itself alone.
 */
export function optionalSpellings(answer: string): string[] {
	const parts = answer.split(/(\([^()]*\))/u);
	const optional = parts.filter((part) => /^\(.*\)$/su.test(part));
	if (optional.length === 0 || optional.length > 3) return [answer];
	let spellings = [''];
	for (const part of parts) {
		const inner = /^\((.*)\)$/su.exec(part)?.[1];
		spellings =
			inner === undefined
				? spellings.map((s) => s + part)
				: spellings.flatMap((s) => [`${s}${inner}`, s]);
	}
	return [...new Set(spellings.map((s) => s.replace(/\s+/gu, ' ').trim()).filter(Boolean))];
}
