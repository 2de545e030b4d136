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
			: grade(given, card.answer, card.accept, { number: card.number });
	return { ...result, card: card.id, answer: card.answer, source: card.source, note: card.note };
}
