/**
 * The progress database's shape and how each version of it becomes the next. Kept apart from the
 * store so that the history of the schema reads in one place.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { legacyReviewUid } from '$lib/sync/review-id';
import {
	legacyStateRecordSchema,
	type MarkRecord,
	type PickRecord,
	type ReviewRecord,
	type StateRecord,
	type UndoneRecord,
	type WordRecord
} from './records';

export interface ProgressDB extends DBSchema {
	states: { key: string; value: StateRecord };
	reviews: {
		key: number;
		value: ReviewRecord;
		indexes: { reviewedAt: string; cardId: string; uid: string };
	};
	meta: { key: string; value: { key: string; value: unknown } };
	words: { key: string; value: WordRecord };
	picks: { key: string; value: PickRecord };
	marks: { key: string; value: MarkRecord };
	undone: { key: number; value: UndoneRecord; indexes: { uid: string } };
}

export type StoreName = 'states' | 'reviews' | 'meta' | 'words' | 'picks' | 'marks' | 'undone';
export const ALL_STORES: StoreName[] = [
	'states',
	'reviews',
	'meta',
	'words',
	'picks',
	'marks',
	'undone'
];

type UpgradeTx = IDBPTransaction<ProgressDB, StoreName[], 'versionchange'>;
type Migration = (db: IDBPDatabase<ProgressDB>, tx: UpgradeTx) => void | Promise<void>;

/**
 * Schema migrations, one per version, applied in order from the stored version. Never edit a
 * released one: add the next. v1: states and the review log. v2: settings in a `meta` store and
 * a card index on the log (undo and per-card history). v3: the learner's marks on words (`words`:
 * known, or to study next). v4: cards picked to study first (`picks`, from a classroom quiz).
 * v5: a state's FSRS memory state is `memory`, not `card` (the app's name for what is reviewed).
 * v6: the learner's marks on cards (`marks`: suspended, buried until a day, flagged).
 * v7: each review has a `uid`, the same on every device (the key is a per-device counter, so two
 * devices' reviews 1, 2, 3 … collide), unique in the log: merges and sync compare it.
 * v8: reviews undone (`undone`, by the review's `uid`), so that sync does not bring them back;
 * keyed by a per-device counter as the log is, for the push cursor.
 * A migration that rewrites records returns a promise: the upgrade waits for it, and a failure
 * aborts the whole upgrade, so the database stays at its old version, untouched.
 */
export const MIGRATIONS: Migration[] = [
	(db) => {
		db.createObjectStore('states', { keyPath: 'id' });
		const reviews = db.createObjectStore('reviews', { keyPath: 'id', autoIncrement: true });
		reviews.createIndex('reviewedAt', 'reviewedAt');
	},
	(db, tx) => {
		db.createObjectStore('meta', { keyPath: 'key' });
		tx.objectStore('reviews').createIndex('cardId', 'cardId');
	},
	(db) => {
		db.createObjectStore('words', { keyPath: 'id' });
	},
	(db) => {
		db.createObjectStore('picks', { keyPath: 'id' });
	},
	async (_db, tx) => {
		// Records that were unreadable before stay as they are: still kept, reported, unused.
		let cursor = await tx.objectStore('states').openCursor();
		while (cursor) {
			const legacy = legacyStateRecordSchema.safeParse(cursor.value);
			if (legacy.success) await cursor.update(legacy.data as StateRecord);
			cursor = await cursor.continue();
		}
	},
	(db) => {
		db.createObjectStore('marks', { keyPath: 'id' });
	},
	async (_db, tx) => {
		const reviews = tx.objectStore('reviews');
		// Ids from content (card and instant), so an old backup of this device matches what it has.
		// Two old reviews of a card in the same millisecond both stay, the second with its key added.
		const seen = new Set<string>();
		let cursor = await reviews.openCursor();
		while (cursor) {
			const value = cursor.value as Partial<ReviewRecord>;
			const readable =
				typeof value.cardId === 'string' &&
				typeof value.reviewedAt === 'string' &&
				!Number.isNaN(Date.parse(value.reviewedAt));
			if (readable && !value.uid) {
				let uid = legacyReviewUid(value as ReviewRecord);
				if (seen.has(uid)) uid = `${uid}~${cursor.primaryKey}`;
				seen.add(uid);
				await cursor.update({ ...(value as ReviewRecord), uid });
			}
			cursor = await cursor.continue();
		}
		reviews.createIndex('uid', 'uid', { unique: true });
	},
	(db) => {
		const undone = db.createObjectStore('undone', { keyPath: 'id', autoIncrement: true });
		undone.createIndex('uid', 'uid', { unique: true });
	}
];

export const DB_VERSION = MIGRATIONS.length;
