/**
 * Study progress in the browser's IndexedDB (through `idb`): card states and an append-only log
 * of reviews. Every write is one transaction, finished before the caller moves on, so a reload or
 * a closed tab never loses a rating.
 */
import type { ZodType } from 'zod';
import { openDB, type IDBPDatabase } from 'idb';
import { DEFAULT_SETTINGS, validateSettings, type SrsSettings } from '$lib/srs/settings';
import { newReviewUid } from '$lib/sync/review-id';
import {
	reviewRecordSchema,
	stateRecordSchema,
	type Backup,
	type ReviewRecord,
	type StateRecord,
	type WordMark,
	type WordRecord,
	wordRecordSchema,
	pickRecordSchema,
	type PickRecord,
	markRecordSchema,
	type MarkRecord,
	undoneRecordSchema,
	type UndoneRecord,
	withUid
} from './records';
import { ALL_STORES, DB_VERSION, MIGRATIONS, type ProgressDB, type StoreName } from './migrations';
import {
	backupOf,
	mergeInto,
	replaceWith,
	withoutId,
	type ImportMode,
	type ImportResult
} from './backup-io';

export type { ImportMode, ImportResult } from './backup-io';

export const DB_NAME = 'ripasso';

/** Records that failed their check when read: kept in storage, reported, never used. */
export interface Unreadable {
	store: StoreName;
	count: number;
}

/** How many records were unreadable, over all stores. */
export function unreadableCount(unreadable: readonly Unreadable[]): number {
	return unreadable.reduce((n, u) => n + u.count, 0);
}

export interface Snapshot {
	settings: SrsSettings;
	states: Map<string, StateRecord>;
	reviews: ReviewRecord[];
	/** Marks on vocabulary entries, by entry id. */
	words: Map<string, WordRecord>;
	/** Cards to introduce first, by card id. */
	picks: Map<string, PickRecord>;
	/** Marks on cards (suspended, buried, flagged), by card id. */
	marks: Map<string, MarkRecord>;
	/** Reviews undone, in the order they were (their keys ascending). */
	undone: UndoneRecord[];
	unreadable: Unreadable[];
}

export class ProgressStore {
	#db: IDBPDatabase<ProgressDB>;

	constructor(db: IDBPDatabase<ProgressDB>) {
		this.#db = db;
	}

	/** Everything, checked: good records are returned, bad ones counted in `unreadable`. */
	async load(): Promise<Snapshot> {
		const tx = this.#db.transaction(ALL_STORES);
		const [rawStates, rawReviews, rawSettings, rawWords, rawPicks, rawMarks, rawUndone] =
			await Promise.all([
				tx.objectStore('states').getAll(),
				tx.objectStore('reviews').getAll(),
				tx.objectStore('meta').get('settings'),
				tx.objectStore('words').getAll(),
				tx.objectStore('picks').getAll(),
				tx.objectStore('marks').getAll(),
				tx.objectStore('undone').getAll()
			]);
		// Counted in store order: states, reviews, meta, words, picks, marks, undone.
		const unreadable: Unreadable[] = [];
		const states = new Map<string, StateRecord>(
			readable('states', rawStates, stateRecordSchema, unreadable).map((s) => [
				s.id,
				s as StateRecord
			])
		);
		const reviews = (
			readable('reviews', rawReviews, reviewRecordSchema, unreadable) as ReviewRecord[]
		).map(withUid);
		let settings = DEFAULT_SETTINGS;
		if (rawSettings) {
			try {
				settings = validateSettings(rawSettings.value);
			} catch {
				unreadable.push({ store: 'meta', count: 1 });
			}
		}
		const words = new Map<string, WordRecord>(
			readable('words', rawWords, wordRecordSchema, unreadable).map((w) => [w.id, w])
		);
		const picks = new Map<string, PickRecord>(
			readable('picks', rawPicks, pickRecordSchema, unreadable).map((p) => [p.id, p])
		);
		const marks = new Map<string, MarkRecord>(
			readable('marks', rawMarks, markRecordSchema, unreadable).map((m) => [m.id, m as MarkRecord])
		);
		const undone = readable('undone', rawUndone, undoneRecordSchema, unreadable);
		return { settings, states, reviews, words, picks, marks, undone, unreadable };
	}

	/** Stores a card's marks (suspended, buried, flagged); `null` removes them. */
	async setMark(id: string, mark: MarkRecord | null): Promise<void> {
		if (mark === null) await this.#db.delete('marks', id);
		else await this.#db.put('marks', markRecordSchema.parse(mark) as MarkRecord);
	}

	/**
	 * Forgets a card, as Anki's "Forget": it is new again (its state is gone) and its reviews stay
	 * in the log, so its history and the statistics of past days are kept.
	 */
	async forgetCard(id: string): Promise<void> {
		await this.#db.delete('states', id);
	}

	/**
	 * Puts cards first in the queue of new cards (all in one transaction). Cards picked before
	 * keep their first date; returns how many were new picks.
	 */
	async addPicks(ids: readonly string[], from: string, now = new Date()): Promise<number> {
		const tx = this.#db.transaction('picks', 'readwrite');
		const store = tx.objectStore('picks');
		let added = 0;
		for (const id of new Set(ids)) {
			if (await store.get(id)) continue;
			await store.put(pickRecordSchema.parse({ id, from, at: now.toISOString() }));
			added++;
		}
		await tx.done;
		return added;
	}

	/** Marks a vocabulary entry as known or to study next; `null` removes the mark. */
	async setWordStatus(id: string, status: WordMark | null, now = new Date()): Promise<void> {
		if (status === null) await this.#db.delete('words', id);
		else await this.#db.put('words', wordRecordSchema.parse({ id, status, at: now.toISOString() }));
	}

	/**
	 * Marks many vocabulary entries at once (placement, "I know the rest of this paragraph"), in
	 * one transaction: all of them or none. `null` removes their marks.
	 */
	async setWordStatuses(
		ids: readonly string[],
		status: WordMark | null,
		now = new Date()
	): Promise<void> {
		const tx = this.#db.transaction('words', 'readwrite');
		const store = tx.objectStore('words');
		const at = now.toISOString();
		await Promise.all([
			...[...new Set(ids)].map((id) =>
				status === null ? store.delete(id) : store.put(wordRecordSchema.parse({ id, status, at }))
			),
			tx.done
		]);
	}

	/**
	 * Stores a rating: the card's new state and its review, together or not at all.
	 *
	 * `from` is the state the rating was made from (`null`: the card was new). When the stored state
	 * is no longer that one, another tab rated the card meanwhile: nothing is written and the result
	 * is `null`, so the same card rated in two tabs makes one review. Without `from` (reviews brought
	 * in from elsewhere, such as a class quiz) the rating is stored as it is.
	 *
	 * @returns the review's id, or `null` when another tab had already rated the card
	 */
	async saveReview(state: StateRecord, review: ReviewRecord): Promise<number>;
	async saveReview(
		state: StateRecord,
		review: ReviewRecord,
		from: StateRecord | null | undefined
	): Promise<number | null>;
	async saveReview(
		state: StateRecord,
		review: ReviewRecord,
		from?: StateRecord | null
	): Promise<number | null> {
		const tx = this.#db.transaction(['states', 'reviews'], 'readwrite');
		const states = tx.objectStore('states');
		// Read and write in one transaction: IndexedDB runs overlapping readwrite transactions on
		// the same stores one after the other, so no other tab can write between this read and the put.
		if (from !== undefined && !sameState(await states.get(state.id), from)) {
			tx.abort();
			await tx.done.catch(() => {});
			return null;
		}
		const [, id] = await Promise.all([
			states.put(state),
			tx.objectStore('reviews').add(withoutId({ ...review, uid: review.uid ?? newReviewUid() })),
			tx.done
		]);
		return id;
	}

	/**
	 * Undoes a rating: the card's state goes back to its snapshot (or disappears if the card was
	 * new) and the review leaves the log, together; the review is kept as undone, so that a copy
	 * already synced does not come back.
	 *
	 * @returns the undone record, or `null` when the review was not in the log
	 */
	async undoReview(
		previous: StateRecord | null,
		cardId: string,
		reviewId: number,
		now = new Date()
	): Promise<UndoneRecord | null> {
		const tx = this.#db.transaction(['states', 'reviews', 'undone'], 'readwrite');
		const reviews = tx.objectStore('reviews');
		const review = await reviews.get(reviewId);
		const undone = review
			? { uid: withUid(review).uid, cardId: review.cardId, at: now.toISOString() }
			: null;
		const [, , id] = await Promise.all([
			previous ? tx.objectStore('states').put(previous) : tx.objectStore('states').delete(cardId),
			reviews.delete(reviewId),
			undone ? tx.objectStore('undone').put(undone) : undefined,
			tx.done
		]);
		return undone && id !== undefined ? { ...undone, id } : null;
	}

	async saveSettings(settings: SrsSettings): Promise<void> {
		await this.#db.put('meta', { key: 'settings', value: validateSettings(settings) });
	}

	/** A backup of everything readable (what `load` returns). */
	async exportBackup(now: Date): Promise<Backup> {
		return backupOf(await this.load(), now);
	}

	/**
	 * Brings in a (validated) backup, in one transaction. `merge` (what the learner gets unless
	 * they ask otherwise) adds the backup's reviews this device lacks and replays the cards they
	 * touch through `scheduler`; this device's settings stay. `replace` makes this device the
	 * backup, settings included.
	 *
	 * @returns what was added (for `replace`: everything in the backup)
	 */
	async importBackup(backup: Backup, mode: ImportMode): Promise<ImportResult> {
		if (mode.kind === 'replace') {
			await replaceWith(this.#db, backup);
			return { newReviews: backup.reviews.length, knownReviews: 0, states: backup.states.length };
		}
		return mergeInto(this.#db, await this.load(), backup, mode.scheduler);
	}

	/** Forgets all progress, word marks, picks and settings. */
	async reset(): Promise<void> {
		const tx = this.#db.transaction(ALL_STORES, 'readwrite');
		await Promise.all([...ALL_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
	}

	close(): void {
		this.#db.close();
	}
}

/** The records of one store that pass `schema`; the others are counted in `unreadable`. */
function readable<T>(
	store: StoreName,
	raws: readonly unknown[],
	schema: ZodType<T>,
	unreadable: Unreadable[]
): T[] {
	const good: T[] = [];
	for (const raw of raws) {
		const parsed = schema.safeParse(raw);
		if (parsed.success) good.push(parsed.data);
	}
	const bad = raws.length - good.length;
	if (bad) unreadable.push({ store, count: bad });
	return good;
}

/**
 * Whether a stored state is still the one a rating was made from. Every rating raises `reps` and
 * sets `last_review`, so a rating elsewhere changes one of them; an undo elsewhere puts both back.
 */
function sameState(stored: unknown, from: StateRecord | null): boolean {
	const memory = (stored as Partial<StateRecord> | undefined)?.memory;
	if (!memory || !from) return !memory && !from;
	return memory.reps === from.memory.reps && memory.last_review === from.memory.last_review;
}

/** Storage that cannot be opened (private browsing, blocked by the browser, a newer version). */
export class StorageUnavailableError extends Error {
	name = 'StorageUnavailableError';
}

/** What an open connection tells its owner about other tabs. */
export interface ConnectionEvents {
	/**
	 * The connection is closed and must not be used again: another tab wants to upgrade or delete
	 * the database (this one steps aside so it can), or the browser ended the connection.
	 */
	onclose?: () => void;
	/** The open waits for another tab, still on an older Ripasso, to close the database. */
	onblocked?: () => void;
}

/**
 * Opens (creating or migrating) the progress database. The connection closes itself when another
 * tab asks to upgrade it, so a newer Ripasso in one tab never waits for an older one in another.
 *
 * @param name the database name (tests use one per test)
 * @throws StorageUnavailableError when the browser refuses (private mode, blocked, newer version)
 */
export async function openProgress(
	name = DB_NAME,
	events: ConnectionEvents = {}
): Promise<ProgressStore> {
	if (typeof indexedDB === 'undefined') {
		throw new StorageUnavailableError('This browser does not offer IndexedDB.');
	}
	try {
		const db: IDBPDatabase<ProgressDB> = await openDB<ProgressDB>(name, DB_VERSION, {
			async upgrade(db, oldVersion, _newVersion, tx) {
				try {
					for (let version = oldVersion; version < DB_VERSION; version++) {
						await MIGRATIONS[version](db, tx);
					}
				} catch {
					tx.abort();
				}
			},
			blocked: () => events.onblocked?.(),
			blocking: () => {
				db.close();
				events.onclose?.();
			},
			terminated: () => events.onclose?.()
		});
		return new ProgressStore(db);
	} catch (error) {
		throw new StorageUnavailableError(
			error instanceof Error ? error.message : 'The progress database could not be opened.'
		);
	}
}
