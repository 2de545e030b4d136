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
	| 'count'
	| 'percent'
	| 'money'
	| 'range'
	| 'year'
	| 'date'
	| 'century'
	| 'score'
	| 'share'
	| 'month'
	| 'rank'
	| 'duration';

/** Ordinals by gender, for ranks: "al terzo posto", "la quarta tappa". */
export const ORDINALS = {
	m: [
		'primo',
		'secondo',
		'terzo',
		'quarto',
		'quinto',
		'sesto',
		'settimo',
		'ottavo',
		'nono',
		'decimo'
	],
	f: [
		'prima',
		'seconda',
		'terza',
		'quarta',
		'quinta',
		'sesta',
		'settima',
		'ottava',
		'nona',
		'decima'
	]
} as const;

/**
 * Shares in words ("un terzo degli autobus", "oltre la metà degli iscritti"), by grammatical
 * number: a singular share takes a singular verb, so its wrong options are singular too.
 */
export const SHARES = {
	singular: ['la metà', 'un terzo', 'un quarto', 'un quinto', 'un decimo'],
	plural: ['due terzi', 'tre quarti', 'due quinti', 'tre quinti', 'quattro quinti']
} as const;

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
	/(?:^|\s)(circa|quasi|oltre|almeno|più di|meno di|(?:fino|intorno|attorno) a(?:i|l|gli|lle|lla)?)\s+$/iu;
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

const FRACTIONS: Record<string, number> = {
	metà: 2,
	terzo: 3,
	terzi: 3,
	quarto: 4,
	quarti: 4,
	quinto: 5,
	quinti: 5,
	decimo: 10
};

/** "due terzi" → 2/3. */
export function shareValue(share: string): number {
	const [count, part] = share.split(' ');
	const numerator = { la: 1, un: 1, due: 2, tre: 3, quattro: 4 }[count] ?? 1;
	return numerator / FRACTIONS[part];
}

function value(number: string, scale?: string): { value: number; format: NumberFormat } | null {
	const parsed = parseItalianNumber(number);
	if (!parsed) return null;
	return { value: parsed.value * (scale ? SCALES[scale.trim()] : 1), format: parsed.format };
}

/** A time of hours, minutes and seconds, and which of them its text names. */
export interface DurationParts {
	seconds: number;
	hours: boolean;
	minutes: boolean;
	secondsShown: boolean;
}

export function durationParts(text: string): DurationParts {
	const of = (unit: string) => Number(new RegExp(`(\\d+) ${unit}`, 'u').exec(text)?.[1] ?? NaN);
	const [h, m, s] = [of('or[ae]'), of('minut[oi]'), of('second[oi]')];
	return {
		seconds: (h || 0) * 3600 + (m || 0) * 60 + (s || 0),
		hours: !Number.isNaN(h),
		minutes: !Number.isNaN(m),
		secondsShown: !Number.isNaN(s)
	};
}

/** "4 ore 52 minuti e 18 secondi", in the shape of `like` (which units it names). */
export function formatDuration(seconds: number, like: DurationParts): string {
	const h = like.hours ? Math.floor(seconds / 3600) : 0;
	const m = like.minutes ? Math.floor((seconds - h * 3600) / 60) : 0;
	const s = seconds - h * 3600 - m * 60;
	const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	const parts = [
		like.hours ? unit(h, 'ora', 'ore') : '',
		like.minutes ? unit(m, 'minuto', 'minuti') : '',
		like.secondsShown ? unit(s, 'secondo', 'secondi') : ''
	].filter(Boolean);
	return parts.length > 1 ? `${parts.slice(0, -1).join(' ')} e ${parts.at(-1)}` : parts[0];
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
			// "intorno ai 13,8 gradi": the preposition's article is kept in the text, not in the key.
			qualifier: qualifier
				? QUALIFIERS[qualifier[1].toLowerCase().replace(/ a\p{L}*$/u, ' a')]
				: 'exact',
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
	each(`tra (?:il |l’|l'|le |i )?(${NUM}) e (?:il |l’|l'|le |i )?(${NUM})(?: per cento|%)?`, (m) =>
		add('range', m.index!, m[0])
	);
	each(`dal (\\d{4}) al (\\d{4})`, (m) => add('range', m.index!, m[0]));
	each(`(\\d{1,2}) (${months})(?: (\\d{4}))?`, (m) => add('date', m.index!, m[0]));
	// "in 4 ore 52 minuti e 18 secondi", "a 1 minuto e 12 secondi": one time, asked whole.
	each(
		String.raw`(\d{1,3}) or[ae](?:,? (\d{1,2}) minut[oi])?(?:,? e (\d{1,2}) second[oi])?|(\d{1,3}) minut[oi] e (\d{1,2}) second[oi]`,
		(m) => {
			if (!m[2] && !m[3] && !m[5]) return; // "3 ore" alone is a count of hours
			const parts = durationParts(m[0]);
			add('duration', m.index!, m[0], { value: parts.seconds, format: 'plain' });
		}
	);
	each(`(${ROMAN}) secolo`, (m) => add('century', m.index!, m[1]));
	each(`\\d{1,2}-\\d{1,2}`, (m) => add('score', m.index!, m[0]));
	each(`€\\s?(${NUM})${SCALE}`, (m) => {
		const v = value(m[1], /\s(\p{L}+)$/u.exec(m[0])?.[1]);
		if (v) add('money', m.index!, m[0], { ...v, unit: 'euro' });
	});
	each(`(${NUM})(${SCALE})(?: di)? (euro|dollari|sterline|franchi)`, (m) => {
		const v = value(m[1], m[2]);
		const gap = m[0].replace(/(?: di)? \p{L}+$/u, '');
		if (v) add('money', m.index!, gap, { ...v, unit: m[3] });
	});
	each(`(${NUM})(?: per cento|%)`, (m) => {
		const v = value(m[1]);
		if (v) add('percent', m.index!, m[1], { ...v, unit: 'per cento' });
	});
	// "per oltre sessant’anni": a tens word elided before its noun is one word with it.
	each(
		`(vent|trent|quarant|cinquant|sessant|settant|ottant|novant)[’'](anni|ore|euro|abitanti)`,
		(m) => {
			const tens = {
				vent: 20,
				trent: 30,
				quarant: 40,
				cinquant: 50,
				sessant: 60,
				settant: 70,
				ottant: 80,
				novant: 90
			}[m[1].toLowerCase() as 'vent'];
			add('count', m.index!, m[0], { value: tens, format: 'words', unit: m[2] });
		}
	);
	// "è sceso al terzo posto", "ha vinto la quarta tappa": a rank, asked against its neighbours.
	each(
		`(${ORDINALS.m.join('|')})(?= posto\\b)|(${ORDINALS.f.join('|')})(?= (?:tappa|giornata|edizione|posizione)\\b)`,
		(m) =>
			add('rank', m.index!, m[1] ?? m[2], {
				value: 1 + Math.max(ORDINALS.m.indexOf(m[1] as never), ORDINALS.f.indexOf(m[2] as never))
			})
	);
	// "entrerà in servizio a gennaio", "lo scorso febbraio": a month without its day.
	each(`(?<=(?:^|\\s)(?:a|ad|per|entro|da|di|scorso|prossimo)\\s)(${months})(?! \\d)`, (m) =>
		add('month', m.index!, m[0])
	);
	// "un terzo degli autobus", "quasi la metà dei capannoni": a share of what follows.
	each(
		`(${[...SHARES.singular, ...SHARES.plural].join('|')})(?= (?:dei|degli|delle|di|del|della|dell’|dell'))`,
		(m) => add('share', m.index!, m[0], { value: shareValue(m[0]) })
	);
	each(`(\\d{4})`, (m) => {
		const year = Number(m[1]);
		if (year >= 1000 && year <= 2100) add('year', m.index!, m[1], { value: year, format: 'plain' });
	});
	each(`(${NUM}|${WORD_NUM})(${SCALE}) (?:di )?(\\p{Ll}{3,}(?: (?:cubi|quadrati))?)`, (m) => {
		const v = value(m[1], m[2]);
		// "19 dei 32 seggi": "dei" is no unit.
		if (
			v &&
			!/^(?:per|e|o|di|a|in|su|da|euro|anni fa|dei|degli|delle|del|della|dello|sui|sugli|sulle|nei|negli|nelle|ai|agli|alle|dai|dagli|dalle|tra|fra|con)$/u.test(
				m[3]
			)
		) {
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
