/**
 * The reader's view of each article, built once per server process: linking every token to the
 * lexicon and segmenting the sentences is work the content never changes between requests.
 */
import { toReaderArticle, type ReaderArticle } from '$lib/content/reader';
import { getLibrary } from './content';
import { getLexicon } from './lexicon';

const views = new Map<string, ReaderArticle>();

/** The reader view of the article with this slug, or undefined. */
export function getReaderArticle(slug: string): ReaderArticle | undefined {
	const cached = views.get(slug);
	if (cached) return cached;
	const entry = getLibrary().find(({ article }) => article.slug === slug);
	if (!entry) return undefined;
	const view = toReaderArticle(entry.article, entry.translation, getLexicon());
	views.set(slug, view);
	return view;
}
