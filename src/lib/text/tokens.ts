/**
 * Word tokens for Italian prose, each with its exact span in the source.
 *
 * `Intl.Segmenter` keeps numbers such as `10.000` and `3,5` whole and splits hyphenated words,
 * but leaves elisions joined (`l’Ucraina`, `dell'Hudson`): those are split here into the elided
 * article or preposition (`l’`, apostrophe included) and the word that follows.
 */
import type { Span } from './sentences';

export type TokenKind = 'word' | 'number';

export interface Token extends Span {
	/** The token exactly as written in the source. */
	text: string;
	kind: TokenKind;
	/** True for an elided form that ends with its apostrophe, such as `l’` or `dell'`. */
	elided: boolean;
}

/**
 * Elided forms that attach to the next word with an apostrophe (’ or '), lower-cased, without
 * the apostrophe: articles, articulated prepositions, demonstratives and a few common words.
 */
export const ELIDED_FORMS: ReadonlySet<string> = new Set([
	'l',
	'un',
	'gl',
	'dell',
	'all',
	'nell',
	'dall',
	'sull',
	'coll',
	'pell',
	'd',
	'quest',
	'quell',
	'bell',
	'sant',
	'c',
	's',
	'm',
	't',
	'v',
	'n',
	'ci',
	'tutt',
	'senz',
	'anch',
	'com',
	'dov',
	'cos',
	'ch',
	'nient',
	'mezz',
	'po'
]);

/** Truncated words whose apostrophe comes last and belongs to them: "un po'", "va' via". */
export const APOCOPES: ReadonlySet<string> = new Set([
	'po',
	'mo',
	'di',
	'da',
	'fa',
	'sta',
	'va',
	'to'
]);

const APOSTROPHES = /['’]/u;
const wordSegmenter = new Intl.Segmenter('it', { granularity: 'word' });

/**
 * Tokenizes `text` into words and numbers; punctuation and white space are skipped.
 *
 * @param text the text to tokenize
 * @param offset added to every span, so spans can point into a larger document
 */
export function tokenize(text: string, offset = 0): Token[] {
	const tokens: Token[] = [];
	for (const { segment, index, isWordLike } of wordSegmenter.segment(text)) {
		if (!isWordLike) continue;
		const start = index + offset;
		if (/^\p{N}/u.test(segment)) {
			tokens.push({
				text: segment,
				start,
				end: start + segment.length,
				kind: 'number',
				elided: false
			});
			continue;
		}
		const next = text[index + segment.length];
		if (next && APOSTROPHES.test(next) && APOCOPES.has(segment.toLowerCase())) {
			const word = segment + next;
			tokens.push({ text: word, start, end: start + word.length, kind: 'word', elided: false });
			continue;
		}
		splitElisions(segment, start, tokens);
	}
	return tokens;
}

/** Pushes the tokens of one segment, split after every known elided form ("dell’ex" → dell’ + ex). */
function splitElisions(segment: string, start: number, into: Token[]): void {
	let rest = segment;
	let at = start;
	for (;;) {
		const apostrophe = rest.search(APOSTROPHES);
		const head = apostrophe > 0 ? rest.slice(0, apostrophe) : '';
		if (
			apostrophe <= 0 ||
			apostrophe === rest.length - 1 ||
			!ELIDED_FORMS.has(head.toLowerCase())
		) {
			into.push({ text: rest, start: at, end: at + rest.length, kind: 'word', elided: false });
			return;
		}
		const elided = rest.slice(0, apostrophe + 1);
		into.push({ text: elided, start: at, end: at + elided.length, kind: 'word', elided: true });
		at += elided.length;
		rest = rest.slice(elided.length);
	}
}
