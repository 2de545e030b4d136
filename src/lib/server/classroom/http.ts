/**
 * Request helpers for the classroom API: bounded bodies parsed against the action's contract,
 * refusals as `{ code, message }` with the right status, and per-client rate limits.
 */
import { json } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { StorageError } from './store';
import {
	describeIssue,
	MAX_BODY_BYTES,
	type ApiError,
	type ErrorCode
} from '$lib/classroom/contracts';

/** A refusal on its way out: status, body, and `Retry-After` for a 429. */
export interface Refusal {
	status: number;
	body: ApiError;
	retryAfter?: number;
}

export const refusal = (
	status: number,
	code: ErrorCode,
	message: string,
	retryAfter?: number
): Refusal => ({ status, body: { code, message }, retryAfter });

/** The refusal as an HTTP response. */
export function refusalResponse({ status, body, retryAfter }: Refusal): Response {
	const headers: Record<string, string> = { 'cache-control': 'no-store' };
	if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
	return json(body, { status, headers });
}

/** Thrown inside a route to stop with a refusal (see `apiRoute`). */
export class RefusedError extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.body.message);
	}
}

export const refuse = (...args: Parameters<typeof refusal>): never => {
	throw new RefusedError(refusal(...args));
};

/**
 * Parses a body already read as text against `schema`: 413 over `MAX_BODY_BYTES`, 400 when it
 * is not JSON or not what the action takes (`null`, an array, a string, wrong types).
 */
export function parseBody<S extends z.ZodType>(
	text: string,
	schema: S
): { ok: true; data: z.infer<S> } | { ok: false; refusal: Refusal } {
	if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
		return { ok: false, refusal: refusal(413, 'too-large', 'Request too large.') };
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, refusal: refusal(400, 'bad-request', 'Expected a JSON body.') };
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		return { ok: false, refusal: refusal(400, 'bad-request', describeIssue(parsed.error)) };
	}
	return { ok: true, data: parsed.data };
}

/** Reads a request's body as text, refusing (413) before reading one that says it is too large. */
export async function readText(request: Request): Promise<string> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_BODY_BYTES) refuse(413, 'too-large', 'Request too large.');
	const text = await request.text().catch(() => refuse(400, 'bad-request', 'Unreadable body.'));
	if (Buffer.byteLength(text) > MAX_BODY_BYTES) refuse(413, 'too-large', 'Request too large.');
	return text;
}

/** Reads and checks a JSON body against the action's contract (throws a refusal otherwise). */
export async function readBody<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<z.infer<S>> {
	const parsed = parseBody(await readText(request), schema);
	if (!parsed.ok) throw new RefusedError(parsed.refusal);
	return parsed.data;
}

/** Longer keys (a forged cookie, say) are hashed: what the limiter keeps has a bounded size. */
const MAX_KEY_LENGTH = 64;

interface Window {
	start: number;
	count: number;
	previous: number;
}

/**
 * A sliding-window counter per client key: at most `limit` requests per `windowMs` (the
 * previous window's count weighs in as it slides out). Constant memory per key, and at most
 * `maxKeys` keys (the least recently seen go first), so a flood of forged keys cannot fill the
 * server's memory nor reset everyone's limits.
 */
export class RateLimiter {
	#windows = new Map<string, Window>();
	constructor(
		readonly limit: number,
		readonly windowMs: number,
		readonly maxKeys = 20_000
	) {}

	/** Seconds until `key` may try again (0: it may now), without counting a request. */
	retryAfter(rawKey: string, now = Date.now()): number {
		const window = this.#window(keyOf(rawKey), now, false);
		if (!window || this.#estimate(window, now) < this.limit) return 0;
		return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
	}

	/** Counts a request of `key`; returns 0 when allowed, else the seconds to wait (not counted). */
	hit(rawKey: string, now = Date.now()): number {
		const wait = this.retryAfter(rawKey, now);
		if (wait > 0) return wait;
		this.#window(keyOf(rawKey), now, true)!.count++;
		return 0;
	}

	/** How many keys are kept (for tests of the bound). */
	get size(): number {
		return this.#windows.size;
	}

	#estimate(window: Window, now: number): number {
		const into = (now - window.start) / this.windowMs;
		return window.previous * Math.max(0, 1 - into) + window.count;
	}

	#window(key: string, now: number, create: boolean): Window | undefined {
		let window = this.#windows.get(key);
		if (window) {
			const passed = Math.floor((now - window.start) / this.windowMs);
			if (passed >= 1) {
				window.previous = passed === 1 ? window.count : 0;
				window.count = 0;
				window.start += passed * this.windowMs;
			}
			// Most recently seen last: the first key in the map is the one to drop.
			this.#windows.delete(key);
			this.#windows.set(key, window);
			return window;
		}
		if (!create) return undefined;
		if (this.#windows.size >= this.maxKeys) {
			this.#windows.delete(this.#windows.keys().next().value!);
		}
		window = { start: now, count: 0, previous: 0 };
		this.#windows.set(key, window);
		return window;
	}
}

function keyOf(key: string): string {
	return key.length <= MAX_KEY_LENGTH
		? key
		: `#${createHash('sha256').update(key).digest('base64url')}`;
}

/** What a client hears when the database refused a change: nothing was applied; try again. */
export const STORAGE_REFUSAL = refusal(
	503,
	'storage',
	'The server could not save this just now. Nothing was changed: try again in a moment.',
	5
);

/**
 * A classroom API handler whose refusals (thrown with `refuse`, or a storage failure) become
 * `{ code, message }` responses instead of a 500.
 */
export function apiRoute<E>(handler: (event: E) => Response | Promise<Response>) {
	return async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (error) {
			if (error instanceof RefusedError) return refusalResponse(error.refusal);
			if (error instanceof StorageError) return refusalResponse(STORAGE_REFUSAL);
			throw error;
		}
	};
}
