/**
 * One sync of this device with its key's log on the server: push what is new here, pull what is
 * new there, merge it in (the same union and replay as an import). Safe to repeat and to break off
 * at any point: the server adds an entry once, the merge adds a review once, and the cursors only
 * move forward after what they cover is stored.
 */
import type { Progress } from '$lib/storage/progress.svelte';
import { z } from 'zod';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	markRecordSchema,
	reviewRecordSchema,
	undoneRecordSchema,
	withUid,
	wordRecordSchema,
	type MarkRecord,
	type WordRecord
} from '$lib/storage/records';
import {
	type EntryKind,
	MAX_PUSH_REVIEWS,
	type PullResult,
	type PushInput,
	type PushResult,
	type SyncError
} from './contracts';
import type { LoggedReview, Undone } from './merge';
import { mergeSettings, stampChanges, type SettingsField, type StampedSettings } from './settings';

/** Word marks, card marks and undone reviews per push (2,000 of each are about 0.5 MB). */
const SMALL_RECORDS = 2000;

/** What a device remembers between syncs. */
export interface SyncState {
	key: string;
	/** The server log's sequence number up to which this device has pulled. */
	cursor: number;
	/** This device's review keys up to which it has pushed (they only grow). */
	pushedThrough: number;
	/** The same for undone reviews (absent in what was stored before undos were synced). */
	undonePushedThrough?: number;
	/** The settings as last synced, with the instant each field changed. */
	settings: StampedSettings | null;
}

/** The server as the device sees it (`httpApi` in the app; the service itself in tests). */
export interface SyncApi {
	create(key: string): Promise<void>;
	push(key: string, input: PushInput): Promise<PushResult>;
	/** `more`: kinds beyond the first ones (`FIRST_KINDS`) to pull too. */
	pull(key: string, since: number, more?: readonly EntryKind[]): Promise<PullResult>;
}

/** The server refused, or could not be reached (`offline`). */
export class SyncFailure extends Error {
	name = 'SyncFailure';
	constructor(
		readonly code: SyncError['code'] | 'offline',
		message: string
	) {
		super(message);
	}
}

export interface SyncReport {
	state: SyncState;
	pushed: number;
	pulled: number;
	/** Settings fields another device changed later than this one, now taken from it. */
	settingsFromOther: SettingsField[];
}

/** Pushes this device's new entries and pulls the others', merging them into `progress`. */
export async function syncOnce(
	progress: Progress,
	api: SyncApi,
	state: SyncState,
	now: Date
): Promise<SyncReport> {
	const fresh = progress.reviews.filter((r) => (r.id ?? 0) > state.pushedThrough);
	const undoneThrough = state.undonePushedThrough ?? 0;
	const freshUndone = progress.undone.filter((u) => (u.id ?? 0) > undoneThrough);
	const stamped = stampChanges(
		state.settings ?? { settings: progress.settings, changedAt: {} },
		progress.settings,
		now
	);
	let pushedThrough = state.pushedThrough;
	let undonePushedThrough = undoneThrough;
	let pushed = 0;
	// The reviews in pushes of their own; the rest (small records) after them, a few thousand at a
	// time, so that no push passes the server's limits (`MAX_PUSH_REVIEWS`, `MAX_PUSH_BYTES`).
	for (let i = 0; i < fresh.length; i += MAX_PUSH_REVIEWS) {
		const part = fresh.slice(i, i + MAX_PUSH_REVIEWS);
		pushed += (await api.push(state.key, { reviews: part.map((r) => portable(withUid(r))) })).added;
		for (const r of part) pushedThrough = Math.max(pushedThrough, r.id ?? 0);
	}
	const words = [...progress.words.values()];
	const marks = [...progress.marks.values()];
	const longest = Math.max(words.length, marks.length, freshUndone.length);
	for (let i = 0; i === 0 || i < longest; i += SMALL_RECORDS) {
		const undonePart = freshUndone.slice(i, i + SMALL_RECORDS);
		await api.push(state.key, {
			reviews: [],
			...(i === 0 ? { settings: stamped } : {}),
			words: words.slice(i, i + SMALL_RECORDS),
			marks: marks.slice(i, i + SMALL_RECORDS),
			...(undonePart.length
				? { undone: undonePart.map(({ uid, cardId, at }) => ({ uid, cardId, at })) }
				: {})
		});
		for (const u of undonePart) undonePushedThrough = Math.max(undonePushedThrough, u.id ?? 0);
	}

	const reviews: LoggedReview[] = [];
	const undone: Undone[] = [];
	const pulledWords: WordRecord[] = [];
	const pulledMarks: MarkRecord[] = [];
	let settings = stamped;
	const settingsFromOther = new Set<SettingsField>();
	let cursor = state.cursor;
	for (let more = true; more;) {
		const page = await api.pull(state.key, cursor, ['undone', 'mark']);
		for (const entry of page.entries) {
			// Checked as a backup's records are: an entry that does not pass is left out, never stored.
			if (entry.kind === 'review') keep(pulledReviewSchema, entry.body, reviews);
			else if (entry.kind === 'word') keep(wordRecordSchema, entry.body, pulledWords);
			else if (entry.kind === 'undone') keep(undoneRecordSchema, entry.body, undone);
			else if (entry.kind === 'mark') keep(markRecordSchema, entry.body, pulledMarks);
			else if (entry.kind === 'settings') {
				const merge = mergeSettings(settings, entry.body as StampedSettings);
				settings = merge.merged;
				for (const field of merge.fromOther) settingsFromOther.add(field);
			}
		}
		cursor = page.cursor;
		more = page.more;
	}
	// Nothing pulled, nothing written: an open study session is left alone.
	const result =
		reviews.length || pulledWords.length || undone.length || pulledMarks.length
			? await progress.importBackup(
					{
						format: BACKUP_FORMAT,
						version: BACKUP_VERSION,
						exportedAt: now.toISOString(),
						settings: progress.settings,
						states: [],
						reviews,
						words: pulledWords,
						picks: [],
						undone,
						marks: pulledMarks
					},
					'merge'
				)
			: { newReviews: 0 };
	if (JSON.stringify(settings.settings) !== JSON.stringify(progress.settings)) {
		await progress.saveSettings(settings.settings);
	}
	pushedThrough = pastPulled(progress.reviews, pushedThrough, new Set(reviews.map((r) => r.uid)));
	undonePushedThrough = pastPulled(
		progress.undone,
		undonePushedThrough,
		new Set(undone.map((u) => u.uid))
	);
	return {
		state: { ...state, cursor, pushedThrough, undonePushedThrough, settings },
		pushed,
		pulled: result.newReviews,
		settingsFromOther: [...settingsFromOther]
	};
}

/**
 * The push cursor moved past the reviews that came from the server: stored here after the last
 * push, they got higher keys, and without this every sync would send them back. It stops at the
 * first review made here that is not pushed yet.
 */
export function pastPulled(
	reviews: readonly { id?: number; uid?: string }[],
	pushedThrough: number,
	pulled: ReadonlySet<string>
): number {
	const after = reviews
		.filter((r) => (r.id ?? 0) > pushedThrough)
		.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
	let through = pushedThrough;
	for (const review of after) {
		if (!review.uid || !pulled.has(review.uid)) break;
		through = review.id ?? through;
	}
	return through;
}

const pulledReviewSchema = reviewRecordSchema.extend({ uid: z.string().min(1).max(400) });

function keep<T>(schema: z.ZodType<T>, body: unknown, into: unknown[]): void {
	const parsed = schema.safeParse(body);
	if (parsed.success) into.push(parsed.data);
}

function portable(review: LoggedReview): Omit<LoggedReview, 'id'> {
	const copy = { ...review };
	delete copy.id;
	return copy;
}

/** A new sync key: 128 random bits in 26 base32 letters and digits. */
export function newSyncKey(random = (b: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(b)) {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	const bytes = random(new Uint8Array(17));
	let key = '';
	for (let i = 0; i < 26; i++) {
		// 5 bits at a time from the 136 bits drawn (130 used).
		const bit = i * 5;
		const word = (bytes[bit >> 3] << 8) | bytes[(bit >> 3) + 1];
		key += alphabet[(word >> (11 - (bit & 7))) & 31];
	}
	return key;
}

/** The key as the learner reads and types it: `abcde-fghij-…`, case and dashes ignored on entry. */
export const keyPhrase = (key: string) => key.match(/.{1,5}/gu)?.join('-') ?? key;
export const keyFromPhrase = (phrase: string) => phrase.toLowerCase().replace(/[^a-z2-7]/gu, '');

/** How long one request may take before it counts as the server being out of reach. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** The sync API over HTTP, with refusals as `SyncFailure`s carrying the server's message. */
export function httpApi(fetchFn: typeof fetch = fetch, base = '/api/sync'): SyncApi {
	async function call<T>(key: string, path: string, init: RequestInit = {}): Promise<T> {
		let response: Response;
		try {
			response = await fetchFn(`${base}${path}`, {
				// A request that hangs would hold the tabs' sync lock: it is given up, and tried later.
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
				...init,
				headers: {
					authorization: `Bearer ${key}`,
					'content-type': 'application/json',
					...init.headers
				}
			});
		} catch {
			throw new SyncFailure('offline', 'The server cannot be reached.');
		}
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			const error = body as Partial<SyncError>;
			throw new SyncFailure(error.code ?? 'bad-request', error.message ?? response.statusText);
		}
		return body as T;
	}
	return {
		create: (key) => call(key, '', { method: 'POST' }),
		push: (key, input) => call(key, '/push', { method: 'POST', body: JSON.stringify(input) }),
		pull: (key, since, more = []) =>
			call(key, `/pull?since=${since}${more.length ? `&with=${more.join(',')}` : ''}`)
	};
}
