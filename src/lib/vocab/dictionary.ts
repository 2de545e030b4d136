/**
 * The open Italian–English dictionary: short glosses for words the curated lexicon does not have,
 * derived from FreeDict by scripts/build-dictionary.ts into `content/dictionary/ita-eng.tsv`
 * (GPL, attribution beside it). A gloss belongs to a lemma *and* a part of speech: the noun
 * comune is not the adjective, and a word whose part of speech has no gloss gets none.
 */

/** Where the derived file lives, relative to the project root. */
export const DICTIONARY_FILE = 'content/dictionary/ita-eng.tsv';

/** The parts of speech a gloss is given for: the content words of a text. */
export type GlossPos = 'noun' | 'verb' | 'adjective' | 'adverb';

/** `pos:lemma` → gloss. */
export type Dictionary = ReadonlyMap<string, string>;

const POS: ReadonlySet<string> = new Set(['noun', 'verb', 'adjective', 'adverb']);

/**
 * Parses the derived file: `lemma<TAB>pos<TAB>gloss[<TAB>source]`, `#` lines are comments. A
 * line that does not fit is skipped rather than trusted.
 */
export function parseDictionary(tsv: string): Dictionary {
	const dictionary = new Map<string, string>();
	for (const line of tsv.split('\n')) {
		if (line === '' || line.startsWith('#')) continue;
		const [lemma, pos, gloss] = line.split('\t');
		if (lemma && POS.has(pos) && gloss?.trim()) dictionary.set(`${pos}:${lemma}`, gloss.trim());
	}
	return dictionary;
}

/** The dictionary's gloss of a lemma as this part of speech, or null. */
export function dictionaryGloss(
	dictionary: Dictionary | undefined,
	lemma: string,
	pos: string
): string | null {
	return dictionary?.get(`${pos}:${lemma.toLowerCase()}`) ?? null;
}
