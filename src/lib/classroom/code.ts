/**
 * Game PINs: what students type on their phones to join a live quiz.
 */
import type { Random } from '$lib/random/prng';

const LOWEST = 100_000;
const COUNT = 900_000;
/** Random draws before falling back to a scan: with few games running the first draw wins. */
const DRAWS = 32;

/**
 * A new 6-digit game code that does not start with 0 (a leading zero gets lost when a code is
 * read aloud or typed into a number field) and is not in `taken`.
 *
 * Random draws first, so codes cannot be guessed from the order games were opened; when nearly
 * every code is in use, a scan from a random start finds a free one.
 *
 * @throws when all 900,000 codes are in use (a server capacity problem, not user input)
 */
export function newGameCode(random: Random, taken: ReadonlySet<string>): string {
	const draw = () => Math.min(Math.floor(random() * COUNT), COUNT - 1);
	for (let i = 0; i < DRAWS; i++) {
		const code = String(LOWEST + draw());
		if (!taken.has(code)) return code;
	}
	const start = draw();
	for (let i = 0; i < COUNT; i++) {
		const code = String(LOWEST + ((start + i) % COUNT));
		if (!taken.has(code)) return code;
	}
	throw new Error('Every game code is in use');
}

/** Whether a string is a well-formed game code (what a join form should accept). */
export function isGameCode(code: string): boolean {
	return /^[1-9]\d{5}$/.test(code);
}
