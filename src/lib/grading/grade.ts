/**
 * Grading of typed answers, shared by every exercise.
 *
 * A learner should not lose a point for what a teacher would let pass (case, punctuation, a
 * leading article, a missing accent, one slip of the finger, `diecimila` for `10.000`), but must
 * be told about accents and typos, and must never get a different number or a distractor accepted.
 * Nor is a real word a typo: another form of the asked word, another word one letter away, a
 * homophone or a double consonant are named for what they are.
 */
import { diffChars, type DiffPart } from '$lib/grading/diff';
import type { Feedback, Verdict } from '$lib/grading/feedback';
import { compare, MAX_LENGTH, prepare, type Prepared, type Rules } from '$lib/grading/compare';
import { findForm, findNeighbour, nearForm, sameWord, type WordForms } from '$lib/grading/forms';
import { doubledConsonant } from '$lib/grading/spelling';
import {
	bareOf,
	joinBare,
	optionalSpellings,
	toWords,
	withoutArticle,
	type Word
} from '$lib/grading/words';

export type { Feedback, GrammarSlip, Verdict } from '$lib/grading/feedback';

export interface GradeResult {
	/** correct: right after normalisation; close: accepted, with feedback; wrong: not accepted. */
	verdict: Verdict;
	accepted: boolean;
	/** The learner's answer, trimmed (and capped at 500 characters). */
	given: string;
	/** The canonical answer. */
	expected: string;
	/**
	 * The accepted spelling it was graded against (the answer, one of `accept` or a synonym, with
	 * or without its optional parts; the answer for another form of the word), null when wrong.
	 */
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
	/** Right answers in other words (supporto for sostegno): accepted, naming the article's word. */
	synonyms?: readonly string[];
	/** The real words around a one-word answer: its other forms and its neighbours. */
	forms?: WordForms;
	/**
	 * Another form of the asked word (truppe for truppa) is accepted, named: the card asks for the
	 * word, not for one form of it. Otherwise (a gap in a sentence, a word heard) it is wrong.
	 */
	acceptForms?: boolean;
	/**
	 * The answer was heard, not read: a homophone (a for ha, e for è) is accepted and named, as
	 * no ear can tell them apart; a single consonant for a double one is wrong, as it is another
	 * word (note, notte).
	 */
	heard?: boolean;
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

interface Graded {
	verdict: Verdict;
	matched: string | null;
	feedback: Feedback[];
}

const RANK: Record<Verdict, number> = { correct: 0, close: 1, wrong: 2 };

/** Whether `a` is a better outcome than `b`: a better verdict, then fewer remarks. */
const better = (a: Graded, b: Graded | null) =>
	!b ||
	RANK[a.verdict] < RANK[b.verdict] ||
	(a.verdict === b.verdict && a.feedback.length < b.feedback.length);

/**
 * The verdict of an answer that matched with these remarks: a synonym is right; a homophone is
 * right only when heard, and a double consonant only when read.
 */
function verdictOf(feedback: Feedback[], heard: boolean): Verdict {
	if (feedback.some((f) => (f.kind === 'homophone' && !heard) || (f.kind === 'double' && heard))) {
		return 'wrong';
	}
	return feedback.every((f) => f.kind === 'synonym') ? 'correct' : 'close';
}

interface Target {
	spelling: string;
	prepared: Prepared;
	synonym: boolean;
}

/** The best match of `learner` among the accepted spellings, or null when none passes. */
function bestMatch(
	learner: Prepared,
	targets: readonly Target[],
	answer: string,
	options: GradeOptions,
	rules: Rules
): Graded | null {
	let best: Graded | null = null;
	for (const target of targets) {
		const remarks = compare(learner, target.prepared, options.number?.value, rules);
		if (!remarks) continue;
		const feedback: Feedback[] = target.synonym
			? [...remarks, { kind: 'synonym', expected: answer, given: target.spelling }]
			: remarks;
		const graded = {
			verdict: verdictOf(feedback, rules.heard),
			matched: target.spelling,
			feedback
		};
		if (better(graded, best)) best = graded;
	}
	return best;
}

/**
 * A one-word answer that is a real word, but not the answer: another form of the asked word, or
 * another word. Null when the card knows no such word.
 */
function realWord(word: Word, answer: string, options: GradeOptions): Graded | null {
	const forms = options.forms!;
	const form = findForm(word, forms);
	if (form) {
		const accepted = options.acceptForms === true && sameWord(form.slip);
		const feedback: Feedback[] = [
			{ kind: 'form', slip: form.slip, lemma: forms.lemma, expected: answer, given: word.raw }
		];
		if (form.form.toLowerCase() !== word.norm) {
			feedback.unshift({ kind: 'accent', expected: form.form, given: word.raw });
		}
		return { verdict: accepted ? 'close' : 'wrong', matched: accepted ? answer : null, feedback };
	}
	const neighbour = findNeighbour(word, forms);
	if (!neighbour) return null;
	const feedback: Feedback[] = [
		{ kind: 'other-word', lemma: neighbour.lemma, expected: answer, given: word.raw }
	];
	if (doubledConsonant(word.bare, bareOf(answer))) {
		feedback.push({ kind: 'double', expected: answer, given: word.raw });
	}
	return { verdict: 'wrong', matched: null, feedback };
}

/**
 * Grades a typed answer against `answer` and its accepted variants.
 *
 * Ignored: case, spacing, punctuation, a leading article, the kind of apostrophe, qualifiers
 * around a figure, optional parts in parentheses (`in cambio (di)`). Accepted with feedback:
 * wrong or missing accents (also `piu'` for `più`), a small typo (Damerau–Levenshtein ≤ 1 for
 * 4–8 letters, ≤ 2 beyond, none below 4), a number in another notation, a synonym (right, naming
 * the article's word), and as `options` say another form of the word or a homophone heard.
 * Wrong, and named: a real form or word that is not the answer (see `options.forms`), a non-word
 * that is a botched other form of the word (`guerri`, near `guerre`; see `nearForm`), a
 * homophone written (`a` for `ha`), a double consonant heard. Wrong: a different number, a
 * rejected option, anything further off.
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
	const result = ({ verdict, matched, feedback }: Graded): GradeResult => ({
		verdict,
		accepted: verdict !== 'wrong',
		given: learner.text,
		expected,
		matched,
		feedback,
		diff: diffChars(learner.text, (matched ?? answer).trim())
	});
	const wrong = (feedback: Feedback[] = []) =>
		result({ verdict: 'wrong', matched: null, feedback });
	if (!learner.text) return wrong([{ kind: 'empty' }]);
	// Past the cap two different texts would compare equal; nothing that long is a real answer.
	if (given.trim().length > MAX_LENGTH && given.trim() !== expected) return wrong();

	const spell = (forms: readonly string[], synonym: boolean): Target[] =>
		forms.flatMap((form) =>
			optionalSpellings(form).map((spelling) => ({
				spelling,
				prepared: prepare(spelling),
				synonym
			}))
		);
	const targets = [...spell([answer, ...accept], false), ...spell(options.synonyms ?? [], true)];
	const heard = options.heard === true;

	// Right, but for accents or a homophone: nothing else can explain it better.
	const exact = bestMatch(learner, targets, expected, options, { typos: false, heard });
	if (exact) return result(exact);

	// A real word is never a typo of the answer.
	const word = options.forms && learner.words.length === 1 ? learner.words[0] : undefined;
	const real = word && realWord(word, expected, options);
	if (real) return result(real);

	// A rejected option may be one typo away from the answer ("Kiev"/"Kyiv" style pairs): typing it
	// exactly must not pass as a slip.
	const typed = joinBare(learner.words);
	const typos = !(options.reject ?? []).some((r) => joinBare(prepare(r).words) === typed);
	const typo = bestMatch(learner, targets, expected, options, { typos, heard });
	// A botched other form of the word (guerri, near guerre) is not silently the answer, and is
	// worth naming when it is no answer at all.
	const typoOf = typo && joinBare(prepare(typo.matched ?? expected).words);
	const near = word && nearForm(word, typoOf, options.forms!);
	if (near) {
		const { lemma } = options.forms!;
		return wrong([{ kind: 'near-form', ...near, lemma, expected, given: word.raw }]);
	}
	if (typo) return result(typo);

	const [only] = learner.words;
	if (learner.words.length === 1 && doubledConsonant(only.bare, bareOf(expected))) {
		return wrong([{ kind: 'double', expected, given: only.raw }]);
	}
	return wrong();
}
