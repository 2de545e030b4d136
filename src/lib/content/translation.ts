/**
 * An article's English translation, sentence by sentence, keyed by sentence id
 * (`content/articles/<slug>/translation.en.yaml`).
 */
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { ContentError } from './schema';
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
	let data: unknown;
	try {
		data = parseYaml(raw);
	} catch (error) {
		throw new ContentError(file, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
	}
	const parsed = translationSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new ContentError(file, `field "${issue.path.join('.')}": ${issue.message}`);
	}
	const translations = new Map(Object.entries(parsed.data.sentences));
	const ids = new Set(article.sentences.map((sentence) => sentence.id));
	for (const id of translations.keys()) {
		if (!ids.has(id)) throw new ContentError(file, `sentence "${id}" is not in the article (edited?)`);
	}
	for (const sentence of article.sentences) {
		if (!translations.has(sentence.id)) {
			throw new ContentError(file, `sentence "${sentence.id}" has no translation: "${sentence.text}"`);
		}
	}
	return translations;
}
