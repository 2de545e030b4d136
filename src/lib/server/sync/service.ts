/**
 * Sync without accounts: whoever holds a sync key can push to and pull from its log. The server
 * knows a key only by its SHA-256, and checks what it stores: the reviews are for cards it serves,
 * dated no later than a day after its own clock, and never a different record under an id it has.
 */
import { createHash } from 'node:crypto';
import { validateSettings } from '$lib/srs/settings';
import {
	FIRST_KINDS,
	FUTURE_TOLERANCE_MS,
	PULL_PAGE,
	type EntryKind,
	type PullResult,
	type PushInput,
	type PushResult,
	type SyncError,
	type SyncErrorCode
} from '$lib/sync/contracts';
import { REVIEW_FIELDS } from '$lib/sync/merge';
import type { NewEntry, SyncStore } from './store';

/** A refused request: its HTTP status and what to tell the device. */
export interface SyncRefusal {
	status: number;
	error: SyncError;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: SyncRefusal };

const refused = (status: number, code: SyncErrorCode, message: string): Outcome<never> => ({
	ok: false,
	refusal: { status, error: { code, message } }
});

/** What the store is given instead of the key. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
const hashBody = (body: string) => createHash('sha256').update(body).digest('base64url');

export class SyncService {
	constructor(
		readonly store: SyncStore,
		/** Whether a card id is one the server serves (curated or of an added text). */
		readonly cardExists: (id: string) => boolean
	) {}

	/** Starts the log of a new key (a key that already has one is fine: the same key again). */
	async create(key: string, now: number): Promise<Outcome<{ created: boolean }>> {
		const hash = hashKey(key);
		if ((await this.store.status(hash)) === 'revoked') return revokedRefusal();
		return { ok: true, value: { created: await this.store.create(hash, now) } };
	}

	async revoke(key: string, now: number): Promise<Outcome<null>> {
		const check = await this.#active(key);
		if (!check.ok) return check;
		await this.store.revoke(check.value, now);
		return { ok: true, value: null };
	}

	/**
	 * Appends a device's new reviews, undone reviews, settings, word and card marks: all, or none
	 * with the reason.
	 */
	async push(key: string, input: PushInput, now: number): Promise<Outcome<PushResult>> {
		const check = await this.#active(key);
		if (!check.ok) return check;
		const entries: NewEntry[] = [];
		for (const review of input.reviews) {
			const refusal = this.#unfit(review.cardId, review.reviewedAt, now, 'A review');
			if (refusal) return refusal;
			// Fields in one order, so the same review is the same body however it was sent.
			const body = JSON.stringify(review, REVIEW_FIELDS as string[]);
			entries.push({ kind: 'review', id: review.uid, body });
		}
		for (const undone of input.undone ?? []) {
			const refusal = this.#unfit(undone.cardId, undone.at, now, 'An undo');
			if (refusal) return refusal;
			const body = JSON.stringify({ uid: undone.uid, cardId: undone.cardId, at: undone.at });
			entries.push({ kind: 'undone', id: undone.uid, body });
		}
		if (input.settings) {
			try {
				validateSettings(input.settings.settings);
			} catch (error) {
				return refused(
					400,
					'bad-request',
					`The settings cannot be used: ${(error as Error).message}`
				);
			}
			const body = JSON.stringify(input.settings);
			entries.push({ kind: 'settings', id: hashBody(body), body });
		}
		for (const mark of input.marks ?? []) {
			const stamps = Object.values(mark.changedAt ?? {});
			for (const at of stamps.length ? stamps : [new Date(now).toISOString()]) {
				const refusal = this.#unfit(mark.id, at, now, 'A card mark');
				if (refusal) return refusal;
			}
			const body = JSON.stringify(mark);
			entries.push({ kind: 'mark', id: hashBody(body), body });
		}
		for (const word of input.words ?? []) {
			const body = JSON.stringify(word);
			entries.push({ kind: 'word', id: hashBody(body), body });
		}
		const result = await this.store.append(check.value, entries, now);
		if (result.clashes.length) {
			return refused(
				409,
				'tampered',
				`The log already holds a different review with the id ${result.clashes[0]}: this push was changed on the way or on the device. Nothing was stored.`
			);
		}
		return { ok: true, value: { added: result.addedReviews, cursor: result.cursor } };
	}

	/**
	 * The log's entries after `since`, a page at a time: of the first kinds, and of the kinds in
	 * `more` (a client from before a kind existed would misread it, so it only gets it by asking).
	 */
	async pull(
		key: string,
		since: number,
		more: readonly EntryKind[] = []
	): Promise<Outcome<PullResult>> {
		const check = await this.#active(key);
		if (!check.ok) return check;
		const kinds = [...new Set([...FIRST_KINDS, ...more])];
		const rows = await this.store.since(check.value, since, PULL_PAGE + 1, kinds);
		const page = rows.slice(0, PULL_PAGE);
		return {
			ok: true,
			value: {
				entries: page.map((row) => ({ seq: row.seq, kind: row.kind, body: JSON.parse(row.body) })),
				cursor: page.at(-1)?.seq ?? since,
				more: rows.length > PULL_PAGE
			}
		};
	}

	/** Why a record for `cardId` dated `at` is refused, or `null` when it is fine. */
	#unfit(cardId: string, at: string, now: number, what: string): Outcome<never> | null {
		if (!this.cardExists(cardId)) {
			return refused(
				422,
				'unknown-card',
				`${what} is for a card this server does not know (${cardId}): nothing was stored. Your reviews stay on this device.`
			);
		}
		if (Date.parse(at) > now + FUTURE_TOLERANCE_MS) {
			return refused(
				422,
				'future-review',
				`${what} is dated ${at}, more than a day ahead of the server's clock: check this device's date and time. Nothing was stored; your reviews stay on this device.`
			);
		}
		return null;
	}

	async #active(key: string): Promise<Outcome<string>> {
		const hash = hashKey(key);
		const status = await this.store.status(hash);
		if (status === 'unknown') {
			return refused(
				401,
				'unknown-key',
				'This sync key is not known here: check the phrase, or create a new key on this device.'
			);
		}
		if (status === 'revoked') return revokedRefusal();
		return { ok: true, value: hash };
	}
}

function revokedRefusal(): Outcome<never> {
	return refused(
		410,
		'revoked-key',
		'This sync key was revoked: its log is deleted. Create a new key to sync again.'
	);
}
