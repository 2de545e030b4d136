/**
 * Seeded randomness. Every card gets its own generator, seeded from its id and the caller's seed,
 * so shuffling one card's options never depends on how many other cards were made before it.
 */
import { fnv1a } from '$lib/text/ids';

/** A generator of floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit generator, good enough to shuffle four options.
 *
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The generator of one card: `mulberry32(fnv1a(cardId) ^ seed)`. */
export function cardRandom(cardId: string, seed: number): Random {
	return mulberry32(fnv1a(cardId) ^ seed);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}
