import type { BrowseCard } from '$lib/srs/browse';
import { getArticles } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import { browserTexts, StorageError } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

/**
 * Every card this browser studies or could study: the curated articles' and those of the texts it
 * added or opened, with what the browser shows and searches (no options or grading data).
 */
export const load: PageServerLoad = ({ cookies }) => {
	const texts = getArticles().map(({ slug, meta }) => ({ slug, title: meta.title }));
	try {
		const { own, opened } = browserTexts(cookies);
		for (const text of [...own, ...opened]) texts.push({ slug: text.slug, title: text.title });
	} catch (failure) {
		// The curated cards do not need the texts' database: only the added texts' cards are missing.
		if (!(failure instanceof StorageError)) throw failure;
		console.error('Card browser: the added texts could not be read', failure.message);
	}
	const cards: BrowseCard[] = [];
	for (const { slug, title } of texts) {
		for (const card of getDeck(slug).cards) {
			cards.push({
				id: card.id,
				track: card.track,
				type: card.type,
				origin: card.origin,
				sibling: card.sibling,
				article: slug,
				title,
				prompt: card.prompt,
				answer: card.answer,
				sentence: card.source.text,
				sentenceId: card.source.sentence
			});
		}
	}
	return { texts, cards };
};
