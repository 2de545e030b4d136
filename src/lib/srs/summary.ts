/**
 * What one study session did, for the done screen (Anki's "Congratulations! … studied N cards in M
 * minutes"): cards studied, reviews by what the card was before, by rating, the share right and
 * the time spent. Pure: the session's reviews and its start come in.
 */
import { RATINGS, State, type Rating, type ReviewLog } from '$lib/srs/scheduler';

/**
 * Like Anki's "maximum answer seconds" (60 by default): a longer pause before a rating (a coffee,
 * another tab) counts as this much, so walking away does not inflate the time spent.
 */
export const MAX_ANSWER_MS = 60_000;

export interface SessionSummary {
	/** Different cards rated (a card rated Again and then Good is one card). */
	cards: number;
	/** Ratings given. */
	reviews: number;
	/** Reviews by the card's state before them: new (introduced now), learning (or relearning), review. */
	byState: { new: number; learning: number; review: number };
	byRating: Record<Rating, number>;
	/** Share of reviews not rated Again (0…1); `null` without reviews. */
	right: number | null;
	/** Time spent, in ms: from the start to each rating, each gap at most `maxAnswerMs`. */
	timeMs: number;
}

/**
 * Sums up a session's reviews.
 *
 * @param reviews the session's reviews, any order (undone ones already left out)
 * @param startedAt when the session opened: the first card's time counts from here
 * @param maxAnswerMs the longest time one rating may count for
 */
export function summarizeSession(
	reviews: readonly ReviewLog[],
	startedAt: Date,
	maxAnswerMs = MAX_ANSWER_MS
): SessionSummary {
	const byState = { new: 0, learning: 0, review: 0 };
	const byRating = Object.fromEntries(RATINGS.map((rating) => [rating, 0])) as Record<
		Rating,
		number
	>;
	const cards = new Set<string>();
	const times: number[] = [];
	for (const review of reviews) {
		cards.add(review.cardId);
		byRating[review.rating]++;
		if (review.previousState === State.New) byState.new++;
		else if (review.previousState === State.Review) byState.review++;
		else byState.learning++;
		times.push(Date.parse(review.reviewedAt));
	}
	times.sort((a, b) => a - b);
	let timeMs = 0;
	let previous = startedAt.getTime();
	for (const at of times) {
		timeMs += Math.min(Math.max(0, at - previous), maxAnswerMs);
		previous = Math.max(previous, at);
	}
	const total = reviews.length;
	return {
		cards: cards.size,
		reviews: total,
		byState,
		byRating,
		right: total ? (total - byRating.again) / total : null,
		timeMs
	};
}
