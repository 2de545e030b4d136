/**
 * Quantities in Italian prose, as a teacher would ask them: counts with their noun ("300
 * persone"), percentages with a decimal comma ("62,5 per cento"), ranges ("tra il 20 e il 30 per
 * cento"), money ("1,2 milioni di euro", "€ 850.000"), years, dates ("14 settembre", "12 gennaio
 * 2025"), centuries ("XVII secolo") and scores ("3-1").
 */
import type { NumberQualifier } from '$lib/cards/types';
import type { Sentence } from '$lib/content/types';
import { monthNames } from './lexicon';
import { NUMBER_WORDS, parseItalianNumber, type NumberFormat } from './numbers';

export type QuantityKind =
	'count' | 'percent' | 'money' | 'range' | 'year' | 'date' | 'century' | 'score';

export interface Quantity {
	kind: QuantityKind;
	/** The gap: offsets into the article body, exactly `text`. */
	start: number;
	end: number;
	text: string;
	/** The number typed or compared (money in euro, a percentage in points); none for dates. */
	value?: number;
	format?: NumberFormat;
	qualifier: NumberQualifier;
	/** The words before the number that qualify it ("circa", "oltre"), kept out of the gap. */
	qualifierText?: string;
	/** The noun counted ("persone", "metri"), right after the gap. */
	unit?: string;
	/** The words right before the gap ("nel", "dalla", "di"), which a question replaces. */
	before: string;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const WORD_NUM = NUMBER_WORDS.join('|');
const SCALE = String.raw`(?:\s(?:mila|milioni|milione|miliardi|miliardo))?`;
const ROMAN = 'I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX|XXI';
const SCALES: Record<string, number> = {
	mila: 1e3,
	milione: 1e6,
	milioni: 1e6,
	miliardo: 1e9,
	miliardi: 1e9
};
const QUALIFIER =
	/(?:^|\s)(circa|quasi|oltre|almeno|più di|meno di|fino a|intorno a|attorno a)\s+$/iu;
const QUALIFIERS: Record<string, NumberQualifier> = {
	circa: 'about',
	quasi: 'about',
	'intorno a': 'about',
	'attorno a': 'about',
	oltre: 'more-than',
	almeno: 'more-than',
	'più di': 'more-than',
	'meno di': 'up-to',
	'fino a': 'up-to'
};

function value(number: string, scale?: string): { value: number; format: NumberFormat } | null {
	const parsed = parseItalianNumber(number);
	if (!parsed) return null;
	return { value: parsed.value * (scale ? SCALES[scale.trim()] : 1), format: parsed.format };
}

/** Every quantity of a sentence, longest first where two overlap, in text order. */
export function findQuantities(sentence: Sentence): Quantity[] {
	const text = sentence.text;
	const months = monthNames().join('|');
	const found: Quantity[] = [];
	const add = (kind: QuantityKind, at: number, gap: string, extra: Partial<Quantity> = {}) => {
		const start = sentence.start + at;
		const end = start + gap.length;
		if (found.some((q) => start < q.end && q.start < end)) return;
		const head = text.slice(0, at);
		const qualifier = QUALIFIER.exec(head);
		const before = head
			.slice(0, qualifier ? qualifier.index : undefined)
			.trim()
			.split(/\s+/u)
			.slice(-2)
			.join(' ');
		found.push({
			kind,
			start,
			end,
			text: gap,
			before,
			qualifier: qualifier ? QUALIFIERS[qualifier[1].toLowerCase()] : 'exact',
			qualifierText: qualifier?.[1],
			...extra
		});
	};
	const each = (pattern: string, fn: (m: RegExpExecArray) => void) => {
		for (const m of text.matchAll(
			new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu')
		))
			fn(m);
	};
	each(`tra (?:il |l’|l')?(${NUM}) e (?:il |l’|l')?(${NUM})(?: per cento|%)?`, (m) =>
		add('range', m.index!, m[0])
	);
	each(`dal (\\d{4}) al (\\d{4})`, (m) => add('range', m.index!, m[0]));
	each(`(\\d{1,2}) (${months})(?: (\\d{4}))?`, (m) => add('date', m.index!, m[0]));
	each(`(${ROMAN}) secolo`, (m) => add('century', m.index!, m[1]));
	each(`\\d{1,2}-\\d{1,2}`, (m) => add('score', m.index!, m[0]));
	each(`€\\s?(${NUM})${SCALE}`, (m) => {
		const v = value(m[1], /\s(\p{L}+)$/u.exec(m[0])?.[1]);
		if (v) add('money', m.index!, m[0], { ...v, unit: 'euro' });
	});
	each(`(${NUM})(${SCALE})(?: di)? euro`, (m) => {
		const v = value(m[1], m[2]);
		const gap = m[0].replace(/(?: di)? euro$/u, '');
		if (v) add('money', m.index!, gap, { ...v, unit: 'euro' });
	});
	each(`(${NUM})(?: per cento|%)`, (m) => {
		const v = value(m[1]);
		if (v) add('percent', m.index!, m[1], { ...v, unit: 'per cento' });
	});
	each(`(\\d{4})`, (m) => {
		const year = Number(m[1]);
		if (year >= 1000 && year <= 2100) add('year', m.index!, m[1], { value: year, format: 'plain' });
	});
	each(`(${NUM}|${WORD_NUM})(${SCALE}) (?:di )?(\\p{Ll}{3,}(?: (?:cubi|quadrati))?)`, (m) => {
		const v = value(m[1], m[2]);
		if (v && !/^(?:per|e|o|di|a|in|su|da|euro|anni fa)$/u.test(m[3])) {
			add('count', m.index!, `${m[1]}${m[2]}`, { ...v, unit: m[3] });
		}
	});
	// "gli alberi tagliati sono stati 350": a number without its noun is still a number.
	each(`(${NUM})`, (m) => {
		const v = value(m[1]);
		if (v && v.value > 2) add('count', m.index!, m[1], v);
	});
	return found.sort((a, b) => a.start - b.start);
}
