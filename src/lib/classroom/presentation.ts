/**
 * How one game presents its questions: the order of each question's options and the public id
 * of each question, both drawn from the game's own seed. Another class playing the same cards
 * sees other letters for the same answers, and nothing a screen receives names a card (card ids
 * are readable and some contain the answer, e.g. `stima-4000-uccisi`).
 */
import type { Card } from '$lib/cards/types';
import type { GameState } from '$lib/classroom/types';
import { mulberry32, shuffled } from '$lib/random/prng';
import { fnv1a } from '$lib/text/ids';

/**
 * The options of question `index` in the order this game shows them. True or false keeps its
 * order (vero, falso): two options gain nothing from a shuffle and a class expects them so.
 */
export function gameOptions(state: GameState, index: number, card: Card): string[] {
	if (card.type === 'true-false' || state.settings.seed === undefined) return [...card.options];
	return shuffled(
		card.options,
		mulberry32((state.settings.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)
	);
}

/** The public id of question `index` in this game: stable for the game, meaningless outside it. */
export function questionId(state: GameState, index: number): string {
	const seed = state.settings.seed ?? 0;
	return `q${index + 1}-${fnv1a(`${state.code}:${seed}:${index}`).toString(36)}`;
}

/** A question of the game as printed or listed: its card, public id and this game's options. */
export interface GameQuestion {
	index: number;
	id: string;
	card: Card;
	options: string[];
}

/** The game's questions in order (a card no longer in the deck is left out). */
export function gameQuestions(state: GameState, cards: readonly Card[]): GameQuestion[] {
	return state.cardIds.flatMap((cardId, index) => {
		const card = cards.find((c) => c.id === cardId);
		if (!card) return [];
		return [
			{ index, id: questionId(state, index), card, options: gameOptions(state, index, card) }
		];
	});
}
