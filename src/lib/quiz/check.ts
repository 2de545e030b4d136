/**
 * Checking a quiz answer: the grading module decides; the result carries what the learner
 * needs to learn from it (the right answer, what differed, the source sentence).
 */
import type { Card } from '$lib/cards/types';
import { grade, type GradeResult } from '$lib/grading/grade';

export interface AnswerResult extends GradeResult {
	card: string;
	answer: string;
	source: Card['source'];
	note?: Card['note'];
}

export function gradeCard(card: Card, given: string): AnswerResult {
	const result =
		card.options.length > 0
			? // A choice is right or wrong: no typo tolerance between two options.
				grade(given, card.answer, [], { reject: card.options.filter((o) => o !== card.answer) })
			: // Another form of the word is never a typo of it: truppe for truppa is a number slip.
				grade(given, card.answer, card.accept, {
					number: card.number,
					reject: Object.keys(card.slips ?? {})
				});
	const graded = withGrammar(card, given, result);
	return { ...graded, card: card.id, answer: card.answer, source: card.source, note: card.note };
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
 * Names what went wrong when a learner typed another form of the right word (production cards):
 * `truppe` for `truppa` is a number slip, `il truppa` a gender slip (the word itself is right).
 */
function withGrammar(card: Card, given: string, result: GradeResult): GradeResult {
	const words = given.trim().toLowerCase().split(/\s+/u);
	const [article, word] = words.length === 2 ? words : [undefined, words[0]];
	const slip = card.slips?.[word ?? ''];
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
