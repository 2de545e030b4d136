/**
 * The server's sync logs: per sync key, an append-only log of entries (reviews, settings, word
 * marks). Only a hash of the key is ever given to a store. Async, so that a PostgreSQL store can
 * hold it as well as the SQLite one; one contract test suite runs against each.
 */

import type { EntryKind } from '$lib/sync/contracts';

export type KeyStatus = 'active' | 'revoked' | 'unknown';

/** An entry on its way in: `id` is unique per key and kind (a review's uid, a hash otherwise). */
export interface NewEntry {
	kind: EntryKind;
	id: string;
	/** The record as JSON. */
	body: string;
}

export interface StoredEntry extends NewEntry {
	seq: number;
}

export interface AppendResult {
	/** How many entries were new, and how many of them reviews. */
	added: number;
	addedReviews: number;
	/** Ids already in the log with a different body: nothing of the push was written. */
	clashes: string[];
	/** The log's last sequence number after the append. */
	cursor: number;
}

export interface SyncStore {
	/** Starts a log for a key hash; false when one exists (active or revoked). */
	create(keyHash: string, now: number): Promise<boolean>;
	status(keyHash: string): Promise<KeyStatus>;
	/** Revokes a key: its log is deleted, and the key is refused from then on. */
	revoke(keyHash: string, now: number): Promise<void>;
	/** Appends the entries it lacks, all or none (none when one clashes), in one transaction. */
	append(keyHash: string, entries: readonly NewEntry[], now: number): Promise<AppendResult>;
	/** Entries of `kinds` after `cursor`, in log order, at most `limit`. */
	since(
		keyHash: string,
		cursor: number,
		limit: number,
		kinds: readonly EntryKind[]
	): Promise<StoredEntry[]>;
}
