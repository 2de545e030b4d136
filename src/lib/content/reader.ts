import type { Article, ParagraphRole } from './types';

/** The part of an article the reader page needs: no tokens, no spans, nothing else to ship. */
export interface ReaderArticle {
	slug: string;
	title: string;
	author: string;
	affiliation?: string;
	paragraphs: {
		index: number;
		role: ParagraphRole;
		sentences: { id: string; number: number; text: string; en?: string }[];
	}[];
}

/**
 * Sentence numbers count from 1, as people say them aloud ("look at sentence 12"). `translation`
 * maps sentence ids to English, when the article has a translation.
 */
export function toReaderArticle(
	article: Article,
	translation: ReadonlyMap<string, string> = new Map()
): ReaderArticle {
	return {
		slug: article.slug,
		title: article.meta.title,
		author: article.meta.author,
		affiliation: article.meta.affiliation,
		paragraphs: article.paragraphs.map((paragraph) => ({
			index: paragraph.index,
			role: paragraph.role,
			sentences: paragraph.sentences.map((sentence) => ({
				id: sentence.id,
				number: sentence.index + 1,
				text: sentence.text,
				en: translation.get(sentence.id)
			}))
		}))
	};
}
