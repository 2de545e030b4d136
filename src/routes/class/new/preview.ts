/**
 * The preview step of a new quiz: the questions a game will ask, drawn from the pool of the
 * chosen text, tracks and kinds, which the teacher may swap or drop before creating it. The
 * preview travels in the form itself (card ids, swapped-out ids, the draw's seed), so it works
 * with or without JavaScript and the server keeps nothing between two clicks.
 */
import type { Card } from '$lib/cards/types';
import { dropQuestion, pickGameCards, swapQuestion, type Preview } from '$lib/classroom/pick';
import { mulberry32 } from '$lib/random/prng';

/** One question of the preview as the teacher reads it: prompt and answer. */
export interface PreviewQuestion {
	id: string;
	prompt: string;
	answer: string;
}

export interface PreviewData extends Preview {
	seed: number;
	questions: PreviewQuestion[];
	/** Whether a swap found nothing left to swap in. */
	exhausted: boolean;
}

/** What the teacher pressed: a new draw, or a swap or drop of question `index`. */
export type PreviewStep = { kind: 'draw' } | { kind: 'swap' | 'drop'; index: number };

/**
 * The next preview. A new draw takes the first `count` candidates of a fresh order; a swap or a
 * drop works on the ids the form sent back, once they are all still cards of the pool (else:
 * null, and the teacher draws again).
 */
export function nextPreview(
	pool: readonly Card[],
	sent: { chosen: string[]; skipped: string[]; seed: number },
	step: PreviewStep,
	count: number
): PreviewData | null {
	const candidates = pickGameCards(pool, pool.length, mulberry32(sent.seed));
	const byId = new Map(pool.map((card) => [card.id, card]));
	let preview: Preview;
	let exhausted = false;
	if (step.kind === 'draw') {
		preview = { chosen: candidates.slice(0, count).map((card) => card.id), skipped: [] };
	} else {
		if (sent.chosen.length === 0 || !sent.chosen.every((id) => byId.has(id))) return null;
		const skipped = sent.skipped.filter((id) => byId.has(id));
		const before = { chosen: sent.chosen, skipped };
		preview =
			step.kind === 'swap'
				? swapQuestion(candidates, before, step.index, pool)
				: dropQuestion(before, step.index);
		exhausted = step.kind === 'swap' && preview === before;
	}
	return {
		...preview,
		seed: sent.seed,
		exhausted,
		questions: preview.chosen.map((id) => {
			const card = byId.get(id)!;
			return { id, prompt: card.prompt, answer: card.answer };
		})
	};
}

/**
 * The preview of a list the teacher already had (a quiz started again): the ids that are still
 * cards of the pool, in their order, and how many were not (the text changed since).
 */
export function keptPreview(
	pool: readonly Card[],
	ids: readonly string[],
	seed: number
): { preview: PreviewData | null; dropped: number } {
	const byId = new Map(pool.map((card) => [card.id, card]));
	const kept = ids.filter((id) => byId.has(id));
	const preview: PreviewData = {
		chosen: kept,
		skipped: [],
		seed,
		exhausted: false,
		questions: kept.map((id) => {
			const card = byId.get(id)!;
			return { id, prompt: card.prompt, answer: card.answer };
		})
	};
	return { preview: kept.length > 0 ? preview : null, dropped: ids.length - kept.length };
}
