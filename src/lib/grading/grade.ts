/**
 * Grading of typed answers, shared by every exercise.
 *
 * A learner should not lose a point for what a teacher would let pass (case, punctuation, a
 * leading article, a missing accent, one slip of the finger, `diecimila` for `10.000`), but must
 * be told about accents and typos, and must never get a different number or a distractor accepted.
 */
import { diffChars, type DiffPart } from '$lib/grading/diff';
import { findNumbers, type NumberMatch } from '$lib/grading/numbers';

export type Verdict = 'correct' | 'close' | 'wrong';

export type Feedback =
	| { kind: 'accent'; expected: string; given: string }
	| { kind: 'typo'; expected: string; given: string }
	| { kind: 'number-format'; expected: string; given: string }
	| { kind: 'article'; expected: string; given: string }
	/**
	 * Another form of the right word: wrong gender, number, or a conjugated verb; or the source's
	 * misprint of it (`misprint`: dissuasire, printed for dissuadere).
	 */
	| { kind: 'grammar'; detail: GrammarSlip; expected: string; given: string }
	| { kind: 'empty' };

export type GrammarSlip = 'gender' | 'number' | 'gender-number' | 'verb-form' | 'misprint';

export interface GradeResult {
	/** correct: right after normalisation; close: accepted, with feedback; wrong: not accepted. */
	verdict: Verdict;
	accepted: boolean;
	/** The learner's answer, trimmed (and capped at 500 characters). */
	given: string;
	/** The canonical answer. */
	expected: string;
	/** The accepted form that matched (the answer or one of `accept`), null when wrong. */
	matched: string | null;
	feedback: Feedback[];
	/** `given` against the matched form (or the answer when wrong). */
	diff: DiffPart[];
}

export interface GradeOptions {
	/** The value a numeric answer must have, whatever the notation. */
	number?: { value: number };
	/** Other choices or distractors: typing one of them is wrong even if it is one typo away. */
	reject?: readonly string[];
}

/** Bounds the quadratic work (edit distance) on pasted or hostile input. */
const MAX_LENGTH = 500;

const ARTICLES: ReadonlySet<string> = new Set([
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

/** A word in three forms: as typed (for feedback), compared exactly, and compared loosely. */
interface Word {
	raw: string;
	/** Lower case, accents kept: equal `norm` means correct. */
	norm: string;
	/** Without accents or a final apostrophe: equal `bare` means an accent slip (`piu'`, `perche`). */
	bare: string;
}

interface Prepared {
	text: string;
	words: Word[];
	numbers: NumberMatch[];
	/** The words that are not part of a number, qualifier or article. */
	rest: Word[];
}

const stripMarks = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Words of a text: punctuation dropped, elisions split (`l’anno` → `l'` `anno`), both apostrophes one. */
function toWords(text: string): Word[] {
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
function withoutArticle(words: Word[]): Word[] {
	return words.length > 1 && ARTICLES.has(words[0].norm) ? words.slice(1) : words;
}

/**
 * The comparison form of an answer: lower case, accents kept, punctuation and a leading article
 * dropped, one space between words, `’` written `'`.
 *
 * @example normalizeAnswer('  La Russia! ') // 'russia'
 */
export function normalizeAnswer(text: string): string {
	return withoutArticle(toWords(text.slice(0, MAX_LENGTH)))
		.map((w) => w.norm)
		.join(' ');
}

function prepare(input: string): Prepared {
	const text = input.trim().slice(0, MAX_LENGTH).normalize('NFC');
	const numbers = findNumbers(text);
	let outside = text;
	for (const n of [...numbers].reverse()) {
		outside = `${outside.slice(0, n.start)} ${outside.slice(n.end)}`;
	}
	const rest = toWords(outside).filter((w) => !NUMBER_FILLERS.has(w.bare));
	return { text, words: withoutArticle(toWords(text)), numbers, rest };
}

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), by code point. */
function editDistance(given: string, expected: string, max: number): number {
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
	return previous[b.length];
}

/** How many typos an answer of this many letters tolerates. */
function typoAllowance(letters: number): number {
	if (letters < 4) return 0;
	return letters <= 8 ? 1 : 2;
}

/** Same word, or the same but quoted (`Russia'`): a final apostrophe only counts where it can be an accent. */
function sameWord(given: Word, expected: Word): boolean {
	return (
		given.norm === expected.norm ||
		(given.norm === `${expected.norm}'` && expected.norm === expected.bare)
	);
}

const joinRaw = (words: Word[]) => words.map((w) => w.raw).join(' ');
const joinBare = (words: Word[]) => words.map((w) => w.bare).join(' ');
const digitsOf = (text: string) => (text.match(/\d+/g) ?? []).join(' ');

/**
 * Feedback when `given` passes for `expected` word by word (none when exact), or null when it does
 * not: accents are always tolerated, typos only when `allowTypo` and never in digits.
 */
function compareWords(given: Word[], expected: Word[], allowTypo: boolean): Feedback[] | null {
	if (given.length === 0 || expected.length === 0) return null;
	const aligned = given.length === expected.length;
	const perWord = (): Feedback[] =>
		given.flatMap((g, i): Feedback[] => {
			const e = expected[i];
			if (g.bare !== e.bare) return [{ kind: 'typo', expected: e.raw, given: g.raw }];
			return sameWord(g, e) ? [] : [{ kind: 'accent', expected: e.raw, given: g.raw }];
		});
	if (aligned && given.every((g, i) => g.bare === expected[i].bare)) return perWord();
	const [g, e] = [joinBare(given), joinBare(expected)];
	if (!allowTypo || digitsOf(g) !== digitsOf(e)) return null;
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
	allowTypo: boolean
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
	const words = compareWords(given.rest, expected.rest, allowTypo);
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
function match(
	given: Prepared,
	expected: Prepared,
	options: GradeOptions,
	allowTypo: boolean
): Feedback[] | null {
	const target = options.number?.value;
	// A number in words is a numeric answer only when it is the whole answer ("diecimila"), so
	// that "tu sei" is still graded as words.
	const numeric =
		target !== undefined ||
		(expected.numbers.length > 0 && (/\d/.test(expected.text) || expected.rest.length === 0));
	if (numeric && given.numbers.length > 0) {
		return compareNumbers(given, expected, target, allowTypo);
	}
	return compareWords(given.words, expected.words, allowTypo);
}

/**
 * Grades a typed answer against `answer` and its accepted variants.
 *
 * Ignored: case, spacing, punctuation, a leading article, the kind of apostrophe, qualifiers
 * around a figure. Accepted with feedback: wrong or missing accents (also `piu'` for `più`),
 * a small typo (Damerau–Levenshtein ≤ 1 for 4–8 letters, ≤ 2 beyond, none below 4), a number
 * in another notation. Wrong: a different number, a rejected option, anything further off.
 * Never throws.
 *
 * @param accept other forms that count as right; the best match wins (correct over close, then
 *   fewer feedback items, then the earlier form).
 */
export function grade(
	given: string,
	answer: string,
	accept: readonly string[] = [],
	options: GradeOptions = {}
): GradeResult {
	const learner = prepare(given);
	const expected = answer.trim();
	const result = (verdict: Verdict, matched: string | null, feedback: Feedback[]) => ({
		verdict,
		accepted: verdict !== 'wrong',
		given: learner.text,
		expected,
		matched,
		feedback,
		diff: diffChars(learner.text, (matched ?? answer).trim())
	});
	if (!learner.text) return result('wrong', null, [{ kind: 'empty' }]);
	// Past the cap two different texts would compare equal; nothing that long is a real answer.
	if (given.trim().length > MAX_LENGTH && given.trim() !== expected) {
		return result('wrong', null, []);
	}

	// A rejected option may be one typo away from the answer ("Kiev"/"Kyiv" style pairs): typing it
	// exactly must not pass as a slip.
	const typed = joinBare(learner.words);
	const allowTypo = !(options.reject ?? []).some((r) => joinBare(prepare(r).words) === typed);
	let best: { matched: string; feedback: Feedback[] } | null = null;
	for (const form of [answer, ...accept]) {
		const feedback = match(learner, prepare(form), options, allowTypo);
		if (feedback && (!best || feedback.length < best.feedback.length)) {
			best = { matched: form, feedback };
		}
	}
	if (!best) return result('wrong', null, []);
	return result(best.feedback.length === 0 ? 'correct' : 'close', best.matched, best.feedback);
}
