/**
 * The id a review keeps on every device. The log's own key is a per-device auto-increment number
 * (1, 2, 3 … on each phone and laptop alike), so it cannot tell two devices' reviews apart; `uid`
 * can, and it is what merges, imports and sync compare.
 */
import type { ReviewLog } from '$lib/srs/scheduler';

/** Fills `bytes` with random values (the browser's `crypto.getRandomValues`; a seeded one in tests). */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A new review's id: 128 random bits in 22 URL-safe characters (`r-` first). Made from
 * `getRandomValues`, not `randomUUID`, which browsers offer only on HTTPS: phones that join a
 * class over the school network load the app over plain HTTP.
 */
export function newReviewUid(random: RandomBytes = (b) => crypto.getRandomValues(b)): string {
	const bytes = random(new Uint8Array(16));
	let out = 'r-';
	// 16 bytes = 128 bits: 21 characters of 6 bits and a last one of 2.
	let bits = 0;
	let value = 0;
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			out += ALPHABET[(value >> bits) & 63];
		}
	}
	if (bits > 0) out += ALPHABET[(value << (6 - bits)) & 63];
	return out;
}

/**
 * The id of a review written before reviews had one (storage before version 6, older backups):
 * made from what the review is (its card and its instant), so the same old review gets the same id
 * on every device and in every backup, and importing a backup of this device into itself adds
 * nothing. Two ratings of one card in the same millisecond are one review (the double-tap case).
 */
export function legacyReviewUid(review: Pick<ReviewLog, 'cardId' | 'reviewedAt'>): string {
	return `l-${new Date(review.reviewedAt).toISOString()}-${review.cardId}`;
}
