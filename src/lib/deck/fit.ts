/**
 * Automatic cards whose options fit their gap. "Alla Guatemala" or "Gli Paesi Bassi" would teach
 * a mistake: a misfit option is replaced by fitting ones drawn under other seeds (a card's id,
 * prompt and answer do not depend on the seed, only its options do), and a card that cannot get
 * three fitting options is left out, so the deck keeps its ids whatever the seed.
 */
import { generateAutoCards } from '$lib/autogen/generate';
import { misfitOptions } from '$lib/cards/agreement';
import { GAP, type Card } from '$lib/cards/types';
import type { Article } from '$lib/content/types';
import type { LemmaTable } from '$lib/lemma/types';
import { rngFor, shuffled } from '$lib/random/prng';

/** How many other draws a card gets: each brings up to three candidates. */
const MAX_REDRAWS = 4;
/** Wrong options on a multiple-choice card. */
const DISTRACTORS = 3;

/** Whether every option of the card takes the words before its gap. */
export function fitsItsGap(card: Card): boolean {
	return misfitOptions(card.prompt, GAP, card.options).length === 0;
}

/** The article's automatic cards, each with options that fit its gap (see the module comment). */
export function autoCardsThatFit(article: Article, seed: number, lemmas?: LemmaTable): Card[] {
	const redraws: Map<string, Card>[] = [];
	const redraw = (k: number) =>
		(redraws[k] ??= new Map(
			generateAutoCards(article, { seed: seed + k * 7919, lemmas }).map((card) => [card.id, card])
		));
	return generateAutoCards(article, { seed, lemmas }).flatMap((card) => {
		if (fitsItsGap(card)) return [card];
		const fits = (option: string) => misfitOptions(card.prompt, GAP, [option]).length === 0;
		const seen = new Set(card.options.filter((option) => option !== card.answer));
		const fitting = [...seen].filter(fits);
		for (let k = 1; k <= MAX_REDRAWS && fitting.length < DISTRACTORS; k++) {
			const fresh = (redraw(k).get(card.id)?.options ?? []).filter(
				(option) => option !== card.answer && !seen.has(option)
			);
			// A draw that brings nothing new: the pool of candidates is exhausted.
			if (fresh.length === 0) break;
			for (const option of fresh) seen.add(option);
			fitting.push(...fresh.filter(fits));
		}
		if (fitting.length < DISTRACTORS) return [];
		const random = rngFor(`${card.id}:fit`, seed);
		return [
			{ ...card, options: shuffled([card.answer, ...fitting.slice(0, DISTRACTORS)], random) }
		];
	});
}
