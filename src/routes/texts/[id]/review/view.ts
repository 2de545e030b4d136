/**
 * What the review page lists: the text's fact cards as generated, with the owner's edits applied
 * for display, grouped by the sentence they come from (in the text's order), and the words of
 * each sentence with their gloss. Pure: the server hands it the deck and the edits.
 */
import type { Card } from '$lib/cards/types';
import type { Sentence } from '$lib/content/types';
import type { Deck } from '$lib/deck/deck';
import {
	checkCardEdit,
	distractorsOf,
	editedCard,
	orphanedEdits,
	type CardEditProblem,
	type DeckEdits
} from '$lib/deck/edits';

export type CardStatus = 'generated' | 'edited' | 'dropped';

export interface ReviewCard {
	id: string;
	type: Card['type'];
	status: CardStatus;
	prompt: string;
	answer: string;
	accept: string[];
	/** A multiple-choice card's wrong choices; null for other types. */
	distractors: string[] | null;
}

/** What the last refused save of a card sent back: its problems and what was typed. */
export interface Refusal {
	problems: CardEditProblem[];
	message?: string;
	values?: Partial<Record<'prompt' | 'answer' | 'accept' | 'distractors', string | undefined>>;
}

export interface ReviewWord {
	id: string;
	lemma: string;
	pos: string;
	gloss: string | null;
	edited: boolean;
}

export interface ReviewGroup {
	sentence: { id: string; text: string; number: number };
	cards: ReviewCard[];
	words: ReviewWord[];
}

export interface ReviewView {
	groups: ReviewGroup[];
	counts: { cards: number; edited: number; dropped: number };
	orphans: { kind: 'card' | 'gloss'; target: string }[];
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
	const wordsOf = new Map<string, ReviewWord[]>();
	for (const entry of generated.vocab) {
		const edit = edits.glosses.get(entry.id);
		const list = wordsOf.get(entry.sentences[0]) ?? [];
		list.push({
			id: entry.id,
			lemma: entry.lemma,
			pos: entry.pos,
			gloss: edit?.gloss ?? entry.gloss,
			edited: edit !== undefined
		});
		wordsOf.set(entry.sentences[0], list);
	}
	// Numbered as listed: the headline and the byline, never asked, are not counted.
	const groups: ReviewGroup[] = [];
	for (const sentence of sentences) {
		const cards = cardsOf.get(sentence.id) ?? [];
		const words = wordsOf.get(sentence.id) ?? [];
		if (cards.length === 0 && words.length === 0) continue;
		const number = groups.length + 1;
		groups.push({ sentence: { id: sentence.id, text: sentence.text, number }, cards, words });
	}
	const all = groups.flatMap((group) => group.cards);
	return {
		groups,
		counts: {
			cards: all.length,
			edited: all.filter((card) => card.status === 'edited').length,
			dropped: all.filter((card) => card.status === 'dropped').length
		},
		orphans: orphanedEdits(generated, edits).map((key) =>
			key.startsWith('gloss:')
				? { kind: 'gloss' as const, target: key.slice('gloss:'.length) }
				: { kind: 'card' as const, target: key }
		)
	};
}
