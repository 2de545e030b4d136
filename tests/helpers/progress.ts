import { createScheduler } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { openDB } from 'idb';
import { MIGRATIONS } from '$lib/storage/migrations';
import { openProgress, type ProgressStore } from '$lib/storage/progress';
import { Progress } from '$lib/storage/progress.svelte';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';

export const scheduler = createScheduler(DEFAULT_SETTINGS);
export const NOW = new Date('2026-11-23T10:00:00Z');

let dbCount = 0;
/** A database name of its own for each test (fake-indexeddb keeps them for the whole run). */
export const freshName = () => `test-${++dbCount}-${Math.random()}`;

/** A new card rated Good at `now`: its state and review, as the study screen stores them. */
export function rated(id: string, now = NOW) {
	const { state, log } = scheduler.rate(scheduler.newState(id, now), 'good', now);
	const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
	return {
		state: { ...state, ...where } as StateRecord,
		review: { ...log, ...where } as ReviewRecord
	};
}

/** The app's Progress on a database of its own (`name`), at the clock's time. */
export function progressOn(name = freshName(), clock: () => Date = () => NOW): Progress {
	return new Progress((events) => openProgress(name, events), clock);
}

/**
 * Progress on a disk that refuses ratings (full: the quota is exceeded) until `disk.full` is
 * set to false; everything else works.
 */
export function fullDisk(name = freshName()) {
	const disk = { full: true };
	const progress = new Progress(
		async (events) => {
			const store = await openProgress(name, events);
			const save = store.saveReview.bind(store);
			store.saveReview = ((state: StateRecord, review: ReviewRecord, from?: StateRecord | null) =>
				disk.full
					? Promise.reject(new Error('The quota has been exceeded.'))
					: save(state, review, from)) as ProgressStore['saveReview'];
			return store;
		},
		() => NOW
	);
	return { progress, disk };
}

/** A database created by the first `version` migrations, as an older Ripasso left it. */
export function olderDatabase(name: string, version: number) {
	return openDB(name, version, {
		async upgrade(db, oldVersion, _new, tx) {
			for (let v = oldVersion; v < version; v++) await MIGRATIONS[v](db as never, tx as never);
		}
	});
}
