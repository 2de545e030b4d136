/**
 * Facts the owner adds to an added text's deck by picking a span of one sentence: the span
 * gapped in its sentence (a cloze) or the answer to a question they write, with wrong choices if
 * they give some (then it is asked as multiple choice). Keyed by sentence id and span text, so an
 * added fact survives every regeneration of the deck while its sentence is unchanged; checked as
 * `facts.yaml` is: the gap must stand in its sentence, the options are unique, no wrong choice is
 * a right answer, an Italian question ends with "?".
 */
import { z } from 'zod';
import { GAP, type Card } from '$lib/cards/types';
import { folded } from '$lib/facts/load';

/** One item per line (or already a list): blank lines dropped, each item trimmed. */
export const lines = z
	.union([z.string(), z.array(z.string())])
	.transform((value) =>
		(typeof value === 'string' ? value.split(/\r?\n/u) : value)
			.map((item) => item.trim())
			.filter(Boolean)
	)
	.pipe(z.array(z.string().max(500)).max(20));

/** What the owner sends to add a fact; the same schema reads it back from the store. */
export const addedFactSchema = z.strictObject({
	sentence: z.string().trim().min(1).max(100),
	span: z.string().trim().min(1).max(300),
	kind: z.enum(['cloze', 'open']),
	/** The question of an open fact (ignored for a cloze, whose prompt is its sentence). */
	question: z.string().trim().max(500).optional(),
	accept: lines.default([]),
	distractors: lines.default([])
});
export type AddedFact = z.infer<typeof addedFactSchema>;

export type AddedFactProblem =
	| { field: 'sentence'; code: 'unknown-sentence' }
	| { field: 'span'; code: 'empty' | 'not-in-sentence' }
	| { field: 'question'; code: 'empty' | 'not-a-question' }
	| { field: 'distractors'; code: 'right-answer' | 'repeated'; value?: string };

/** The key an added fact is stored under: its sentence and its span, as the owner picked it. */
export const addedKey = (fact: Pick<AddedFact, 'sentence' | 'span'>): string =>
	`${fact.sentence}|${fact.span}`;

/** Where the span stands in the sentence as whole words (either apostrophe, any case), or null. */
function spanAt(sentence: string, span: string): { at: number; text: string } | null {
	const escaped = span
		.normalize('NFC')
		.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
		.replace(/['’]/gu, "['’]")
		.replace(/\s+/gu, '\\s+');
	const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(
		sentence.normalize('NFC')
	);
	return match ? { at: match.index, text: match[0] } : null;
}

/**
 * What is wrong with this added fact on this sentence (undefined: the sentence is not the
 * text's); empty when it may be saved.
 */
export function checkAddedFact(sentence: string | undefined, fact: AddedFact): AddedFactProblem[] {
	if (sentence === undefined) return [{ field: 'sentence', code: 'unknown-sentence' }];
	const problems: AddedFactProblem[] = [];
	if (!spanAt(sentence, fact.span)) problems.push({ field: 'span', code: 'not-in-sentence' });
	if (fact.kind === 'open') {
		const question = fact.question?.trim() ?? '';
		if (!question) problems.push({ field: 'question', code: 'empty' });
		else if (!question.endsWith('?')) problems.push({ field: 'question', code: 'not-a-question' });
	}
	const right = new Set([fact.span, ...fact.accept].map(folded));
	for (const distractor of fact.distractors) {
		if (right.has(folded(distractor))) {
			problems.push({ field: 'distractors', code: 'right-answer', value: distractor });
		}
	}
	if (new Set(fact.distractors.map(folded)).size !== fact.distractors.length) {
		problems.push({ field: 'distractors', code: 'repeated' });
	}
	return problems;
}

/** A short stable hash (FNV-1a) of the span, so that the card id holds no free text. */
function hashOf(text: string): string {
	let hash = 0x811c9dc5;
	for (const char of folded(text)) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

/**
 * The card an added fact makes (checked first: see `checkAddedFact`): a cloze of its sentence or
 * its open question, asked as multiple choice when it has wrong choices. The answer is the span
 * as the sentence prints it; its place among the choices depends on the card only.
 */
export function addedCard(
	article: string,
	sentence: { id: string; text: string },
	fact: AddedFact
): Card {
	const found = spanAt(sentence.text, fact.span);
	const answer = found?.text ?? fact.span;
	const prompt =
		fact.kind === 'open'
			? (fact.question ?? '').trim()
			: found
				? sentence.text.slice(0, found.at) + GAP + sentence.text.slice(found.at + answer.length)
				: sentence.text;
	const sibling = `${article}:added:${sentence.id}:${hashOf(fact.span)}`;
	const choices = fact.distractors.length > 0;
	const type = choices ? 'multiple-choice' : fact.kind;
	const options = [...fact.distractors];
	if (choices) options.splice(parseInt(hashOf(sibling), 36) % (options.length + 1), 0, answer);
	return {
		id: `${sibling}:${type}`,
		track: 'facts',
		type,
		// Not `curated`: a class pool with any curated card of a track keeps only those, and the
		// owner's few cards would push out every generated one.
		origin: 'auto',
		sibling,
		prompt,
		prompt_en: '',
		answer,
		accept: fact.accept.filter((item) => folded(item) !== folded(answer)),
		options,
		source: { article, sentence: sentence.id, text: sentence.text }
	};
}
