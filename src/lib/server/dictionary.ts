/**
 * The open dictionary for Node code (scripts, the server): `content/dictionary/ita-eng.tsv`, read
 * once per process. Without the file, words of new texts simply get no gloss: that is said once,
 * and nothing fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_FILE, parseDictionary, type Dictionary } from '$lib/vocab/dictionary';

/** By path: read once per process. */
const loaded = new Map<string, Dictionary>();

/**
 * The dictionary, or an empty one when the file is missing or unreadable (`warn` is told why,
 * once per process).
 */
export function loadDictionary(
	root = process.cwd(),
	warn: (message: string) => void = console.warn
): Dictionary {
	const path = join(root, DICTIONARY_FILE);
	let dictionary = loaded.get(path);
	if (dictionary) return dictionary;
	try {
		dictionary = existsSync(path) ? parseDictionary(readFileSync(path, 'utf8')) : undefined;
		if (!dictionary)
			warn(`${path} is missing (npm run build:dictionary): words of new texts get no gloss`);
	} catch (error) {
		warn(`${path} cannot be read (${String(error)}): words of new texts get no gloss`);
	}
	dictionary ??= new Map();
	loaded.set(path, dictionary);
	return dictionary;
}
