import { error } from '@sveltejs/kit';
import { toReaderArticle } from '$lib/content/reader';
import { m } from '$lib/paraglide/messages';
import { getArticle } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, m.error_article_not_found({ slug: params.slug }));
	return { article: toReaderArticle(article) };
};
