/**
 * Checking a quiz answer: the grading module decides; the result carries what the learner
 * needs to learn from it (the right answer, what differed, the source sentence).
 */
import { cardBack, type CardBack } from '$lib/cards/projection';
import type { Card } from '$lib/cards/types';
import { grade, type GradeResult } from '$lib/grading/grade';

/** A graded answer, with the card's back (`cardBack`): shown only once the card is answered. */
export interface AnswerResult extends GradeResult, CardBack {
	card: string;
}

/**
 * Grades an answer to a card: a choice is the option or not; a typed answer goes through
 * `grade` with what the card knows. A production card asks for a word, so another form of it
 * is accepted and named; a gap or a word heard asks for one form, so another is wrong (named);
 * a word heard may be a homophone of the answer, but not a single for a double consonant.
 */
export function gradeCard(card: Card, given: string): AnswerResult {
	// The source's misprints are never a typo of the word, whatever else the card knows.
	const misprints = Object.entries(card.slips ?? {})
		.filter(([, slip]) => slip === 'misprint')
		.map(([form]) => form);
	const result =
		card.options.length > 0
			? // A choice is right or wrong: no typo tolerance between two options.
				grade(given, card.answer, [], { reject: card.options.filter((o) => o !== card.answer) })
			: grade(given, card.answer, card.accept, {
					number: card.number,
					// Without the lemma table's forms, the card's own slips keep another form of
					// the word from passing as a typo of it (truppe for truppa).
					reject: card.forms ? misprints : Object.keys(card.slips ?? {}),
					synonyms: card.synonyms,
					forms: card.forms,
					acceptForms: card.type === 'production',
					heard: card.type === 'listening'
				});
	const graded = withGrammar(card, given, result);
	return { ...graded, card: card.id, ...cardBack(card) };
}

const ARTICLE_GENDER: Record<string, 'm' | 'f'> = {
	il: 'm',
	lo: 'm',
	un: 'm',
	uno: 'm',
	la: 'f',
	una: 'f'
};

/**
 * Names what went wrong when a learner typed the right word with the wrong article (`il truppa`
 * is a gender slip) or, on a card without the table's forms, another form of it (`truppe`).
 */
function withGrammar(card: Card, given: string, result: GradeResult): GradeResult {
	const words = given.trim().toLowerCase().split(/\s+/u);
	const [article, word] = words.length === 2 ? words : [undefined, words[0]];
	// The table's forms, when the card has them, named the form already (and better); the
	// article's misprint it cannot know.
	const own = card.slips?.[word ?? ''];
	const slip = card.forms && own !== 'misprint' ? undefined : own;
	if (result.verdict === 'wrong' && slip) {
		return {
			...result,
			feedback: [
				...result.feedback,
				{ kind: 'grammar', detail: slip, expected: card.answer, given }
			]
		};
	}
	const articleGender = article ? ARTICLE_GENDER[article] : undefined;
	if (result.accepted && card.gender && articleGender && articleGender !== card.gender) {
		return {
			...result,
			verdict: 'close',
			feedback: [
				...result.feedback,
				{ kind: 'grammar', detail: 'gender', expected: card.accept[0] ?? card.answer, given }
			]
		};
	}
	return result;
}
