/**
 * What grading tells a learner: the verdict and each thing that differed from the answer.
 */
import type { FormSlip } from '$lib/grading/forms';

export type Verdict = 'correct' | 'close' | 'wrong';

export type Feedback =
	| { kind: 'accent'; expected: string; given: string }
	| { kind: 'typo'; expected: string; given: string }
	/** One consonant single for a double one or the reverse (note for notte): another word in Italian. */
	| { kind: 'double'; expected: string; given: string }
	/** A word that sounds like the answer but is another word (a for ha, anno for hanno, e for è). */
	| { kind: 'homophone'; expected: string; given: string }
	| { kind: 'number-format'; expected: string; given: string }
	| { kind: 'article'; expected: string; given: string }
	/** Another form of the right word: wrong gender, number, or a conjugated verb. */
	| { kind: 'grammar'; detail: GrammarSlip; expected: string; given: string }
	/** A real form of the asked word (or of the same lemma as another part of speech). */
	| { kind: 'form'; slip: FormSlip; lemma: string; expected: string; given: string }
	/** Not a real form, but one letter from `form`, a form of the word that is not the answer. */
	| {
			kind: 'near-form';
			slip: FormSlip;
			lemma: string;
			form: string;
			expected: string;
			given: string;
	  }
	/** A real word of another lemma (forzi, from forzare, for forza). */
	| { kind: 'other-word'; lemma: string; expected: string; given: string }
	/** A synonym: right, but the article uses `expected`. */
	| { kind: 'synonym'; expected: string; given: string }
	| { kind: 'empty' };

/** `misprint`: the source's misprint of the word (dissuasire, printed for dissuadere). */
export type GrammarSlip = 'gender' | 'number' | 'gender-number' | 'verb-form' | 'misprint';
