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
