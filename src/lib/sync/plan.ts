/**
 * What merging incoming progress (a backup file, another device's log) into this device's changes:
 * the reviews to add, the states to write, the marks and picks to keep. Pure: the store writes the
 * plan in one transaction.
 */
import type { Scheduler } from '$lib/srs/scheduler';
import type { MarkRecord, PickRecord, StateRecord, WordRecord } from '$lib/storage/records';
import { mergeMarks } from './marks';
import {
	mergeLogs,
	mergePicks,
	mergeReviews,
	mergeUndone,
	mergeWords,
	replayStates,
	reviewContent,
	type LoggedReview,
	type Undone
} from './merge';

/** Progress on one side of a merge. */
export interface MergeSide {
	states: readonly StateRecord[];
	reviews: readonly LoggedReview[];
	words?: readonly WordRecord[];
	picks?: readonly PickRecord[];
	/** Reviews undone (on this side or one it merged before). */
	undone?: readonly Undone[];
	marks?: readonly MarkRecord[];
}

export interface MergePlan {
	/** Incoming reviews this device did not have, in log order. */
	newReviews: LoggedReview[];
	/** Incoming reviews this device already had. */
	knownReviews: number;
	/** States to write: cards whose log gained a review (replayed), and cards new here without one. */
	states: StateRecord[];
	/** Word marks and picks to write (the merged ones that differ from this device's). */
	words: WordRecord[];
	picks: PickRecord[];
	/** This device's reviews that the other side undid: to delete (by `uid`). */
	removedReviews: string[];
	/** Cards left without a review by those deletions: new again, their states to delete. */
	removedStates: string[];
	/** Undone reviews this device did not know of, to keep. */
	undone: Undone[];
	/** Card marks to write: merged field by field, the later change winning. */
	marks: MarkRecord[];
}

/** How many incoming reviews are new here, and how many this device already has. */
export function countNewReviews(
	localUids: ReadonlySet<string>,
	incoming: readonly { uid: string }[]
): { newReviews: number; knownReviews: number } {
	let known = 0;
	for (const review of incoming) if (localUids.has(review.uid)) known++;
	return { newReviews: incoming.length - known, knownReviews: known };
}

/**
 * Plans the merge of `incoming` into `local`. A card whose log gains a review is replayed over
 * its whole merged log (a review made offline on another device may come before this device's);
 * every other card keeps this device's state. A state that comes without reviews (none in the
 * log, so nothing to replay) is taken only for a card this device has never seen.
 */
export function planMerge(local: MergeSide, incoming: MergeSide, scheduler: Scheduler): MergePlan {
	const localUndone = local.undone ?? [];
	const { reviews: merged, undone } = mergeLogs(
		{ reviews: local.reviews, undone: localUndone },
		{ reviews: incoming.reviews, undone: incoming.undone ?? [] }
	);
	const gone = new Set(undone.map((u) => u.uid));
	const localUids = new Set(local.reviews.map((r) => r.uid));
	const fresh = mergeReviews(incoming.reviews).filter(
		(r) => !localUids.has(r.uid) && !gone.has(r.uid)
	);
	const removed = local.reviews.filter((r) => gone.has(r.uid));
	const touched = new Set([...fresh, ...removed].map((r) => r.cardId));
	const localStates = new Set(local.states.map((s) => s.id));
	// A card logged here without a state (lost, unreadable) is replayed too.
	for (const review of merged) if (!localStates.has(review.cardId)) touched.add(review.cardId);
	const states = [...replayStates(merged, scheduler, touched).values()];
	const logged = new Set(merged.map((r) => r.cardId));
	for (const state of incoming.states) {
		if (!localStates.has(state.id) && !logged.has(state.id)) states.push(state);
	}
	const knownUndone = new Set(localUndone.map((u) => u.uid));
	return {
		newReviews: fresh,
		knownReviews: incoming.reviews.length - fresh.length,
		states,
		words: changed(mergeWords(local.words ?? [], incoming.words ?? []), local.words),
		picks: changed(mergePicks(local.picks ?? [], incoming.picks ?? []), local.picks),
		removedReviews: removed.map((r) => r.uid),
		removedStates: [...touched].filter((id) => !logged.has(id) && localStates.has(id)),
		undone: mergeUndone(incoming.undone ?? []).filter((u) => !knownUndone.has(u.uid)),
		marks: changed(mergeMarks(local.marks ?? [], incoming.marks ?? []), local.marks)
	};
}

function changed<T extends { id: string }>(merged: Map<string, T>, local: readonly T[] = []): T[] {
	const before = new Map(local.map((r) => [r.id, r]));
	return [...merged.values()].filter((r) => before.get(r.id) !== r);
}

/** Reviews of one file that share an id: exact copies (kept once) and different reviews. */
export interface RepeatedReviews {
	/** Copies beyond the first of a review. */
	copies: number;
	/** Indexes of records whose id an earlier, different record already has. */
	clashes: number[];
}

/** Finds the reviews of one list that share an id. */
export function repeatedReviews(reviews: readonly LoggedReview[]): RepeatedReviews {
	const seen = new Map<string, string>();
	let copies = 0;
	const clashes: number[] = [];
	reviews.forEach((review, index) => {
		const content = reviewContent(review);
		const had = seen.get(review.uid);
		if (had === undefined) seen.set(review.uid, content);
		else if (had === content) copies++;
		else clashes.push(index);
	});
	return { copies, clashes };
}
