/* eslint-disable svelte/prefer-svelte-reactivity -- the snapshot's maps are replaced, never
   mutated once shown (`$state.raw`), so the plain built-ins are right and cheaper. */
/**
 * This browser's progress, for every page: the one connection to IndexedDB, what went wrong with
 * it, and the tracks' states as last read. Pages read the getters and write through the methods,
 * which store first and then show: what a page shows is what is on disk.
 *
 * The connection is opened lazily (in the browser, on the first read or write) and kept; when
 * another tab asks to upgrade the database it is closed, and opened again by the next call.
 * Calls run one after another, so a re-read never overtakes a write.
 *
 * Tabs keep each other fresh over a `BroadcastChannel`: each rating or undo is sent to the other
 * tabs, which apply it without reading everything again; other writes make them re-read.
 */
import { createContext } from 'svelte';
import { DEFAULT_SETTINGS, validateSettings, type SrsSettings } from '$lib/srs/settings';
import { createScheduler } from '$lib/srs/scheduler';
import { stampMark } from '$lib/sync/marks';
import { newReviewUid } from '$lib/sync/review-id';
import {
	unreadableCount,
	type ConnectionEvents,
	type ImportResult,
	type ProgressStore,
	type Snapshot
} from './progress';
import type {
	Backup,
	MarkRecord,
	ReviewRecord,
	StateRecord,
	UndoneRecord,
	WordMark
} from './records';

/** Opens the store (in the app: `openProgress`, in tests: a database of their own). */
export type OpenStore = (events: ConnectionEvents) => Promise<ProgressStore>;
export type Clock = () => Date;
export type ProgressStatus = 'loading' | 'ready' | 'unavailable';

/** What another tab changed, as told to `onRemoteChange` listeners once it is in the snapshot. */
export type RemoteChange =
	| { kind: 'review'; state: StateRecord; review: ReviewRecord }
	| {
			kind: 'undo';
			previous: StateRecord | null;
			cardId: string;
			reviewId: number;
			undone: UndoneRecord | null;
	  }
	/** Anything else (settings, marks, an import, a reset): everything was read again. */
	| { kind: 'other' };

const EMPTY: Snapshot = {
	settings: DEFAULT_SETTINGS,
	states: new Map(),
	reviews: [],
	words: new Map(),
	picks: new Map(),
	marks: new Map(),
	undone: [],
	unreadable: []
};

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class Progress {
	#open: OpenStore;
	#clock: Clock;
	#store: ProgressStore | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	#snapshot = $state.raw<Snapshot>(EMPTY);
	#status = $state<ProgressStatus>('loading');
	#problem = $state<string | null>(null);
	#blocked = $state(false);
	#channelName: string | null;
	#channel: BroadcastChannel | null = null;
	#listeners = new Set<(change: RemoteChange) => void>();
	#writeListeners = new Set<() => void>();

	/**
	 * @param channel name of the `BroadcastChannel` shared with other tabs on the same database
	 *   (the app: the database name); `null` for none. Opened with the connection, in the browser.
	 */
	constructor(open: OpenStore, clock: Clock, channel: string | null = null) {
		this.#open = open;
		this.#clock = clock;
		this.#channelName = channel;
	}

	/**
	 * Calls `listener` after each change another tab made is in the snapshot, and after an import
	 * here (a backup, a sync); returns an unsubscribe.
	 */
	onRemoteChange(listener: (change: RemoteChange) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Calls `listener` after each change made in this tab by the learner (a rating, an undo, a
	 * mark, settings), not after an import: what background sync listens to, so that what it
	 * brings in does not start it again. Returns an unsubscribe.
	 */
	onWrite(listener: () => void): () => void {
		this.#writeListeners.add(listener);
		return () => this.#writeListeners.delete(listener);
	}

	/** `loading` while a read is under way, `unavailable` when storage cannot be opened. */
	get status(): ProgressStatus {
		return this.#status;
	}
	/** Why storage is unavailable, or why the last write failed (until a write succeeds). */
	get problem(): string | null {
		return this.#problem;
	}
	/** Opening waits for another tab, on an older Ripasso, to let go of the database. */
	get blocked(): boolean {
		return this.#blocked;
	}
	get settings(): SrsSettings {
		return this.#snapshot.settings;
	}
	get states(): ReadonlyMap<string, StateRecord> {
		return this.#snapshot.states;
	}
	get reviews(): readonly ReviewRecord[] {
		return this.#snapshot.reviews;
	}
	get words(): Snapshot['words'] {
		return this.#snapshot.words;
	}
	get picks(): Snapshot['picks'] {
		return this.#snapshot.picks;
	}
	/** Marks on cards (suspended, buried, flagged), by card id. */
	get marks(): Snapshot['marks'] {
		return this.#snapshot.marks;
	}
	/** Reviews undone (kept so that sync does not bring them back), oldest first. */
	get undone(): readonly UndoneRecord[] {
		return this.#snapshot.undone;
	}
	/** Stored records that failed their check, by store (kept on disk, never used). */
	get unreadable(): Snapshot['unreadable'] {
		return this.#snapshot.unreadable;
	}
	get unreadableCount(): number {
		return unreadableCount(this.#snapshot.unreadable);
	}

	/**
	 * Reads everything again, so a page shows what another tab did meanwhile. Never throws: a
	 * failure is `status: 'unavailable'` with its `problem`.
	 */
	refresh(): Promise<void> {
		this.#status = 'loading';
		return this.#serial(async () => {
			try {
				this.#snapshot = await this.#withStore((store) => store.load());
				this.#status = 'ready';
				this.#problem = null;
			} catch (error) {
				this.#status = 'unavailable';
				this.#problem = reason(error);
			}
		});
	}

	/**
	 * Stores a rating made from state `from` (`null`: a new card; omitted: no check, for reviews
	 * brought in from elsewhere). Resolves to the review id, or to `null` when another tab had
	 * already rated the card: nothing was written, and the snapshot now holds what is on disk.
	 */
	saveReview(state: StateRecord, review: ReviewRecord): Promise<number>;
	saveReview(
		state: StateRecord,
		review: ReviewRecord,
		from: StateRecord | null | undefined
	): Promise<number | null>;
	saveReview(
		state: StateRecord,
		review: ReviewRecord,
		from?: StateRecord | null
	): Promise<number | null> {
		return this.#write(async (store) => {
			// Its id on every device is given here, so the snapshot and other tabs hold it too.
			const logged = { ...review, uid: review.uid ?? newReviewUid() };
			const id = await store.saveReview(state, logged, from);
			if (id === null) {
				this.#snapshot = await store.load();
				return null;
			}
			const saved = { ...logged, id };
			this.#apply({ kind: 'review', state, review: saved });
			this.#tell({ kind: 'review', state, review: saved });
			this.#wrote();
			return id;
		});
	}

	/** Takes a rating back: the state as it was (none: the card is new again), the review gone. */
	undoReview(previous: StateRecord | null, cardId: string, reviewId: number): Promise<void> {
		return this.#write(async (store) => {
			const undone = await store.undoReview(previous, cardId, reviewId, this.#clock());
			this.#apply({ kind: 'undo', previous, cardId, reviewId, undone });
			this.#tell({ kind: 'undo', previous, cardId, reviewId, undone });
			this.#wrote();
		});
	}

	/** A rating or an undo, in the snapshot (made here or told by another tab). */
	#apply(change: Exclude<RemoteChange, { kind: 'other' }>): void {
		const s = this.#snapshot;
		const states = new Map(s.states);
		if (change.kind === 'review') {
			states.set(change.state.id, change.state);
			const known = s.reviews.some((r) => r.id === change.review.id);
			this.#snapshot = { ...s, states, reviews: known ? s.reviews : [...s.reviews, change.review] };
			return;
		}
		if (change.previous) states.set(change.cardId, change.previous);
		else states.delete(change.cardId);
		const undone = change.undone && !s.undone.some((u) => u.id === change.undone?.id);
		this.#snapshot = {
			...s,
			states,
			reviews: s.reviews.filter((r) => r.id !== change.reviewId),
			undone: undone && change.undone ? [...s.undone, change.undone] : s.undone
		};
	}

	/** Tells the other tabs (best effort: a tab that missed it reads everything when it opens). */
	#tell(change: RemoteChange): void {
		try {
			this.#channel?.postMessage($state.snapshot(change));
		} catch {
			// A closed channel or an uncloneable record: the other tabs re-read on their next open.
		}
	}

	#wrote(): void {
		for (const listener of this.#writeListeners) listener();
	}

	/** A change from another tab: applied after the calls already queued here, then announced. */
	#heard(change: RemoteChange): void {
		void this.#serial(async () => {
			if (this.#status !== 'ready') return;
			if (change.kind === 'other') {
				try {
					this.#snapshot = await this.#withStore((store) => store.load());
				} catch {
					return;
				}
			} else this.#apply(change);
			for (const listener of this.#listeners) listener(change);
		});
	}

	/** Marks a vocabulary entry as known or to study next; `null` removes the mark. */
	setWordStatus(id: string, status: WordMark | null): Promise<void> {
		return this.#write(async (store) => {
			const at = this.#clock();
			await store.setWordStatus(id, status, at);
			const words = new Map(this.#snapshot.words);
			if (status) words.set(id, { id, status, at: at.toISOString() });
			else words.delete(id);
			this.#snapshot = { ...this.#snapshot, words };
			this.#tell({ kind: 'other' });
			this.#wrote();
		});
	}

	/** Marks many vocabulary entries at once, all or none; `null` removes their marks. */
	setWordStatuses(ids: readonly string[], status: WordMark | null): Promise<void> {
		return this.#write(async (store) => {
			const at = this.#clock();
			await store.setWordStatuses(ids, status, at);
			const words = new Map(this.#snapshot.words);
			for (const id of ids) {
				if (status) words.set(id, { id, status, at: at.toISOString() });
				else words.delete(id);
			}
			this.#snapshot = { ...this.#snapshot, words };
			this.#wrote();
		});
	}

	/**
	 * Puts cards first among the new ones (`from`: where they were picked). Resolves to how many
	 * were picked for the first time.
	 */
	addPicks(ids: readonly string[], from: string): Promise<number> {
		return this.#write(async (store) => {
			const at = this.#clock();
			const added = await store.addPicks(ids, from, at);
			const picks = new Map(this.#snapshot.picks);
			for (const id of ids) if (!picks.has(id)) picks.set(id, { id, from, at: at.toISOString() });
			this.#snapshot = { ...this.#snapshot, picks };
			this.#tell({ kind: 'other' });
			this.#wrote();
			return added;
		});
	}

	/**
	 * Stores a card's marks (suspended, buried, flagged); `null` takes them off. Each field that
	 * changes is stamped with the clock, so that sync can merge it with other devices' (last wins).
	 */
	setMark(id: string, next: MarkRecord | null): Promise<void> {
		return this.#write(async (store) => {
			const mark = stampMark(this.#snapshot.marks.get(id), next, this.#clock());
			await store.setMark(id, mark);
			const marks = new Map(this.#snapshot.marks);
			if (mark) marks.set(id, mark);
			else marks.delete(id);
			this.#snapshot = { ...this.#snapshot, marks };
			this.#tell({ kind: 'other' });
			this.#wrote();
		});
	}

	/** Forgets a card (Anki's "Forget"): new again, its reviews kept in the log. */
	forgetCard(id: string): Promise<void> {
		return this.#write(async (store) => {
			await store.forgetCard(id);
			const states = new Map(this.#snapshot.states);
			states.delete(id);
			this.#snapshot = { ...this.#snapshot, states };
			this.#tell({ kind: 'other' });
			this.#wrote();
		});
	}

	saveSettings(settings: SrsSettings): Promise<void> {
		return this.#write(async (store) => {
			const valid = validateSettings(settings);
			await store.saveSettings(valid);
			this.#snapshot = { ...this.#snapshot, settings: valid };
			this.#tell({ kind: 'other' });
			this.#wrote();
		});
	}

	/** A backup of everything readable, as stored now. */
	exportBackup(): Promise<Backup> {
		return this.#write((store) => store.exportBackup(this.#clock()));
	}

	/**
	 * Brings in a (validated) backup: merged into this browser's progress (the cards it touches
	 * replayed with this browser's settings, in its time zone, as the study session rates), or
	 * replacing it.
	 */
	importBackup(backup: Backup, mode: 'merge' | 'replace'): Promise<ImportResult> {
		return this.#write(async (store) => {
			const result = await store.importBackup(
				backup,
				mode === 'replace'
					? { kind: 'replace' }
					: { kind: 'merge', scheduler: createScheduler(this.#snapshot.settings) }
			);
			this.#snapshot = await store.load();
			this.#tell({ kind: 'other' });
			// This tab's pages hear it too: a sync may bring reviews in under an open study session.
			for (const listener of this.#listeners) listener({ kind: 'other' });
			return result;
		});
	}

	/** Forgets all progress, word marks, picks and settings. */
	reset(): Promise<void> {
		return this.#write(async (store) => {
			await store.reset();
			this.#snapshot = await store.load();
			this.#tell({ kind: 'other' });
		});
	}

	/** Lets go of the connection (the next call opens it again). */
	close(): Promise<void> {
		return this.#serial(async () => {
			this.#store?.close();
			this.#store = null;
			this.#channel?.close();
			this.#channel = null;
		});
	}

	/** Runs a task after the ones before it, whatever became of them. */
	#serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task);
		this.#queue = run.catch(() => {});
		return run;
	}

	/** A write (or an export): its failure is the `problem` until a write succeeds, and is thrown. */
	#write<T>(task: (store: ProgressStore) => Promise<T>): Promise<T> {
		return this.#serial(async () => {
			try {
				const result = await this.#withStore(task);
				if (this.#status === 'ready') this.#problem = null;
				return result;
			} catch (error) {
				this.#problem = reason(error);
				throw error;
			}
		});
	}

	async #withStore<T>(task: (store: ProgressStore) => Promise<T>): Promise<T> {
		const store = await this.#connect();
		try {
			return await task(store);
		} catch (error) {
			// Closed for another tab between the open and the transaction, which then never began:
			// once more, on a new connection.
			if (this.#store === store) throw error;
			return task(await this.#connect());
		}
	}

	async #connect(): Promise<ProgressStore> {
		if (this.#store) return this.#store;
		let opened: ProgressStore | null = null;
		try {
			opened = await this.#open({
				onblocked: () => (this.#blocked = true),
				onclose: () => {
					if (this.#store === opened) this.#store = null;
				}
			});
		} catch (error) {
			this.#status = 'unavailable';
			throw error;
		} finally {
			this.#blocked = false;
		}
		this.#store = opened;
		if (!this.#channel && this.#channelName && typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(this.#channelName);
			this.#channel.onmessage = (event: MessageEvent<RemoteChange>) => this.#heard(event.data);
		}
		return opened;
	}
}

/** The one `Progress` of the app, provided by the root layout. */
export const [getProgress, setProgress] = createContext<Progress>();
