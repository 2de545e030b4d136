/** Texts of a chosen length for the benchmarks, made of the curated article's own prose. */
import type { Article } from '$lib/content/types';

/** The article's body paragraphs, in order, as written. */
export function bodyParagraphs(article: Article): string[] {
	return article.paragraphs
		.filter((p) => p.role === 'body')
		.map((p) => article.body.slice(p.start, p.end));
}

/**
 * The article's body paragraphs repeated, in order, until the text has about `words` words
 * (counted as runs of non-space; the parser's count comes out close), joined by blank lines.
 */
export function syntheticText(article: Article, words: number): string {
	const paragraphs = bodyParagraphs(article);
	const out: string[] = [];
	let count = 0;
	for (let i = 0; count < words; i++) {
		const paragraph = paragraphs[i % paragraphs.length];
		out.push(paragraph);
		count += paragraph.split(/\s+/u).length;
	}
	return out.join('\n\n');
}

/** Words (and numbers) of an article as its parser counts them. */
export const wordCount = (article: Article) =>
	article.sentences.reduce((n, s) => n + s.tokens.length, 0);
