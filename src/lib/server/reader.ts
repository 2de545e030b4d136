/**
 * The reader's view of each text: linking every token to the lexicon and segmenting the sentences
 * is work the text never changes between requests, so it is done once per curated article and
 * once per added text while it is kept (`$lib/server/texts/cache`).
 */
import { notesBySentence } from '$lib/cards/notes';
import type { LibraryEntry } from '$lib/content/library';
import { toReaderArticle, type ReaderArticle } from '$lib/content/reader';
import { getLibrary } from './content';
import { getLexicon } from './lexicon';
import { cachedText } from './texts/cache';

const views = new Map<string, ReaderArticle>();

function readerView(entry: LibraryEntry): ReaderArticle {
	const built = toReaderArticle(entry.article, entry.translation, getLexicon());
	// The facts' notes belong to their sentences: the reader shows them where the cards do.
	const notes = notesBySentence(entry.facts);
	return {
		...built,
		paragraphs: built.paragraphs.map((paragraph) => ({
			...paragraph,
			sentences: paragraph.sentences.map((sentence) => {
				const note = notes.get(sentence.id);
				return note ? { ...sentence, note } : sentence;
			})
		}))
	};
}

/**
 * The reader view of the curated article or added text with this slug, or undefined.
 *
 * @throws StorageError when an added text's database cannot be read
 */
export function getReaderArticle(slug: string): ReaderArticle | undefined {
	const cached = views.get(slug);
	if (cached) return cached;
	const entry = getLibrary().find(({ article }) => article.slug === slug);
	if (entry) {
		const view = readerView(entry);
		views.set(slug, view);
		return view;
	}
	const text = cachedText(slug);
	if (!text) return undefined;
	text.reader ??= readerView(text.entry);
	return text.reader;
}
