/**
 * The order new cards are introduced in (issue 14, point 2: variety from day one).
 *
 * Within a type, cards keep the text's order (but for one held back a few places to keep it away
 * from its siblings): facts as the article tells them (curated cards before automatic ones), words
 * by usefulness (the vocabulary's rank, the order the deck lists them in).
 * Across types, new cards take turns: a day's twenty new cards mix multiple choice, cloze, true or
 * false and numeric facts, or recognition, cloze and listening words, instead of twenty of one type.
 *
 * A fact or a word is one note with several sibling cards, as in Anki. Its first card can be any
 * type but the hardest, which waits for a sibling met at least a day's cards earlier: an open
 * question is asked about a fact already met once, a word is typed from its English meaning once
 * it has been recognised, heard or gapped. Siblings are also kept a day's cards apart, so the
 * queue's burying (one card of a note a day) seldom has to skip one.
 */
import type { Card, CardType } from '$lib/cards/types';

/**
 * The order types take turns in, the easier first (a track has only some of them). Facts:
 * multiple choice, cloze, true or false, numeric, open; words: recognition, cloze, listening,
 * production.
 */
const TURNS: readonly CardType[] = [
	'multiple-choice',
	'recognition',
	'cloze',
	'true-false',
	'listening',
	'numeric',
	'open',
	'production'
];

/** Types never a note's first card: recall with no cue, after an easier sibling. */
const LATER: ReadonlySet<CardType> = new Set(['open', 'production']);

/**
 * How many new cards apart two siblings are put: one day's worth at the default limit (the study
 * session deals them again for the learner's own limit).
 */
export const SIBLING_SPACING = 20;

// Within a fact's sentence, the easier types first (the article order's tie-break).
const TYPE_ORDER: Record<CardType, number> = {
	'multiple-choice': 0,
	'true-false': 1,
	cloze: 2,
	numeric: 3,
	open: 4,
	recognition: 0,
	listening: 1,
	production: 3
};

/**
 * New cards in study order: the text's order within each type, types taking turns (see the module
 * comment). Facts are sorted by `sentences` (the article's order); vocabulary keeps the order it
 * is given in. Every card is returned once; the order is the same for the same input.
 *
 * @param spacing how many cards apart siblings are put (a day's new cards)
 */
export function studyOrder(
	cards: readonly Card[],
	sentences: readonly { id: string }[],
	spacing = SIBLING_SPACING
): Card[] {
	const position = new Map(sentences.map((sentence, index) => [sentence.id, index]));
	const index = new Map(cards.map((card, i) => [card, i]));
	const textOrder = [...cards].sort((a, b) =>
		a.track === 'vocab' && b.track === 'vocab'
			? index.get(a)! - index.get(b)!
			: Number(a.origin === 'auto') - Number(b.origin === 'auto') ||
				(position.get(a.source.sentence) ?? 0) - (position.get(b.source.sentence) ?? 0) ||
				TYPE_ORDER[a.type] - TYPE_ORDER[b.type]
	);
	return inTurns(textOrder, spacing);
}

/**
 * Deals cards already in text order round-robin by type (the second half of `studyOrder`; the
 * order within a type is kept, so a study order dealt again, say without its listening cards, keeps
 * its siblings apart again). A type's turn takes its earliest card whose note was not placed
 * in the last `spacing` cards (and, for a `LATER` type, had an easier card placed before); a type
 * with none passes.
 * When every type passes, the earliest card left goes next (only siblings remain: the queue's
 * burying spreads them over the days).
 */
export function inTurns(textOrder: readonly Card[], spacing = SIBLING_SPACING): Card[] {
	const types = TURNS.filter((type) => textOrder.some((card) => card.type === type));
	// Fewer than one card of each type apart, a round would deal a note's siblings together.
	spacing = Math.max(spacing, types.length);
	const byType = new Map(types.map((type) => [type, textOrder.filter((c) => c.type === type)]));
	const left = new Set(textOrder);
	// A note of open questions only (an automatic one) has no easier card to wait for; it still
	// waits for the second day's cards, so the first day asks no open question.
	const opened = new Set(textOrder.filter((c) => !LATER.has(c.type)).map((c) => c.sibling));
	// Where each note was last placed.
	const lastAt = new Map<string, number>();
	const order: Card[] = [];
	const eligible = (card: Card) => {
		const at = lastAt.get(card.sibling);
		if (at !== undefined && order.length - at < spacing) return false;
		if (!LATER.has(card.type) || at !== undefined) return true;
		return !opened.has(card.sibling) && order.length >= spacing;
	};
	const place = (card: Card) => {
		left.delete(card);
		lastAt.set(card.sibling, order.length);
		order.push(card);
	};
	while (left.size > 0) {
		let placed = false;
		for (const type of types) {
			const list = byType.get(type)!;
			// Placed cards leave the front of their list, so a scan starts at the first card left.
			while (list.length > 0 && !left.has(list[0])) list.shift();
			const card = list.find((c) => left.has(c) && eligible(c));
			if (card) {
				place(card);
				placed = true;
			}
		}
		if (!placed) place(textOrder.find((card) => left.has(card))!);
	}
	return order;
}

/**
 * The same cards, each note's easier types first (stable otherwise): the order for words the
 * learner asked to study next, met by their meaning before they are gapped or typed.
 */
export function easiestFirst(cards: readonly Card[]): Card[] {
	return [...cards].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
}
