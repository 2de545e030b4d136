/**
 * Numbers as learners type them: digits in Italian or English notation, or words in either language.
 *
 * Many answers about an article are figures ("più di 10.000 soldati"), and a learner may write the
 * same figure as `10000`, `10,000`, `diecimila` or `ten thousand`. The grader compares values, so
 * every one of those forms has to be read here.
 */

/** One number found in a text, with its span in that text. */
export interface NumberMatch {
	value: number;
	/** The number exactly as written, such as `10.000`, `diecimila` or `a thousand`. */
	text: string;
	start: number;
	end: number;
}

/** Nothing a learner types for one answer is longer; the cap keeps the regexes cheap. */
const MAX_LENGTH = 500;

/**
 * Digits, with thousands groups separated by `.`, `,` or a space (any kind: U+00A0 and U+202F
 * included, the same separator all the way through), an optional decimal part and an optional
 * scale word (`10k`, `10 mila`, `2 milioni`). Digits glued to letters (`G7`, `F16`) are not numbers.
 */
const DIGITS =
	/(?<![\p{L}\p{N}])(\d{1,3}(?:([.,\s])\d{3}(?!\d))(?:\2\d{3}(?!\d))*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(k|mila|mln|mld|milion[ei]|miliard[oi]|thousand|millions?|billions?))?(?![\p{L}\p{N}])/giu;

const SCALES: Readonly<Record<string, number>> = {
	k: 1e3,
	hundred: 100,
	thousand: 1e3,
	mila: 1e3,
	migliaio: 1e3,
	mln: 1e6,
	million: 1e6,
	millions: 1e6,
	milione: 1e6,
	milioni: 1e6,
	mld: 1e9,
	billion: 1e9,
	billions: 1e9,
	miliardo: 1e9,
	miliardi: 1e9
};

const list = (words: string) => words.split(' ');
// Indexed by value (tens by their tens digit), so that a word's index is its number.
const EN_SMALL = [
	...list('zero one two three four five six seven eight nine'),
	...list('ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen')
];
const EN_TENS = ['', '', ...list('twenty thirty forty fifty sixty seventy eighty ninety')];
const IT_UNITS = ['', ...list('uno due tre quattro cinque sei sette otto nove')];
const IT_TEENS = list(
	'dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove'
);
const IT_TENS = [
	'',
	'',
	...list('venti trenta quaranta cinquanta sessanta settanta ottanta novanta')
];

/** Articles that stand for "one" before a scale word: `a thousand`, `un milione`. */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'un', 'una', 'uno']);
/** Joins parts of one number: `mille e cinquecento`, `one hundred and five`. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['e', 'and']);

type Parse = [value: number, end: number];

/** Every way to read an Italian number from 1 to 99 at `i` in `s` (accents already stripped). */
function belowHundred(s: string, i: number): Parse[] {
	const out: Parse[] = [];
	IT_UNITS.forEach((unit, u) => unit && s.startsWith(unit, i) && out.push([u, i + unit.length]));
	IT_TEENS.forEach((teen, t) => s.startsWith(teen, i) && out.push([10 + t, i + teen.length]));
	IT_TENS.forEach((tens, d) => {
		if (!tens) return;
		// "venti" + unit, and the elided "vent" before uno/un/otto: ventuno, ventun(mila), ventotto.
		for (const stem of [tens, tens.slice(0, -1)]) {
			if (!s.startsWith(stem, i)) continue;
			const j = i + stem.length;
			if (stem === tens) out.push([d * 10, j]);
			IT_UNITS.forEach((unit, u) => {
				const elidedOk = stem === tens || u === 1 || u === 8;
				if (unit && elidedOk && s.startsWith(unit, j)) out.push([d * 10 + u, j + unit.length]);
			});
			if (s.startsWith('un', j) && !s.startsWith('uno', j)) out.push([d * 10 + 1, j + 2]);
		}
	});
	return out;
}

/** Every way to read an Italian number from 1 to 999 at `i`: `cento`, `duecentocinquanta`, `centotto`. */
function belowThousand(s: string, i: number): Parse[] {
	const out = belowHundred(s, i);
	for (let h = 1; h <= 9; h++) {
		const start = h === 1 ? i : i + IT_UNITS[h].length;
		if (h > 1 && !s.startsWith(IT_UNITS[h], i)) continue;
		// "cent" is the elided form before otto/ottanta: centotto, centottanta.
		const ends = s.startsWith('cento', start) ? [start + 5, start + 4] : [];
		for (const j of ends) {
			if (j === start + 5) out.push([h * 100, j]);
			for (const [v, k] of belowHundred(s, j)) out.push([h * 100 + v, k]);
		}
	}
	return out;
}

/** The value of one Italian number word below a million (`diecimila`, `ventitre`), or null. */
function italianWord(s: string): number | null {
	if (s.length > 60) return null;
	const thousands: Parse[] = s.startsWith('mille') ? [[1000, 5]] : [];
	for (const [v, j] of belowThousand(s, 0)) {
		if (v > 1 && s.startsWith('mila', j)) thousands.push([v * 1000, j + 4]);
	}
	for (const [t, j] of thousands) {
		if (j === s.length) return t;
		const rest = belowThousand(s, j).find(([, k]) => k === s.length);
		if (rest) return t + rest[0];
	}
	return belowThousand(s, 0).find(([, k]) => k === s.length)?.[0] ?? null;
}

/** The value of a word that is a whole number by itself, in either language. */
function wordValue(key: string): number | null {
	if (key === 'zero') return 0;
	const small = EN_SMALL.indexOf(key);
	if (small >= 0) return small;
	const tens = EN_TENS.indexOf(key);
	if (tens >= 2) return tens * 10;
	return italianWord(key);
}

/** Reads `10.000`, `10,000`, `3,5`, `3.5`, `1.234.567`, `10 000` as the number they mean. */
function digitsValue(raw: string): number {
	const spaced = /\s/u.test(raw);
	const compact = raw.replace(/\s/gu, '');
	const separators = compact.replace(/\d/g, '');
	let decimal = '';
	if (separators.length > 0) {
		const last = separators[separators.length - 1];
		if (spaced || new Set(separators).size > 1) decimal = last;
		else if (separators.length === 1) {
			const [lead, tail] = compact.split(last);
			// A single group of exactly three digits is thousands (10.000, 10,000), unless it follows a
			// zero: "0,500" can only be a decimal.
			const thousands = tail.length === 3 && lead.length <= 3 && lead !== '0';
			decimal = thousands ? '' : last;
		}
	}
	const cut = decimal ? compact.lastIndexOf(decimal) : compact.length;
	const integer = compact.slice(0, cut).replace(/[.,]/g, '');
	return Number(`${integer}.${compact.slice(cut + 1) || '0'}`);
}

interface Run {
	result: number;
	current: number;
	/** The last scale of a thousand or more applied; later parts must be smaller. */
	lastScale: number;
	/** Set by an article, which counts as one before a scale word. */
	one: boolean;
	used: boolean;
	start: number;
	end: number;
}

/** The place value of the last non-zero digit: 20 → 10, 100 → 100, 21 → 1. */
function lowestPlace(n: number): number {
	let place = 1;
	while (place < 1e15 && n % (place * 10) === 0) place *= 10;
	return place;
}

/** Whether `value` continues the number in `run` ("twenty" + "one") or starts a new one ("two three"). */
function canAdd(run: Run, value: number): boolean {
	if (run.one || value >= run.lastScale) return false;
	return run.current === 0 || value < lowestPlace(run.current);
}

function canScale(run: Run, scale: number): boolean {
	const count = run.one ? 1 : run.current;
	if (count <= 0) return false;
	return scale === 100 ? count < 100 : scale < run.lastScale && count < scale;
}

/** Numbers written in words, joined across spaces, hyphens and `e`/`and` into one value each. */
function wordNumbers(text: string, taken: (at: number) => boolean): NumberMatch[] {
	const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)]
		.filter((m) => !taken(m.index))
		.map((m) => ({
			key: m[0].toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''),
			start: m.index,
			end: m.index + m[0].length
		}));
	const joined = (from: number, to: number) => /^[\s\-‐‑–]*$/u.test(text.slice(from, to));
	const out: NumberMatch[] = [];
	let run: Run | null = null;
	const close = () => {
		if (run?.used) {
			const { start, end } = run;
			out.push({ value: run.result + run.current, text: text.slice(start, end), start, end });
		}
		run = null;
	};
	const begin = (start: number): Run => {
		close();
		return {
			result: 0,
			current: 0,
			lastScale: Infinity,
			one: false,
			used: false,
			start,
			end: start
		};
	};
	let lastEnd = 0;
	words.forEach((word, i) => {
		const candidate = words[i + 1];
		const next = candidate && joined(word.end, candidate.start) ? candidate : undefined;
		if (run && !joined(lastEnd, word.start)) close();
		lastEnd = word.end;
		const scale = SCALES[word.key];
		if (scale !== undefined && word.key !== 'k') {
			if (run && canScale(run, scale)) {
				const count: number = run.one ? 1 : run.current;
				if (scale === 100) run.current = count * 100;
				else [run.result, run.current, run.lastScale] = [run.result + count * scale, 0, scale];
				[run.one, run.used, run.end] = [false, true, word.end];
			} else close();
			return;
		}
		// "uno" alone is the number one; before a word it is an article ("uno studente").
		if (ARTICLES.has(word.key) && !(word.key === 'uno' && !next)) {
			if (next && SCALES[next.key] && next.key !== 'k') run = { ...begin(word.start), one: true };
			else close();
			return;
		}
		if (CONJUNCTIONS.has(word.key)) {
			const value = next ? wordValue(next.key) : null;
			if (!(run && value !== null && canAdd(run, value))) close();
			return;
		}
		const value = wordValue(word.key);
		if (value === null) return close();
		if (!run || !canAdd(run, value)) run = begin(word.start);
		[run.current, run.used, run.end] = [run.current + value, true, word.end];
	});
	close();
	return out;
}

/**
 * Every number in `text`, in order: digits in Italian or English notation and numbers in Italian or
 * English words. Spans index into `text` (only its first 500 characters are read).
 *
 * @example findNumbers('da 4.000 a diecimila') // [{ value: 4000, … }, { value: 10000, … }]
 */
export function findNumbers(text: string): NumberMatch[] {
	const source = text.slice(0, MAX_LENGTH);
	const digits: NumberMatch[] = [];
	for (const m of source.matchAll(DIGITS)) {
		const scale = m[3] ? SCALES[m[3].toLowerCase().replace(/s$/, '')] : 1;
		// Rounded so that "3,2 mila" is 3200 and not 3200.0000000000005.
		const value = Math.round(digitsValue(m[1]) * scale * 1e6) / 1e6;
		if (!Number.isFinite(value)) continue;
		digits.push({ value, text: m[0], start: m.index, end: m.index + m[0].length });
	}
	const taken = (at: number) => digits.some((d) => at >= d.start && at < d.end);
	return [...digits, ...wordNumbers(source, taken)].sort((a, b) => a.start - b.start);
}

/**
 * The number an answer gives, whatever the notation: `10.000`, `10000`, `10 000`, `10,000`,
 * `diecimila`, `ten thousand`, `10k`, `più di 10.000`. Words around the number are ignored.
 *
 * @returns the value, or null when the text holds no number or two different ones (ambiguous).
 */
export function parseNumber(text: string): number | null {
	const values = new Set(findNumbers(text).map((n) => n.value));
	return values.size === 1 ? [...values][0] : null;
}
