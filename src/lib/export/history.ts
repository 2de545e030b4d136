/**
 * A learner's history as the export sends it: the FSRS state and the reviews of each card, in a
 * compact form (a review is a tuple of numbers), because the history lives in the browser and
 * travels to the server that writes the Anki package. One schema for the Settings page and the
 * CLI alike.
 */
import { z } from 'zod';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';
import { RATINGS, State } from '$lib/srs/scheduler';

/** The most reviews one export takes (a backup holds at most about 400,000). */
export const MAX_EXPORT_REVIEWS = 400_000;
/** The most articles one export takes. */
export const MAX_EXPORT_ARTICLES = 50;
/** The largest request body, once decompressed. */
export const MAX_EXPORT_BYTES = 40_000_000;

const ms = z.number().int().min(0).max(8.64e15);
const days = z
	.number()
	.int()
	.min(0)
	.max(36_500 * 10);
const fsrsState = z.number().int().min(State.New).max(State.Relearning);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/u, 'not an article slug');

/** A card's memory state now: `[state, due, scheduledDays, reps, lapses, stability, difficulty]`. */
const stateTuple = z.tuple([
	fsrsState,
	ms,
	days,
	z.number().int().min(0),
	z.number().int().min(0),
	z.number().finite().min(0),
	z.number().finite().min(0)
]);

/**
 * One review: `[reviewedAt, rating 1–4, previousState, scheduledDays, previousDue, difficulty]`
 * (dates in ms; the difficulty is the one the review left).
 */
const reviewTuple = z.tuple([
	ms,
	z.number().int().min(1).max(4),
	fsrsState,
	days,
	ms,
	z.number().finite().min(0).max(100)
]);

export const cardHistorySchema = z.object({
	id: z.string().min(1).max(300),
	state: stateTuple.optional(),
	reviews: z.array(reviewTuple).max(MAX_EXPORT_REVIEWS)
});

export const exportRequestSchema = z
	.object({
		articles: z.array(slug).min(1).max(MAX_EXPORT_ARTICLES),
		history: z.array(cardHistorySchema).max(MAX_EXPORT_REVIEWS).default([])
	})
	.refine(
		({ history }) =>
			history.reduce((sum, card) => sum + card.reviews.length, 0) <= MAX_EXPORT_REVIEWS,
		{ message: `at most ${MAX_EXPORT_REVIEWS} reviews`, path: ['history'] }
	);

export type CardHistory = z.infer<typeof cardHistorySchema>;
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** A card's state tuple as a record. */
export interface CardNow {
	state: State;
	due: number;
	scheduledDays: number;
	reps: number;
	lapses: number;
	stability: number;
	difficulty: number;
}

export const readState = ([
	state,
	due,
	scheduledDays,
	reps,
	lapses,
	stability,
	difficulty
]: NonNullable<CardHistory['state']>): CardNow => ({
	state,
	due,
	scheduledDays,
	reps,
	lapses,
	stability,
	difficulty
});

/** One review as a record. */
export interface PastReview {
	at: number;
	ease: 1 | 2 | 3 | 4;
	previousState: State;
	scheduledDays: number;
	previousDue: number;
	difficulty: number;
}

export const readReview = ([
	at,
	ease,
	previousState,
	scheduledDays,
	previousDue,
	difficulty
]: CardHistory['reviews'][number]): PastReview => ({
	at,
	ease: ease as PastReview['ease'],
	previousState,
	scheduledDays,
	previousDue,
	difficulty
});

/**
 * The history of the cards of some articles, from the browser's records: what the Settings page
 * posts (a backup file's records give the same, for the CLI).
 */
export function historyOf(
	states: Iterable<StateRecord>,
	reviews: Iterable<ReviewRecord>,
	articles: ReadonlySet<string>
): CardHistory[] {
	const byId = new Map<string, CardHistory>();
	const entry = (id: string) => {
		let card = byId.get(id);
		if (!card) byId.set(id, (card = { id, reviews: [] }));
		return card;
	};
	for (const { id, article, memory } of states) {
		if (!articles.has(article)) continue;
		entry(id).state = [
			memory.state,
			Date.parse(memory.due),
			memory.scheduled_days,
			memory.reps,
			memory.lapses,
			memory.stability,
			memory.difficulty
		];
	}
	for (const review of reviews) {
		if (!articles.has(review.article)) continue;
		entry(review.cardId).reviews.push([
			Date.parse(review.reviewedAt),
			RATINGS.indexOf(review.rating) + 1,
			review.previousState,
			review.scheduledDays,
			Date.parse(review.previousDue),
			review.difficulty
		]);
	}
	return [...byId.values()];
}
