/**
 * Numbers and dates in Italian prose: finding them, writing them out (`10.000` → `diecimila`) and
 * making wrong answers of the same format and magnitude.
 */
import type { NumberQualifier } from '$lib/cards/types';
import type { Sentence } from '$lib/content/types';
import { monthNames } from './lexicon';
import { shuffled, type Random } from '$lib/random/prng';

/** How a number is written: `10.000` grouped, `2024` plain, `3,5` decimal, `due` in words. */
export type NumberFormat = 'grouped' | 'plain' | 'decimal' | 'words' | 'counted';

/** A number or date found in a sentence; `start`/`end` cover only what is gapped. */
export interface NumberSpan {
	kind: 'number' | 'year' | 'month';
	start: number;
	end: number;
	text: string;
	/** The gap with the words that change its meaning: `più di 10.000`, `lo scorso settembre`. */
	display: string;
	value: number;
	qualifier: NumberQualifier;
	format: NumberFormat;
}

// prettier-ignore
const UNITS = [
	'zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci',
	'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto',
	'diciannove'
];
// prettier-ignore
const TENS = [
	'', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'
];

function below100(n: number): string {
	if (n < 20) return UNITS[n];
	const tens = TENS[Math.floor(n / 10)];
	const unit = n % 10;
	if (unit === 0) return tens;
	// venti + uno → ventuno, venti + otto → ventotto; a final tre takes an accent.
	if (unit === 1 || unit === 8) return tens.slice(0, -1) + UNITS[unit];
	return tens + (unit === 3 ? 'tré' : UNITS[unit]);
}

function below1000(n: number): string {
	const hundreds = Math.floor(n / 100);
	const rest = n % 100;
	const head = hundreds === 0 ? '' : hundreds === 1 ? 'cento' : UNITS[hundreds] + 'cento';
	if (rest === 0) return head || 'zero';
	const tail = below100(rest);
	return head && tail.startsWith('o') ? head.slice(0, -1) + tail : head + tail;
}

/**
 * Number words taken as numbers in the text, two to ninety-nine ("quaranta specie"); `uno`/`una`
 * (articles), `sei` (verb) and `cento` ("per cento") are not.
 */
const WORD_VALUES = new Map<string, number>([
	// "ventitré" as written, "ventitre" as often typed.
	...Array.from({ length: 98 }, (_, i) => i + 2)
		.filter((value) => value !== 6)
		.flatMap((value) => {
			const word = below100(value);
			return [[word, value] as const, [word.replace('tré', 'tre'), value] as const];
		})
]);

/** The number words `parseItalianNumber` reads, longest first (for a regular expression). */
export const NUMBER_WORDS = [...WORD_VALUES.keys()].sort((a, b) => b.length - a.length);

/**
 * Italian words for a whole number below a million (`4000` → `quattromila`), or `undefined`.
 */
export function italianNumberWords(n: number): string | undefined {
	if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return undefined;
	if (n < 1000) return below1000(n);
	const thousands = Math.floor(n / 1000);
	const rest = n % 1000;
	const head =
		thousands === 1
			? 'mille'
			: below1000(thousands).replace(/uno$/u, 'un').replace(/tré$/u, 'tre') + 'mila';
	return rest === 0 ? head : head + below1000(rest);
}

/** Parses a number token as written in Italian (`10.000`, `3,5`, `2024`, `due`). */
export function parseItalianNumber(text: string): { value: number; format: NumberFormat } | null {
	const words = WORD_VALUES.get(text.toLowerCase());
	if (words !== undefined) return { value: words, format: 'words' };
	if (/^\d{1,3}(?:\.\d{3})+$/u.test(text)) {
		return { value: Number(text.replaceAll('.', '')), format: 'grouped' };
	}
	if (/^\d{1,3}(?:\.\d{3})*,\d+$/u.test(text) || /^\d+,\d+$/u.test(text)) {
		return { value: Number(text.replaceAll('.', '').replace(',', '.')), format: 'decimal' };
	}
	if (/^\d+$/u.test(text)) return { value: Number(text), format: 'plain' };
	return null;
}

/** Thousands grouped with `.` as the source writes them (Intl's `it` leaves 4000 ungrouped). */
function group(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+$)/gu, '.');
}

/** Writes `value` the way the answer was written, so distractors look like the answer. */
export function formatItalianNumber(value: number, format: NumberFormat, decimals = 1): string {
	if (format === 'words') return italianNumberWords(value) ?? String(value);
	if (format === 'plain') return String(Math.round(value));
	if (format === 'counted')
		return Math.round(value) >= 1000 ? group(String(Math.round(value))) : String(Math.round(value));
	if (format === 'grouped') return group(String(Math.round(value)));
	const [whole, fraction] = value.toFixed(decimals).split('.');
	return `${group(whole)},${fraction}`;
}

/** Other ways of typing the same number: digits without dots, the words, the digits of a word. */
export function numberVariants(text: string, value: number): string[] {
	const variants = [String(value), italianNumberWords(value), String(value).replace('.', ',')];
	return [...new Set(variants.filter((v): v is string => !!v && v !== text))];
}

const QUALIFIERS: [RegExp, NumberQualifier][] = [
	[/(?:^|\s)(fino\s+a|meno\s+di|al\s+massimo|non\s+più\s+di)\s+$/iu, 'up-to'],
	[/(?:^|\s)((?:poco\s+)?più\s+di|oltre|almeno)\s+$/iu, 'more-than'],
	[/(?:^|\s)(circa|quasi|intorno\s+a|attorno\s+a)\s+$/iu, 'about']
];
const YEAR_CONTEXT = /(?:^|\s)((?:alla\s+)?(?:fine|inizio|metà)\s+del|nel|dal|entro\s+il)\s+$/iu;
const MONTH_CONTEXT = /(?:^|\s)((?:lo\s+)?scorso|(?:il\s+)?prossimo|\d{1,2})\s+$/iu;

/**
 * Every number, year and month in a sentence. Spans are offsets into the article body, like the
 * sentence's tokens; a day before a month (`12 settembre`) goes into the month's display.
 */
export function findNumbers(sentence: Sentence): NumberSpan[] {
	const months = monthNames();
	const found: NumberSpan[] = [];
	const { tokens } = sentence;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		const at = token.start - sentence.start;
		const before = () => sentence.text.slice(Math.max(0, at - 30), at);
		const month = months.indexOf(token.text.toLowerCase());
		if (month >= 0) {
			const context = MONTH_CONTEXT.exec(before())?.[1];
			const display = context ? `${context} ${token.text}` : token.text;
			found.push({
				...span(token),
				kind: 'month',
				display,
				value: month + 1,
				qualifier: 'exact',
				format: 'words'
			});
			continue;
		}
		const parsed = parseItalianNumber(token.text);
		if (!parsed) continue;
		const next = tokens[i + 1];
		if (
			parsed.format === 'words' &&
			(!next || next.kind !== 'word' || token.end + 1 !== next.start)
		) {
			continue; // "due" counts things only right before a noun: "due modi"
		}
		if (next && months.includes(next.text.toLowerCase()) && parsed.value <= 31) continue;
		if (parsed.format === 'plain' && parsed.value >= 1000 && parsed.value <= 2100) {
			const context = YEAR_CONTEXT.exec(before())?.[1];
			const display = context ? `${context} ${token.text}` : token.text;
			found.push({
				...span(token),
				kind: 'year',
				display,
				value: parsed.value,
				qualifier: 'exact',
				format: 'plain'
			});
			continue;
		}
		const text = before();
		const hit = QUALIFIERS.find(([pattern]) => pattern.test(text));
		const words = hit ? hit[0].exec(text)?.[1] : undefined;
		const qualifier: NumberQualifier = hit ? hit[1] : 'exact';
		const display = words ? `${words} ${token.text}` : token.text;
		found.push({ ...span(token), kind: 'number', display, qualifier, ...parsed });
	}
	return found;
}

function span(token: { start: number; end: number; text: string }) {
	return { start: token.start, end: token.end, text: token.text };
}

/** What a number may be, from its unit: a percentage is at most 100, an hour at most 24. */
export interface NumberLimits {
	max?: number;
	/** Wrong numbers a few steps from the answer (ages: 5 years). */
	step?: number;
}

/** Same-type numbers seen elsewhere in the text, offered first because they are plausible. */
export interface NumberPoolEntry {
	text: string;
	value: number;
	format: NumberFormat;
}

/**
 * Wrong numbers for a number answer (three unless `count` says otherwise): same format, same
 * order of magnitude, never equal to the answer, distinct. Up to two come from `pool` (other
 * numbers of the text, which a learner may confuse); the rest are the answer times ½, 1½, 2, 3
 * or 4 (decimals: plus or minus whole units, keeping the decimals), picked with `random`.
 */
export function numberDistractors(
	answer: Pick<NumberSpan, 'kind' | 'text' | 'value' | 'format'>,
	random: Random,
	pool: readonly NumberPoolEntry[] = [],
	count = 3,
	limits: NumberLimits = {}
): string[] {
	const { value, format } = answer;
	const decimals = answer.text.split(',')[1]?.length ?? 1;
	const out = new Set<string>();
	const add = (v: number) => {
		if (v <= 0 || v === value || (format !== 'decimal' && !Number.isInteger(v))) return;
		if (limits.max !== undefined && v > limits.max) return;
		if (format === 'words' && (v < 2 || v > 20)) return;
		const text = formatItalianNumber(v, format, decimals);
		if (text !== answer.text && out.size < count) out.add(text);
	};
	if (answer.kind === 'year') {
		for (const offset of shuffled([-1, 1, -2, 2, -3, 3, -5, 5], random)) add(value + offset);
		return [...out];
	}
	if (answer.kind === 'month') {
		const months = monthNames().filter((_, index) => index !== value - 1);
		return shuffled(months, random).slice(0, count);
	}
	// Ages, percentages, hours: near the answer, by steps, never past what the unit allows.
	if (limits.step)
		for (const k of shuffled([-3, -2, -1, 1, 2, 3], random)) add(value + k * limits.step);
	for (const entry of pool) {
		if (out.size >= Math.min(2, count - 1)) break;
		const ratio = entry.value / value;
		if (entry.format === format && ratio >= 0.1 && ratio <= 10) add(entry.value);
	}
	if (format === 'decimal') {
		// 3,5 → 2,5 / 4,5 / 5,5: multiples would give 7,0 and 14,0, which no text writes; 13,8
		// gradi → 12,8 / 14,8, never 53,8.
		const magnitude = Math.floor(Math.log10(value));
		const unit = 10 ** (value < 10 ? magnitude : magnitude - 1);
		for (const k of shuffled([-2, -1, 1, 2, 3, 4], random))
			add(round(value + k * unit, format, decimals));
	}
	const factors = format === 'words' ? [1 / 2, 2, 3 / 2, 3] : [1 / 2, 3 / 2, 2, 3, 4];
	for (const factor of shuffled(factors, random)) add(round(value * factor, format, decimals));
	// Small or odd numbers may have too few clean multiples: step by one unit of their last digit.
	const step = format === 'decimal' ? 10 ** -decimals : 10 ** trailingZeros(value);
	for (let k = 1; out.size < count && k < 20; k++) {
		add(value + k * step);
		add(value - k * step);
	}
	return [...out];
}

function round(v: number, format: NumberFormat, decimals: number): number {
	return format === 'decimal' ? Number(v.toFixed(decimals)) : Math.round(v);
}

function trailingZeros(n: number): number {
	let zeros = 0;
	for (let v = Math.round(n); v >= 10 && v % 10 === 0; v /= 10) zeros++;
	return zeros;
}
