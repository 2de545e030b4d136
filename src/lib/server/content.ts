/**
 * The texts the app serves: the articles in `content/` with their curated facts, parsed and
 * checked once per server process (Vite inlines the files at build time, so the production server
 * needs no content folder), and the texts people added (`$lib/server/texts`), loaded from the
 * database when first asked for. Every page finds either kind by its slug.
 */
import type { LibraryEntry } from '$lib/content/library';
import { loadLibrary, type Library } from '$lib/content/library';
import { cachedText } from './texts/cache';

const files = import.meta.glob<string>(
	[
		'/content/articles/*/article.it.md',
		'/content/articles/*/facts.yaml',
		'/content/articles/*/translation.en.yaml'
	],
	{ query: '?raw', import: 'default', eager: true }
);

let library: Library | undefined;

/** Every curated article with its facts. Throws a `ContentError` naming the file when one is wrong. */
export function getLibrary(): Library {
	library ??= loadLibrary(files);
	return library;
}

/** Every curated article, sorted by slug. */
export function getArticles() {
	return getLibrary().map((entry) => entry.article);
}

/**
 * The curated article or the added text with this slug, or undefined.
 *
 * @throws StorageError when an added text's database cannot be read
 */
export function getEntry(slug: string): LibraryEntry | undefined {
	return getLibrary().find((entry) => entry.article.slug === slug) ?? cachedText(slug)?.entry;
}

/** The article (curated, or an added text) with this slug, or undefined. */
export function getArticle(slug: string) {
	return getEntry(slug)?.article;
}

/** True for a slug of the curated library. */
export function isCurated(slug: string): boolean {
	return getLibrary().some((entry) => entry.article.slug === slug);
}
