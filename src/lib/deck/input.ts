/**
 * Any Italian text as a one-article library, for decks built from text alone: a text added in the
 * app and `deck --input` go through the same ingestion (`$lib/text/import`), so the command line
 * prints the deck the app makes for that text.
 */
import { buildArticle } from '$lib/content/article';
import type { LibraryEntry } from '$lib/content/library';
import { ContentError } from '$lib/content/schema';
import { slugify } from '$lib/text/ids';
import { fallbackTitle, importText, type ImportErrorCode } from '$lib/text/import';

/** Large enough for a book chapter (about 150,000 words); a bigger file is a mistake. */
export const MAX_INPUT_BYTES = 1_000_000;

/** A text with its title and author kept apart from its prose, as the app stores it. */
export interface TextParts {
	/** Empty when the text has none: its first words stand in. */
	title: string;
	/** Empty when unknown. */
	author: string;
	paragraphs: readonly string[];
}

/**
 * The library entry of a text kept in parts, laid out as a curated article is: the title as its
 * headline paragraph, the prose, then "Di <author>" as its byline, so that neither the headline
 * nor the byline is ever a source of facts (`isFactual`). A title made up from the first words is
 * not repeated as a headline.
 *
 * @param file names the text in error messages
 */
export function partsToLibraryEntry(file: string, slug: string, parts: TextParts): LibraryEntry {
	const stand = fallbackTitle(parts.paragraphs);
	const title = parts.title.trim() || stand;
	const author = parts.author.trim();
	const body = [
		...(title !== stand ? [title] : []),
		...parts.paragraphs,
		...(author ? [`Di ${author}`] : [])
	].join('\n\n');
	const description = stand.length > 10 ? stand : parts.paragraphs.join(' ').slice(0, 200);
	const article = buildArticle(file, slug, { title, author, language: 'it', description }, body);
	return { article, facts: [], translation: new Map() };
}

const REFUSAL: Record<ImportErrorCode, string> = {
	empty: 'the file holds no text',
	'not-italian': 'the text does not look like Italian prose (too few Italian words)',
	'too-short': 'the text is too short',
	'too-long': 'the text is too long',
	'too-large': 'the text is too large',
	'file-too-large': 'the file is too large',
	binary: 'the file is binary, not text',
	'file-type': 'the file is not a .txt or .md file'
};

/**
 * Turns a text file (plain, Markdown with or without front matter, or HTML) into a library entry
 * with no curated facts, through the app's ingestion without its size limits (a file is already
 * held to `MAX_INPUT_BYTES`). The title is the front matter's or the text's title line, the author
 * its byline's; the slug is the file's name unless given.
 *
 * @throws ContentError when the text is empty or not Italian
 */
export function textToLibraryEntry(
	file: string,
	raw: string,
	options: { slug?: string } = {}
): LibraryEntry {
	const imported = importText(raw, {
		markdown: /\.(?:md|markdown)$/iu.test(file) || undefined,
		minWords: 1,
		maxWords: Infinity,
		maxChars: Infinity
	});
	if (!imported.ok) throw new ContentError(file, REFUSAL[imported.code]);
	const name = file
		.split('/')
		.pop()
		?.replace(/\.[^.]+$/u, '');
	const { title = '', author = '', paragraphs } = imported.text;
	return partsToLibraryEntry(file, options.slug ?? (slugify(name ?? '') || 'testo'), {
		title,
		author,
		paragraphs
	});
}
