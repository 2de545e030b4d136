import { error } from '@sveltejs/kit';
import { toReaderArticle } from '$lib/content/reader';
import { m } from '$lib/paraglide/messages';
import { getLibrary } from '$lib/server/content';
import { getLexicon } from '$lib/server/lexicon';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const entry = getLibrary().find(({ article }) => article.slug === params.slug);
	if (!entry) error(404, m.error_article_not_found({ slug: params.slug }));
	return { article: toReaderArticle(entry.article, entry.translation, getLexicon()) };
};
