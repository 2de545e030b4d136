/**
 * What a player may be shown of a card: its front before they answer (the question), its back
 * once they have (the answer and where it comes from). Every screen that asks a card builds
 * what it sends from these two: the practice quiz, a classroom game (projector and phones) and
 * the printed quiz with its key.
 *
 * Both are built field by field from a whitelist, never by spreading a card, so a field added
 * to `Card` later cannot reach a screen by accident. The front never holds the answer, the
 * accepted forms, the number, the note or the source sentence (which contains the answer).
 * What it cannot hide by itself is left to the caller: the card's id (some ids spell the
 * answer, e.g. `stima-4000-uccisi`), so each screen names its questions its own way, and the
 * order of the options, which the caller passes in (a classroom game shuffles them per game).
 */
import type { Card, CardSource, CardType } from '$lib/cards/types';

/** A card before it is answered. */
export interface CardFront {
	type: CardType;
	/** In Italian; empty for a listening card, whose prompt is the word itself (it is spoken). */
	prompt: string;
	/** The same in English (for a listening card, the instruction). */
	prompt_en: string;
	/** The options to choose from, in the order given; none for a typed answer. */
	options: string[];
}

/** A card once answered: what the learner needs to learn from it. */
export interface CardBack {
	/** The right answer, as it should be shown. */
	answer: string;
	/** The article's sentence the card was made from. */
	source: CardSource;
	/** A remark on the answer (e.g. where the article is imprecise), when the card has one. */
	note?: Card['note'];
}

/**
 * The front of `card`, with its options in `order` (the card's own by default).
 *
 * @throws when `order` is not an order of the card's options: a server bug, which must not
 *   show one card's question with another's options
 */
export function cardFront(card: Card, order: readonly string[] = card.options): CardFront {
	const sorted = (options: readonly string[]) => [...options].sort().join('\u0000');
	if (order.length !== card.options.length || sorted(order) !== sorted(card.options)) {
		throw new Error(`Not an order of the options of card ${card.id}`);
	}
	return {
		type: card.type,
		prompt: card.type === 'listening' ? '' : card.prompt,
		prompt_en: card.prompt_en,
		options: [...order]
	};
}

/** The back of `card`. */
export function cardBack(card: Card): CardBack {
	const { article, sentence, text } = card.source;
	const back: CardBack = { answer: card.answer, source: { article, sentence, text } };
	if (card.note) back.note = { it: card.note.it, en: card.note.en };
	return back;
}
