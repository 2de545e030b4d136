/**
 * Everything in `content/`: each article with the curated data that goes with it. Built from a map
 * of file path → text, which the app gets from `import.meta.glob` and scripts from the disk.
 */
import { loadFacts, type ResolvedFact } from '$lib/facts/load';
import { loadArticles } from './article';
import type { Article } from './types';

export interface LibraryEntry {
	article: Article;
	/** Curated facts; empty when the article has no `facts.yaml`. */
	facts: ResolvedFact[];
}

export type Library = LibraryEntry[];

/** @throws ContentError naming the first file that is wrong */
export function loadLibrary(files: Record<string, string>): Library {
	const articleFiles = Object.fromEntries(
		Object.entries(files).filter(([path]) => path.endsWith('/article.it.md'))
	);
	return loadArticles(articleFiles).map((article) => {
		const factsPath = Object.keys(files).find((path) =>
			path.replace(/^\/+/, '').endsWith(`content/articles/${article.slug}/facts.yaml`)
		);
		const facts = factsPath
			? loadFacts(factsPath.replace(/^\/+/, ''), files[factsPath], article)
			: [];
		return { article, facts };
	});
}
