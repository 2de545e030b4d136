import { json } from '@sveltejs/kit';
import { getArticles } from '$lib/server/content';
import { browserTexts, StorageError } from '$lib/server/texts';
import type { RequestHandler } from './$types';

/**
 * The articles this browser can export: the curated ones and the texts it added or opened (the
 * Settings page renders in the browser, so it asks here).
 */
export const GET: RequestHandler = ({ cookies }) => {
	const articles = getArticles().map((article) => ({
		slug: article.slug,
		title: article.meta.title
	}));
	try {
		const { own, opened } = browserTexts(cookies);
		articles.push(...[...own, ...opened].map(({ slug, title }) => ({ slug, title })));
	} catch (failure) {
		if (!(failure instanceof StorageError)) throw failure;
	}
	return json({ articles }, { headers: { 'cache-control': 'no-store' } });
};
