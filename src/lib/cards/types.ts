/**
 * Cards: what a learner reviews. A *fact* (curated) or a sentence (automatic) yields several cards
 * of different types; cards made from the same fact are *siblings*.
 */
import type { WordForms } from '$lib/grading/forms';
import type { GrammarSlip } from '$lib/grading/grade';

export type Track = 'facts' | 'vocab';
/** Every track, in the order pages list them. */
export const TRACKS: readonly Track[] = ['facts', 'vocab'];

/**
 * Fact cards: multiple-choice, cloze, true-false, numeric, open. Vocabulary cards: recognition
 * (Italian → English, a choice), production (English → Italian, typed), cloze (the form used in
 * the article's sentence), listening (the word spoken, typed back).
 */
export type CardType =
	| 'multiple-choice'
	| 'cloze'
	| 'true-false'
	| 'numeric'
	| 'open'
	| 'recognition'
	| 'production'
	| 'listening';

/** `curated`: made from a fact written by us; `auto`: generated from the text alone. */
export type CardOrigin = 'curated' | 'auto';

/** Where a card comes from: the exact sentence of the article. */
export interface CardSource {
	/** Article slug. */
	article: string;
	/** Sentence id (stable; `/read/<article>#<sentence>` shows it). */
	sentence: string;
	/** The whole sentence, exactly as in the article. */
	text: string;
}

export type NumberQualifier = 'exact' | 'about' | 'more-than' | 'up-to';

export interface Card {
	/** Stable across regeneration: depends on the fact (or sentence and answer) and the type only. */
	id: string;
	track: Track;
	type: CardType;
	origin: CardOrigin;
	/** Cards with the same key are siblings (same fact, or same sentence and answer). */
	sibling: string;
	/** The question in Italian (the cloze sentence with a gap, the statement for true/false). */
	prompt: string;
	/** The same prompt in English. */
	prompt_en: string;
	/** The right answer, as it should be shown. For true/false: `vero` or `falso`. */
	answer: string;
	/** Other answers that are also right when typed. */
	accept: string[];
	/** Choices to pick from (multiple choice: 4, answer among them once; true/false: vero, falso). */
	options: string[];
	/** For number answers: the value a typed answer is compared with, in any written form. */
	number?: { value: number; qualifier: NumberQualifier };
	/**
	 * Production cards: other forms of the same word and what is wrong with each, so that a
	 * learner who types `truppe` for `truppa` is told "number", not just "wrong".
	 */
	slips?: Record<string, GrammarSlip>;
	/**
	 * Typed vocabulary cards of one word: the word's other real forms and the real words one
	 * letter from the answer, from the lemma table (added on the server, see
	 * `$lib/deck/word-forms`), so that grading names them instead of taking them for typos.
	 */
	forms?: WordForms;
	/**
	 * Other words that are right too (supporto for sostegno): accepted, and the feedback says
	 * which word the article uses. Unlike `accept`, which holds spellings of the answer itself.
	 */
	synonyms?: string[];
	/** Production cards of nouns: the gender, to name a wrong article ("il truppa"). */
	gender?: 'm' | 'f';
	/** An optional remark shown after the answer (e.g. where the article is imprecise). */
	note?: { it: string; en: string };
	source: CardSource;
}

/** The gap shown in cloze prompts. */
export const GAP = '_____';
