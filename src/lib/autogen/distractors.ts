/**
 * Wrong answers of the same type and gender as the answer: from the text first (what a learner
 * may confuse), then from the data (places, names, numbers). Never the author, never a word of
 * the prompt, never the answer; the card checks agreement with the words before the gap.
 */
import { GAP } from '$lib/cards/types';
import { rngFor, shuffled, type Random } from '$lib/random/prng';
import type { Claim } from './claims';
import type { Phrase } from './phrases';
import type { Entity } from './entities';
import { firstNameGender, guessGender } from './names';
import {
	numberDistractors,
	formatItalianNumber,
	parseItalianNumber,
	type NumberLimits
} from './numbers';
import { findPlace, italianComuni, italianProvinces, italianRegions, type Place } from './places';
import { monthNames } from './lexicon';
import {
	durationParts,
	formatDuration,
	ORDINALS,
	SHARES,
	shareValue,
	type Quantity
} from './quantities';

/** Everything of the text that distractors are drawn from. */
export interface Pools {
	entities: Entity[];
	quantities: Quantity[];
	/** Reasons, purposes and decisions of the text: the options of a phrase card. */
	phrases: Phrase[];
	speakers: string[];
	/** What each source of the text claims: the options of a claim card. */
	claims: Claim[];
	authors: string[];
	/** Names of one source, lower-cased, to one key: "asl", "azienda sanitaria locale", "asl di cuneo". */
	aliases: Map<string, string>;
	/** Role words given to one person only ("curatrice" → "Francesca Moretti"). */
	roles: Map<string, string>;
}

const ROMAN = ['XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** Up to `count` distractors, or fewer when the text and the data have no more that fit. */
export function distractorsFor(
	answer: Entity | Quantity,
	prompt: string,
	pools: Pools,
	key: string,
	seed: number,
	count = 3
): string[] {
	// Which distractors exist never depends on the seed (so neither do the cards); it only orders them.
	const random = rngFor(`${key}:distractors`, 0);
	const out: string[] = [];
	const lowerPrompt = prompt.toLowerCase();
	const text = answer.text;
	// "Valle d’Aosta" and "Valle d'Aosta" are one option.
	const same = (a: string, b: string) =>
		a.toLowerCase().replace(/’/gu, "'") === b.toLowerCase().replace(/’/gu, "'");
	const add = (option: string) => {
		const lower = option.toLowerCase();
		if (out.length >= count || same(option, text) || out.some((o) => same(o, option))) return;
		if (pools.authors.some((a) => lower.includes(a.toLowerCase()))) return;
		if (
			'kind' in answer &&
			isEntity(answer) &&
			(lower.includes(text.toLowerCase()) || text.toLowerCase().includes(lower))
		)
			return;
		if (lowerPrompt.includes(lower)) return;
		// An acronym and its expansion are one source: never the answer again, never twice.
		const source = (o: string) => pools.aliases.get(o.toLowerCase()) ?? o.toLowerCase();
		if (source(option) === source(text) || out.some((o) => source(o) === source(option))) return;
		out.push(option);
	};
	if (isEntity(answer)) entityOptions(answer, pools, random, prompt).forEach(add);
	else quantityOptions(answer, pools, random, prompt).forEach(add);
	return shuffled(out, rngFor(`${key}:order`, seed));
}

const isEntity = (x: Entity | Quantity): x is Entity =>
	['person', 'place', 'org', 'work', 'name'].includes(x.kind);

function entityOptions(answer: Entity, pools: Pools, random: Random, prompt: string): string[] {
	const same = pools.entities.filter((e) => e.kind === answer.kind && e.text !== answer.text);
	switch (answer.kind) {
		case 'person': {
			const full = answer.text.includes(' ');
			if (!full && firstNameGender(answer.text)) return []; // "Galileo": no surname to vary
			// Only people the text names: a made-up name beside them gives the answer away. Of the
			// same gender as the answer ("la regista": never a man's name).
			const genderOf = (e: Entity) => e.gender ?? guessGender((e.full ?? e.text).split(' ')[0]);
			// "la tedesca _____", "del regista _____": the words before the gap say it when the
			// name does not ("Ingrid Falk").
			const gender = genderOf(answer) ?? genderBeforeGap(prompt);
			const fits = same.filter((e) => !gender || !genderOf(e) || genderOf(e) === gender);
			return full
				? fits.filter((e) => e.text.includes(' ')).map((e) => e.text)
				: [...new Set(fits.map((e) => e.text.split(' ').at(-1)!))];
		}
		case 'place':
			if (answer.place?.kind === 'district' && regionNamedBy(prompt, answer.text)) return [];
			if (answer.province) {
				// "nelle province di Ancona, Macerata e …": the region's other provinces first.
				const region = findPlace(answer.text)?.region;
				const provinces = shuffled(italianProvinces(), random).filter(
					(p) => startsAlike(p.name, answer.text) && !p.name.includes('-')
				);
				return [
					...provinces.filter((p) => region && p.region === region),
					...provinces.filter((p) => !region || p.region !== region)
				].map((p) => p.name);
			}
			return placeOptions(answer.place ?? findPlace(answer.text), same, random, prompt);
		case 'name': {
			// Untyped, but "Palazzo Grimaldi" and "Palazzo Doria" are of one kind: the same first word.
			const head = answer.text.split(/\s+/u)[0];
			if (head === answer.text) return [];
			return same
				.filter((e) => e.text.split(/\s+/u)[0] === head && e.text !== head)
				.map((e) => e.text);
		}
		case 'org': {
			const head = answer.head;
			// "la _____ stanzierà… scuole di Palermo, Catania e Messina": the towns give the region.
			if (head === 'Regione' && regionNamedBy(prompt, answer.text)) return [];
			// "Cnr-Ismar" is asked by its acronym: the others are given by theirs too.
			const byAcronym = answer.short === answer.text || answer.acronym === answer.text;
			const sameHead = same
				.filter((e) => e.head === head)
				.map((e) => (byAcronym ? (e.short ?? e.acronym ?? e.text) : e.text));
			// Only the text's own acronyms: a national body picked from a list (ANAS, INPS) is of
			// another kind than a lab or a union, and no reader is fooled by it.
			if (head === 'sigla') return sameHead;
			const of = new RegExp(`^${head} (?:di |dell’|dell')`, 'u');
			// "Procura di Cuneo" → "Procura di Asti": only where what follows the head is a place.
			const where = findPlace(answer.text.replace(of, ''));
			if (head && of.test(answer.text) && where) {
				const places = (
					head === 'Regione'
						? italianRegions()
						: head === 'Provincia' || where.kind === 'city'
							? italianProvinces()
							: []
				)
					.map((p) => p.name)
					.filter((n) => !n.includes(' ') && !n.includes('-'));
				return [...sameHead, ...shuffled(places, random).map((p) => `${head} di ${p}`)];
			}
			if (head === 'Regione')
				return [...sameHead, ...shuffled(italianRegions(), random).map((p) => `Regione ${p.name}`)];
			return [
				...sameHead,
				...same.filter((e) => e.gender === answer.gender && e.head !== 'sigla').map((e) => e.text)
			];
		}
		default:
			return same.map((e) => e.text);
	}
}

/** The gender the article before a gap gives its name ("la soprano _____", "il regista _____"). */
function genderBeforeGap(prompt: string): 'm' | 'f' | undefined {
	const at = prompt.indexOf(GAP);
	if (at < 0) return undefined;
	// The nearest article of the last three words: "dalla tedesca _____", "il regista _____".
	const words = prompt.slice(0, at).trim().split(/\s+/u).slice(-3).reverse();
	for (const word of words.map((w) => w.toLowerCase())) {
		if (/^(?:la|della|alla|dalla|nella|sulla|una)$/u.test(word)) return 'f';
		if (/^(?:il|lo|del|dello|al|allo|dal|dallo|nel|sul|un|uno)$/u.test(word)) return 'm';
		if (!/^\p{Ll}+$/u.test(word)) return undefined;
	}
	return undefined;
}

/** A noun before the gap that only some towns fit: a port, an island, a coast, a lake. */
const KIND_BEFORE_GAP = new RegExp(
	String.raw`\b(?:porto|porti|isola|isole|arcipelago|golfo|costa|coste|lago|laghi|spiaggia|spiagge|litorale|valle|monte|monti)\s+(?:di|d[’'])\s*${GAP}`,
	'iu'
);

function placeOptions(
	place: Place | undefined,
	same: Entity[],
	random: Random,
	prompt: string
): string[] {
	if (!place) return [];
	// "dell’_____", "ad _____": only then must a wrong town start with a vowel as the answer does.
	const elided = new RegExp(`(?:[’']|\\bad )${GAP}`, 'u').test(prompt);
	// "_____, in provincia di Sondrio": every wrong town is in that province too.
	const inProvince =
		place.italian && place.province && prompt.includes(`provincia di ${place.province}`);
	const fit = (p: Place | undefined) =>
		!!p &&
		p.kind === place.kind &&
		(!inProvince || p.province === place.province) &&
		p.gender === place.gender &&
		!!p.plural === !!place.plural &&
		!p.minor &&
		(!elided || startsAlike(p.name, place.name));
	// "verso San Leo": a province of the text ("Pesaro e Urbino") is not a town.
	const fromText = same.filter((e) => !e.province && fit(e.place)).map((e) => e.text);
	// "il porto di _____", "le isole di _____": neither the data nor the text tells a port or an
	// island from an inland town, so no town is offered (the gap is typed).
	if (KIND_BEFORE_GAP.test(prompt)) return [];
	let data: Place[] = [];
	if (place.italian && place.kind === 'district') data = italianRegions();
	else if (place.italian && place.kind === 'city') {
		const pop = place.population ?? 10_000;
		const near = italianComuni().filter((p) => p.province === place.province);
		// Towns of a like size: "Roma" is never the wrong answer beside a small comune.
		const big = italianComuni(pop / 4).filter((p) => (p.population ?? 0) <= pop * 4);
		data = inProvince
			? shuffled(near, random)
			: [
					...shuffled(
						near.filter((p) => (p.population ?? 0) >= pop / 5),
						random
					).slice(0, 4),
					// Then towns of the same region, of a like size, then any of its larger towns
					// ("Palermo, _____ e Messina": Siracusa, not Casoria), then the rest of Italy.
					...shuffled(
						big.filter((p) => p.region === place.region),
						random
					),
					...shuffled(
						italianComuni(Math.min(20_000, pop / 4)).filter(
							(p) => p.region === place.region && (p.population ?? 0) <= pop * 4
						),
						random
					),
					...shuffled(
						big.filter((p) => p.region !== place.region),
						random
					)
				];
	}
	return [...fromText, ...data.filter(fit).map((p) => p.name)];
}

/** True when a town the prompt names lies in the region `answer` names ("Sicilia", "Regione Siciliana"). */
function regionNamedBy(prompt: string, answer: string): boolean {
	const stem = (name: string) => name.toLowerCase().slice(0, 5);
	const named = answer.replace(/^Regione\s+/u, '');
	for (const m of prompt.matchAll(/\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?/gu)) {
		const place = findPlace(m[0]);
		if (place?.kind === 'city' && place.region && stem(place.region) === stem(named)) return true;
	}
	return false;
}

/** Before an elided article (l’, dell’) a vowel must start the distractor too. */
const startsAlike = (a: string, b: string) => /^[AEIOU]/u.test(a) === /^[AEIOU]/u.test(b);

/**
 * A figure written with its scale as Italian writes it: "3,2 milioni", not "3.200 mila"; "mille",
 * not "1 mila"; "1 milione".
 */
function withScale(figure: string, scale: string): string {
	const n = parseItalianNumber(figure)?.value;
	if (n === undefined) return `${figure} ${scale}`;
	if (scale === 'mila' && n >= 1000)
		return withScale(formatItalianNumber(n / 1000, 'decimal'), 'milioni');
	if (scale.startsWith('milion') && n >= 1000)
		return withScale(formatItalianNumber(n / 1000, 'decimal'), 'miliardi');
	const one: Record<string, string> = {
		mila: 'mille',
		milioni: '1 milione',
		milione: '1 milione',
		miliardi: '1 miliardo',
		miliardo: '1 miliardo'
	};
	if (n === 1) return one[scale] ?? `1 ${scale}`;
	const plural: Record<string, string> = { milione: 'milioni', miliardo: 'miliardi' };
	return `${figure} ${plural[scale] ?? scale}`;
}

/** Whether the figure is a bound the truth lies beyond ("oltre", "superato") or below ("meno di"). */
function boundSide(q: Quantity): 'above' | 'below' | undefined {
	// "aperta fino alle 20" names an hour, not a bound: "fino alle 18" is simply false.
	const said = (q.qualifierText ?? '').toLowerCase();
	if (/^(?:oltre|più di|almeno)$/u.test(said)) return 'above';
	if (said === 'meno di') return 'below';
	if (
		/(?:^|\s)(?:superato|supera|superano|superare|sopra)\s+(?:il|i|l’|l'|gli|le|la)?$/iu.test(
			q.before
		)
	)
		return 'above';
	if (/(?:^|\s)(?:sotto)\s+(?:il|i|l’|l'|gli|le|la)?$/iu.test(q.before)) return 'below';
	return undefined;
}

/** The whole a counted part is of, named soon after the gap: "…, un quarto dei 520 dipendenti". */
function wholeAfterGap(prompt: string): number | undefined {
	const after = prompt.split(GAP)[1]?.slice(0, 80) ?? '';
	// "sette elettori su dieci", "140 unità, un quarto dei 520 dipendenti".
	const m =
		/^[^.;:]*?\b(?:dei|degli|delle|sui|sugli|sulle|su)\s+(\d{1,3}(?:\.\d{3})*|\d+|\p{Ll}+)(?=[\s,.;:]|$)/u.exec(
			after
		);
	return m ? parseItalianNumber(m[1])?.value : undefined;
}

/** The range a quantity's unit allows: percentages, ages, hours of the day. */
function limitsOf(q: Quantity): NumberLimits {
	const v = q.value ?? 0;
	if (q.kind === 'percent')
		return { max: 100, step: v >= 20 && Number.isInteger(v) ? 5 : undefined };
	if (q.kind !== 'count' || q.format === 'words') return {};
	if (q.unit === 'anni' && v >= 15) return { max: 110, step: 5 };
	// "sotto i 36 gradi": a temperature of the weather, not a multiple of it.
	if (q.unit === 'gradi' && v <= 50) return { max: 50, step: 1 };
	// "dalle 9", "fino alle 20": an hour of the day.
	const hourBefore = /(?:^|\s)(?:dalle|alle|le|ore)$/iu;
	if ((hourBefore.test(q.before) || hourBefore.test(q.qualifierText ?? '')) && v <= 24)
		return { max: 24, step: 1 };
	return {};
}

function quantityOptions(q: Quantity, pools: Pools, random: Random, prompt: string): string[] {
	switch (q.kind) {
		case 'duration': {
			// Another time in the same units: the last unit moved, then a larger step.
			const shape = durationParts(q.text);
			const step = shape.secondsShown ? 1 : 60;
			const big = shape.hours ? (shape.minutes ? 60 * step : 3600) : 60;
			const shifts = shuffled([-7, -3, 5, 9], random).map((k) => k * step * (step === 1 ? 3 : 1));
			return [...shifts, big, -big]
				.map((k) => shape.seconds + k)
				.filter((x) => x > 0 && (!shape.hours || x >= 3600))
				.map((x) => formatDuration(x, shape))
				.filter((o) => o !== q.text);
		}
		case 'century': {
			const i = ROMAN.indexOf(q.text);
			return shuffled(
				[ROMAN[i - 1], ROMAN[i + 1], ROMAN[i - 2], ROMAN[i + 2]].filter(Boolean),
				random
			);
		}
		case 'date': {
			const [day, month, year] = q.text.split(' ');
			const d = Number(day);
			const days = shuffled(
				[d - 7, d + 7, d - 1, d + 1, d + 14, d - 14].filter((x) => x >= 1 && x <= 28),
				random
			);
			return days.map((x) => [x, month, year].filter(Boolean).join(' '));
		}
		case 'score': {
			const [a, b] = q.text.split('-').map(Number);
			return shuffled(
				[
					[a, b - 1],
					[a, b + 1],
					[b, a],
					[a + 1, b]
				]
					.filter(([x, y]) => x >= 0 && y >= 0 && x !== y)
					.map(([x, y]) => `${x}-${y}`),
				random
			);
		}
		case 'rank': {
			const list: readonly string[] = (ORDINALS.m as readonly string[]).includes(q.text)
				? ORDINALS.m
				: ORDINALS.f;
			const i = list.indexOf(q.text);
			return shuffled([-2, -1, 1, 2, 3].map((k) => list[i + k]).filter(Boolean), random);
		}
		case 'month': {
			const months = monthNames();
			const i = months.indexOf(q.text.toLowerCase());
			return shuffled(
				[-3, -2, -1, 1, 2, 3].map((k) => months[(i + k + 12) % 12]),
				random
			);
		}
		case 'share': {
			// "oltre la metà", "più di un quarto": every wrong share must be false there too, so
			// beyond the answer's side; "più di la metà" is no Italian, so not after "di".
			const value = shareValue;
			const all: readonly string[] = [...SHARES.singular, ...SHARES.plural];
			const list: readonly string[] =
				q.qualifier === 'exact' || q.qualifier === 'about'
					? (SHARES.singular as readonly string[]).includes(q.text)
						? SHARES.singular
						: SHARES.plural
					: all.filter((o) =>
							q.qualifier === 'more-than' ? value(o) > q.value! : value(o) < q.value!
						);
			const afterDi = /(?:^|\s)di$/u.test(q.qualifierText ?? q.before);
			return shuffled(
				list.filter((o) => o !== q.text && !(afterDi && o.startsWith('la '))),
				random
			);
		}
		case 'range': {
			const nums = [...q.text.matchAll(/\d+/gu)].map((m) => Number(m[0]));
			const width = nums[1] - nums[0];
			// "tra le 11 e le 18": hours of the day stay within the day.
			const hours = /^tra le \d/u.test(q.text) && nums[1] <= 24;
			// Hours move by a few hours, other ranges by their own width; a span of years only back
			// in time ("tra il 2021 e il 2023" is asked of what happened, not of 2029).
			const years = nums[0] >= 1000;
			const shifts = hours
				? [-3, -2, 2, 3]
				: years
					? [-3 * width, -2 * width, -width]
					: [-2 * width, -width, width, 2 * width];
			return shuffled(shifts, random)
				.map((k) => [nums[0] + k, nums[1] + k])
				.filter(([a, b]) => a > 0 && (!hours || b <= 24))
				.map(([a, b]) => {
					let n = 0;
					return (
						q.text
							.replace(/\d+/gu, () => String(n++ === 0 ? a : b))
							.replace(/\bil (?=(?:1|8|11|8\d|8\d\d)\b)/gu, 'l’')
							.replace(/l['’](?!(?:1|8|11|8\d|8\d\d)\b)(?=\d)/gu, 'il ')
							// "tra i 9 e gli 11": the plural article before a vowel sound too.
							.replace(/\bi (?=(?:8|11|8\d|8\d\d)\b)/gu, 'gli ')
							.replace(/\bgli (?!(?:8|11|8\d|8\d\d)\b)(?=\d)/gu, 'i ')
					);
				});
		}
		default: {
			// "sessant'anni": no other number elides the same way; only the typed card asks it.
			if (q.value === undefined || !q.format || /[’']/u.test(q.text)) return [];
			const scale = /\s(mila|milioni|milione|miliardi|miliardo)$/u.exec(q.text)?.[1];
			const shown = scale ? q.text.replace(/\s\p{L}+$/u, '') : q.text;
			const base = scale
				? q.value / (scale.startsWith('mila') ? 1e3 : scale.startsWith('milion') ? 1e6 : 1e9)
				: q.value;
			// A count written "400" gets "1.200", not "1200": only years go ungrouped.
			const format = /,/u.test(shown)
				? 'decimal'
				: q.format === 'plain' && q.kind !== 'year'
					? 'counted'
					: q.format;
			// "140 unità, più di un quarto dei 520 dipendenti": a part is less than its whole.
			const whole = wholeAfterGap(prompt);
			const limits = whole && whole > q.value ? { ...limitsOf(q), max: whole - 1 } : limitsOf(q);
			const pool = pools.quantities
				.filter((o) => o.kind === q.kind && o.value !== undefined && o.format)
				.map((o) => ({ text: o.text, value: o.value!, format: o.format! }));
			const kind = q.kind === 'year' ? 'year' : 'number';
			const numbers = numberDistractors(
				{ kind, text: shown, value: base, format },
				random,
				scale ? [] : pool.filter((o) => !limits.max || o.value <= limits.max),
				// Half of them fall on the answer's side of a bound: ask for more.
				boundSide(q) ? 12 : 5,
				scale ? {} : limits
			);
			// "ha superato il 60 per cento", "oltre 300", "meno di 20": a wrong figure on the answer's
			// side of the bound would make a true sentence too.
			return numbers
				.filter((n) => {
					const v = parseItalianNumber(n)?.value;
					const side = boundSide(q);
					return !side || v === undefined || (side === 'above' ? v > base : v < base);
				})
				.map((n) => (scale ? withScale(n, scale) : n))
				.filter((n) => n !== formatItalianNumber(base, format) && n !== q.text);
		}
	}
}
