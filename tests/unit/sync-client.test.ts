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
import { BACKUP_FORMAT, BACKUP_VERSION, type ReviewRecord } from '$lib/storage/records';
import { MAX_PUSH_BYTES, pushSchema } from '$lib/sync/contracts';
import { NOW, progressOn, scheduler } from '../helpers/progress';

const unwrap = <T>(outcome: Outcome<T>): T => {
	if (outcome.ok) return outcome.value;
	throw new SyncFailure(outcome.refusal.error.code, outcome.refusal.error.message);
};

/**
 * The server, called directly, with the route's checks (the body's size, its schema) on each push:
 * the routes only add HTTP around it.
 */
function server(): SyncApi {
	const service = new SyncService(openSqliteSyncStore(':memory:'), () => true);
	const at = () => NOW.getTime();
	return {
		create: async (key) => void unwrap(await service.create(key, at())),
		push: async (key, input) => {
			const body = JSON.stringify(input);
			if (Buffer.byteLength(body) > MAX_PUSH_BYTES) throw new SyncFailure('too-large', 'too large');
			return unwrap(await service.push(key, pushSchema.parse(JSON.parse(body)), at()));
		},
		pull: async (key, since, more) => unwrap(await service.pull(key, since, more))
	};
}

/** The server as a client from before undos were synced sees it: no `with`, no `undone`. */
function asOldClient(api: SyncApi): SyncApi {
	return {
		...api,
		push: (key, input) => {
			const old = { ...input };
			delete old.undone;
			return api.push(key, old);
		},
		pull: (key, since) => api.pull(key, since)
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
async function device(key: string, clock: () => Date = () => NOW) {
	const progress = progressOn(undefined, clock);
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

/** A server with a new sync key, and a phone that holds it. */
async function keyedPhone() {
	const api = server();
	const key = newSyncKey();
	await api.create(key);
	return { api, key, phone: await device(key) };
}

describe('syncing devices through the server', () => {
	it('brings two devices that studied offline to the same progress; a third joins with the key', async () => {
		const { api, key, phone } = await keyedPhone();
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
		const { api, key, phone } = await keyedPhone();
		const laptop = await device(key);
		await phone.sync(api);
		await laptop.sync(api);
		await laptop.progress.saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.85 });
		await laptop.sync(api);
		const report = await phone.sync(api);
		expect(report.settingsFromOther).toEqual(['desiredRetention']);
		expect(phone.progress.settings.desiredRetention).toBe(0.85);
	});

	it('takes a review back everywhere: undone on the phone after a sync, gone from the laptop after its next', async () => {
		const { api, key, phone } = await keyedPhone();
		const laptop = await device(key);
		await study(phone.progress, [
			['card-a', 0, 'good'],
			['card-b', 1, 'again']
		]);
		await phone.sync(api);
		await laptop.sync(api);
		expect(laptop.progress.reviews).toHaveLength(2);

		// The phone's learner takes back the rating of card-b (it was new: new again).
		const last = phone.progress.reviews.at(-1)!;
		await phone.progress.undoReview(null, 'card-b', last.id!);
		expect((await phone.sync(api)).pushed).toBe(0);
		await laptop.sync(api);
		expect(laptop.progress.reviews.map((r) => r.cardId)).toEqual(['card-a']);
		expect(laptop.progress.states.has('card-b')).toBe(false);
		expect(laptop.progress.undone.map((u) => u.uid)).toEqual([last.uid]);

		// Pulled again from the start (a new device), the review stays gone; the phone's does too.
		const tablet = await device(key);
		await tablet.sync(api);
		expect(tablet.progress.reviews.map((r) => r.uid)).toEqual([phone.progress.reviews[0].uid]);
		await phone.sync(api);
		expect(phone.progress.reviews).toHaveLength(1);
		expect(tablet.progress.states.get('card-a')).toEqual(phone.progress.states.get('card-a'));
	});

	it('still serves a client from before undos were synced: it pushes and pulls as it did', async () => {
		const { api, key, phone } = await keyedPhone();
		await study(phone.progress, [
			['card-a', 0, 'good'],
			['card-b', 1, 'good']
		]);
		await phone.sync(api);
		await phone.progress.undoReview(null, 'card-b', phone.progress.reviews.at(-1)!.id!);
		await phone.sync(api);
		const old = asOldClient(api);
		const page = await old.pull(key, 0);
		expect(page.entries.map((e) => e.kind)).not.toContain('undone');
		const laptop = await device(key);
		await study(laptop.progress, [['card-c', 5, 'good']]);
		expect((await laptop.sync(old)).pushed).toBe(1);
		expect((await phone.sync(api)).pulled).toBe(1);
	});

	it('syncs card marks field by field: a flag from the phone, a suspension from the laptop, taken off later', async () => {
		const api = server();
		const key = newSyncKey();
		await api.create(key);
		let clock = NOW.getTime();
		const tick = () => new Date((clock += 60_000));
		const phone = await device(key, tick);
		const laptop = await device(key, tick);
		const mark = { id: 'card-a', track: 'facts' as const, suspended: false, buriedUntil: null };
		await phone.progress.setMark('card-a', { ...mark, flag: 'red' });
		await laptop.progress.setMark('card-a', { ...mark, flag: null, suspended: true });
		await phone.sync(api);
		await laptop.sync(api);
		await phone.sync(api);
		for (const { progress } of [phone, laptop]) {
			expect(progress.marks.get('card-a')).toMatchObject({ flag: 'red', suspended: true });
		}
		await laptop.progress.setMark('card-a', null);
		await laptop.sync(api);
		await phone.sync(api);
		expect(phone.progress.marks.get('card-a')).toMatchObject({ flag: null, suspended: false });
	});

	it('syncs 10,000 reviews, 3,000 word marks and 3,000 card marks in pushes the server takes', async () => {
		const { api, key, phone } = await keyedPhone();
		const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
		const reviews: ReviewRecord[] = Array.from({ length: 10_000 }, (_, i) => {
			const now = later(i - 10_000);
			const { log } = scheduler.rate(scheduler.newState(`card-${i % 500}`, now), 'good', now);
			return { ...log, ...where, uid: `r-${i}` };
		});
		const at = NOW.toISOString();
		await phone.progress.importBackup(
			{
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				exportedAt: at,
				settings: DEFAULT_SETTINGS,
				states: [],
				reviews,
				words: Array.from({ length: 3000 }, (_, i) => ({ id: `w-${i}`, status: 'known', at })),
				picks: [],
				marks: Array.from({ length: 3000 }, (_, i) => ({
					id: `card-${i}`,
					track: 'facts' as const,
					suspended: true,
					buriedUntil: null,
					flag: null,
					changedAt: { suspended: at }
				}))
			},
			'replace'
		);
		const started = performance.now();
		expect((await phone.sync(api)).pushed).toBe(10_000);
		const laptop = await device(key);
		expect((await laptop.sync(api)).pulled).toBe(10_000);
		const seconds = (performance.now() - started) / 1000;
		console.info(
			`10,000 reviews pushed and pulled into a second device in ${seconds.toFixed(1)} s`
		);
		expect(laptop.progress.marks.size).toBe(3000);
		expect(laptop.progress.words.size).toBe(3000);
		expect(laptop.progress.states.size).toBe(500);
	}, 60_000);

	it('leaves out an entry damaged on the way down, and keeps the others', async () => {
		const { api, key, phone } = await keyedPhone();
		await study(phone.progress, [
			['card-a', 0, 'good'],
			['card-b', 1, 'good']
		]);
		await phone.sync(api);
		const damaging: SyncApi = {
			...api,
			pull: async (k, since, more) => {
				const page = await api.pull(k, since, more);
				const [first, ...rest] = page.entries;
				const broken = { ...first, body: { ...(first.body as object), rating: 'superb' } };
				return { ...page, entries: [broken, ...rest] };
			}
		};
		const laptop = await device(key);
		expect((await laptop.sync(damaging)).pulled).toBe(1);
		expect(laptop.progress.reviews.map((r) => r.cardId)).toEqual(['card-b']);
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
