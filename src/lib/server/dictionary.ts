/**
 * The open dictionary for Node code (scripts, the server): `content/dictionary/ita-eng.tsv`, read
 * once per process. Without the file, words of new texts simply get no gloss: that is said once,
 * and nothing fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_FILE, parseDictionary, type Dictionary } from '$lib/vocab/dictionary';

let dictionary: Dictionary | undefined;

/**
 * The dictionary, or an empty one when the file is missing or unreadable (`warn` is told why,
 * once per process).
 */
export function loadDictionary(
	root = process.cwd(),
	warn: (message: string) => void = console.warn
): Dictionary {
	if (dictionary) return dictionary;
	const path = join(root, DICTIONARY_FILE);
	try {
		dictionary = existsSync(path) ? parseDictionary(readFileSync(path, 'utf8')) : undefined;
	} catch (error) {
		warn(`${path} cannot be read (${String(error)}): words of new texts get no gloss`);
		return (dictionary = new Map());
	}
	if (!dictionary) {
		warn(`${path} is missing (npm run build:dictionary): words of new texts get no gloss`);
		dictionary = new Map();
	}
	return dictionary;
}
