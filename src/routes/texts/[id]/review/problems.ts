import type { AddedFactProblem } from '$lib/deck/added';
import type { CardEditProblem } from '$lib/deck/edits';
import { m } from '$lib/paraglide/messages';

/** What the person reads for each refusal of an edit. */
export function problemMessage(problem: CardEditProblem | AddedFactProblem): string {
	if (problem.field === 'span' && problem.code === 'not-in-sentence') {
		return m.texts_review_error_span_not_in_sentence();
	}
	switch (problem.code) {
		case 'unknown-sentence':
			return m.texts_review_error_unknown_sentence();
		case 'not-a-question':
			return m.texts_review_error_not_a_question();
		case 'empty':
			return m.texts_review_error_empty();
		case 'gap-missing':
			return m.texts_review_error_gap_missing();
		case 'gap-twice':
			return m.texts_review_error_gap_twice();
		case 'not-in-sentence':
			return m.texts_review_error_not_in_sentence();
		case 'not-true-false':
			return m.texts_review_error_not_true_false();
		case 'not-a-number':
			return m.texts_review_error_not_a_number();
		case 'right-answer':
			return m.texts_review_error_right_answer({ value: problem.value ?? '' });
		case 'repeated':
			return m.texts_review_error_repeated();
		case 'too-few':
			return m.texts_review_error_too_few();
	}
}
