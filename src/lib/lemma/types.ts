/** One reading of a word form. */
export interface Analysis {
	lemma: string;
	/** NOUN, ADJ, VERB, ADV; closed classes: ART, PREP, PREP+ART, PRON, DET, CONJ, NUM. */
	pos:
		'NOUN' | 'ADJ' | 'VERB' | 'ADV' | 'ART' | 'PREP' | 'PREP+ART' | 'PRON' | 'DET' | 'CONJ' | 'NUM';
	/** Colon-separated: `f:p` (gender, number), `ind:pres:3:s`, `part:past:m:s`, `inf`, `ger`. */
	features: string;
	/**
	 * Set when no table knows the word and the reading comes from its shape (a prefix, an
	 * ending): likely right for a real word, but the word may be a misprint.
	 */
	guessed?: boolean;
}

/** The form → readings table built from Morph-it (see scripts/build-lemmas.ts). */
export type LemmaTable = ReadonlyMap<string, readonly Analysis[]>;
