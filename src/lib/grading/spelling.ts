/**
 * Slips that are not typos in Italian: words that sound alike but are different words (`ha`
 * and `a`), and single or double consonants (`note`, `notte`), which change the word.
 */

/**
 * Forms of avere and the words they sound like: the h is silent, so a learner who hears the
 * word cannot tell them apart, but in writing each is another word.
 */
const SILENT_H: ReadonlyMap<string, string> = new Map([
	['ho', 'o'],
	['hai', 'ai'],
	['ha', 'a'],
	['hanno', 'anno']
]);

/** Words that differ only by an accent and sound alike in isolation (è and e, là and la). */
const ACCENT_PAIRS: ReadonlyMap<string, string> = new Map([
	['è', 'e'],
	['là', 'la'],
	['lì', 'li'],
	['sì', 'si'],
	['dà', 'da'],
	['né', 'ne'],
	['sé', 'se'],
	['tè', 'te']
]);

const pairs = (map: ReadonlyMap<string, string>) =>
	new Set([...map].flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));
const SILENT_H_PAIRS = pairs(SILENT_H);
const ACCENT_HOMOPHONES = pairs(ACCENT_PAIRS);

/**
 * Whether two words (lower case) are homophones: `ha`/`a`, `hanno`/`anno`, `è`/`e`, `là`/`la`.
 *
 * @example homophones('a', 'ha') // true
 */
export function homophones(given: string, expected: string): boolean {
	const key = `${given} ${expected}`;
	return SILENT_H_PAIRS.has(key) || ACCENT_HOMOPHONES.has(key);
}

const CONSONANT = /^[bcdfghjklmnpqrstvwxyz]$/u;

/**
 * Whether two spellings (lower case, accents stripped) differ only by one consonant written
 * single instead of double or double instead of single: `note`/`notte`, `caro`/`carro`.
 *
 * @example doubledConsonant('pala', 'palla') // true
 */
export function doubledConsonant(given: string, expected: string): boolean {
	const [short, long] = given.length < expected.length ? [given, expected] : [expected, given];
	if (long.length !== short.length + 1) return false;
	for (let i = 1; i < long.length; i++) {
		if (long[i] === long[i - 1] && CONSONANT.test(long[i])) {
			if (long.slice(0, i) + long.slice(i + 1) === short) return true;
		}
	}
	return false;
}
