/**
 * What progress looks like on disk (IndexedDB) and in a backup file, checked with schemas on the
 * way in: storage written by an older version, by hand or by another app must never crash a page.
 */
import { z } from 'zod';
import { TRACKS } from '$lib/cards/types';
import { RATINGS, State, type CardState, type ReviewLog } from '$lib/srs/scheduler';
import { SettingsError, validateSettings, type SrsSettings } from '$lib/srs/settings';
import { FLAGS, type CardMark } from '$lib/srs/marks';
import { reviewContent } from '$lib/sync/merge';
import { legacyReviewUid } from '$lib/sync/review-id';

const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
const count = z.number().int().min(0);
const track = z.enum(TRACKS);
const fsrsState = z.enum(State);

/** A card's FSRS memory state (`MemoryState`), checked. */
export const memoryStateSchema = z.object({
	due: isoDate,
	stability: z.number().finite().min(0),
	difficulty: z.number().finite().min(0),
	elapsed_days: count,
	scheduled_days: count,
	learning_steps: count,
	reps: count,
	lapses: count,
	state: fsrsState,
	last_review: isoDate.nullable()
});

/** A card's state as stored: the scheduler's `CardState` plus where the card belongs. */
export const stateRecordSchema = z.object({
	id: z.string().min(1).max(300),
	track,
	article: z.string().min(1).max(100),
	memory: memoryStateSchema
});

export const reviewRecordSchema = z.object({
	id: z.number().int().positive().optional(),
	/**
	 * The review's id on every device (`id` is this device's storage key). Records written before
	 * it existed are given one from their content when read (`withUid`).
	 */
	uid: z.string().min(1).max(400).optional(),
	cardId: z.string().min(1).max(300),
	track,
	article: z.string().min(1).max(100),
	rating: z.enum(RATINGS),
	reviewedAt: isoDate,
	previousState: fsrsState,
	previousDue: isoDate,
	elapsedDays: count,
	scheduledDays: count,
	stability: z.number().finite(),
	difficulty: z.number().finite()
});

/** A learner's mark on a vocabulary entry: already known, or to be studied next. */
export const wordRecordSchema = z.object({
	id: z.string().min(1).max(300),
	status: z.enum(['known', 'next']),
	at: isoDate
});

export type WordRecord = z.infer<typeof wordRecordSchema>;

/**
 * A card the learner chose to study first (from a classroom quiz): introduced before the other
 * new cards of its track. `from` says where it was picked (`class:482913`).
 */
export const pickRecordSchema = z.object({
	id: z.string().min(1).max(300),
	from: z.string().min(1).max(100),
	at: isoDate
});

export type PickRecord = z.infer<typeof pickRecordSchema>;

/** A learner's marks on a card from the card browser: suspended, buried until a day, flagged. */
export const markRecordSchema = z.object({
	id: z.string().min(1).max(300),
	track,
	suspended: z.boolean(),
	buriedUntil: z.number().int().nullable(),
	flag: z.enum(FLAGS).nullable(),
	/** When each field was last changed (marks made before sync of marks have none). */
	changedAt: z
		.object({
			suspended: isoDate.optional(),
			buriedUntil: isoDate.optional(),
			flag: isoDate.optional()
		})
		.optional()
});

export type MarkRecord = CardMark & z.infer<typeof markRecordSchema>;

/**
 * A review taken back (undone) after it may have left this device: kept, and synced like a
 * review, so that the review does not come back from the server or from another device. `id` is
 * this device's storage key (what the push cursor counts), `uid` the undone review's id.
 */
export const undoneRecordSchema = z.object({
	id: z.number().int().positive().optional(),
	uid: z.string().min(1).max(400),
	cardId: z.string().min(1).max(300),
	at: isoDate
});

export type UndoneRecord = z.infer<typeof undoneRecordSchema>;
export type WordMark = WordRecord['status'];

export type StateRecord = CardState & z.infer<typeof stateRecordSchema>;
export type ReviewRecord = ReviewLog & z.infer<typeof reviewRecordSchema>;

/** A review with its `uid`, given one from its content when it was written without. */
export function withUid<T extends ReviewRecord>(review: T): T & { uid: string } {
	return review.uid ? (review as T & { uid: string }) : { ...review, uid: legacyReviewUid(review) };
}

/**
 * A state as written before the memory state had its own name: storage before version 5 and
 * backups of version 1 called it `card`, which is also the app's name for what is reviewed.
 * Read as it was written (a damaged one is named by its own fields), then renamed.
 */
export const legacyStateRecordSchema = stateRecordSchema
	.omit({ memory: true })
	.extend({ card: memoryStateSchema })
	.transform(({ card, ...where }) => ({ ...where, memory: card }));

export const BACKUP_FORMAT = 'ripasso-progress';
/**
 * The version written: 3 adds the cards' marks (suspended, buried, flagged); 2 named a state's
 * memory `memory`. Versions 1 (`card`) and 2 are still read.
 */
export const BACKUP_VERSION = 3;

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	exportedAt: string;
	settings: SrsSettings;
	states: StateRecord[];
	reviews: ReviewRecord[];
	/** Optional: backups made before words could be marked have none. */
	words?: WordRecord[];
	/** Optional: backups made before classroom quizzes have none. */
	picks?: PickRecord[];
	/** Optional: backups made before the card browser (version 2 and older) have none. */
	marks?: MarkRecord[];
	/** Optional: reviews undone (older backups and Ripassos have none; they ignore it). */
	undone?: UndoneRecord[];
}

const backupFields = {
	format: z.literal(BACKUP_FORMAT),
	exportedAt: isoDate,
	settings: z.unknown(),
	reviews: z.array(reviewRecordSchema),
	words: z.array(wordRecordSchema).optional(),
	picks: z.array(pickRecordSchema).optional()
};

/** The backup schema of each version that can be read; all of them give today's records. */
const BACKUP_SCHEMAS = {
	1: z.object({ ...backupFields, version: z.literal(1), states: z.array(legacyStateRecordSchema) }),
	2: z.object({ ...backupFields, version: z.literal(2), states: z.array(stateRecordSchema) }),
	3: z.object({
		...backupFields,
		version: z.literal(3),
		states: z.array(stateRecordSchema),
		marks: z.array(markRecordSchema).optional(),
		undone: z.array(undoneRecordSchema).optional()
	})
} as const;

const readsVersion = (version: unknown): version is keyof typeof BACKUP_SCHEMAS =>
	typeof version === 'number' && Object.hasOwn(BACKUP_SCHEMAS, version);

export type BackupProblem = 'too-large' | 'not-json' | 'foreign' | 'version' | 'damaged';

/**
 * A backup that cannot be imported: `problem` for the UI's own words; for damage, `path` says
 * where (`['reviews', 3, 'rating']`), `settings` what is wrong with the settings, and `detail` the
 * same in English for logs.
 */
export class BackupError extends Error {
	name = 'BackupError';
	constructor(
		readonly problem: BackupProblem,
		message: string,
		readonly detail = '',
		readonly path: readonly PropertyKey[] = [],
		readonly settings: SettingsError | null = null
	) {
		super(message);
	}
}

/** A backup as read: every review has its `uid`, and copies of one review are counted. */
export interface ParsedBackup extends Backup {
	reviews: (ReviewRecord & { uid: string })[];
	/** Reviews found more than once in the file (each is kept once), so the preview can say so. */
	repeatedReviews: number;
}

/** The largest backup accepted: about 400,000 reviews. */
export const MAX_BACKUP_BYTES = 100_000_000;

/**
 * Reads a backup file's text. All or nothing: one bad record refuses the whole file, so an import
 * never leaves progress half-replaced.
 *
 * @throws BackupError naming what is wrong
 */
export function parseBackup(text: string): ParsedBackup {
	if (text.length > MAX_BACKUP_BYTES)
		throw new BackupError('too-large', 'The file is too large to be a backup.');
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new BackupError('not-json', 'The file is not a Ripasso backup: it is not valid JSON.');
	}
	if ((data as { format?: unknown })?.format !== BACKUP_FORMAT) {
		throw new BackupError('foreign', 'The file is not a Ripasso backup.');
	}
	const version = (data as { version?: unknown }).version;
	if (!readsVersion(version)) {
		throw new BackupError(
			'version',
			'The backup was made by another version of Ripasso and cannot be read.'
		);
	}
	const parsed = BACKUP_SCHEMAS[version].safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const detail = `${issue.path.join('.')}: ${issue.message}`;
		throw new BackupError('damaged', `The backup is damaged (${detail}).`, detail, issue.path);
	}
	let settings: SrsSettings;
	try {
		settings = validateSettings(parsed.data.settings);
	} catch (error) {
		const detail = `settings: ${(error as Error).message}`;
		const cause = error instanceof SettingsError ? error : null;
		throw new BackupError(
			'damaged',
			`The backup is damaged (${detail}).`,
			detail,
			['settings'],
			cause
		);
	}
	const { reviews, repeated } = readReviews(parsed.data.reviews);
	return {
		...parsed.data,
		version: BACKUP_VERSION,
		settings,
		reviews,
		repeatedReviews: repeated
	} as ParsedBackup;
}

/**
 * A backup's reviews with their ids, each once. Exact copies are counted; two different reviews
 * under one id mean the file was edited or damaged, and refuse it (which one is right is unknown).
 */
function readReviews(raw: readonly ReviewRecord[]) {
	const byUid = new Map<string, string>();
	const reviews: (ReviewRecord & { uid: string })[] = [];
	let repeated = 0;
	raw.forEach((record, index) => {
		const review = withUid(record);
		const content = reviewContent(review);
		const had = byUid.get(review.uid);
		if (had === undefined) {
			byUid.set(review.uid, content);
			reviews.push(review);
		} else if (had === content) repeated++;
		else {
			const detail = `reviews.${index}.uid: another review has the id ${review.uid}`;
			throw new BackupError('damaged', `The backup is damaged (${detail}).`, detail, [
				'reviews',
				index,
				'uid'
			]);
		}
	});
	return { reviews, repeated };
}
