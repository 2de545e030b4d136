/**
 * Reads an article's `facts.yaml` and checks every fact against the article itself, so a fact
 * that misquotes the text, or a question whose answer is not where it claims, never reaches a
 * learner: the build and the tests stop with the file, the fact and the field at fault.
 */
import { GAP } from '$lib/cards/types';
import { containsPhrase, withSynonyms } from '$lib/cards/variants';
import { isFactual } from '$lib/content/article';
import { ContentError, readYaml } from '$lib/content/schema';
import type { Article, Sentence } from '$lib/content/types';
import { factsFileSchema, type Fact } from './schema';

/** A fact with the sentence it rests on and where its gap stands in that sentence. */
export interface ResolvedFact extends Fact {
	sentence: Sentence;
	/** Offset of `gap` within `sentence.text`. */
	gapAt: number;
	/** The sentence's English translation with the gap's words blanked, when there is one. */
	clozeEn?: string;
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
/** Fill-the-gap cards blank a phrase, not a clause. */
export const MAX_GAP_WORDS = 3;
type Fail = (field: string, message: string) => never;
/** How answers are compared when checking facts and choosing distractors: case and form folded. */
export const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase('it').trim();

/**
 * Parses and validates a facts file against its article and, when given, its English translation
 * (sentence id → English).
 *
 * @throws ContentError naming the file, the fact id and the field
 */
export function loadFacts(
	file: string,
	raw: string,
	article: Article,
	translation: ReadonlyMap<string, string> = new Map()
): ResolvedFact[] {
	const data = readYaml(file, raw);
	const parsed = factsFileSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const [, index, ...field] = issue.path;
		const facts = (data as { facts?: { id?: unknown }[] })?.facts;
		const id = typeof index === 'number' ? facts?.[index]?.id : undefined;
		const where = typeof index === 'number' ? `fact ${id ? `"${id}"` : `#${index + 1}`}` : 'file';
		const path = field.length > 0 ? ` field "${field.join('.')}"` : '';
		throw new ContentError(file, `${where}${path}: ${issue.message}`);
	}

	const ids = new Set<string>();
	return parsed.data.facts.map((fact) => {
		const fail = (field: string, message: string): never => {
			throw new ContentError(file, `fact "${fact.id}" field "${field}": ${message}`);
		};
		if (ids.has(fact.id)) fail('id', 'used by another fact');
		ids.add(fact.id);

		const sentences = article.sentences.filter((s) => isFactual(s) && s.text.includes(fact.quote));
		if (sentences.length === 0) fail('quote', 'not found in any sentence of the article');
		if (sentences.length > 1) fail('quote', 'found in more than one sentence: quote more');
		const [sentence] = sentences;
		if (occurrences(fact.quote, fact.gap) !== 1)
			fail('gap', 'must occur exactly once in the quote');
		if (occurrences(sentence.text, fact.gap) !== 1) {
			fail('gap', 'must occur exactly once in its sentence, or a cloze would be ambiguous');
		}
		// A longer blank tests the wording of a whole clause, not the knowledge of a fact.
		if (fact.gap.trim().split(/\s+/u).length > MAX_GAP_WORDS) {
			fail('gap', `blanks at most ${MAX_GAP_WORDS} words`);
		}
		checkCorrections(fact, sentence.text, fail);
		checkSynonyms(fact, fail);
		if (!fact.statement.it.includes(fact.answer)) fail('statement.it', 'must contain the answer');
		if (!fact.statement.en.includes(fact.answer_en)) {
			fail('statement.en', 'must contain answer_en');
		}
		const answers = new Set([fact.answer, ...fact.accept].map(folded));
		for (const distractor of fact.distractors) {
			if (answers.has(folded(distractor))) fail('distractors', `"${distractor}" is a right answer`);
		}
		if (new Set(fact.distractors.map(folded)).size !== fact.distractors.length) {
			fail('distractors', 'repeats a distractor');
		}
		// A false statement is shown in English too: each distractor needs its English.
		if (fact.distractors_en.length !== fact.distractors.length) {
			fail('distractors_en', 'needs the English of each distractor, in the same order');
		}
		const english = translation.get(sentence.id);
		const gapEn = fact.gap_en ?? fact.answer_en;
		if (english !== undefined && occurrences(english, gapEn) !== 1) {
			fail('gap_en', `must occur exactly once in the sentence's translation: "${english}"`);
		}
		const clozeEn = english?.replace(gapEn, GAP);
		return {
			...fact,
			sentence,
			gapAt: sentence.text.indexOf(fact.gap),
			...(clozeEn ? { clozeEn } : {})
		};
	});
}

/** The article's typos: printed in the sentence, explained by a note, never a right answer. */
function checkCorrections(fact: Fact, sentence: string, fail: Fail): void {
	const printed = Object.keys(fact.corrections);
	if (printed.length > 0 && !fact.note) fail('note', 'must tell the learner of the typo');
	for (const typo of printed) {
		if (!containsPhrase(sentence, typo)) fail('corrections', `"${typo}" is not in the sentence`);
		const right = [fact.answer, ...fact.accept, ...fact.gap_accept, fact.statement.it];
		if (right.some((form) => containsPhrase(form, typo))) {
			fail('corrections', `the typo "${typo}" is in an answer or the statement`);
		}
	}
}

/** A synonym must change some accepted form and never make a distractor right. */
function checkSynonyms(fact: Fact, fail: Fail): void {
	const forms = [fact.answer, fact.gap, ...fact.accept, ...fact.gap_accept];
	for (const phrase of Object.keys(fact.synonyms)) {
		if (!forms.some((form) => containsPhrase(form, phrase))) {
			fail('synonyms', `"${phrase}" is in no accepted form`);
		}
	}
	const distractors = new Set(fact.distractors.map(folded));
	const original = new Set(forms);
	for (const variant of withSynonyms(forms, fact.synonyms).filter((v) => !original.has(v))) {
		if (distractors.has(folded(variant))) fail('synonyms', `make "${variant}" right, a distractor`);
	}
}
