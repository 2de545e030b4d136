import { TRACKS, type Track } from '$lib/cards/types';
import { getDeck } from '$lib/server/deck';
import { browserTexts, StorageError } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

/**
 * Cards never studied have no saved state: the size of the decks this browser can study (the
 * curated articles, the texts it added or opened) tells how many are new.
 */
export const load: PageServerLoad = ({ cookies }) => {
	const totalCards = Object.fromEntries(TRACKS.map((track) => [track, 0])) as Record<Track, number>;
	const count = (slug?: string) => {
		for (const card of getDeck(slug).cards) totalCards[card.track]++;
	};
	count();
	try {
		const { own, opened } = browserTexts(cookies);
		for (const text of [...own, ...opened]) count(text.slug);
	} catch (failure) {
		// The statistics of what was studied do not need the texts: only their new cards go uncounted.
		if (!(failure instanceof StorageError)) throw failure;
		console.error('Statistics: the added texts could not be read', failure.message);
	}
	return { totalCards };
};
