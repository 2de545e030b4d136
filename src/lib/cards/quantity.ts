/**
 * What a figure in a statement claims, so that a "false" statement about a number is really false
 * and a multiple-choice card has one defensible option.
 *
 * "Più di 1.000 soldati" is not false when the article says "più di 10.000": it is *entailed*.
 * So each quantity has two sets of values: the ones it admits literally (`literal`: more than
 * 1,000 admits 10,000) and the ones a reader takes it to mean (`suggested`: "più di 10.000"
 * suggests somewhat more than 10,000, not 50,000). A claim is false only when none of the values
 * the true figure suggests is among those the claim admits.
 */
import { parseNumber } from '$lib/grading/numbers';

/** Closed interval of values; counts are whole numbers, so "more than 10" starts at 10.5. */
export interface Interval {
	min: number;
	max: number;
}

export type QuantityQualifier =
	'exact' | 'about' | 'more-than' | 'at-least' | 'up-to' | 'less-than' | 'vague';

export interface Quantity {
	qualifier: QuantityQualifier;
	/** Words before the figure that are not part of it ("articolo" in "articolo 4"). */
	prefix: string;
	literal: Interval;
	suggested: Interval;
}

/** How far "circa" reaches: "circa 4.000" covers 3,200–5,000, not 1,000 or 10,000. */
const ABOUT = { below: 0.8, above: 1.25 };
/** "Più di N" suggests less than twice N; "fino a N" a ceiling that is not far below N. */
const SUGGESTED_SPAN = 2;

const QUALIFIERS: [RegExp, QuantityQualifier][] = [
	[/^(?:più|piu) di\s+/u, 'more-than'],
	[/^oltre\s+/u, 'more-than'],
	[/^almeno\s+/u, 'at-least'],
	[/^(?:circa|intorno a|all['’]incirca|più o meno)\s+/u, 'about'],
	[/^fino a\s+/u, 'up-to'],
	[/^meno di\s+/u, 'less-than']
];

/**
 * Quantities said in words, from the smallest: the ranges are what an Italian reader understands
 * ("alcune centinaia" is not 5,000; "migliaia" alone may be tens of thousands).
 */
const VAGUE: [RegExp, Interval][] = [
	[
		/^(?:solo |soltanto )?(?:una manciata|pochissimi|pochi|pochissime|poche)$/u,
		{ min: 1, max: 20 }
	],
	[/^(?:poche|alcune) decine$/u, { min: 10, max: 60 }],
	[/^decine$/u, { min: 10, max: 99 }],
	[/^(?:alcune |diverse |molte )?centinaia$/u, { min: 100, max: 999 }],
	[/^(?:alcune|diverse|poche) migliaia$/u, { min: 2000, max: 9999 }],
	[/^migliaia$/u, { min: 1000, max: 99_999 }],
	[/^(?:alcune |diverse |molte )?decine di migliaia$/u, { min: 10_000, max: 99_999 }],
	[/^(?:alcune |diverse |molte )?centinaia di migliaia$/u, { min: 100_000, max: 999_999 }],
	[/^(?:alcuni |diversi |molti )?milioni$/u, { min: 1e6, max: 9_999_999 }],
	[/^(?:alcune |diverse |molte )?decine di milioni$/u, { min: 1e7, max: 99_999_999 }]
];

const interval = (min: number, max: number): Interval => ({ min, max });

function fromFigure(qualifier: QuantityQualifier, value: number, prefix: string): Quantity {
	const same = (range: Interval) => ({ qualifier, prefix, literal: range, suggested: range });
	switch (qualifier) {
		case 'about':
			return same(interval(value * ABOUT.below, value * ABOUT.above));
		case 'more-than':
			return {
				qualifier,
				prefix,
				literal: interval(value + 0.5, Infinity),
				suggested: interval(value + 0.5, value * SUGGESTED_SPAN)
			};
		case 'at-least':
			return {
				qualifier,
				prefix,
				literal: interval(value, Infinity),
				suggested: interval(value, value * SUGGESTED_SPAN)
			};
		case 'up-to':
			return {
				qualifier,
				prefix,
				literal: interval(0, value),
				suggested: interval(value / SUGGESTED_SPAN, value)
			};
		case 'less-than':
			return {
				qualifier,
				prefix,
				literal: interval(0, value - 0.5),
				suggested: interval(value / SUGGESTED_SPAN, value - 0.5)
			};
		default:
			return same(interval(value, value));
	}
}

/**
 * Reads a quantity: "più di 10.000", "circa 4.000", "fino a 30.000", "articolo 4", "due",
 * "decine di migliaia", "solo una manciata". Null when the text is not a quantity ("lo scorso
 * settembre", "schierando migliaia di truppe").
 */
export function parseQuantity(text: string): Quantity | null {
	const phrase = text.normalize('NFC').toLocaleLowerCase('it').trim().replace(/\s+/gu, ' ');
	for (const [pattern, range] of VAGUE) {
		if (pattern.test(phrase)) {
			return { qualifier: 'vague', prefix: '', literal: range, suggested: range };
		}
	}
	// The figure is the last word; what comes before is a qualifier, a fixed prefix, or both.
	const words = phrase.split(' ');
	const value = parseNumber(words.at(-1) ?? '');
	if (value === null) return null;
	const head = words.slice(0, -1).join(' ');
	const rest = head ? `${head} ` : '';
	for (const [pattern, qualifier] of QUALIFIERS) {
		const at = rest.search(pattern);
		if (at === 0) return fromFigure(qualifier, value, '');
	}
	// "articolo 4": a label and a number; any other words make it something else ("tra 4 anni").
	if (words.length > 2) return null;
	return fromFigure('exact', value, head);
}

const overlaps = (a: Interval, b: Interval) => a.min <= b.max && b.min <= a.max;
const within = (inner: Interval, outer: Interval) =>
	inner.min >= outer.min && inner.max <= outer.max;

/**
 * Whether `claim` holds when the truth is `truth`: `true` when everything the truth suggests is
 * admitted by the claim (entailed: "più di 1.000" when it is "più di 10.000"), `false` when none
 * of it is, `unclear` otherwise ("più di 15.000"), which no false statement may be.
 */
export function judgeQuantity(claim: Quantity, truth: Quantity): 'true' | 'false' | 'unclear' {
	if (claim.prefix !== truth.prefix) return 'unclear';
	if (within(truth.suggested, claim.literal)) return 'true';
	return overlaps(truth.suggested, claim.literal) ? 'unclear' : 'false';
}

/**
 * A set of options gives its answer away by logic when they all bound the figure the same way:
 * among "più di 10.000 / 50.000 / 100.000" only the smallest can be the one right option.
 */
export function boundsGiveAway(answer: Quantity, options: readonly Quantity[]): boolean {
	const bounding = ['more-than', 'at-least', 'up-to', 'less-than'];
	return (
		bounding.includes(answer.qualifier) &&
		options.every((option) => option.qualifier === answer.qualifier)
	);
}
