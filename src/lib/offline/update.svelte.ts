/**
 * Whether a new version of the app is installed and waiting, and the way to switch to it.
 *
 * A new service worker does not take over by itself (a learner in the middle of a card would
 * have the page change under them): it waits, the prompt says so, and "Reload" tells it to take
 * over; when it has, the page reloads on the new version. The browser looks for a new version
 * on every page load; the prompt also asks when it starts and when the network comes back.
 */

/** The part of a service worker the prompt uses. */
export interface WaitingWorker {
	readonly state: string;
	postMessage(message: unknown): void;
	addEventListener(type: 'statechange', listener: () => void): void;
}

/** The part of a `ServiceWorkerRegistration` the prompt uses. */
export interface WorkerRegistration {
	readonly waiting: WaitingWorker | null;
	readonly installing: WaitingWorker | null;
	addEventListener(type: 'updatefound', listener: () => void): void;
	update(): Promise<unknown>;
}

/** The part of `navigator.serviceWorker` the prompt uses. */
export interface WorkerContainer {
	/** The worker that controls this page: null on the very first visit. */
	readonly controller: unknown;
	readonly ready: Promise<WorkerRegistration>;
	addEventListener(type: 'controllerchange', listener: () => void): void;
}

/** The message that tells a waiting worker to take over (see `src/service-worker.ts`). */
export const SKIP_WAITING = { type: 'skip-waiting' } as const;

export class UpdateWatcher {
	#container: WorkerContainer;
	#reload: () => void;
	#registration: WorkerRegistration | undefined;
	#waiting = $state.raw<WaitingWorker | null>(null);
	#reloading = false;

	/**
	 * @param container `navigator.serviceWorker`
	 * @param reload what reloads the page (`() => location.reload()`)
	 */
	constructor(container: WorkerContainer, reload: () => void) {
		this.#container = container;
		this.#reload = reload;
	}

	/** True when a new version is installed and waits for the learner to reload. */
	get available(): boolean {
		return this.#waiting !== null;
	}

	/** Starts watching for a new version (once the page runs in the browser). */
	async start(): Promise<void> {
		const registration = await this.#container.ready;
		this.#registration = registration;
		this.#container.addEventListener('controllerchange', () => {
			if (this.#reloading) this.#reload();
		});
		registration.addEventListener('updatefound', () => {
			const worker = registration.installing;
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed') this.#see(registration.waiting);
			});
		});
		this.#see(registration.waiting);
		await this.check();
	}

	/** Asks the server whether there is a new version (nothing happens offline). */
	async check(): Promise<void> {
		try {
			await this.#registration?.update();
		} catch {
			// Offline, or the server is down: the next load or reconnection asks again.
		}
	}

	/** Switches to the waiting version: the page reloads once it has taken over. */
	apply(): void {
		if (!this.#waiting) return;
		this.#reloading = true;
		this.#waiting.postMessage(SKIP_WAITING);
	}

	#see(worker: WaitingWorker | null) {
		// With no controller this is the first install, not an update: nothing to reload for.
		if (worker && this.#container.controller) this.#waiting = worker;
	}
}
