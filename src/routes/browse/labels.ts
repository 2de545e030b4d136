import { m } from '$lib/paraglide/messages';
import type { Sort, StateFilter, StudyState } from '$lib/srs/browse';
import type { Flag } from '$lib/srs/marks';

/** Names of the state filters and of the study states, as the browser shows them. */
export const STATE_NAMES: Record<StateFilter, () => string> = {
	all: m.browse_state_all,
	new: m.browse_state_new,
	learning: m.browse_state_learning,
	review: m.browse_state_review,
	relearning: m.browse_state_relearning,
	due: m.browse_state_due,
	suspended: m.browse_state_suspended,
	buried: m.browse_state_buried,
	flagged: m.browse_state_flagged
};

export const STUDY_STATE_NAMES: Record<StudyState, () => string> = STATE_NAMES;

export const SORT_NAMES: Record<Sort, () => string> = {
	deck: m.browse_sort_deck,
	due: m.browse_sort_due,
	prompt: m.browse_sort_prompt
};

export const FLAG_NAMES: Record<Flag, () => string> = {
	red: m.browse_flag_red,
	orange: m.browse_flag_orange,
	green: m.browse_flag_green,
	blue: m.browse_flag_blue
};
