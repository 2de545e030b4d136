/**
 * What every SQLite store of the server shares (the classroom's, the added texts'): where the data
 * lives, opening a file with its schema migrations, the one `StorageError` every failing method
 * throws, and the test hook that makes the disk refuse writes.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A store method failed (disk full, read-only file, damaged database): the change did not happen. */
export class StorageError extends Error {
	constructor(
		readonly operation: string,
		cause: unknown
	) {
		super(`Storage failed (${operation}): ${(cause as Error)?.message ?? cause}`, { cause });
		this.name = 'StorageError';
	}
}

/** Where the databases live: `RIPASSO_DATA_DIR`, or `data/` in the working folder. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.RIPASSO_DATA_DIR || join(process.cwd(), 'data');
}

/**
 * Opens a database file (creating its folder), in WAL mode, and applies its migrations in order
 * from the stored `user_version`, all in one transaction. Throws, with the reason, when the file
 * cannot be opened or is from a newer schema.
 *
 * @param file a path, or `:memory:` for tests
 * @param name what the database holds, for the error message ("classroom", "texts")
 */
export function openDatabase(
	file: string,
	name: string,
	migrations: readonly string[],
	{ foreignKeys = false } = {}
): Database.Database {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL'); // readers never wait for the writer
	db.pragma('synchronous = NORMAL'); // durable at each checkpoint; safe with WAL
	if (foreignKeys) db.pragma('foreign_keys = ON');
	const version = db.pragma('user_version', { simple: true }) as number;
	if (version > migrations.length) {
		db.close();
		throw new Error(`The ${name} database is from a newer Ripasso (schema ${version}).`);
	}
	db.transaction(() => {
		for (let v = version; v < migrations.length; v++) db.exec(migrations[v]);
		db.pragma(`user_version = ${migrations.length}`);
	})();
	return db;
}

/**
 * The store with every method's failure turned into a `StorageError` (one inside a transaction
 * passes through as it is, so the transaction rolls back and reports it once). Before each of
 * `writes`, the fault hook: while `faultFile` exists (tests only), the connection refuses writes
 * as a full or read-only disk would.
 */
export function guardedStore<T extends object>(
	store: T,
	{
		db,
		name,
		writes,
		faultFile
	}: { db: Database.Database; name: string; writes: ReadonlySet<keyof T>; faultFile?: string }
): T {
	let faulty = false;
	const beforeWrite = faultFile
		? () => {
				const now = existsSync(faultFile);
				if (now !== faulty) db.pragma(`query_only = ${now ? 1 : 0}`);
				faulty = now;
			}
		: () => {};
	const wrapped = {} as Record<string, unknown>;
	for (const [key, method] of Object.entries(store) as [keyof T & string, unknown][]) {
		const call = method as (...args: unknown[]) => unknown;
		wrapped[key] = (...args: unknown[]) => {
			try {
				if (writes.has(key)) beforeWrite();
				return call(...args);
			} catch (error) {
				throw error instanceof StorageError ? error : new StorageError(`${name}.${key}`, error);
			}
		};
	}
	return wrapped as T;
}
