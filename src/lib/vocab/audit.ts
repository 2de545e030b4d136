/**
 * Checks of the vocabulary deck as a teacher would make them, each returning the problems it
 * finds (empty when all is well): a content word of the article left untaught, a misprint taken
 * as a right answer, a calque drilled as production, two production cards that ask the same
 * thing and refuse each other's answer.
 */
import type { Card } from '$lib/cards/types';
import { isFactual } from '$lib/content/article';
import type { Article } from '$lib/content/types';
import { lemmatize } from '$lib/lemma/lemmatizer';
import type { LemmaTable } from '$lib/lemma/types';
import { gradeCard } from '$lib/quiz/check';
import { indexForms, type Lexicon } from './lexicon';
import { entryId, type TokenLink } from './links';
import type { VocabEntry } from './vocabulary';

const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);
const key = (text: string) => text.toLowerCase().replace(/'/gu, '’');

/**
 * Content words of the article (by the lemmatizer, which knows nothing of the lexicon: a noun,
 * verb, adjective or adverb, or a word it does not know at all) that have no vocabulary entry of
 * their own: not a name, a function word, a number, a foreign word, nor on the idiom list.
 */
export function untaughtWords(
	article: Article,
	lexicon: Lexicon,
	links: ReadonlyMap<string, TokenLink[]>,
	vocabulary: readonly VocabEntry[],
	table: LemmaTable
): string[] {
	const index = indexForms(lexicon);
	const taught = new Set(vocabulary.map((entry) => entry.id));
	const foreign = new Set([
		...lexicon.foreign.map((f) => f.form),
		...lexicon.prefixes.map((p) => p.form),
		...lexicon.numbers
	]);
	const idioms = lexicon.idioms.map((idiom) => ({ ...idiom, form: key(idiom.form) }));
	const expressionId = new Map(
		lexicon.entries.filter((e) => e.kind === 'expression').map((e) => [e.lemma, entryId(e)])
	);
	const problems: string[] = [];
	for (const sentence of article.sentences.filter(isFactual)) {
		const sentenceLinks = links.get(sentence.id) ?? [];
		for (const [i, { token, best }] of lemmatize(sentence.tokens, table).entries()) {
			if (token.kind === 'number' || foreign.has(token.text)) continue;
			if (best && !CONTENT.has(best.pos)) continue;
			const link = sentenceLinks[i];
			if (link.kind === 'name') continue;
			if (link.word && taught.has(link.word)) continue;
			const candidates = index.get(token.text) ?? index.get(token.text.toLowerCase()) ?? [];
			if (!link.word && candidates.some((entry) => entry.kind === 'function')) continue;
			const idiom = idioms.find(
				(d) => d.form === key(token.text) && link.entry === expressionId.get(d.expression)
			);
			if (idiom) continue;
			const reading = best ? `${best.lemma}, ${best.pos}` : 'unknown to the lemmatizer';
			problems.push(`“${token.text}” (${reading}) in “${sentence.text}”`);
		}
	}
	return problems;
}

/** Cards on which one of the source's misprints is a right answer, typed or tapped. */
export function misprintsAccepted(cards: readonly Card[], lexicon: Lexicon): string[] {
	const problems: string[] = [];
	for (const card of cards) {
		for (const { form } of lexicon.typos) {
			const right =
				card.options.length > 0
					? card.options.some((option) => key(option).includes(key(form)))
					: gradeCard(card, form).accepted;
			if (right) problems.push(`${card.id} takes “${form}” as right`);
		}
	}
	return problems;
}

/** Calques drilled as typed production: a production or cloze card whose answer is one. */
export function calquesDrilled(
	cards: readonly Card[],
	vocabulary: readonly VocabEntry[]
): string[] {
	const calques = vocabulary.filter((entry) => entry.calque);
	const siblings = new Set(calques.map((entry) => entry.id));
	const answers = new Set(calques.flatMap((entry) => [entry.lemma, ...entry.forms].map(key)));
	return cards
		.filter((card) => card.type === 'production' || card.type === 'cloze')
		.filter(
			(card) =>
				[...siblings].some((id) => card.sibling.endsWith(`:vocab:${id}`)) ||
				answers.has(key(card.answer))
		)
		.map((card) => `${card.id} drills the calque “${card.answer}”`);
}

/** Production cards with the same prompt where one refuses the other's answer. */
export function samePromptRefused(cards: readonly Card[]): string[] {
	const problems: string[] = [];
	const production = cards.filter((card) => card.type === 'production');
	for (const card of production) {
		for (const other of production) {
			if (other === card || other.prompt !== card.prompt) continue;
			if (!gradeCard(card, other.answer).accepted) {
				problems.push(`“${card.prompt}”: ${card.answer} refuses ${other.answer}`);
			}
		}
	}
	return problems;
}
