/**
 * The reader's view of each article, built once per server process: linking every token to the
 * lexicon and segmenting the sentences is work the content never changes between requests.
 */
import { notesBySentence } from '$lib/cards/notes';
import { toReaderArticle, type ReaderArticle } from '$lib/content/reader';
import { getLibrary } from './content';
import { getLexicon } from './lexicon';

const views = new Map<string, ReaderArticle>();

/** The reader view of the article with this slug, or undefined. */
export function getReaderArticle(slug: string): ReaderArticle | undefined {
	const cached = views.get(slug);
	if (cached) return cached;
	const entry = getLibrary().find(({ article }) => article.slug === slug);
	if (!entry) return undefined;
	const built = toReaderArticle(entry.article, entry.translation, getLexicon());
	// The facts' notes belong to their sentences: the reader shows them where the cards do.
	const notes = notesBySentence(entry.facts);
	const view: ReaderArticle = {
		...built,
		paragraphs: built.paragraphs.map((paragraph) => ({
			...paragraph,
			sentences: paragraph.sentences.map((sentence) => {
				const note = notes.get(sentence.id);
				return note ? { ...sentence, note } : sentence;
			})
		}))
	};
	views.set(slug, view);
	return view;
}
