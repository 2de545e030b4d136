import type { Span } from '$lib/text/sentences';
import type { Token } from '$lib/text/tokens';

/** Front matter of an article, as validated by `articleMetaSchema`. */
export interface ArticleMeta {
	title: string;
	author: string;
	affiliation?: string;
	language: 'it';
	description: string;
}

/**
 * What a paragraph is. Only `body` and `author-note` paragraphs state facts: the headline repeats
 * the title and the byline names the author.
 */
export type ParagraphRole = 'headline' | 'body' | 'byline' | 'author-note';

export interface Sentence extends Span {
	/** Stable id: changes only when this sentence's own text changes. */
	id: string;
	/** Position in the article, from 0. */
	index: number;
	/** Index of the paragraph that holds it. */
	paragraph: number;
	/** The sentence exactly as in the source: `body.slice(start, end)`. */
	text: string;
	role: ParagraphRole;
	tokens: Token[];
}

export interface Paragraph extends Span {
	index: number;
	role: ParagraphRole;
	sentences: Sentence[];
}

export interface Article {
	slug: string;
	/** Where it was loaded from, for error messages. */
	file: string;
	meta: ArticleMeta;
	/** The source text, exactly as written (front matter removed); all spans point into it. */
	body: string;
	paragraphs: Paragraph[];
	sentences: Sentence[];
}
