/**
 * The sync logs in SQLite (better-sqlite3), beside the other databases in the data folder.
 */
import { join } from 'node:path';
import { dataDir, openDatabase, StorageError } from '$lib/server/sqlite';
import type { AppendResult, KeyStatus, NewEntry, StoredEntry, SyncStore } from './store';

const MIGRATIONS = [
	`CREATE TABLE sync_keys (
		key_hash TEXT PRIMARY KEY,
		created_at INTEGER NOT NULL,
		revoked_at INTEGER
	);
	CREATE TABLE sync_entries (
		key_hash TEXT NOT NULL REFERENCES sync_keys(key_hash) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		kind TEXT NOT NULL,
		id TEXT NOT NULL,
		body TEXT NOT NULL,
		added_at INTEGER NOT NULL,
		PRIMARY KEY (key_hash, seq),
		UNIQUE (key_hash, kind, id)
	);`
];

/** Opens the SQLite sync store (`:memory:` for tests). */
export function openSqliteSyncStore(file = join(dataDir(), 'sync.db')): SyncStore {
	const db = openDatabase(file, 'sync', MIGRATIONS, { foreignKeys: true });
	const insertKey = db.prepare(
		'INSERT OR IGNORE INTO sync_keys (key_hash, created_at) VALUES (?, ?)'
	);
	const keyRow = db.prepare('SELECT revoked_at FROM sync_keys WHERE key_hash = ?');
	const revokeKey = db.prepare('UPDATE sync_keys SET revoked_at = ? WHERE key_hash = ?');
	const dropEntries = db.prepare('DELETE FROM sync_entries WHERE key_hash = ?');
	const lastSeq = db.prepare(
		'SELECT COALESCE(MAX(seq), 0) AS seq FROM sync_entries WHERE key_hash = ?'
	);
	const bodyOf = db.prepare(
		'SELECT body FROM sync_entries WHERE key_hash = ? AND kind = ? AND id = ?'
	);
	const insertEntry = db.prepare(
		'INSERT INTO sync_entries (key_hash, seq, kind, id, body, added_at) VALUES (?, ?, ?, ?, ?, ?)'
	);
	// The kinds as a JSON array: one statement whatever the kinds asked for.
	const after = db.prepare(
		`SELECT seq, kind, id, body FROM sync_entries
		WHERE key_hash = ? AND seq > ? AND kind IN (SELECT value FROM json_each(?))
		ORDER BY seq LIMIT ?`
	);

	const append = db.transaction(
		(keyHash: string, entries: readonly NewEntry[], now: number): AppendResult => {
			let seq = (lastSeq.get(keyHash) as { seq: number }).seq;
			const clashes: string[] = [];
			const fresh: NewEntry[] = [];
			const inPush = new Map<string, string>();
			for (const entry of entries) {
				const slot = `${entry.kind}\u0000${entry.id}`;
				const had =
					inPush.get(slot) ??
					(bodyOf.get(keyHash, entry.kind, entry.id) as { body: string } | undefined)?.body;
				if (had === undefined) {
					inPush.set(slot, entry.body);
					fresh.push(entry);
				} else if (had !== entry.body && entry.kind === 'review') clashes.push(entry.id);
				// An undone review is undone whatever the instant a second record gives: the first stays.
			}
			if (clashes.length) return { added: 0, addedReviews: 0, clashes, cursor: seq };
			for (const entry of fresh)
				insertEntry.run(keyHash, ++seq, entry.kind, entry.id, entry.body, now);
			const addedReviews = fresh.filter((entry) => entry.kind === 'review').length;
			return { added: fresh.length, addedReviews, clashes, cursor: seq };
		}
	);

	const guard = <T>(operation: string, run: () => T): Promise<T> => {
		try {
			return Promise.resolve(run());
		} catch (error) {
			return Promise.reject(new StorageError(`sync.${operation}`, error));
		}
	};

	return {
		create: (keyHash, now) => guard('create', () => insertKey.run(keyHash, now).changes === 1),
		status: (keyHash) =>
			guard('status', (): KeyStatus => {
				const row = keyRow.get(keyHash) as { revoked_at: number | null } | undefined;
				return !row ? 'unknown' : row.revoked_at === null ? 'active' : 'revoked';
			}),
		revoke: (keyHash, now) =>
			guard('revoke', () => {
				db.transaction(() => {
					revokeKey.run(now, keyHash);
					dropEntries.run(keyHash);
				})();
			}),
		append: (keyHash, entries, now) => guard('append', () => append(keyHash, entries, now)),
		since: (keyHash, cursor, limit, kinds) =>
			guard(
				'since',
				() => after.all(keyHash, cursor, JSON.stringify(kinds), limit) as StoredEntry[]
			)
	};
}
