/**
 * Glosses as cards and panels show them. No imports: the reader's panel uses this in the browser.
 */

/** The first sense of a gloss, without its bracketed explanations: for choices and prompts. */
export function shortGloss(gloss: string): string {
	let short = gloss;
	// Innermost brackets first: "exchange (in cambio (di) = in return (for))" is one aside.
	while (/\([^()]*\)/u.test(short)) short = short.replace(/\s*\([^()]*\)/gu, '');
	return short.split(/[;]/u)[0].trim();
}

/**
 * A lexicon gloss as it applies to any text: without what it says about the curated article
 * ("agreement, deal (here: a negotiated settlement…)" → "agreement, deal") or its examples from
 * it ("side, party (entrambe le parti = both sides)" → "side, party", "latest, last; (in 'negli
 * ultimi anni') recent" → "latest, last; recent").
 */
export function generalGloss(gloss: string): string {
	return gloss
		.replace(/\s*\([^()]*(?:\bhere\b|=|['‘’])[^()]*\)/giu, '')
		.replace(/\s*[;,]\s*here\b.*$/isu, '')
		.trim();
}

/** The words of a gloss that say something (not "to", "the", "of"), British spelling. */
const glossWords = (gloss: string) =>
	gloss
		.toLowerCase()
		.replace(/ense\b/gu, 'ence')
		.split(/[^\p{L}]+/u)
		.filter((word) => word.length > 2 && !['the', 'and', 'one'].includes(word));

/**
 * The gloss of a word of a new text: the lexicon's (written for the curated article), and where
 * the dictionary gives a sense the lexicon's does not mention, the dictionary's first: the
 * lexicon's parte is "side, party" (both sides of a war), the word's usual sense "part, share".
 */
export function textGloss(curated: string | null, general: string | null): string | null {
	if (curated === null || general === null) return curated ?? general;
	const own = new Set(glossWords(curated));
	return glossWords(general).some((word) => own.has(word)) ? curated : `${general}; ${curated}`;
}
