/**
 * Seeded randomness, so that every generated deck, shuffle and quiz is repeatable in a test.
 */
import { fnv1a } from '$lib/text/ids';

/** A generator of floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a small, fast 32-bit PRNG, good enough to shuffle options and draw quizzes.
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

/**
 * A generator for one item (a card, a quiz) under a seed: the item's own randomness does not
 * depend on what else was generated before it.
 */
export function rngFor(key: string, seed: number): Random {
	return mulberry32(fnv1a(key) ^ seed);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}
