import { describe, expect, it } from 'vitest';
import {
	SKIP_WAITING,
	UpdateWatcher,
	type WaitingWorker,
	type WorkerContainer,
	type WorkerRegistration
} from '$lib/offline/update.svelte';

/** A service worker as the browser moves it through its states. */
class Worker implements WaitingWorker {
	state = 'installing';
	messages: unknown[] = [];
	#listeners: (() => void)[] = [];
	postMessage(message: unknown) {
		this.messages.push(message);
	}
	addEventListener(_type: 'statechange', listener: () => void) {
		this.#listeners.push(listener);
	}
	become(state: string) {
		this.state = state;
		for (const listener of this.#listeners) listener();
	}
}

/** The browser's registration and container for one page, driven by the test. */
function browser({ controlled, waiting = null }: { controlled: boolean; waiting?: Worker | null }) {
	const found: (() => void)[] = [];
	const changed: (() => void)[] = [];
	let updates = 0;
	const registration: WorkerRegistration & { waiting: Worker | null; installing: Worker | null } = {
		waiting,
		installing: null,
		addEventListener: (_type, listener) => void found.push(listener),
		update: async () => void updates++
	};
	const container: WorkerContainer & { controller: unknown } = {
		controller: controlled ? new Worker() : null,
		ready: Promise.resolve(registration),
		addEventListener: (_type, listener) => void changed.push(listener)
	};
	return {
		registration,
		container,
		updates: () => updates,
		/** The server has a new version: the browser installs it, and it waits. */
		deploy() {
			const worker = new Worker();
			registration.installing = worker;
			for (const listener of found) listener();
			registration.installing = null;
			registration.waiting = worker;
			worker.become('installed');
			return worker;
		},
		/** The waiting worker took over. */
		takeOver() {
			container.controller = registration.waiting;
			registration.waiting = null;
			for (const listener of changed) listener();
		}
	};
}

function watch(page: ReturnType<typeof browser>) {
	let reloads = 0;
	const watcher = new UpdateWatcher(page.container, () => reloads++);
	return { watcher, reloads: () => reloads };
}

describe('the update prompt', () => {
	it('says nothing on the first visit, when the first version installs', async () => {
		const page = browser({ controlled: false });
		const { watcher } = watch(page);
		await watcher.start();
		page.deploy();
		expect(watcher.available).toBe(false);
	});

	it('offers a new version deployed while the page is open, and asks the server on start', async () => {
		const page = browser({ controlled: true });
		const { watcher } = watch(page);
		await watcher.start();
		expect(page.updates()).toBe(1);
		expect(watcher.available).toBe(false);
		page.deploy();
		expect(watcher.available).toBe(true);
	});

	it('offers a version that was already waiting when the page opened', async () => {
		const waiting = new Worker();
		waiting.state = 'installed';
		const { watcher } = watch(browser({ controlled: true, waiting }));
		await watcher.start();
		expect(watcher.available).toBe(true);
	});

	it('Reload tells the new version to take over, and reloads once it has', async () => {
		const page = browser({ controlled: true });
		const { watcher, reloads } = watch(page);
		await watcher.start();
		const next = page.deploy();
		watcher.apply();
		expect(next.messages).toEqual([SKIP_WAITING]);
		// Not before: the old version would serve the reloaded page.
		expect(reloads()).toBe(0);
		page.takeOver();
		expect(reloads()).toBe(1);
	});

	it('another tab switching versions does not reload this one unasked', async () => {
		const page = browser({ controlled: true });
		const { watcher, reloads } = watch(page);
		await watcher.start();
		page.deploy();
		page.takeOver();
		expect(reloads()).toBe(0);
	});

	it('an update check that fails offline is no error', async () => {
		const page = browser({ controlled: true });
		page.registration.update = () => Promise.reject(new TypeError('Failed to fetch'));
		const { watcher } = watch(page);
		await expect(watcher.start()).resolves.toBeUndefined();
		await expect(watcher.check()).resolves.toBeUndefined();
	});
});
