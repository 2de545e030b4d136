/**
 * One typed answer against one accepted form: word by word (accents, typos, homophones, double
 * consonants) or, for a figure, by value.
 */
import type { Feedback } from '$lib/grading/feedback';
import { findNumbers, type NumberMatch } from '$lib/grading/numbers';
import { doubledConsonant, homophones } from '$lib/grading/spelling';
import {
	ARTICLES,
	editDistance,
	joinBare,
	joinRaw,
	toWords,
	typoAllowance,
	withoutArticle,
	type Word
} from '$lib/grading/words';

/** Bounds the quadratic work (edit distance) on pasted or hostile input. */
export const MAX_LENGTH = 500;

/**
 * Words a figure may come with that do not change the answer: qualifiers (più di, circa, fino a,
 * about, more than, up to), articles and the "di"/"of" before a unit.
 */
const NUMBER_FILLERS: ReadonlySet<string> = new Set([
	...[...ARTICLES].map((a) => a.replace("'", '')),
	...['piu', 'di', 'circa', 'oltre', 'quasi', 'almeno', 'fino', 'meno', 'intorno', 'sopra'],
	...['sotto', 'ca', 'e', 'ed', 'about', 'around', 'approximately', 'roughly', 'nearly'],
	...['almost', 'over', 'more', 'than', 'up', 'to', 'at', 'least', 'less', 'fewer', 'of', 'and']
]);

export interface Prepared {
	text: string;
	words: Word[];
	numbers: NumberMatch[];
	/** The words that are not part of a number, qualifier or article. */
	rest: Word[];
}

/** How lenient a comparison is. */
export interface Rules {
	/** Small typos pass (reported); without, only accents and homophones do. */
	typos: boolean;
	/** The answer was heard: a word that sounds the same is a homophone, not an accent slip. */
	heard: boolean;
}

export function prepare(input: string): Prepared {
	const text = input.trim().slice(0, MAX_LENGTH).normalize('NFC');
	const numbers = findNumbers(text);
	let outside = text;
	for (const n of [...numbers].reverse()) {
		outside = `${outside.slice(0, n.start)} ${outside.slice(n.end)}`;
	}
	const rest = toWords(outside).filter((w) => !NUMBER_FILLERS.has(w.bare));
	return { text, words: withoutArticle(toWords(text)), numbers, rest };
}

/** Same word, or the same but quoted (`Russia'`): a final apostrophe only counts where it can be an accent. */
function sameSpelling(given: Word, expected: Word): boolean {
	return (
		given.norm === expected.norm ||
		(given.norm === `${expected.norm}'` && expected.norm === expected.bare)
	);
}

const digitsOf = (text: string) => (text.match(/\d+/g) ?? []).join(' ');

/** What is wrong with one typed word against one expected word, if anything. */
function wordSlip(g: Word, e: Word, rules: Rules): Feedback | null {
	const pair = { expected: e.raw, given: g.raw };
	if (g.bare === e.bare) {
		if (sameSpelling(g, e)) return null;
		return { kind: rules.heard && homophones(g.norm, e.norm) ? 'homophone' : 'accent', ...pair };
	}
	if (homophones(g.norm, e.norm)) return { kind: 'homophone', ...pair };
	if (doubledConsonant(g.bare, e.bare)) return { kind: 'double', ...pair };
	return { kind: 'typo', ...pair };
}

/**
 * Feedback when `given` passes for `expected` word by word (none when exact), or null when it does
 * not: accents and homophones always compare (the caller decides whether a homophone is right),
 * typos only under `rules.typos` and never in digits.
 */
function compareWords(given: Word[], expected: Word[], rules: Rules): Feedback[] | null {
	if (given.length === 0 || expected.length === 0) return null;
	const aligned = given.length === expected.length;
	const perWord = (): Feedback[] => given.flatMap((g, i) => wordSlip(g, expected[i], rules) ?? []);
	const alike = (g: Word, e: Word) => g.bare === e.bare || homophones(g.norm, e.norm);
	if (aligned && given.every((g, i) => alike(g, expected[i]))) return perWord();
	const [g, e] = [joinBare(given), joinBare(expected)];
	if (!rules.typos || digitsOf(g) !== digitsOf(e)) return null;
	const max = typoAllowance(Array.from(e.replace(/ /g, '')).length);
	if (max === 0 || editDistance(g, e, max) > max) return null;
	return aligned
		? perWord()
		: [{ kind: 'typo', expected: joinRaw(expected), given: joinRaw(given) }];
}

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
/** Two notations of a number are the same form when they differ only in case or spacing. */
const numberForm = (text: string) => text.toLowerCase().replace(/\s/gu, '');

/**
 * Grades a figure: the value decides, the notation is only reported. Words around the number must
 * agree when both sides have some (`4.000 soldati` is not `4.000 euro`), but may be left out.
 */
function compareNumbers(
	given: Prepared,
	expected: Prepared,
	target: number | undefined,
	rules: Rules
): Feedback[] | null {
	const values = given.numbers.map((n) => n.value);
	const wanted = expected.numbers.map((n) => n.value);
	const single = target ?? (new Set(wanted).size === 1 ? wanted[0] : undefined);
	const valueOk =
		single === undefined
			? values.length === wanted.length && values.every((v, i) => sameValue(v, wanted[i]))
			: values.every((v) => sameValue(v, single));
	if (!valueOk) return null;
	const feedback: Feedback[] = [];
	given.numbers.forEach((n, i) => {
		const shown = expected.numbers[Math.min(i, expected.numbers.length - 1)]?.text ?? expected.text;
		if (numberForm(shown) !== numberForm(n.text)) {
			feedback.push({ kind: 'number-format', expected: shown, given: n.text });
		}
	});
	feedback.push(...qualifierAccents(given, expected));
	if (given.rest.length === 0 || expected.rest.length === 0) return feedback;
	const words = compareWords(given.rest, expected.rest, rules);
	return words && [...feedback, ...words];
}

/** Qualifiers are optional, but one typed without its accent (`piu di`) is still an accent slip. */
function qualifierAccents(given: Prepared, expected: Prepared): Feedback[] {
	const wanted = new Map(
		expected.words.filter((w) => NUMBER_FILLERS.has(w.bare)).map((w) => [w.bare, w])
	);
	return given.words
		.filter((w) => NUMBER_FILLERS.has(w.bare))
		.flatMap((w) => {
			const right = wanted.get(w.bare);
			return right && right.norm !== w.norm
				? [{ kind: 'accent' as const, expected: right.raw, given: w.raw }]
				: [];
		});
}

/** Feedback for `given` against one accepted form, or null when it does not pass. */
export function compare(
	given: Prepared,
	expected: Prepared,
	target: number | undefined,
	rules: Rules
): Feedback[] | null {
	// A number in words is a numeric answer only when it is the whole answer ("diecimila"), so
	// that "tu sei" is still graded as words.
	const numeric =
		target !== undefined ||
		(expected.numbers.length > 0 && (/\d/.test(expected.text) || expected.rest.length === 0));
	if (numeric && given.numbers.length > 0) {
		return compareNumbers(given, expected, target, rules);
	}
	return compareWords(given.words, expected.words, rules);
}
