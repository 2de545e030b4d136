/**
 * Everything in `content/`: each article with the curated data that goes with it. Built from a map
 * of file path → text, which the app gets from `import.meta.glob` and scripts from the disk.
 */
import { loadFacts, type ResolvedFact } from '$lib/facts/load';
import { loadArticles } from './article';
import { loadTranslation } from './translation';
import type { Article } from './types';

export interface LibraryEntry {
	article: Article;
	/** Curated facts; empty when the article has no `facts.yaml`. */
	facts: ResolvedFact[];
	/** English translation by sentence id; empty when there is no `translation.en.yaml`. */
	translation: Map<string, string>;
}

export type Library = LibraryEntry[];

/** @throws ContentError naming the first file that is wrong */
export function loadLibrary(files: Record<string, string>): Library {
	const articleFiles = Object.fromEntries(
		Object.entries(files).filter(([path]) => path.endsWith('/article.it.md'))
	);
	const clean = (path: string) => path.replace(/^\/+/, '');
	const find = (slug: string, name: string) =>
		Object.keys(files).find((path) => clean(path).endsWith(`content/articles/${slug}/${name}`));
	return loadArticles(articleFiles).map((article) => {
		const factsPath = find(article.slug, 'facts.yaml');
		const translationPath = find(article.slug, 'translation.en.yaml');
		// The translation first: facts are checked against it (their gaps in English).
		const translation = translationPath
			? loadTranslation(clean(translationPath), files[translationPath], article)
			: new Map<string, string>();
		return {
			article,
			facts: factsPath ? loadFacts(clean(factsPath), files[factsPath], article, translation) : [],
			translation
		};
	});
}
