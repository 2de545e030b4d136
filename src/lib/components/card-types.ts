import type { CardType } from '$lib/cards/types';
import { m } from '$lib/paraglide/messages';

/** What each type of card asks, as pages name it; a `Record` so a new type cannot go without. */
export const CARD_TYPE_NAMES: Record<CardType, () => string> = {
	'multiple-choice': m.quiz_type_multiple_choice,
	cloze: m.quiz_type_cloze,
	'true-false': m.quiz_type_true_false,
	numeric: m.quiz_type_numeric,
	open: m.quiz_type_open,
	recognition: m.quiz_type_recognition,
	production: m.quiz_type_production,
	listening: m.quiz_type_listening
};
