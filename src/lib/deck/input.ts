/**
 * Any Italian text as a one-article library, for decks built from text alone (`deck --input`).
 */
import { buildArticle } from '$lib/content/article';
import type { LibraryEntry } from '$lib/content/library';
import { ContentError } from '$lib/content/schema';
import { slugify } from '$lib/text/ids';
import { looksItalian } from '$lib/text/language';

/** Large enough for a book chapter (about 150,000 words); a bigger file is a mistake. */
export const MAX_INPUT_BYTES = 1_000_000;

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const TITLE_LINE = /^(?:title|titolo):\s*["']?(.+?)["']?\s*$/mu;

/**
 * Turns a text file (plain or Markdown, with or without front matter) into a library entry with
 * no curated facts. Markdown heading marks are dropped; the title is the front matter's or the
 * first line's.
 *
 * @throws ContentError when the text is empty or not Italian
 */
export function textToLibraryEntry(file: string, raw: string): LibraryEntry {
	const frontMatter = FRONT_MATTER.exec(raw)?.[0] ?? '';
	const body = raw
		.slice(frontMatter.length)
		.replace(/^\uFEFF/u, '')
		.replace(/^#{1,6}[ \t]+/gmu, '');
	if (body.trim() === '') throw new ContentError(file, 'the file holds no text');
	if (!looksItalian(body)) {
		throw new ContentError(
			file,
			'the text does not look like Italian prose (too few Italian words)'
		);
	}
	const firstLine = body.trim().split('\n')[0].trim();
	const title = TITLE_LINE.exec(frontMatter)?.[1] ?? firstLine.slice(0, 120);
	const slug =
		slugify(
			file
				.split('/')
				.pop()
				?.replace(/\.[^.]+$/u, '') ?? ''
		) || 'testo';
	const article = buildArticle(
		file,
		slug,
		{ title, author: '', language: 'it', description: '' },
		body
	);
	return { article, facts: [], translation: new Map() };
}
