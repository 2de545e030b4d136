/**
 * Request helpers for the classroom API: bounded bodies, clear 4xx errors, per-client limits.
 */
import { error } from '@sveltejs/kit';

const MAX_BODY = 4096;

/** Parses a small JSON body; 413 when too large, 400 when not JSON. */
export async function readJson(request: Request): Promise<unknown> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_BODY) error(413, 'Request too large.');
	const text = await request.text();
	if (text.length > MAX_BODY) error(413, 'Request too large.');
	try {
		return JSON.parse(text);
	} catch {
		error(400, 'Expected JSON.');
	}
}

/**
 * A token bucket per client key: `limit` requests per `windowMs`. Keeps bot floods and stuck
 * phones from swamping a game; real students never come near it.
 */
export class RateLimiter {
	#hits = new Map<string, number[]>();
	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	allow(key: string, now = Date.now()): boolean {
		const recent = (this.#hits.get(key) ?? []).filter((at) => now - at < this.windowMs);
		if (recent.length >= this.limit) {
			this.#hits.set(key, recent);
			return false;
		}
		recent.push(now);
		this.#hits.set(key, recent);
		if (this.#hits.size > 50_000) this.#hits.clear(); // bounded memory under a flood
		return true;
	}
}
