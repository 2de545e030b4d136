/**
 * Background sync wired to the browser: `localStorage`, a Web Lock shared by the tabs, timers, and
 * the events that wake it (a change here, back online, the tab shown again, another tab's sync).
 */
import type { Progress } from '$lib/storage/progress.svelte';
import { LAST_KEY, STATE_KEY, type BackgroundSync, type SyncEnv } from './background.svelte';
import { httpApi } from './client';

const LOCK = 'ripasso-sync';

/** The browser's side of background sync. */
export function browserSyncEnv(): SyncEnv {
	return {
		storage: localStorage,
		api: httpApi(),
		clock: () => new Date(),
		// Browsers without Web Locks (old Safari) sync in each tab; the server adds a review once.
		exclusive: (task) => (navigator.locks ? navigator.locks.request(LOCK, task) : task()),
		online: () => navigator.onLine,
		setTimer: (run, ms) => setTimeout(run, ms),
		clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)
	};
}

/** Starts `sync` in this page (a first sync now); returns what stops it. */
export function runInBrowser(sync: BackgroundSync, progress: Progress): () => void {
	const online = () => sync.wake(true);
	const shown = () => {
		if (document.visibilityState === 'visible') sync.wake();
	};
	const stored = (event: StorageEvent) => {
		if (event.key === STATE_KEY || event.key === LAST_KEY || event.key === null) sync.reload();
	};
	const unsubscribe = progress.onWrite(() => sync.changed());
	window.addEventListener('online', online);
	window.addEventListener('storage', stored);
	document.addEventListener('visibilitychange', shown);
	sync.wake();
	return () => {
		unsubscribe();
		window.removeEventListener('online', online);
		window.removeEventListener('storage', stored);
		document.removeEventListener('visibilitychange', shown);
		sync.close();
	};
}
