/**
 * An article's English translation, sentence by sentence, keyed by sentence id
 * (`content/articles/<slug>/translation.en.yaml`).
 */
import { z } from 'zod';
import { checkYaml, ContentError, readYaml } from './schema';
import type { Article } from './types';

const translationSchema = z
	.object({ language: z.literal('en'), sentences: z.record(z.string(), z.string().trim().min(1)) })
	.strict();

/**
 * Reads a translation and checks it against its article: every sentence translated, no id
 * that the article does not have (a sentence edited since has a new id).
 *
 * @throws ContentError naming the file and the sentence id
 */
export function loadTranslation(file: string, raw: string, article: Article): Map<string, string> {
	const { sentences } = checkYaml(file, readYaml(file, raw), translationSchema);
	const translations = new Map(Object.entries(sentences));
	const ids = new Set(article.sentences.map((sentence) => sentence.id));
	for (const id of translations.keys()) {
		if (!ids.has(id))
			throw new ContentError(file, `sentence "${id}" is not in the article (edited?)`);
	}
	for (const sentence of article.sentences) {
		if (!translations.has(sentence.id)) {
			throw new ContentError(
				file,
				`sentence "${sentence.id}" has no translation: "${sentence.text}"`
			);
		}
	}
	return translations;
}
