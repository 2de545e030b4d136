/**
 * The practice quiz's progress token: where a visitor is in a quiz (seed, question, score),
 * signed with HMAC-SHA256 so the browser can carry it in the URL (`?s=…`) and a reload, the back
 * button and pages without JavaScript keep working, yet neither the question nor the score can
 * be changed. It is bound to one visitor (their cookie) and one article, so a link taken from
 * someone else, or moved to another article, is refused.
 *
 * Layout (65 bytes, 87 characters of base64url):
 *
 * | bytes | field                                                                    |
 * | ----- | ------------------------------------------------------------------------ |
 * | 1     | version (2)                                                              |
 * | 4     | epoch: the server process that issued it (see `answers.ts`)              |
 * | 6     | sequence number of the token within that process: one per question shown |
 * | 6     | round: the sequence number of the round's first token (names the round)  |
 * | 8     | visitor tag: keyed hash of the visitor id (the id itself never leaves    |
 * |       | the cookie, so a shared link does not leak it)                           |
 * | 8     | article tag: keyed hash of the article slug                              |
 * | 4     | seed of the quiz (which cards, in which order)                           |
 * | 1     | track: 0 facts, 1 vocabulary                                             |
 * | 1     | size: how many questions were drawn                                      |
 * | 4     | pick: bit i set when drawn question i is in this round (a retry asks     |
 * |       | only the missed ones)                                                    |
 * | 4     | missed: bit i set when drawn question i was answered wrong in this round |
 * | 1     | index of the current question within the round                           |
 * | 1     | score so far                                                             |
 * | 16    | HMAC-SHA256 of all of the above, truncated to 128 bits                   |
 *
 * The tags sit inside the signed part rather than only in the MAC so that a refusal can say why
 * (another browser, another article) instead of one vague "invalid".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Track } from '$lib/cards/types';

const VERSION = 2;
const PAYLOAD_BYTES = 1 + 4 + 6 + 6 + 8 + 8 + 4 + 1 + 1 + 4 + 4 + 1 + 1;
const MAC_BYTES = 16;
const TAG_BYTES = 8;
const TOKEN_BYTES = PAYLOAD_BYTES + MAC_BYTES;
/** Most questions a quiz can draw: one bit each in `pick` and `missed`. */
export const MAX_QUESTIONS = 32;
const TRACK_CODES: readonly Track[] = ['facts', 'vocab'];

/** A token as it may appear in a URL: anything else is refused before any decoding. */
export const TokenSchema = z
	.string()
	.length(Math.ceil((TOKEN_BYTES * 4) / 3))
	.regex(/^[A-Za-z0-9_-]+$/);

/** Where a visitor is in one quiz. */
export interface QuizState {
	/** The server process that issued the token. */
	epoch: number;
	/** Unique per token within its epoch: names "this question of this quiz" for the answer log. */
	seq: number;
	/** The `seq` of the round's first token: the answer log finds a round's answers by it. */
	round: number;
	seed: number;
	track: Track;
	/** How many questions were drawn (1 to `MAX_QUESTIONS`). */
	size: number;
	/** Bit i: drawn question i is asked in this round (all of them, or the missed ones). */
	pick: number;
	/** Bit i: drawn question i was answered wrong in this round. */
	missed: number;
	/** The question being asked (0-based, within the round); the round's length once finished. */
	index: number;
	/** Questions answered right so far. */
	score: number;
}

/** What a token is bound to, and the key it is signed with. */
export interface TokenContext {
	key: Buffer;
	/** The visitor id from the visitor's httpOnly cookie. */
	visitor: string;
	/** The article's slug. */
	article: string;
}

export type TokenProblem = 'malformed' | 'tampered' | 'foreign' | 'other-article';

export type TokenCheck = { ok: true; state: QuizState } | { ok: false; problem: TokenProblem };

function mac(key: Buffer, payload: Buffer): Buffer {
	return createHmac('sha256', key)
		.update('ripasso:quiz-token:v1\0')
		.update(payload)
		.digest()
		.subarray(0, MAC_BYTES);
}

function tag(key: Buffer, kind: 'visitor' | 'article', value: string): Buffer {
	return createHmac('sha256', key)
		.update(`ripasso:quiz-${kind}:v1\0${value}`)
		.digest()
		.subarray(0, TAG_BYTES);
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_QUESTIONS;
const isWord = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
const is48 = (n: number) => Number.isSafeInteger(n) && n >= 0 && n < 2 ** 48;

/** Signs a quiz state for this visitor and article. */
export function signQuizToken(state: QuizState, context: TokenContext): string {
	const { epoch, seq, round, seed, track, size, pick, missed, index, score } = state;
	if (![epoch, seed, pick, missed].every(isWord)) {
		throw new RangeError('epoch, seed, pick and missed must be 32-bit unsigned integers');
	}
	if (!is48(seq) || !is48(round)) throw new RangeError('seq and round must fit in 48 bits');
	if (!isCount(size) || size === 0 || !isCount(index) || !isCount(score) || score > index) {
		throw new RangeError('size, index and score must be counts, with score ≤ index');
	}
	const payload = Buffer.alloc(PAYLOAD_BYTES);
	let at = payload.writeUInt8(VERSION, 0);
	at = payload.writeUInt32BE(epoch, at);
	at = payload.writeUIntBE(seq, at, 6);
	at = payload.writeUIntBE(round, at, 6);
	at += tag(context.key, 'visitor', context.visitor).copy(payload, at);
	at += tag(context.key, 'article', context.article).copy(payload, at);
	at = payload.writeUInt32BE(seed, at);
	at = payload.writeUInt8(TRACK_CODES.indexOf(track), at);
	at = payload.writeUInt8(size, at);
	at = payload.writeUInt32BE(pick, at);
	at = payload.writeUInt32BE(missed, at);
	at = payload.writeUInt8(index, at);
	payload.writeUInt8(score, at);
	return Buffer.concat([payload, mac(context.key, payload)]).toString('base64url');
}

/**
 * Reads a token back, checking in turn that it is well formed, signed by this server, issued to
 * this visitor and for this article.
 */
export function readQuizToken(token: unknown, context: TokenContext): TokenCheck {
	if (!TokenSchema.safeParse(token).success) return { ok: false, problem: 'malformed' };
	const bytes = Buffer.from(token as string, 'base64url');
	// Canonical form only: the last character carries 4 spare bits, and two spellings of one
	// token would be two URLs for the same question.
	if (bytes.length !== TOKEN_BYTES || bytes.toString('base64url') !== token) {
		return { ok: false, problem: 'malformed' };
	}
	const payload = bytes.subarray(0, PAYLOAD_BYTES);
	// Constant-time: a byte-by-byte comparison would let a patient client guess a MAC.
	if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), mac(context.key, payload))) {
		return { ok: false, problem: 'tampered' };
	}
	// Signed by us, so the fields are ours; only the binding is left to check.
	if (payload.readUInt8(0) !== VERSION) return { ok: false, problem: 'malformed' };
	const visitorTag = payload.subarray(17, 17 + TAG_BYTES);
	const articleTag = payload.subarray(25, 25 + TAG_BYTES);
	if (!visitorTag.equals(tag(context.key, 'visitor', context.visitor))) {
		return { ok: false, problem: 'foreign' };
	}
	if (!articleTag.equals(tag(context.key, 'article', context.article))) {
		return { ok: false, problem: 'other-article' };
	}
	const track = TRACK_CODES[payload.readUInt8(37)];
	const size = payload.readUInt8(38);
	const index = payload.readUInt8(47);
	const score = payload.readUInt8(48);
	if (!track || !isCount(size) || size === 0 || !isCount(index) || score > index) {
		return { ok: false, problem: 'malformed' };
	}
	return {
		ok: true,
		state: {
			epoch: payload.readUInt32BE(1),
			seq: payload.readUIntBE(5, 6),
			round: payload.readUIntBE(11, 6),
			seed: payload.readUInt32BE(33),
			track,
			size,
			pick: payload.readUInt32BE(39),
			missed: payload.readUInt32BE(43),
			index,
			score
		}
	};
}
