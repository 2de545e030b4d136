/**
 * Class results feed each student's own schedule: the quiz's cards join the student's study
 * deck, and an answer given in class counts as that card's first review (right: Good, wrong:
 * Again, at the moment it was given), so spaced repetition starts from what the student showed
 * in class instead of from zero.
 */
import type { Track } from '$lib/cards/types';
import type { Scheduler } from '$lib/srs/scheduler';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';

/** One card of the quiz and how this student did on it (both null: not answered). */
export interface ClassResult {
	id: string;
	track: Track;
	article: string;
	correct: boolean | null;
	/** When the answer reached the server (epoch ms). */
	at: number | null;
}

export interface ClassReview {
	state: StateRecord;
	review: ReviewRecord;
}

/**
 * The reviews to store for a student's class results. Only cards the student has never studied
 * are rated: a card already in their schedule has its own history, which the quiz must not
 * rewrite. Cards without an answer get no review (they are picked to come first, unreviewed).
 */
export function classReviews(
	results: readonly ClassResult[],
	states: ReadonlyMap<string, unknown>,
	scheduler: Scheduler
): ClassReview[] {
	const reviews: ClassReview[] = [];
	for (const r of results) {
		if (r.correct === null || r.at === null || states.has(r.id)) continue;
		const when = new Date(r.at);
		const where = { track: r.track, article: r.article };
		const { state, log } = scheduler.rate(
			scheduler.newState(r.id, when),
			r.correct ? 'good' : 'again',
			when
		);
		reviews.push({
			state: { ...state, ...where } as StateRecord,
			review: { ...log, ...where } as ReviewRecord
		});
	}
	return reviews;
}
