import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openSqliteSyncStore } from '$lib/server/sync/sqlite';
import { SyncService, type Outcome } from '$lib/server/sync/service';
import { openProgress } from '$lib/storage/progress';
import { Progress } from '$lib/storage/progress.svelte';
import {
	BackgroundSync,
	DEBOUNCE_MS,
	PERIOD_MS,
	retryDelay,
	type SyncEnv
} from '$lib/sync/background.svelte';
import { newSyncKey, pastPulled, SyncFailure, type SyncApi } from '$lib/sync/client';
import type { PushInput } from '$lib/sync/contracts';
import { freshName, NOW, rated } from '../helpers/progress';

const unwrap = <T>(outcome: Outcome<T>): T => {
	if (outcome.ok) return outcome.value;
	throw new SyncFailure(outcome.refusal.error.code, outcome.refusal.error.message);
};

/** The server, called directly, counting pushes; `down` makes it unreachable. */
function server() {
	const service = new SyncService(openSqliteSyncStore(':memory:'), () => true);
	const seen = { pushes: [] as PushInput[], down: false };
	const reach = () => {
		if (seen.down) throw new SyncFailure('offline', 'The server cannot be reached.');
	};
	const api: SyncApi = {
		create: async (key) => void unwrap(await service.create(key, NOW.getTime())),
		push: async (key, input) => {
			reach();
			seen.pushes.push(input);
			return unwrap(await service.push(key, input, NOW.getTime()));
		},
		pull: async (key, since) => {
			reach();
			return unwrap(await service.pull(key, since));
		}
	};
	return { api, seen };
}

/** One browser: its localStorage and the lock its tabs share. */
function browser() {
	const items = new Map<string, string>();
	let held = Promise.resolve();
	return {
		database: freshName(),
		storage: {
			getItem: (k: string) => items.get(k) ?? null,
			setItem: (k: string, v: string) => void items.set(k, v),
			removeItem: (k: string) => void items.delete(k)
		},
		exclusive<T>(task: () => Promise<T>): Promise<T> {
			const run = held.then(task);
			held = run.then(
				() => {},
				() => {}
			);
			return run;
		}
	};
}

/** A tab of `browser`: its progress, its background sync and the timer it armed last. */
async function tab(home: ReturnType<typeof browser>, api: SyncApi) {
	const progress = new Progress(
		(events) => openProgress(home.database, events),
		() => NOW
	);
	await progress.refresh();
	const timer = { run: null as (() => void) | null, ms: 0 };
	const env: SyncEnv = {
		storage: home.storage,
		api,
		clock: () => new Date(),
		exclusive: (task) => home.exclusive(task),
		online: () => true,
		setTimer: (run, ms) => {
			Object.assign(timer, { run, ms });
			return run;
		},
		clearTimer: (handle) => {
			if (timer.run === handle) timer.run = null;
		}
	};
	const sync = new BackgroundSync(progress, env);
	progress.onWrite(() => sync.changed());
	return {
		progress,
		sync,
		timer,
		/** Lets the armed timer go off, and waits for the sync it starts. */
		async fire() {
			const run = timer.run;
			expect(run).not.toBeNull();
			timer.run = null;
			run!();
			await vi.waitFor(() => expect(sync.busy).toBe(false));
		}
	};
}

async function rate(progress: Progress, id: string) {
	const { state, review } = rated(id);
	return progress.saveReview(state, review);
}

describe('background sync', () => {
	it('sends a rating a few seconds after it, and the other device has it on its next sync', async () => {
		const { api } = server();
		const key = newSyncKey();
		const phone = await tab(browser(), api);
		const laptop = await tab(browser(), api);
		await phone.sync.join(key, true);
		await laptop.sync.join(key, false);

		await rate(phone.progress, 'card-a');
		await rate(phone.progress, 'card-b');
		expect(phone.timer.ms).toBe(DEBOUNCE_MS);
		await phone.fire();
		expect(phone.sync.last).toMatchObject({ ok: true, pushed: 2 });
		expect(phone.timer.ms).toBe(PERIOD_MS);

		laptop.sync.wake();
		await laptop.fire();
		expect(laptop.sync.last).toMatchObject({ ok: true, pushed: 0, pulled: 2 });
		expect([...laptop.progress.states.keys()].sort()).toEqual(['card-a', 'card-b']);
	});

	it('pushes once when several tabs of a browser come back online together', async () => {
		const { api, seen } = server();
		const home = browser();
		const first = await tab(home, api);
		await first.sync.join(newSyncKey(), true);
		const second = await tab(home, api);
		await rate(first.progress, 'card-a');
		await second.progress.refresh();
		const before = seen.pushes.length;

		first.sync.wake(true);
		second.sync.wake(true);
		await Promise.all([first.fire(), second.fire()]);
		const pushes = seen.pushes.slice(before);
		// One sync: one push of the settings (each sync sends one), one of the review.
		expect(pushes.filter((p) => p.settings)).toHaveLength(1);
		expect(pushes.flatMap((p) => p.reviews)).toHaveLength(1);
		expect(second.sync.last).toEqual(first.sync.last);
	});

	it('backs off while the server is down, keeps the ratings, and tries at once back online', async () => {
		const { api, seen } = server();
		const phone = await tab(browser(), api);
		await phone.sync.join(newSyncKey(), true);
		seen.down = true;
		await rate(phone.progress, 'card-a');
		await phone.fire();
		expect(phone.sync.last).toMatchObject({ ok: false, code: 'offline' });
		expect(phone.timer.ms).toBe(retryDelay(1));
		await phone.fire();
		expect(phone.timer.ms).toBe(retryDelay(2));
		expect(phone.progress.reviews).toHaveLength(1);

		seen.down = false;
		phone.sync.wake(true);
		expect(phone.timer.ms).toBe(0);
		await phone.fire();
		expect(phone.sync.last).toMatchObject({ ok: true, pushed: 1 });
	});

	it('does not send back the reviews it pulled', async () => {
		const { api, seen } = server();
		const key = newSyncKey();
		const phone = await tab(browser(), api);
		const laptop = await tab(browser(), api);
		await phone.sync.join(key, true);
		await laptop.sync.join(key, false);
		await rate(phone.progress, 'card-a');
		await phone.sync.syncNow();
		await laptop.sync.syncNow();
		const before = seen.pushes.length;
		await laptop.sync.syncNow();
		expect(seen.pushes.slice(before).flatMap((p) => p.reviews)).toEqual([]);
	});
});

describe('retry delays and the push cursor', () => {
	it('doubles from 30 seconds up to half an hour', () => {
		expect([1, 2, 3, 7, 20].map(retryDelay)).toEqual([
			30_000, 60_000, 120_000, 1_800_000, 1_800_000
		]);
	});

	it('moves past pulled reviews and stops at the first one made here', () => {
		const reviews = [
			{ id: 4, uid: 'mine-1' },
			{ id: 5, uid: 'pulled-1' },
			{ id: 6, uid: 'pulled-2' },
			{ id: 7, uid: 'mine-2' },
			{ id: 8, uid: 'pulled-3' }
		];
		expect(pastPulled(reviews, 4, new Set(['pulled-1', 'pulled-2', 'pulled-3']))).toBe(6);
		expect(pastPulled(reviews, 3, new Set(['pulled-1']))).toBe(3);
	});
});
