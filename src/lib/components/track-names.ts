import type { Track } from '$lib/cards/types';
import { m } from '$lib/paraglide/messages';

/** Each track's name as pages show it; a `Record` so a new track cannot go without one. */
export const TRACK_NAMES: Record<Track, () => string> = {
	facts: m.track_facts,
	vocab: m.track_vocab
};
