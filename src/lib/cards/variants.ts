/**
 * What else a learner may type for a fact's answer: the same words with a synonym the fact allows
 * ("soldati" for "truppe", "lo scorso anno" for "l'anno scorso"), and the article's typos set
 * right ("riconsestare" is printed; "riconquistare" is the word).
 */

/** A phrase as a whole-word pattern: either apostrophe, any case, not inside a longer word. */
function phrasePattern(phrase: string): RegExp {
	const escaped = phrase
		.normalize('NFC')
		.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
		.replace(/['’]/gu, "['’]");
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether `text` holds `phrase` as whole words (either apostrophe, any case). */
export function containsPhrase(text: string, phrase: string): boolean {
	return phrasePattern(phrase).test(text.normalize('NFC'));
}

/**
 * Every form with every combination of its synonyms, the forms themselves first, each once:
 * `{ truppe: ['soldati'] }` turns "migliaia di truppe" into it and "migliaia di soldati".
 */
export function withSynonyms(
	forms: readonly string[],
	synonyms: Readonly<Record<string, readonly string[]>>
): string[] {
	let variants = [...new Set(forms)];
	for (const [phrase, alternatives] of Object.entries(synonyms)) {
		const more = variants.flatMap((form) =>
			containsPhrase(form, phrase)
				? alternatives.map((alternative) => form.replace(phrasePattern(phrase), alternative))
				: []
		);
		variants = [...new Set([...variants, ...more])];
	}
	return variants;
}

/** The text with the article's typos set right (`{ riconsestare: 'riconquistare' }`). */
export function corrected(text: string, corrections: Readonly<Record<string, string>>): string {
	return Object.entries(corrections).reduce(
		(result, [printed, meant]) => result.replace(phrasePattern(printed), meant),
		text
	);
}
