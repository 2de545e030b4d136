/**
 * The articles in `content/`, parsed once per server process. Vite inlines the files at build
 * time, so the production server needs no access to the content folder.
 */
import { loadArticles } from '$lib/content/article';
import type { Article } from '$lib/content/types';

const files = import.meta.glob<string>('/content/articles/*/article.it.md', {
	query: '?raw',
	import: 'default',
	eager: true
});

let articles: Article[] | undefined;

/** Every article, sorted by slug. Throws a `ContentError` naming the file when one is wrong. */
export function getArticles(): Article[] {
	articles ??= loadArticles(files);
	return articles;
}

/** The article with this slug, or undefined. */
export function getArticle(slug: string): Article | undefined {
	return getArticles().find((article) => article.slug === slug);
}
