import { isFactual } from './article';
import type { Article } from './types';

/** What the home page shows of an article. */
export interface ArticleSummary {
	slug: string;
	title: string;
	author: string;
	affiliation?: string;
	description: string;
	paragraphs: number;
	sentences: number;
	words: number;
}

/** Counts only the article's own text: not the headline, the byline or the note about the author. */
export function summarize(article: Article): ArticleSummary {
	const body = article.sentences.filter((sentence) => sentence.role === 'body');
	return {
		slug: article.slug,
		title: article.meta.title,
		author: article.meta.author,
		affiliation: article.meta.affiliation,
		description: article.meta.description,
		paragraphs: article.paragraphs.filter((paragraph) => paragraph.role === 'body').length,
		sentences: article.sentences.filter(isFactual).length,
		words: body.reduce(
			(sum, sentence) => sum + sentence.tokens.filter((token) => !token.elided).length,
			0
		)
	};
}
