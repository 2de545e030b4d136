/**
 * What the review page lists: the text's fact cards as generated, with the owner's edits applied
 * for display, grouped by the sentence they come from (in the text's order), and the words of
 * each sentence with their gloss. Pure: the server hands it the deck and the edits.
 */
import type { Card } from '$lib/cards/types';
import type { Sentence } from '$lib/content/types';
import { addedCard, addedKey, checkAddedFact, type AddedFactProblem } from '$lib/deck/added';
import type { Deck } from '$lib/deck/deck';
import {
	checkCardEdit,
	distractorsOf,
	editedCard,
	orphanedEdits,
	NO_EDITS,
	type CardEditProblem,
	type DeckEdits
} from '$lib/deck/edits';

export type CardStatus = 'generated' | 'edited' | 'dropped' | 'added';

export interface ReviewCard {
	id: string;
	type: Card['type'];
	status: CardStatus;
	prompt: string;
	answer: string;
	accept: string[];
	/** A multiple-choice card's wrong choices; null for other types. */
	distractors: string[] | null;
	/** An added fact's key (sentence and span), to remove it by. */
	added?: string;
}

/** What the last refused save of a card sent back: its problems and what was typed. */
export interface Refusal {
	problems: (CardEditProblem | AddedFactProblem)[];
	message?: string;
	values?: Partial<
		Record<
			'prompt' | 'answer' | 'accept' | 'distractors' | 'span' | 'kind' | 'question',
			string | undefined
		>
	>;
}

export interface ReviewWord {
	id: string;
	lemma: string;
	pos: string;
	gloss: string | null;
	edited: boolean;
	/** Dropped by the owner: no cards of it are studied or asked. */
	dropped: boolean;
	/** The lemma or part of speech is the owner's. */
	corrected: boolean;
}

export interface ReviewGroup {
	sentence: { id: string; text: string; number: number; paragraph: number };
	cards: ReviewCard[];
	words: ReviewWord[];
}

export interface ReviewView {
	groups: ReviewGroup[];
	counts: { cards: number; edited: number; dropped: number; added: number };
	orphans: { kind: 'card' | 'gloss' | 'word' | 'added'; target: string }[];
}

function reviewCard(card: Card, edits: DeckEdits): ReviewCard {
	const edit = edits.cards.get(card.id);
	// An edit that no longer passes (the card changed under it) shows the card as it is served.
	const usable = edit && !edit.drop && checkCardEdit(card, edit).length === 0;
	const shown = usable ? editedCard(card, edit) : card;
	return {
		id: card.id,
		type: card.type,
		status: edit?.drop ? 'dropped' : usable ? 'edited' : 'generated',
		prompt: shown.prompt,
		answer: shown.answer,
		accept: shown.accept,
		distractors: card.type === 'multiple-choice' ? distractorsOf(shown) : null
	};
}

/** The review page's list, from the generated deck of one text and its edits. */
export function reviewView(
	sentences: readonly Sentence[],
	generated: Deck,
	edits: DeckEdits
): ReviewView {
	const cardsOf = new Map<string, ReviewCard[]>();
	for (const card of generated.cards) {
		if (card.track !== 'facts') continue;
		const list = cardsOf.get(card.source.sentence) ?? [];
		list.push(reviewCard(card, edits));
		cardsOf.set(card.source.sentence, list);
	}
	const article = generated.articles[0]?.slug ?? '';
	const byId = new Map(sentences.map((sentence) => [sentence.id, sentence]));
	const orphanedAdded: string[] = [];
	for (const [key, fact] of edits.added ?? []) {
		const sentence = byId.get(fact.sentence);
		if (!sentence || checkAddedFact(sentence.text, fact).length > 0) {
			orphanedAdded.push(key);
			continue;
		}
		const card = addedCard(article, sentence, fact);
		const list = cardsOf.get(sentence.id) ?? [];
		list.push({
			...reviewCard(card, NO_EDITS),
			status: 'added',
			added: addedKey(fact)
		});
		cardsOf.set(sentence.id, list);
	}
	const wordsOf = new Map<string, ReviewWord[]>();
	for (const entry of generated.vocab) {
		const edit = edits.glosses.get(entry.id);
		const word = edits.words?.get(entry.id);
		const list = wordsOf.get(entry.sentences[0]) ?? [];
		list.push({
			id: entry.id,
			lemma: word?.lemma ?? entry.lemma,
			pos: word?.pos ?? entry.pos,
			gloss: edit?.gloss ?? entry.gloss,
			edited: edit !== undefined,
			dropped: word?.drop === true,
			corrected: word !== undefined && !word.drop
		});
		wordsOf.set(entry.sentences[0], list);
	}
	// Numbered as listed: the headline and the byline, never asked, are not counted. A sentence
	// of the body with no card yet is listed too: the owner may add a fact on it.
	const groups: ReviewGroup[] = [];
	for (const sentence of sentences) {
		const cards = cardsOf.get(sentence.id) ?? [];
		const words = wordsOf.get(sentence.id) ?? [];
		if (cards.length === 0 && words.length === 0 && sentence.role !== 'body') continue;
		const number = groups.length + 1;
		const { id, text, paragraph } = sentence;
		groups.push({ sentence: { id, text, number, paragraph }, cards, words });
	}
	const all = groups.flatMap((group) => group.cards);
	return {
		groups,
		counts: {
			cards: all.length,
			edited: all.filter((card) => card.status === 'edited').length,
			dropped: all.filter((card) => card.status === 'dropped').length,
			added: all.filter((card) => card.status === 'added').length
		},
		orphans: [
			...orphanedEdits(generated, edits).map((key) => {
				for (const kind of ['gloss', 'word'] as const) {
					if (key.startsWith(`${kind}:`)) return { kind, target: key.slice(kind.length + 1) };
				}
				return { kind: 'card' as const, target: key };
			}),
			...orphanedAdded.map((target) => ({ kind: 'added' as const, target }))
		]
	};
}
