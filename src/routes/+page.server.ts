import { summarize } from '$lib/content/summary';
import { getArticles } from '$lib/server/content';
import { browserTexts, deletedTitle, StorageError, type ListedText } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { cookies } = event;
	// The curated articles are the page; a database that cannot be read only hides the texts.
	let texts: { own: ListedText[]; opened: ListedText[] } = { own: [], opened: [] };
	try {
		texts = browserTexts(cookies);
	} catch (failure) {
		if (!(failure instanceof StorageError)) throw failure;
		console.error('Home page: the added texts could not be read', failure.message);
	}
	return { articles: getArticles().map(summarize), ...texts, deleted: deletedTitle(event) };
};
