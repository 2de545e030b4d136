/**
 * The owner's review of an added text's deck: a card kept as generated, dropped, or with some of
 * its fields rewritten, and a word's gloss rewritten. Edits are keyed by card id (or vocabulary
 * entry id), which never depends on the seed, so they survive every regeneration of the deck;
 * one whose card is gone is kept and reported as orphaned. Checked as `facts.yaml` is: a gap must
 * stand in its sentence, a distractor must never be a right answer.
 */
import { z } from 'zod';
import { GAP, type Card } from '$lib/cards/types';
import { containsPhrase } from '$lib/cards/variants';
import { folded } from '$lib/facts/load';
import { parseNumber } from '$lib/grading/numbers';
import { addedCard, checkAddedFact, lines, type AddedFact } from './added';
import type { Deck } from './deck';

const line = z.string().trim().min(1).max(500);
/** What may change on one card: omitted fields stay as generated. */
export const cardEditSchema = z.strictObject({
	drop: z.boolean().optional(),
	prompt: line.optional(),
	answer: line.optional(),
	/** Other spellings that are right too. */
	accept: lines.optional(),
	/** The wrong choices of a multiple-choice card (the answer is added to them). */
	distractors: lines.optional()
});
export type CardEdit = z.infer<typeof cardEditSchema>;

export const glossEditSchema = z.strictObject({ gloss: z.string().trim().min(1).max(200) });
export type GlossEdit = z.infer<typeof glossEditSchema>;

/** The parts of speech an owner may give a word (those the vocabulary makes cards for). */
export const WORD_POS = [
	'noun',
	'verb',
	'adjective',
	'adverb',
	'conjunction',
	'expression'
] as const;

/** What may change on one vocabulary entry: dropped (not a word to learn), or lemma and part of speech. */
export const wordEditSchema = z.strictObject({
	drop: z.boolean().optional(),
	lemma: z.string().trim().min(1).max(100).optional(),
	pos: z.enum(WORD_POS).optional()
});
export type WordEdit = z.infer<typeof wordEditSchema>;

/**
 * Every edit of one text: card id → its edit, vocabulary entry id → its gloss and its word edit,
 * `addedKey` → a fact the owner added.
 */
export interface DeckEdits {
	cards: ReadonlyMap<string, CardEdit>;
	glosses: ReadonlyMap<string, GlossEdit>;
	words?: ReadonlyMap<string, WordEdit>;
	added?: ReadonlyMap<string, AddedFact>;
}

export const NO_EDITS: DeckEdits = { cards: new Map(), glosses: new Map() };

/** Why an edit is refused: a stable code for the page, with the field it concerns. */
export type CardEditProblem =
	| { field: 'prompt'; code: 'empty' | 'gap-missing' | 'gap-twice' }
	| { field: 'answer'; code: 'empty' | 'not-in-sentence' | 'not-true-false' | 'not-a-number' }
	| { field: 'distractors'; code: 'right-answer' | 'repeated' | 'too-few'; value?: string };

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const TRUE_FALSE = ['vero', 'falso'];

/**
 * The card as the edit makes it (not checked: see `checkCardEdit`). A multiple-choice card keeps
 * its answer where it stood among the options, so an edit does not move the right choice; a card
 * with a number gets the new answer's value.
 */
export function editedCard(card: Card, edit: CardEdit): Card {
	const given = edit.answer ?? card.answer;
	const answer = card.type === 'true-false' ? folded(given) : given;
	const out: Card = {
		...card,
		prompt: edit.prompt ?? card.prompt,
		answer,
		accept: edit.accept ?? card.accept
	};
	if (card.type === 'multiple-choice' && (edit.distractors || edit.answer !== undefined)) {
		const at = Math.max(
			card.options.findIndex((option) => option === card.answer),
			0
		);
		const distractors = edit.distractors ?? distractorsOf(card);
		out.options = [...distractors];
		out.options.splice(Math.min(at, distractors.length), 0, answer);
	}
	if (card.number && edit.answer !== undefined) {
		const value = parseNumber(answer);
		if (value !== null) out.number = { ...card.number, value };
	}
	return out;
}

/** A card's wrong choices: its options but the answer. */
export const distractorsOf = (card: Pick<Card, 'options' | 'answer'>): string[] =>
	card.options.filter((option) => option !== card.answer);

/**
 * What is wrong with this edit of this card, checked against its sentence; empty when it may be
 * saved. A dropped card needs no other check.
 */
export function checkCardEdit(card: Card, edit: CardEdit): CardEditProblem[] {
	if (edit.drop) return [];
	const problems: CardEditProblem[] = [];
	const made = editedCard(card, edit);
	const sentence = card.source.text;
	if (!made.prompt.trim()) problems.push({ field: 'prompt', code: 'empty' });
	if (!made.answer.trim()) problems.push({ field: 'answer', code: 'empty' });
	// A card asked as a gap (cloze, and choices or numbers on a gapped sentence) stays one: one
	// gap in the prompt, filled by words of its sentence (a vocabulary gap holds the word's form).
	const gapped = card.prompt.includes(GAP);
	if (gapped && made.prompt.trim()) {
		const gaps = occurrences(made.prompt, GAP);
		if (gaps === 0) problems.push({ field: 'prompt', code: 'gap-missing' });
		if (gaps > 1) problems.push({ field: 'prompt', code: 'gap-twice' });
	}
	if (gapped && card.track === 'facts' && made.answer.trim()) {
		if (!containsPhrase(sentence, made.answer)) {
			problems.push({ field: 'answer', code: 'not-in-sentence' });
		}
	}
	if (card.type === 'true-false' && !TRUE_FALSE.includes(folded(made.answer))) {
		problems.push({ field: 'answer', code: 'not-true-false' });
	}
	if (card.number && edit.answer !== undefined && parseNumber(made.answer) === null) {
		problems.push({ field: 'answer', code: 'not-a-number' });
	}
	if (card.type === 'multiple-choice') {
		const right = new Set([made.answer, ...made.accept].map(folded));
		const wrong = distractorsOf(made);
		for (const distractor of wrong) {
			if (right.has(folded(distractor))) {
				problems.push({ field: 'distractors', code: 'right-answer', value: distractor });
			}
		}
		if (new Set(wrong.map(folded)).size !== wrong.length) {
			problems.push({ field: 'distractors', code: 'repeated' });
		}
		if (wrong.length === 0) problems.push({ field: 'distractors', code: 'too-few' });
	}
	return problems;
}

/**
 * Only what differs from the card as generated: a form sends every field, and an edit that
 * repeats the card would hide a later improvement of the generator. Undefined when nothing is left.
 */
export function minimalEdit(card: Card, edit: CardEdit): CardEdit | undefined {
	if (edit.drop) return { drop: true };
	const same = (a: readonly string[], b: readonly string[]) =>
		a.length === b.length && a.every((item, i) => item === b[i]);
	const out: CardEdit = {};
	if (edit.prompt !== undefined && edit.prompt !== card.prompt) out.prompt = edit.prompt;
	if (edit.answer !== undefined && edit.answer !== card.answer) out.answer = edit.answer;
	if (edit.accept && !same(edit.accept, card.accept)) out.accept = edit.accept;
	if (
		card.type === 'multiple-choice' &&
		edit.distractors &&
		!same(edit.distractors, distractorsOf(card))
	) {
		out.distractors = edit.distractors;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/** The added facts that still fit their sentence, as cards, in the order they were added. */
export function addedCards(
	article: string,
	sentences: readonly { id: string; text: string }[],
	edits: DeckEdits
): Card[] {
	if (!edits.added?.size) return [];
	const byId = new Map(sentences.map((sentence) => [sentence.id, sentence]));
	const cards: Card[] = [];
	for (const fact of edits.added.values()) {
		const sentence = byId.get(fact.sentence);
		if (sentence && checkAddedFact(sentence.text, fact).length === 0) {
			cards.push(addedCard(article, sentence, fact));
		}
	}
	return cards;
}

/**
 * The reviewed deck: glosses, lemmas and parts of speech replaced in the vocabulary (and its cards
 * made again from it by `remakeVocabCards`, so a word that had no gloss gets its gloss cards),
 * dropped words and cards gone (from study, the practice quiz and class pools alike, which all
 * draw on the deck), edited ones rewritten, added facts' cards after the cards of their sentence
 * (given the text's `sentences`). An edit that no longer passes its check (the card changed under
 * it) is not applied; it stays stored.
 */
export function applyEdits(
	deck: Deck,
	edits: DeckEdits,
	remakeVocabCards?: (vocab: Deck['vocab']) => Card[],
	sentences: readonly { id: string; text: string }[] = []
): Deck {
	const words = edits.words ?? new Map<string, WordEdit>();
	if (
		edits.cards.size === 0 &&
		edits.glosses.size === 0 &&
		words.size === 0 &&
		!edits.added?.size
	) {
		return deck;
	}
	let vocab = deck.vocab;
	let built = deck.cards;
	const touches = (map: ReadonlyMap<string, unknown>) =>
		[...map.keys()].some((id) => vocab.some((entry) => entry.id === id));
	if (touches(edits.glosses) || touches(words)) {
		const dropped = new Set<string>();
		vocab = vocab.flatMap((entry) => {
			const word = words.get(entry.id);
			if (word?.drop) {
				dropped.add(`${entry.article}:vocab:${entry.id}`);
				return [];
			}
			const gloss = edits.glosses.get(entry.id);
			const changed = { ...entry, lemma: word?.lemma ?? entry.lemma, pos: word?.pos ?? entry.pos };
			return [gloss ? { ...changed, gloss: gloss.gloss, glossFrom: undefined } : changed];
		});
		built = remakeVocabCards
			? [...built.filter((card) => card.track !== 'vocab'), ...remakeVocabCards(vocab)]
			: built.filter((card) => !dropped.has(card.sibling));
	}
	const cards: Card[] = [];
	for (const card of built) {
		const edit = edits.cards.get(card.id);
		if (!edit) cards.push(card);
		else if (edit.drop) continue;
		else cards.push(checkCardEdit(card, edit).length === 0 ? editedCard(card, edit) : card);
	}
	const article = deck.articles[0]?.slug;
	const order = new Map(sentences.map((sentence, i) => [sentence.id, i]));
	for (const card of article ? addedCards(article, sentences, edits) : []) {
		// Before the first fact card of a later sentence, so study meets it in the text's order.
		const at = order.get(card.source.sentence)!;
		const next = cards.findIndex(
			(other) => other.track === 'facts' && (order.get(other.source.sentence) ?? -1) > at
		);
		cards.splice(next >= 0 ? next : cards.length, 0, card);
	}
	return { ...deck, cards, vocab };
}

/** Ids of the card edits whose card the deck no longer has (the text's sentences changed). */
export function orphanedEdits(deck: Deck, edits: DeckEdits): string[] {
	const ids = new Set(deck.cards.map((card) => card.id));
	const entries = new Set(deck.vocab.map((entry) => entry.id));
	return [
		...[...edits.cards.keys()].filter((id) => !ids.has(id)),
		...[...edits.glosses.keys()].filter((id) => !entries.has(id)).map((id) => `gloss:${id}`),
		...[...(edits.words?.keys() ?? [])].filter((id) => !entries.has(id)).map((id) => `word:${id}`)
	];
}
