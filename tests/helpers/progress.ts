import { createScheduler } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
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
