/**
 * Which cards a classroom quiz plays: the teacher picks the tracks and the kinds of question
 * suited to a live game (a choice on a phone, or a number), and how many.
 */
import { TRACKS, type Card, type CardType, type Track } from '$lib/cards/types';
import { shuffled, type Random } from '$lib/random/prng';

/** What the teacher chooses from; a vocabulary "multiple choice" is a recognition card. */
export type LiveKind = 'multiple-choice' | 'true-false' | 'numeric';
export const LIVE_KINDS: readonly LiveKind[] = ['multiple-choice', 'true-false', 'numeric'];

const KIND_OF: Partial<Record<CardType, LiveKind>> = {
	'multiple-choice': 'multiple-choice',
	recognition: 'multiple-choice',
	'true-false': 'true-false',
	numeric: 'numeric'
};

export interface PoolOptions {
	article: string;
	tracks: readonly Track[];
	kinds: readonly LiveKind[];
}

/**
 * The cards that may be played, in deck order: the article's cards of the chosen tracks and
 * kinds; of a track with curated cards (checked by hand), only those; of a text nobody curated
 * (one a user added), its generated cards. A fact may have several (a choice and a true/false): a
 * game asks one of them.
 */
export function livePool(cards: readonly Card[], { article, tracks, kinds }: PoolOptions): Card[] {
	const curated = new Set(
		cards
			.filter((card) => card.source.article === article && card.origin === 'curated')
			.map((card) => card.track)
	);
	return cards.filter((card) => {
		const kind = KIND_OF[card.type];
		return (
			card.source.article === article &&
			(card.origin === 'curated' || !curated.has(card.track)) &&
			kind !== undefined &&
			kinds.includes(kind) &&
			tracks.includes(card.track)
		);
	});
}

/** How many questions the pool can make: one per fact or word. */
export function questionCount(pool: readonly Card[]): number {
	return new Set(pool.map((card) => card.sibling)).size;
}

/**
 * `questions` cards of the pool in a random order, never two of one fact or word. Cards from
 * different sentences of the article come first: a revealed answer shows its sentence, which
 * would give away a later question made from the same sentence. Only a pool too small for that
 * repeats a sentence.
 */
export function pickGameCards(pool: readonly Card[], questions: number, random: Random): Card[] {
	const facts = new Set<string>();
	const sentences = new Set<string>();
	const picked: Card[] = [];
	const later: Card[] = [];
	for (const card of shuffled(pool, random)) {
		if (facts.has(card.sibling)) continue;
		facts.add(card.sibling);
		const sentence = `${card.source.article}#${card.source.sentence}`;
		if (sentences.has(sentence)) later.push(card);
		else {
			sentences.add(sentence);
			picked.push(card);
		}
	}
	return [...picked, ...later].slice(0, Math.max(0, questions));
}

/** A stable key for a choice of tracks and kinds (order of ticking does not matter). */
export function choiceKey(tracks: readonly Track[], kinds: readonly LiveKind[]): string {
	const inOrder = <T>(all: readonly T[], chosen: readonly T[]) =>
		all.filter((x) => chosen.includes(x));
	return `${inOrder(TRACKS, tracks).join('+')}|${inOrder(LIVE_KINDS, kinds).join('+')}`;
}

/**
 * The teacher's own list of questions, checked against the pool: every id a card of the pool
 * (the chosen text, tracks and kinds), none twice, never two of one fact or word. Returns the
 * cards in the teacher's order, or null when the list breaks a rule (a forged or stale form).
 */
export function chosenCards(pool: readonly Card[], ids: readonly string[]): Card[] | null {
	const byId = new Map(pool.map((card) => [card.id, card]));
	const facts = new Set<string>();
	const cards: Card[] = [];
	for (const id of ids) {
		const card = byId.get(id);
		if (!card || facts.has(card.sibling)) return null;
		facts.add(card.sibling);
		cards.push(card);
	}
	return cards.length === new Set(ids).size ? cards : null;
}

/** A preview of the questions: the chosen cards and the ones the teacher swapped or dropped. */
export interface Preview {
	chosen: string[];
	/** Cards taken out of the list, never offered again as a swap. */
	skipped: string[];
}

/**
 * Swaps question `index` of a preview for the next unused candidate of `candidates` (the pool
 * in the game's drawn order, see `pickGameCards`): the first card that is neither chosen,
 * skipped, nor of a fact or word already asked. Without one left, the preview is unchanged.
 */
export function swapQuestion(
	candidates: readonly Card[],
	preview: Preview,
	index: number,
	pool: readonly Card[] = candidates
): Preview {
	const current = preview.chosen[index];
	if (current === undefined) return preview;
	// The facts asked, from the whole pool: the candidates hold one card per fact, maybe not the
	// one chosen (a draw of another order).
	const byId = new Map(pool.map((card) => [card.id, card]));
	const used = new Set([...preview.chosen, ...preview.skipped, current]);
	const facts = new Set(
		preview.chosen.filter((id) => id !== current).map((id) => byId.get(id)?.sibling)
	);
	const next = candidates.find((card) => !used.has(card.id) && !facts.has(card.sibling));
	if (!next) return preview;
	return {
		chosen: preview.chosen.map((id, i) => (i === index ? next.id : id)),
		skipped: [...preview.skipped, current]
	};
}

/** Drops question `index` of a preview (the last one stays: a game needs a question). */
export function dropQuestion(preview: Preview, index: number): Preview {
	const current = preview.chosen[index];
	if (current === undefined || preview.chosen.length <= 1) return preview;
	return {
		chosen: preview.chosen.filter((_, i) => i !== index),
		skipped: [...preview.skipped, current]
	};
}
