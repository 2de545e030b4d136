/**
 * What the sync API takes and answers, shared by the server's routes and the device. One schema per
 * action; a refusal carries a stable `code` for the device and a `message` for the person.
 */
import { z } from 'zod';
import {
	markRecordSchema,
	reviewRecordSchema,
	undoneRecordSchema,
	wordRecordSchema
} from '$lib/storage/records';

/** A sync key: 128 random bits in 26 letters and digits of base32, as the device made it. */
export const syncKeySchema = z.string().regex(/^[a-z2-7]{26}$/u, 'not a sync key');

/** The most reviews one push may carry; a device with more sends them in several pushes. */
export const MAX_PUSH_REVIEWS = 5000;
/** The largest push body: 5,000 reviews are about 1.5 MB. */
export const MAX_PUSH_BYTES = 2_000_000;
/** How far ahead of the server's clock a review may be dated (time zones are in the offset already). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60_000;
/** The most entries one pull returns; the device pulls again from the cursor until `more` is false. */
export const PULL_PAGE = 5000;

export const pushSchema = z.object({
	reviews: z
		.array(reviewRecordSchema.omit({ id: true }).extend({ uid: z.string().min(1).max(400) }))
		.max(MAX_PUSH_REVIEWS),
	settings: z
		.object({ settings: z.unknown(), changedAt: z.record(z.string(), z.string()) })
		.optional(),
	words: z.array(wordRecordSchema).max(MAX_PUSH_REVIEWS).optional(),
	/** Reviews undone (absent from clients before tombstones: they still push as they did). */
	undone: z
		.array(undoneRecordSchema.omit({ id: true }))
		.max(MAX_PUSH_REVIEWS)
		.optional(),
	/** Card marks, with the instant each field changed (absent from older clients too). */
	marks: z.array(markRecordSchema).max(MAX_PUSH_REVIEWS).optional()
});
export type PushInput = z.infer<typeof pushSchema>;

/** The kinds of entry a log holds. */
export const ENTRY_KINDS = ['review', 'settings', 'word', 'undone', 'mark'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** What a pull returns unless asked for more: what the first clients knew, and nothing they would misread. */
export const FIRST_KINDS: readonly EntryKind[] = ['review', 'settings', 'word'];

export const pullSchema = z.object({
	since: z.coerce.number().int().min(0).default(0),
	/** `?with=undone,mark`: kinds beyond the first ones that this client understands. */
	with: z
		.string()
		.max(200)
		.default('')
		.transform((list) => list.split(',').filter(Boolean))
		.pipe(z.array(z.enum(ENTRY_KINDS)).max(ENTRY_KINDS.length))
});

export type SyncErrorCode =
	| 'bad-request'
	| 'too-large'
	| 'unknown-key'
	| 'revoked-key'
	| 'unknown-card'
	| 'future-review'
	| 'tampered';

export interface SyncError {
	code: SyncErrorCode;
	message: string;
}

/** One entry of a key's log, as pulled: its place in the log, what it is, and its record. */
export interface SyncEntry {
	seq: number;
	kind: EntryKind;
	body: unknown;
}

export interface PushResult {
	/** Reviews new to the server's log; the others it already had. */
	added: number;
	cursor: number;
}

export interface PullResult {
	entries: SyncEntry[];
	cursor: number;
	more: boolean;
}
