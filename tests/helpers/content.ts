import { readFileSync } from 'node:fs';
import { parseArticle } from '$lib/content/article';

export const SLUG = 'mosca-pyongyang';
export const ARTICLE_FILE = `content/articles/${SLUG}/article.it.md`;

/** The real article, read from content/ as the app reads it. */
export function readArticleFile(): string {
	return readFileSync(ARTICLE_FILE, 'utf8');
}

export function loadRealArticle() {
	return parseArticle(ARTICLE_FILE, SLUG, readArticleFile());
}
