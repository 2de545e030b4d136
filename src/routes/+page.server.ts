import { summarize } from '$lib/content/summary';
import { getArticles } from '$lib/server/content';
import { browserTexts, StorageError, type ListedText } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, url }) => {
	// The curated articles are the page; a database that cannot be read only hides the texts.
	let texts: { own: ListedText[]; opened: ListedText[] } = { own: [], opened: [] };
	try {
		texts = browserTexts(cookies);
	} catch (failure) {
		if (!(failure instanceof StorageError)) throw failure;
		console.error('Home page: the added texts could not be read', failure.message);
	}
	// After a deletion: its title, to say what went (shown as text, never as markup).
	const deleted = url.searchParams.get('deleted')?.slice(0, 200) || null;
	return { articles: getArticles().map(summarize), ...texts, deleted };
};
