/**
 * Drawing a practice quiz from a deck: a few questions of mixed types, one per fact.
 */
import type { CardFront } from '$lib/cards/projection';
import type { Card, CardType } from '$lib/cards/types';
import { mulberry32, shuffled } from '$lib/random/prng';

export const QUIZ_SIZE = 10;

/**
 * What the browser gets of a card before it is answered: its front, named by the quiz's own id
 * of the question (never the card's id, which can spell the answer).
 */
export interface QuizQuestion extends CardFront {
	id: string;
}

const TYPES: CardType[] = ['multiple-choice', 'cloze', 'true-false', 'numeric', 'open'];

/**
 * Draws `size` cards for a quiz: types taken in turn so the quiz is mixed, never two cards of
 * the same fact (siblings), curated cards before automatic ones. Same cards and seed, same quiz.
 */
export function drawQuiz(cards: readonly Card[], seed: number, size = QUIZ_SIZE): Card[] {
	const random = mulberry32(seed);
	const byType = new Map<CardType, Card[]>();
	for (const card of shuffled(cards, random)) {
		byType.set(card.type, [...(byType.get(card.type) ?? []), card]);
	}
	for (const [type, list] of byType) {
		// Stable sort: the shuffle decides among curated cards, then among automatic ones.
		byType.set(
			type,
			list.sort((a, b) => Number(a.origin === 'auto') - Number(b.origin === 'auto'))
		);
	}
	const order = shuffled(TYPES, random);
	const used = new Set<string>();
	const picked: Card[] = [];
	while (picked.length < size) {
		let added = false;
		for (const type of order) {
			if (picked.length >= size) break;
			const list = byType.get(type) ?? [];
			const index = list.findIndex((card) => !used.has(card.sibling));
			if (index < 0) continue;
			const [card] = list.splice(index, 1);
			used.add(card.sibling);
			picked.push(card);
			added = true;
		}
		if (!added) break;
	}
	return picked;
}
