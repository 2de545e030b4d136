/**
 * A device's progress to a backup and back: the backup of what `ProgressStore.load` read, and a
 * backup brought in by merging it (the union of reviews, the cards they touch replayed) or by
 * replacing everything with it, each in one transaction.
 */
import type { IDBPDatabase } from 'idb';
import type { Scheduler } from '$lib/srs/scheduler';
import { mergeUndone } from '$lib/sync/merge';
import { planMerge, type MergePlan } from '$lib/sync/plan';
import { ALL_STORES, type ProgressDB } from './migrations';
import type { Snapshot } from './progress';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type ReviewRecord, withUid } from './records';

/** How a backup comes in: merged into this device's progress, or replacing it. */
export type ImportMode = { kind: 'merge'; scheduler: Scheduler } | { kind: 'replace' };

/** What an import added: reviews new here, reviews already here, card states written. */
export interface ImportResult {
	newReviews: number;
	knownReviews: number;
	states: number;
}

function summary(plan: MergePlan): ImportResult {
	return {
		newReviews: plan.newReviews.length,
		knownReviews: plan.knownReviews,
		states: plan.states.length
	};
}

/** A backup's progress as one side of a merge, each review with its id. */
function logged(backup: Backup) {
	return {
		states: backup.states,
		reviews: backup.reviews.map(withUid),
		words: backup.words ?? [],
		picks: backup.picks ?? [],
		undone: backup.undone ?? [],
		marks: backup.marks ?? []
	};
}

/**
 * The reviews with their storage keys where no other review has the same key, and new keys for the
 * others: a backup joined by hand from two devices' files has two reviews 1, and both stay.
 */
function keysOnce(reviews: readonly ReviewRecord[]): ReviewRecord[] {
	const keys = new Set<number>();
	return reviews.map((review) => {
		if (review.id === undefined || keys.has(review.id)) return withoutId(review);
		keys.add(review.id);
		return review;
	});
}

/** A review without its storage key, to be given a new one. */
export function withoutId(review: ReviewRecord): ReviewRecord {
	const copy = { ...review };
	delete copy.id;
	return copy;
}

/** A backup of a device's snapshot (everything readable). */
export function backupOf(snapshot: Snapshot, now: Date): Backup {
	const { settings, states, reviews, words, picks, marks, undone } = snapshot;
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now.toISOString(),
		settings,
		states: [...states.values()],
		reviews,
		words: [...words.values()],
		picks: [...picks.values()],
		marks: [...marks.values()],
		undone: undone.map(({ uid, cardId, at }) => ({ uid, cardId, at }))
	};
}

/**
 * Merges `backup` into the device whose progress is `here`: the reviews it lacks are added, the
 * cards they touch replayed through `scheduler`; the device's settings stay.
 */
export async function mergeInto(
	db: IDBPDatabase<ProgressDB>,
	here: Snapshot,
	backup: Backup,
	scheduler: Scheduler
): Promise<ImportResult> {
	const plan = planMerge(mergeSide(here), logged(backup), scheduler);
	const tx = db.transaction(
		['states', 'reviews', 'words', 'picks', 'marks', 'undone'],
		'readwrite'
	);
	const states = tx.objectStore('states');
	const reviews = tx.objectStore('reviews');
	const words = tx.objectStore('words');
	const picks = tx.objectStore('picks');
	const marks = tx.objectStore('marks');
	const undone = tx.objectStore('undone');
	const removed = await Promise.all(
		plan.removedReviews.map((uid) => reviews.index('uid').getKey(uid))
	);
	await Promise.all([
		...removed.map((key) => (key === undefined ? undefined : reviews.delete(key))),
		...plan.removedStates.map((id) => states.delete(id)),
		...plan.undone.map((record) => undone.add(record)),
		...plan.newReviews.map((review) => reviews.add(withoutId(review))),
		...plan.states.map((state) => states.put(state)),
		...plan.words.map((word) => words.put(word)),
		...plan.picks.map((pick) => picks.put(pick)),
		...plan.marks.map((mark) => marks.put(mark)),
		tx.done
	]);
	return summary(plan);
}

/** Makes the device `backup`, settings included. */
export async function replaceWith(db: IDBPDatabase<ProgressDB>, backup: Backup): Promise<void> {
	const tx = db.transaction(ALL_STORES, 'readwrite');
	const states = tx.objectStore('states');
	const reviews = tx.objectStore('reviews');
	const meta = tx.objectStore('meta');
	const words = tx.objectStore('words');
	const picks = tx.objectStore('picks');
	const marks = tx.objectStore('marks');
	const gone = new Set((backup.undone ?? []).map((u) => u.uid));
	await Promise.all(ALL_STORES.map((name) => tx.objectStore(name).clear()));
	await Promise.all([
		...backup.states.map((state) => states.put(state)),
		...keysOnce(backup.reviews.filter((r) => !gone.has(withUid(r).uid))).map((review) =>
			reviews.put(review)
		),
		...(backup.words ?? []).map((word) => words.put(word)),
		...(backup.picks ?? []).map((pick) => picks.put(pick)),
		...(backup.marks ?? []).map((mark) => marks.put(mark)),
		...mergeUndone(backup.undone ?? []).map((record) => tx.objectStore('undone').add(record)),
		meta.put({ key: 'settings', value: backup.settings }),
		tx.done
	]);
}

/** This device's progress as one side of a merge. */
function mergeSide({ states, reviews, words, picks, undone, marks }: Snapshot) {
	return {
		states: [...states.values()],
		reviews: reviews.map(withUid),
		words: [...words.values()],
		picks: [...picks.values()],
		undone,
		marks: [...marks.values()]
	};
}
