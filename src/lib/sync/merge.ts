/**
 * Merging progress from two places (two devices, a device and a backup file). A learner's card
 * states are a function of the review log, so merging never has to choose a side: the logs are
 * united by review id, and every card whose log gained a review is replayed, in time order,
 * through the same scheduler the study session rates with. Replay is deterministic (the fuzz is
 * seeded by the card id and its review count), so two devices with the same log compute the same
 * states, and a card studied on one device only comes out as that device computed it.
 */
import type { CardState, Scheduler } from '$lib/srs/scheduler';
import type {
	PickRecord,
	ReviewRecord,
	StateRecord,
	UndoneRecord,
	WordRecord
} from '$lib/storage/records';

/** A review with its global id: what is merged. */
export type LoggedReview = ReviewRecord & { uid: string };

/** The fields that say what a review is; `id` is a per-device storage key and is left out. */
export const REVIEW_FIELDS: readonly (keyof ReviewRecord & string)[] = [
	'uid',
	'cardId',
	'track',
	'article',
	'rating',
	'reviewedAt',
	'previousState',
	'previousDue',
	'elapsedDays',
	'scheduledDays',
	'stability',
	'difficulty'
];

/** A review as a string of its content, for telling copies from different reviews. */
export function reviewContent(review: LoggedReview): string {
	return JSON.stringify(REVIEW_FIELDS.map((field) => review[field] ?? null));
}

/** The log's order: by instant, then by id, so two reviews in the same millisecond keep one order. */
export function compareReviews(a: LoggedReview, b: LoggedReview): number {
	const ta = Date.parse(a.reviewedAt);
	const tb = Date.parse(b.reviewedAt);
	if (ta !== tb) return ta - tb;
	return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/** A review without this device's storage key. */
function portable(review: LoggedReview): LoggedReview {
	const copy = { ...review };
	delete copy.id;
	return copy;
}

/**
 * The union of review logs by review id, in log order (`compareReviews`), without storage keys.
 * Commutative, associative and idempotent. Two different records under one id (a tampered or
 * damaged copy) are settled by their content, the same way whatever the order of the logs.
 */
export function mergeReviews(...logs: readonly (readonly LoggedReview[])[]): LoggedReview[] {
	const byUid = new Map<string, { review: LoggedReview; content: string }>();
	for (const log of logs) {
		for (const review of log) {
			const content = reviewContent(review);
			const had = byUid.get(review.uid);
			if (!had || content < had.content) byUid.set(review.uid, { review, content });
		}
	}
	return [...byUid.values()].map(({ review }) => portable(review)).sort(compareReviews);
}

/** An undone review as it travels: without this device's storage key. */
export type Undone = Omit<UndoneRecord, 'id'>;

const undoneContent = (u: Undone) => JSON.stringify([u.uid, u.cardId, u.at]);

/**
 * The union of undone reviews by review id, in id order, without storage keys; two records for
 * one review (undone at two instants) are settled by their content, whatever the order.
 */
export function mergeUndone(...sides: readonly (readonly Undone[])[]): Undone[] {
	const byUid = new Map<string, { undone: Undone; content: string }>();
	for (const side of sides) {
		for (const undone of side) {
			const content = undoneContent(undone);
			const had = byUid.get(undone.uid);
			if (!had || content < had.content) {
				byUid.set(undone.uid, {
					undone: { uid: undone.uid, cardId: undone.cardId, at: undone.at },
					content
				});
			}
		}
	}
	return [...byUid.values()]
		.map(({ undone }) => undone)
		.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** A review log and the reviews taken back from it. */
export interface Log {
	reviews: readonly LoggedReview[];
	undone: readonly Undone[];
}

/**
 * Logs merged: the union of their reviews minus every review undone on any side, and the union of
 * what was undone (kept, so that a side that still has an undone review loses it when it merges).
 * Commutative, associative and idempotent, as `mergeReviews` is.
 */
export function mergeLogs(...logs: readonly Log[]): { reviews: LoggedReview[]; undone: Undone[] } {
	const undone = mergeUndone(...logs.map((log) => log.undone));
	const gone = new Set(undone.map((u) => u.uid));
	const reviews = mergeReviews(...logs.map((log) => log.reviews)).filter((r) => !gone.has(r.uid));
	return { reviews, undone };
}

/**
 * A card's state from its reviews, rated again one after the other from a new card. The first
 * review starts from the new card the session made (due when it was introduced, `previousDue`).
 *
 * @param reviews the card's reviews, in log order
 * @returns `null` when there are none
 */
export function replayCard(
	reviews: readonly LoggedReview[],
	scheduler: Scheduler
): StateRecord | null {
	let state: CardState | null = null;
	for (const review of reviews) {
		const from: CardState =
			state ?? scheduler.newState(review.cardId, new Date(review.previousDue));
		state = scheduler.rate(from, review.rating, new Date(review.reviewedAt)).state;
	}
	const last = reviews.at(-1);
	if (!state || !last) return null;
	return { ...state, track: last.track, article: last.article } as StateRecord;
}

/** The reviews of each card, in log order (`log` is in log order). */
export function reviewsByCard(log: readonly LoggedReview[]): Map<string, LoggedReview[]> {
	const byCard = new Map<string, LoggedReview[]>();
	for (const review of log) {
		const list = byCard.get(review.cardId);
		if (list) list.push(review);
		else byCard.set(review.cardId, [review]);
	}
	return byCard;
}

/** The states of the given cards (all of them by default) replayed from a merged log. */
export function replayStates(
	log: readonly LoggedReview[],
	scheduler: Scheduler,
	cardIds?: ReadonlySet<string>
): Map<string, StateRecord> {
	const states = new Map<string, StateRecord>();
	for (const [cardId, reviews] of reviewsByCard(log)) {
		if (cardIds && !cardIds.has(cardId)) continue;
		const state = replayCard(reviews, scheduler);
		if (state) states.set(cardId, state);
	}
	return states;
}

/** Word marks merged: the later mark of an entry wins (the same one on either side on a tie). */
export function mergeWords(...sides: readonly (readonly WordRecord[])[]): Map<string, WordRecord> {
	const words = new Map<string, WordRecord>();
	for (const side of sides) {
		for (const word of side) {
			const had = words.get(word.id);
			if (!had || laterMark(word, had)) words.set(word.id, word);
		}
	}
	return words;
}

function laterMark(a: WordRecord, b: WordRecord): boolean {
	const ta = Date.parse(a.at);
	const tb = Date.parse(b.at);
	return ta !== tb ? ta > tb : a.status > b.status;
}

/** Picks merged: a card picked on either side is picked, from its first pick. */
export function mergePicks(...sides: readonly (readonly PickRecord[])[]): Map<string, PickRecord> {
	const picks = new Map<string, PickRecord>();
	for (const side of sides) {
		for (const pick of side) {
			const had = picks.get(pick.id);
			if (!had || earlierPick(pick, had)) picks.set(pick.id, pick);
		}
	}
	return picks;
}

function earlierPick(a: PickRecord, b: PickRecord): boolean {
	const ta = Date.parse(a.at);
	const tb = Date.parse(b.at);
	return ta !== tb ? ta < tb : a.from < b.from;
}
