/**
 * Turns a validated article into paragraphs, sentences and tokens, each with its span in the
 * source text, so that any card or word can point back to the exact place it comes from.
 */
import { sentenceId } from '$lib/text/ids';
import { splitSentences, type Span } from '$lib/text/sentences';
import { tokenize } from '$lib/text/tokens';
import { ContentError, parseFrontMatter } from './schema';
import type { Article, ArticleMeta, Paragraph, ParagraphRole, Sentence } from './types';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Paragraphs are separated by lines that hold only white space (the source uses no-break spaces). */
function paragraphSpans(body: string): Span[] {
	const spans: Span[] = [];
	const separator = /\n(?:[^\S\n]*\n)+/gu;
	let start = 0;
	for (const match of body.matchAll(separator)) {
		spans.push({ start, end: match.index });
		start = match.index + match[0].length;
	}
	spans.push({ start, end: body.length });
	return spans.filter((span) => body.slice(span.start, span.end).trim() !== '');
}

const normalize = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * The headline is a first paragraph that repeats the title; the byline is "Di <author>" (or
 * "di", "By"); whatever follows the byline is a note about the author.
 */
function roleOf(
	text: string,
	index: number,
	meta: ArticleMeta,
	afterByline: boolean
): ParagraphRole {
	const clean = normalize(text);
	if (
		index === 0 &&
		clean.replace(/[.!?]$/u, '') === normalize(meta.title).replace(/[.!?]$/u, '')
	) {
		return 'headline';
	}
	if (new RegExp(`^(?:di|by)\\s+${escapeRegExp(normalize(meta.author))}$`, 'iu').test(clean)) {
		return 'byline';
	}
	return afterByline ? 'author-note' : 'body';
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parses one article file.
 *
 * @param file path used in error messages, e.g. `content/articles/<slug>/article.it.md`
 * @param slug the article's folder name
 * @param raw the whole file
 * @throws ContentError when the slug, the front matter or the text is wrong
 */
export function parseArticle(file: string, slug: string, raw: string): Article {
	if (!SLUG.test(slug)) {
		throw new ContentError(file, `folder name "${slug}" must be lower-case words joined by "-"`);
	}
	const { meta, body } = parseFrontMatter(file, raw);
	return buildArticle(file, slug, meta, body);
}

/**
 * Splits a text into paragraphs, sentences and tokens. Used for articles in `content/` and for
 * any other Italian text (the deck command's `--input`), whose meta is made up by the caller.
 */
export function buildArticle(file: string, slug: string, meta: ArticleMeta, body: string): Article {
	const paragraphs: Paragraph[] = [];
	const sentences: Sentence[] = [];
	const seen = new Map<string, number>();
	let afterByline = false;

	for (const span of paragraphSpans(body)) {
		const index = paragraphs.length;
		const role = roleOf(body.slice(span.start, span.end), index, meta, afterByline);
		afterByline ||= role === 'byline';
		const paragraph: Paragraph = { ...span, index, role, sentences: [] };
		for (const { start, end } of splitSentences(body.slice(span.start, span.end), span.start)) {
			const text = body.slice(start, end);
			// Identical sentences (rare) are told apart by their order of appearance.
			const base = sentenceId(text);
			const count = (seen.get(base) ?? 0) + 1;
			seen.set(base, count);
			const sentence: Sentence = {
				id: count === 1 ? base : `${base}-${count}`,
				index: sentences.length,
				paragraph: index,
				start,
				end,
				text,
				role,
				tokens: tokenize(text, start)
			};
			paragraph.sentences.push(sentence);
			sentences.push(sentence);
		}
		paragraphs.push(paragraph);
	}
	return { slug, file, meta, body, paragraphs, sentences };
}

/** True when a sentence can be the source of a fact: not the headline, not the byline. */
export function isFactual(sentence: Sentence): boolean {
	return sentence.role === 'body' || sentence.role === 'author-note';
}

const ARTICLE_PATH = /(?:^|\/)content\/articles\/([^/]+)\/article\.it\.md$/;

/**
 * Loads every article from a map of file path → file text (from `import.meta.glob` in the app,
 * from the file system in scripts), sorted by slug.
 *
 * @throws ContentError for the first file that is wrong
 */
export function loadArticles(files: Record<string, string>): Article[] {
	return Object.entries(files)
		.map(([path, raw]) => {
			const file = path.replace(/^\/+/, '');
			const match = ARTICLE_PATH.exec(file);
			if (!match)
				throw new ContentError(file, 'expected a path like content/articles/<slug>/article.it.md');
			return parseArticle(file, match[1], raw);
		})
		.sort((a, b) => a.slug.localeCompare(b.slug));
}
