/**
 * Sentence splitting for Italian prose.
 *
 * `Intl.Segmenter` does the heavy lifting; on its own it wrongly ends a sentence after an
 * abbreviation followed by a capital or a digit ("il Sig. Rossi", "art. 4"), so those pieces are
 * merged back. A line break always ends a sentence: titles and bylines have no final full stop.
 */

/** A half-open range `[start, end)` of UTF-16 code units in the text it was cut from. */
export interface Span {
	start: number;
	end: number;
}

/**
 * Italian abbreviations that end with a full stop but do not end a sentence.
 * Lower-cased, without the final dot. "ecc." is left out on purpose: it usually ends a sentence.
 */
export const ITALIAN_ABBREVIATIONS: ReadonlySet<string> = new Set([
	'sig',
	'sigg',
	'sig.ra',
	'sig.na',
	'dott',
	'dott.ssa',
	'dr',
	'prof',
	'prof.ssa',
	'on',
	'sen',
	'avv',
	'ing',
	'arch',
	'geom',
	'rag',
	'mons',
	'gen',
	'col',
	'cap',
	'ten',
	'art',
	'artt',
	'n',
	'nn',
	'c',
	'co',
	'pag',
	'pagg',
	'p',
	'pp',
	'vol',
	'fig',
	'tab',
	'cfr',
	'es',
	'ca',
	'sett',
	'ott',
	'nov',
	'dic',
	'feb',
	'mar',
	'apr',
	'ago',
	'lug',
	'giu',
	'mag',
	's',
	'ss',
	'st',
	'v',
	'vs',
	'dx',
	'sx'
]);

const sentenceSegmenter = new Intl.Segmenter('it', { granularity: 'sentence' });

/** True when `piece` ends with an abbreviation (or a single initial such as "J.") and a dot. */
function endsWithAbbreviation(piece: string): boolean {
	const match = /(?:^|[\s(«"“])([\p{L}.]+)\.\s*$/u.exec(piece);
	if (!match) return false;
	const word = match[1];
	if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. R. R. Tolkien"
	return ITALIAN_ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits `text` into sentences and returns their spans, trimmed of surrounding white space
 * (including no-break spaces). Lines that hold only white space yield nothing.
 *
 * @param text the text to split
 * @param offset added to every span, so spans can point into a larger document
 */
export function splitSentences(text: string, offset = 0): Span[] {
	const spans: Span[] = [];
	let lineStart = 0;
	for (const line of text.split('\n')) {
		let pending: Span | null = null;
		for (const { segment, index } of sentenceSegmenter.segment(line)) {
			const start = lineStart + index;
			const piece: Span = pending
				? { start: pending.start, end: start + segment.length }
				: { start, end: start + segment.length };
			if (
				endsWithAbbreviation(segment) ||
				insideQuote(line.slice(piece.start - lineStart, piece.end - lineStart))
			) {
				pending = piece;
				continue;
			}
			pending = null;
			pushTrimmed(spans, text, piece, offset);
		}
		if (pending) pushTrimmed(spans, text, pending, offset);
		lineStart += line.length + 1;
	}
	return spans;
}

/**
 * True when a quote opened in `piece` is still open: «Centro. Aperto a tutti» is one title, and
 * the sentence goes on after it closes.
 */
function insideQuote(piece: string): boolean {
	const count = (re: RegExp) => (piece.match(re) ?? []).length;
	return count(/«/gu) > count(/»/gu) || count(/“/gu) > count(/”/gu) || count(/"/gu) % 2 === 1;
}

function pushTrimmed(spans: Span[], text: string, span: Span, offset: number): void {
	let { start, end } = span;
	while (start < end && /\s/u.test(text[start])) start++;
	while (end > start && /\s/u.test(text[end - 1])) end--;
	if (end > start) spans.push({ start: start + offset, end: end + offset });
}
