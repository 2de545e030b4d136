/**
 * The articles in `content/` and their curated facts, parsed and checked once per server process.
 * Vite inlines the files at build time, so the production server needs no content folder.
 */
import { loadLibrary, type Library } from '$lib/content/library';

const files = import.meta.glob<string>(
	[
		'/content/articles/*/article.it.md',
		'/content/articles/*/facts.yaml',
		'/content/articles/*/translation.en.yaml'
	],
	{ query: '?raw', import: 'default', eager: true }
);

let library: Library | undefined;

/** Every article with its facts. Throws a `ContentError` naming the file when one is wrong. */
export function getLibrary(): Library {
	library ??= loadLibrary(files);
	return library;
}

/** Every article, sorted by slug. */
export function getArticles() {
	return getLibrary().map((entry) => entry.article);
}

/** The article with this slug, or undefined. */
export function getArticle(slug: string) {
	return getLibrary().find((entry) => entry.article.slug === slug)?.article;
}
