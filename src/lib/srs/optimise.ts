/**
 * Fitting FSRS parameters to the learner's own reviews (issue 14, point 7): what the browser sends
 * and how a review log becomes the training items of fsrs-rs. Pure and shared: the browser, the
 * endpoint (`/api/fsrs/optimise`) and the CLI (`scripts/optimise.ts`) use the same rules, and the
 * fitting itself runs in Node (`$lib/server/fsrs/fit`: the binding's WASI build is not available).
 */
import { z } from 'zod';
import { RATINGS, State, type ReviewLog } from '$lib/srs/scheduler';

/** Below this many usable reviews the fit is refused: it would follow noise. */
export const MIN_USABLE = 100;
/** What Anki's manual advises before optimising: a few hundred reviews. */
export const ADVISED_USABLE = 400;
/**
 * The most reviews one request carries: about 420 kB as JSON, under adapter-node's default body
 * limit (512 kB). The latest ones are sent; tens of thousands are more than a fit needs.
 */
export const MAX_REVIEWS = 30_000;

/**
 * One review as sent: `[card, rating 1–4, learner days since the card's previous review]`, in
 * the order they were made. The card is an alias (a small number), not its id: the server needs
 * to tell cards apart, nothing more. Tuples, not objects, so a long log stays small.
 */
const sentReview = z.tuple([
	z
		.number()
		.int()
		.min(0)
		.max(MAX_REVIEWS - 1),
	z.number().int().min(1).max(4),
	z.number().int().min(0).max(36_500)
]);

/** The input of `/api/fsrs/optimise`: the review log, oldest first. */
export const optimiseRequest = z.object({
	reviews: z.array(sentReview).max(MAX_REVIEWS)
});
export type OptimiseRequest = z.infer<typeof optimiseRequest>;

/** Log loss and RMSE (binned, as fsrs-rs reports it) of a set of parameters on the reviews. */
export interface Evaluation {
	logLoss: number;
	rmse: number;
}

/** The answer of `/api/fsrs/optimise`. */
export interface OptimiseResult {
	parameters: number[];
	/** Reviews the fit learned from (see `usableCount`). */
	usable: number;
	/** FSRS's default parameters and the fitted ones, on the same reviews (lower is better). */
	before: Evaluation;
	after: Evaluation;
}

/** One review as fsrs-rs takes it: a rating 1–4 and the days since the previous review. */
export interface ItemReview {
	rating: number;
	deltaT: number;
}

type LoggedReview = Pick<
	ReviewLog,
	'cardId' | 'rating' | 'reviewedAt' | 'previousState' | 'elapsedDays'
>;

/**
 * The request for a review log: oldest first, cards replaced by aliases. A card reviewed again as
 * New (it was reset) starts a new alias, so its earlier history is not taken for this one's.
 * Over `MAX_REVIEWS`, the cards first reviewed earliest are left out whole (a history cut in the
 * middle would start with a review that is not the first).
 */
export function toOptimiseRequest(log: readonly LoggedReview[]): OptimiseRequest {
	const sorted = [...log].sort((a, b) =>
		a.reviewedAt < b.reviewedAt ? -1 : a.reviewedAt > b.reviewedAt ? 1 : 0
	);
	const aliases = new Map<string, number>();
	const firstAt: number[] = [];
	const reviews = sorted.map((review, index): OptimiseRequest['reviews'][number] => {
		let alias = aliases.get(review.cardId);
		if (alias === undefined || review.previousState === State.New) {
			alias = firstAt.push(index) - 1;
			aliases.set(review.cardId, alias);
		}
		return [alias, RATINGS.indexOf(review.rating) + 1, review.elapsedDays];
	});
	if (reviews.length <= MAX_REVIEWS) return { reviews };
	const from = reviews.length - MAX_REVIEWS;
	const kept = reviews.filter(([alias]) => firstAt[alias] >= from);
	// Aliases renumbered from 0, so they stay under the schema's bound.
	const renumber = new Map<number, number>();
	return {
		reviews: kept.map(([alias, rating, days]) => {
			if (!renumber.has(alias)) renumber.set(alias, renumber.size);
			return [renumber.get(alias)!, rating, days];
		})
	};
}

/**
 * Training items as Anki builds them for fsrs-rs: each card's reviews in order, the first with
 * `deltaT` 0; one item per review after the first, holding the card's history up to it, kept only
 * when that review came on a later day than the one before (a same-day review says nothing of
 * long-term memory, and fsrs-rs learns only from items ending in one).
 */
export function fsrsItems(reviews: OptimiseRequest['reviews']): ItemReview[][] {
	const histories = new Map<number, ItemReview[]>();
	const items: ItemReview[][] = [];
	for (const [card, rating, elapsedDays] of reviews) {
		let history = histories.get(card);
		if (!history) {
			history = [];
			histories.set(card, history);
		}
		history.push({ rating, deltaT: history.length === 0 ? 0 : elapsedDays });
		if (history.length > 1 && history[history.length - 1].deltaT > 0) items.push([...history]);
	}
	return items;
}

/** How many reviews the optimiser can learn from (one per training item). */
export function usableCount(log: readonly LoggedReview[]): number {
	return fsrsItems(toOptimiseRequest(log).reviews).length;
}
