import type { Track } from '$lib/cards/types';
import { getDeck } from '$lib/server/deck';
import type { PageServerLoad } from './$types';

// Cards never studied have no saved state: the deck size tells how many are new.
export const load: PageServerLoad = () => {
	const totalCards: Record<Track, number> = { facts: 0, vocab: 0 };
	for (const card of getDeck().cards) totalCards[card.track]++;
	return { totalCards };
};
