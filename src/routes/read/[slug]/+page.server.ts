import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getReaderArticle } from '$lib/server/reader';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const article = getReaderArticle(params.slug);
	if (!article) error(404, m.error_article_not_found({ slug: params.slug }));
	return { article };
};
