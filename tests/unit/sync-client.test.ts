import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSqliteSyncStore } from '$lib/server/sync/sqlite';
import { SyncService, type Outcome } from '$lib/server/sync/service';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import type { Progress } from '$lib/storage/progress.svelte';
import {
	keyFromPhrase,
	keyPhrase,
	newSyncKey,
	SyncFailure,
	syncOnce,
	type SyncApi,
	type SyncState
} from '$lib/sync/client';
import { NOW, progressOn, scheduler } from '../helpers/progress';

const unwrap = <T>(outcome: Outcome<T>): T => {
	if (outcome.ok) return outcome.value;
	throw new SyncFailure(outcome.refusal.error.code, outcome.refusal.error.message);
};

/** The server, called directly (the routes only add HTTP around it). */
function server(): SyncApi {
	const service = new SyncService(openSqliteSyncStore(':memory:'), () => true);
	const at = () => NOW.getTime();
	return {
		create: async (key) => void unwrap(await service.create(key, at())),
		push: async (key, input) => unwrap(await service.push(key, input, at())),
		pull: async (key, since) => unwrap(await service.pull(key, since))
	};
}

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function study(progress: Progress, cards: [string, number, 'good' | 'again'][]) {
	for (const [id, minutes, rating] of cards) {
		const now = later(minutes);
		const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
		const from = progress.states.get(id) ?? { ...scheduler.newState(id, now), ...where };
		const { state, log } = scheduler.rate(from, rating, now);
		await progress.saveReview({ ...state, ...where }, { ...log, ...where });
	}
}

/** A device: its progress and what it remembers of the sync. */
async function device(key: string) {
	const progress = progressOn();
	await progress.refresh();
	let state: SyncState = { key, cursor: 0, pushedThrough: 0, settings: null };
	return {
		progress,
		async sync(api: SyncApi) {
			const report = await syncOnce(progress, api, state, later(10_000));
			state = report.state;
			return report;
		}
	};
}

describe('syncing devices through the server', () => {
	it('brings two devices that studied offline to the same progress; a third joins with the key', async () => {
		const api = server();
		const key = newSyncKey();
		await api.create(key);
		const phone = await device(key);
		const laptop = await device(key);
		// Both rate card-a, offline, at different times; each also studies a card of its own.
		await study(phone.progress, [
			['card-a', 0, 'again'],
			['card-b', 1, 'good']
		]);
		await study(laptop.progress, [
			['card-a', 30, 'good'],
			['card-c', 31, 'good'],
			['card-c', 45, 'good']
		]);

		expect((await phone.sync(api)).pushed).toBe(2);
		const laptopReport = await laptop.sync(api);
		expect(laptopReport).toMatchObject({ pushed: 3, pulled: 2 });
		expect((await phone.sync(api)).pulled).toBe(3);

		const sorted = (p: Progress) => [...p.states.values()].sort((a, b) => a.id.localeCompare(b.id));
		const history = (p: Progress) => p.reviews.map((r) => r.uid).sort();
		expect(sorted(phone.progress)).toEqual(sorted(laptop.progress));
		expect(history(phone.progress)).toEqual(history(laptop.progress));
		expect(phone.progress.reviews).toHaveLength(5);
		expect(phone.progress.states.get('card-a')?.memory.reps).toBe(2);

		const tablet = await device(keyFromPhrase(keyPhrase(key).toUpperCase()));
		expect((await tablet.sync(api)).pulled).toBe(5);
		expect(sorted(tablet.progress)).toEqual(sorted(laptop.progress));

		// Once in step, a sync moves nothing.
		expect(await phone.sync(api)).toMatchObject({ pulled: 0 });
	});

	it('takes a setting another device changed later, and says which', async () => {
		const api = server();
		const key = newSyncKey();
		await api.create(key);
		const phone = await device(key);
		const laptop = await device(key);
		await phone.sync(api);
		await laptop.sync(api);
		await laptop.progress.saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.85 });
		await laptop.sync(api);
		const report = await phone.sync(api);
		expect(report.settingsFromOther).toEqual(['desiredRetention']);
		expect(phone.progress.settings.desiredRetention).toBe(0.85);
	});

	it('refuses a key the server does not know, and keeps every review here', async () => {
		const phone = await device(newSyncKey());
		await study(phone.progress, [['card-a', 0, 'good']]);
		await expect(phone.sync(server())).rejects.toMatchObject({ code: 'unknown-key' });
		expect(phone.progress.reviews).toHaveLength(1);
	});
});

describe('sync keys', () => {
	it('are 26 base32 characters, read back from their phrase whatever the case', () => {
		const key = newSyncKey();
		expect(key).toMatch(/^[a-z2-7]{26}$/);
		expect(keyPhrase(key)).toMatch(/^([a-z2-7]{5}-){5}[a-z2-7]$/);
		expect(keyFromPhrase(` ${keyPhrase(key).toUpperCase()} `)).toBe(key);
		expect(new Set(Array.from({ length: 500 }, () => newSyncKey())).size).toBe(500);
	});
});
