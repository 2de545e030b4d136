/**
 * Added texts in SQLite (better-sqlite3), beside the classroom's database in the data folder
 * (`RIPASSO_DATA_DIR`). Everything goes through `TextStore`, so another SQL engine can take its
 * place; every failure of a method is a `StorageError`, as in the classroom's store.
 */
import { join } from 'node:path';
import { dataDir, guardedStore, openDatabase, StorageError } from '$lib/server/sqlite';

export { StorageError };

export interface TextRow {
	/** Random and unguessable: the text's URLs are its share links. */
	id: string;
	/** SHA-256 of the owner's secret (the owner's cookie holds the secret itself). */
	ownerHash: string;
	/** Never empty: the text's title line, the one given, or its first words. */
	title: string;
	/** Empty when unknown. */
	author: string;
	sourceUrl: string | null;
	/** The prose: paragraphs separated by a blank line, without the title line and the byline. */
	body: string;
	/** `contentHash` of the body: the same text again is recognised by it. */
	hash: string;
	words: number;
	createdAt: number;
}

/** What a list of texts shows: everything but the body. */
export type TextSummary = Omit<TextRow, 'body' | 'ownerHash' | 'hash'>;

export type EditKind = 'card' | 'gloss' | 'word' | 'added';

/** One of the owner's edits of a text's deck, as stored (its JSON checked by the caller). */
export interface StoredEdit {
	/**
	 * `card`: a card's edit, keyed by card id; `gloss`: a word's gloss and `word`: a word dropped or
	 * corrected, keyed by vocabulary entry id; `added`: a fact the owner added, keyed by sentence
	 * id and span (`addedKey`).
	 */
	kind: EditKind;
	target: string;
	edit: unknown;
	updatedAt: number;
}

/** What the app needs from a database for added texts; one implementation per SQL engine. */
export interface TextStore {
	/** Adds a text; false when this owner already has one with the same hash (nothing added). */
	add(row: TextRow): boolean;
	get(id: string): TextRow | undefined;
	/** This owner's text with this hash, if any. */
	findByHash(ownerHash: string, hash: string): TextRow | undefined;
	/** This owner's texts, newest first. */
	ownedBy(ownerHash: string): TextSummary[];
	/** The texts of these ids that exist, in the order of the ids. */
	summaries(ids: readonly string[]): TextSummary[];
	countOwnedBy(ownerHash: string): number;
	/**
	 * Deletes the text when this owner added it; false (nothing deleted) when it is unknown or
	 * someone else's. The hash is compared by SQL: it is a hash of a random secret, so how long a
	 * comparison takes tells nothing of the secret.
	 */
	delete(id: string, ownerHash: string): boolean;
	/** The text's edits, in the order they were first made. */
	edits(textId: string): StoredEdit[];
	/** Saves (or replaces) one edit of the text's deck. */
	putEdit(textId: string, edit: StoredEdit): void;
	/** Forgets one edit (the card is back as generated); false when there was none. */
	removeEdit(textId: string, kind: StoredEdit['kind'], target: string): boolean;
	close(): void;
}

/** Applied in order from the stored `user_version`; never edit a released one, add the next. */
export const MIGRATIONS: string[] = [
	`CREATE TABLE texts (
		id TEXT PRIMARY KEY,
		owner_hash TEXT NOT NULL,
		title TEXT NOT NULL,
		author TEXT NOT NULL,
		source_url TEXT,
		body TEXT NOT NULL,
		hash TEXT NOT NULL,
		words INTEGER NOT NULL,
		created_at INTEGER NOT NULL
	);
	CREATE UNIQUE INDEX texts_owner_hash ON texts(owner_hash, hash);
	CREATE INDEX texts_owner_created ON texts(owner_hash, created_at);`,
	// One row per edited card (or gloss), not one JSON document per text: saving a card is one
	// upsert, two tabs editing two cards never overwrite each other, and a card's edit is found
	// by its key. The edit itself is JSON: a partial override whose fields may grow.
	`CREATE TABLE edits (
		text_id TEXT NOT NULL,
		kind TEXT NOT NULL,
		target TEXT NOT NULL,
		edit TEXT NOT NULL,
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL,
		PRIMARY KEY (text_id, kind, target)
	);`
];

export interface TextStoreOptions {
	/**
	 * Test hook (`RIPASSO_FAULT_FILE`), as in the classroom's store: while this file exists,
	 * writes fail with SQLite's own read-only error.
	 */
	faultFile?: string;
}

const SUMMARY = 'id, title, author, source_url, words, created_at';

const fromRow = (row: Record<string, unknown>): TextRow => ({
	id: row.id as string,
	ownerHash: row.owner_hash as string,
	title: row.title as string,
	author: row.author as string,
	sourceUrl: (row.source_url as string | null) ?? null,
	body: row.body as string,
	hash: row.hash as string,
	words: row.words as number,
	createdAt: row.created_at as number
});

const summaryOf = (row: Record<string, unknown>): TextSummary => ({
	id: row.id as string,
	title: row.title as string,
	author: row.author as string,
	sourceUrl: (row.source_url as string | null) ?? null,
	words: row.words as number,
	createdAt: row.created_at as number
});

/**
 * Opens (creating the folder and the schema if needed) the SQLite database of added texts. A file
 * that cannot be opened or migrated throws here, with the reason; once open, every failure of
 * the store is a `StorageError`.
 *
 * @param file a path, or `:memory:` for tests
 */
export function openSqliteTextStore(
	file = join(dataDir(), 'texts.sqlite'),
	{ faultFile = process.env.RIPASSO_FAULT_FILE }: TextStoreOptions = {}
): TextStore {
	const db = openDatabase(file, 'texts', MIGRATIONS);

	const insert = db.prepare(
		`INSERT INTO texts (id, owner_hash, title, author, source_url, body, hash, words, created_at)
		 VALUES (@id, @ownerHash, @title, @author, @sourceUrl, @body, @hash, @words, @createdAt)
		 ON CONFLICT (owner_hash, hash) DO NOTHING`
	);
	const select = db.prepare('SELECT * FROM texts WHERE id = ?');
	const selectByHash = db.prepare('SELECT * FROM texts WHERE owner_hash = ? AND hash = ?');
	const selectOwned = db.prepare(
		`SELECT ${SUMMARY} FROM texts WHERE owner_hash = ? ORDER BY created_at DESC, id`
	);
	const countOwned = db.prepare('SELECT COUNT(*) AS n FROM texts WHERE owner_hash = ?');
	const remove = db.prepare('DELETE FROM texts WHERE id = ? AND owner_hash = ?');
	const removeEdits = db.prepare('DELETE FROM edits WHERE text_id = ?');
	const selectEdits = db.prepare(
		'SELECT kind, target, edit, updated_at FROM edits WHERE text_id = ? ORDER BY created_at, target'
	);
	const upsertEdit = db.prepare(
		`INSERT INTO edits (text_id, kind, target, edit, created_at, updated_at)
		 VALUES (@textId, @kind, @target, @edit, @updatedAt, @updatedAt)
		 ON CONFLICT (text_id, kind, target) DO UPDATE SET edit = @edit, updated_at = @updatedAt`
	);
	const deleteEdit = db.prepare('DELETE FROM edits WHERE text_id = ? AND kind = ? AND target = ?');
	// A text and its edits go together, or neither does.
	const deleteText = db.transaction((id: string, ownerHash: string) => {
		if (remove.run(id, ownerHash).changes !== 1) return false;
		removeEdits.run(id);
		return true;
	});

	const store: TextStore = {
		add: (row) => insert.run(row).changes === 1,
		get(id) {
			const row = select.get(id) as Record<string, unknown> | undefined;
			return row && fromRow(row);
		},
		findByHash(ownerHash, hash) {
			const row = selectByHash.get(ownerHash, hash) as Record<string, unknown> | undefined;
			return row && fromRow(row);
		},
		ownedBy: (ownerHash) =>
			(selectOwned.all(ownerHash) as Record<string, unknown>[]).map(summaryOf),
		summaries(ids) {
			if (ids.length === 0) return [];
			const rows = db
				.prepare(`SELECT ${SUMMARY} FROM texts WHERE id IN (${ids.map(() => '?').join(', ')})`)
				.all(...ids) as Record<string, unknown>[];
			const byId = new Map(rows.map((row) => [row.id as string, summaryOf(row)]));
			return ids.flatMap((id) => byId.get(id) ?? []);
		},
		countOwnedBy: (ownerHash) => (countOwned.get(ownerHash) as { n: number }).n,
		delete: (id, ownerHash) => deleteText(id, ownerHash),
		edits: (textId) =>
			(selectEdits.all(textId) as Record<string, unknown>[]).map((row) => ({
				kind: row.kind as StoredEdit['kind'],
				target: row.target as string,
				edit: JSON.parse(row.edit as string) as unknown,
				updatedAt: row.updated_at as number
			})),
		putEdit(textId, { kind, target, edit, updatedAt }) {
			upsertEdit.run({ textId, kind, target, edit: JSON.stringify(edit), updatedAt });
		},
		removeEdit: (textId, kind, target) => deleteEdit.run(textId, kind, target).changes === 1,
		close: () => db.close()
	};
	return guardedStore(store, { db, name: 'texts', writes: WRITES, faultFile });
}

const WRITES = new Set<keyof TextStore>(['add', 'delete', 'putEdit', 'removeEdit']);
