/**
 * Drawing a practice quiz from a deck: a few questions of mixed types, one per fact (or word).
 */
import type { CardFront } from '$lib/cards/projection';
import type { Card, CardType, Track } from '$lib/cards/types';
import { mulberry32, shuffled } from '$lib/random/prng';

export const QUIZ_SIZE = 10;
/** How many questions a learner may ask for. */
export const QUIZ_SIZES = [5, 10, 20] as const;

/**
 * What the browser gets of a card before it is answered: its front, named by the quiz's own id
 * of the question (never the card's id, which can spell the answer).
 */
export interface QuizQuestion extends CardFront {
	id: string;
}

/**
 * The types a quiz of each track asks. Vocabulary: no listening, which needs a voice the quiz
 * does not have (and a learner may be somewhere without sound).
 */
const TYPES: Record<Track, CardType[]> = {
	facts: ['multiple-choice', 'cloze', 'true-false', 'numeric', 'open'],
	vocab: ['recognition', 'production', 'cloze']
};

/**
 * The cards of `article` a quiz of `track` can ask: its types only, and only cards that have
 * what their type shows. A recognition card's options and a production card's prompt are
 * glosses; an added text's word without one has neither card (see `vocabCards`), and this
 * keeps a card with an empty gloss from becoming a question with nothing to read.
 */
export function quizCards(cards: readonly Card[], article: string, track: Track): Card[] {
	return cards.filter(
		(card) =>
			card.source.article === article &&
			card.track === track &&
			TYPES[track].includes(card.type) &&
			hasGloss(card)
	);
}

function hasGloss(card: Card): boolean {
	if (card.type === 'recognition') {
		return card.options.length >= 2 && card.options.every((option) => option.trim() !== '');
	}
	if (card.type === 'production') return card.prompt.trim() !== '' && !/^\s*\(/u.test(card.prompt);
	return true;
}

/**
 * Draws `size` cards for a quiz: types taken in turn so the quiz is mixed, never two cards of
 * the same fact or word (siblings), curated cards before automatic ones. Same cards, seed and
 * track, same quiz.
 */
export function drawQuiz(
	cards: readonly Card[],
	seed: number,
	size = QUIZ_SIZE,
	track: Track = 'facts'
): Card[] {
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
	const order = shuffled(TYPES[track], random);
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
