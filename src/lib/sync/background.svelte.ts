/**
 * Sync for the whole app, in the background: one `BackgroundSync` made by the root layout runs
 * `syncOnce` a few seconds after the learner rates (or undoes, marks, changes a setting), when the
 * browser comes back online, when the tab is shown again, when a page opens, and on a slow timer.
 *
 * Tabs of one browser share one sync: what a device remembers (`SyncState`) and how the last sync
 * went (`LastSync`) are in `localStorage`, and a sync runs under a lock held by one tab at a time
 * (`exclusive`, a Web Lock in the browser). A tab that gets the lock after another tab synced what
 * it asked for does nothing, so five open tabs coming back online push once.
 *
 * A failure never reaches the page: it is kept in `last` for Settings to show, and the next try
 * waits longer each time (`retryDelay`), up to half an hour; coming back online tries at once.
 */
import { createContext } from 'svelte';
import type { Progress } from '$lib/storage/progress.svelte';
import { SyncFailure, syncOnce, type SyncApi, type SyncState } from './client';
import type { SettingsField } from './settings';

/** How long after a rating the sync waits (each new rating starts the wait again). */
export const DEBOUNCE_MS = 3000;
/** The slow timer: a device that studies nothing still hears of the others this often. */
export const PERIOD_MS = 5 * 60_000;
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 30 * 60_000;

/** How the last sync of this browser went (whichever tab ran it). */
export type LastSync = { startedAt: string; at: string } & (
	| { ok: true; pushed: number; pulled: number; settingsFromOther: SettingsField[] }
	/** `local`: this device could not store what came (its storage refused). */
	| { ok: false; code: SyncFailure['code'] | 'local'; message: string }
);

/** What background sync needs from the browser (a fake of each in tests). */
export interface SyncEnv {
	storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
	api: SyncApi;
	clock: () => Date;
	/** Runs `task` while no other tab of this browser runs one. */
	exclusive: <T>(task: () => Promise<T>) => Promise<T>;
	online: () => boolean;
	setTimer: (run: () => void, ms: number) => unknown;
	clearTimer: (timer: unknown) => void;
}

export const STATE_KEY = 'ripasso-sync';
export const LAST_KEY = 'ripasso-sync-last';

/** The wait before try number `failures + 1` after `failures` failed ones: 30 s, 1 min, 2 min … 30 min. */
export function retryDelay(failures: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
}

/** What a sync is asked for: a sync started at `notBefore` or later, that pushed `need`. */
interface Request {
	/** `null`: now, whatever other tabs did (the learner pressed "Sync now"). */
	notBefore: number | null;
	/** The highest review key this tab has (what the sync must have pushed). */
	need: number;
	/** The same for undone reviews. */
	needUndone: number;
}

export class BackgroundSync {
	#progress: Progress;
	#env: SyncEnv | null;
	#state = $state.raw<SyncState | null>(null);
	#last = $state.raw<LastSync | null>(null);
	#busy = $state(false);
	#failures = 0;
	#timer: unknown = undefined;
	#pending: Request | null = null;
	#again = false;

	/** @param env `null` on the server, where nothing syncs. */
	constructor(progress: Progress, env: SyncEnv | null) {
		this.#progress = progress;
		this.#env = env;
		this.reload();
	}

	/** The sync key of this browser, or `null` when it does not sync. */
	get key(): string | null {
		return this.#state?.key ?? null;
	}
	get last(): LastSync | null {
		return this.#last;
	}
	/** A sync of this tab is under way. */
	get busy(): boolean {
		return this.#busy;
	}

	/** Reads the key and the last sync again (another tab may have changed them). */
	reload(): void {
		this.#state = this.#read<SyncState>(STATE_KEY);
		this.#last = this.#read<LastSync>(LAST_KEY);
	}

	/** Syncs this browser with `key` from now on (`create`: a new key, started on the server). */
	async join(key: string, create: boolean): Promise<LastSync | null> {
		const env = this.#env;
		if (!env) return null;
		if (create) await env.api.create(key);
		this.#save({ key, cursor: 0, pushedThrough: 0, settings: null });
		this.#failures = 0;
		return this.syncNow();
	}

	/** Stops syncing in this browser (the server's log and the other devices are left as they are). */
	stop(): void {
		this.#save(null);
		this.#env?.storage.removeItem(LAST_KEY);
		this.#last = null;
		this.#cancel();
	}

	/** Syncs now, even if another tab just did. */
	syncNow(): Promise<LastSync | null> {
		return this.#run({ notBefore: null, need: 0, needUndone: 0 });
	}

	/** The learner changed something here: a sync in a few seconds, unless more comes first. */
	changed(): void {
		if (this.#busy) this.#again = true;
		else this.#soon(DEBOUNCE_MS);
	}

	/** Back online, the page opened or shown again: a sync now (once the wait after a failure is over). */
	wake(online = false): void {
		if (online) this.#failures = 0;
		this.#soon(this.#failures ? retryDelay(this.#failures) : 0);
	}

	/** Ends the timer (the page is going away). */
	close(): void {
		this.#cancel();
	}

	/** A sync in `ms`, asked for now; an earlier request still waiting is kept with it. */
	#soon(ms: number): void {
		const env = this.#env;
		if (!env || !this.#state) return;
		const request = { notBefore: env.clock().getTime(), ...this.#need() };
		const pending = this.#pending;
		this.#pending = pending
			? {
					notBefore: Math.min(pending.notBefore ?? 0, request.notBefore),
					need: Math.max(pending.need, request.need),
					needUndone: Math.max(pending.needUndone, request.needUndone)
				}
			: request;
		this.#arm(ms);
	}

	#arm(ms: number): void {
		const env = this.#env;
		if (!env) return;
		env.clearTimer(this.#timer);
		this.#timer = env.setTimer(() => {
			this.#timer = undefined;
			const request = this.#pending ?? {
				// The slow timer: satisfied by any sync of the last period, in any tab.
				notBefore: env.clock().getTime() - PERIOD_MS,
				...this.#need()
			};
			this.#pending = null;
			void this.#run(request);
		}, ms);
	}

	#cancel(): void {
		this.#env?.clearTimer(this.#timer);
		this.#timer = undefined;
		this.#pending = null;
	}

	#need(): Pick<Request, 'need' | 'needUndone'> {
		let need = 0;
		for (const review of this.#progress.reviews) need = Math.max(need, review.id ?? 0);
		const needUndone = this.#progress.undone.at(-1)?.id ?? 0;
		return { need, needUndone };
	}

	async #run(request: Request): Promise<LastSync | null> {
		const env = this.#env;
		if (!env || !this.#state) return null;
		if (this.#busy) {
			this.#again = true;
			return this.#last;
		}
		if (!env.online() && request.notBefore !== null) {
			// Nothing to try: the `online` event wakes the sync; the slow timer looks again meanwhile.
			this.#arm(PERIOD_MS);
			return this.#last;
		}
		this.#busy = true;
		this.#again = false;
		let last: LastSync | null;
		try {
			last = await env.exclusive(() => this.#locked(env, request));
		} catch (error) {
			// The lock itself failed (the page is going away): the next try runs as usual.
			last = failed(env.clock(), env.clock(), error);
		} finally {
			this.#busy = false;
		}
		this.#failures = !last || last.ok ? 0 : this.#failures + 1;
		if (this.#again && (!last || last.ok)) this.#soon(DEBOUNCE_MS);
		else this.#arm(this.#failures ? retryDelay(this.#failures) : PERIOD_MS);
		return last;
	}

	/** One sync, with the lock held: from what is stored now, which another tab may have moved on. */
	async #locked(env: SyncEnv, request: Request): Promise<LastSync | null> {
		this.reload();
		const state = this.#state;
		if (!state) return null;
		const done = this.#last;
		if (
			request.notBefore !== null &&
			done?.ok &&
			Date.parse(done.startedAt) >= request.notBefore &&
			state.pushedThrough >= request.need &&
			(state.undonePushedThrough ?? 0) >= request.needUndone
		) {
			return done;
		}
		const startedAt = env.clock();
		let last: LastSync;
		try {
			// Synced from what is on disk, never from the defaults shown before the first read.
			if (this.#progress.status !== 'ready') await this.#progress.refresh();
			if (this.#progress.status !== 'ready') throw new Error(this.#progress.problem ?? '');
			const report = await syncOnce(this.#progress, env.api, state, startedAt);
			// Stopped meanwhile (in this tab or another): the key is not written back.
			if (this.#read<SyncState>(STATE_KEY)?.key !== state.key) return null;
			this.#save(report.state);
			last = {
				startedAt: startedAt.toISOString(),
				at: env.clock().toISOString(),
				ok: true,
				pushed: report.pushed,
				pulled: report.pulled,
				settingsFromOther: report.settingsFromOther
			};
		} catch (error) {
			last = failed(startedAt, env.clock(), error);
		}
		this.#last = last;
		env.storage.setItem(LAST_KEY, JSON.stringify(last));
		return last;
	}

	#save(state: SyncState | null): void {
		this.#state = state;
		if (state) this.#env?.storage.setItem(STATE_KEY, JSON.stringify(state));
		else this.#env?.storage.removeItem(STATE_KEY);
	}

	#read<T>(key: string): T | null {
		try {
			return JSON.parse(this.#env?.storage.getItem(key) ?? 'null') as T | null;
		} catch {
			return null;
		}
	}
}

function failed(startedAt: Date, at: Date, error: unknown): LastSync {
	const when = { startedAt: startedAt.toISOString(), at: at.toISOString(), ok: false as const };
	if (error instanceof SyncFailure) return { ...when, code: error.code, message: error.message };
	return {
		...when,
		code: 'local',
		message: error instanceof Error ? error.message : String(error)
	};
}

/** The app's one background sync, provided by the root layout. */
export const [getSync, setSync] = createContext<BackgroundSync>();
