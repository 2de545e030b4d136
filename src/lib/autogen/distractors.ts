/**
 * Wrong answers for multiple-choice cards. A distractor must be wrong, of the same type as the
 * answer and fit the sentence grammatically (Zhang et al. 2020): a place after "la" must be a
 * feminine singular country, a place after "a" a city, a number must look like the answer.
 * Pools are built once per type, so finding distractors does not grow with the text.
 */
import type { Token } from '$lib/text/tokens';
import type { Candidate } from './candidates';
import { gazetteer, placeKey, type Place, type PlaceKind } from './entities';
import { numberDistractors, type NumberPoolEntry } from './numbers';
import type { Random } from '$lib/random/prng';

/**
 * Which places fit a gap, from the article or preposition before it: `city` (no article: "a
 * Mosca"), `vowel` ("l’Ucraina"), `feminine` ("la Russia"), `masculine` ("il Giappone"),
 * `plural-m` ("gli Stati Uniti"), `plural-f` ("le Filippine"), `bare` (a country without article:
 * "in Russia").
 */
export type PlaceSlot =
	'city' | 'vowel' | 'feminine' | 'masculine' | 'plural-m' | 'plural-f' | 'bare';

const forms = (text: string) => new Set(text.split(' '));
const BEFORE_VOWEL = forms("l' dell' all' nell' dall' sull'");
const FEMININE = forms('la della alla nella dalla sulla');
const MASCULINE = forms('il lo del dello al allo nel nello dal dallo sul sullo');
const PLURAL_M = forms('i gli dei degli ai agli nei negli dai dagli sui sugli');
const PLURAL_F = forms('le delle alle nelle dalle sulle');
const PLURAL_HEADS = forms(
	'Stati Paesi Emirati Isole Territori Filippine Maldive Comore Seychelles Bahamas Americhe Caraibi'
);
const CONNECTOR = /^(?:del|della|dei|di)$/u;

const isPlural = (name: string) => PLURAL_HEADS.has(name.split(' ')[0]);
const startsWithVowel = (name: string) => /^[AEIOUÀÈÉÌÒÙ]/u.test(name);

/** The slot a place fills, from the token before it. */
export function placeSlot(place: Place, previous: Token | undefined): PlaceSlot {
	if (place.kind === 'city') return 'city';
	const before = previous?.text.toLowerCase().replace(/’/gu, "'") ?? '';
	if (BEFORE_VOWEL.has(before)) return 'vowel';
	if (FEMININE.has(before)) return 'feminine';
	if (MASCULINE.has(before)) return 'masculine';
	if (PLURAL_M.has(before)) return 'plural-m';
	if (PLURAL_F.has(before)) return 'plural-f';
	return 'bare';
}

/**
 * True when a place can fill a slot without changing the words around it. Gender is guessed from
 * the ending of the head word, which must agree with the rest of the name: `Nuova Zelanda` and
 * `Corea del Sud` are feminine, `Sahara Occidentale` and `Burkina Faso` are left out.
 */
export function fitsSlot(place: Place, slot: PlaceSlot): boolean {
	if (slot === 'city') return place.kind === 'city';
	if (place.kind === 'city' || / e /u.test(place.name)) return false;
	const plural = isPlural(place.name);
	const [head, second = '', ...rest] = place.name.split(' ');
	const last = rest.at(-1) ?? second;
	if (slot === 'plural-m') return plural && head.endsWith('i');
	if (slot === 'plural-f') return plural && head.endsWith('e');
	if (plural) return false;
	if (slot === 'vowel') return startsWithVowel(place.name);
	if (slot === 'bare') return true;
	if (startsWithVowel(place.name)) return false;
	const agrees = !second || CONNECTOR.test(second) || last.endsWith(head.at(-1)!);
	return agrees && (slot === 'feminine' ? head.endsWith('a') : !head.endsWith('a'));
}

const SLOTS: PlaceSlot[] = [
	'city',
	'vowel',
	'feminine',
	'masculine',
	'plural-m',
	'plural-f',
	'bare'
];

/** A pool holds places of one kind fitting one slot: never a country for a region. */
type PoolKey = `${PlaceKind}:${PlaceSlot}`;
let gazetteerPools: Map<PoolKey, string[]> | undefined;

function addToPools(pools: Map<PoolKey, string[]>, place: Place, name = place.name): void {
	for (const slot of SLOTS) {
		if (!fitsSlot(place, slot)) continue;
		const key: PoolKey = `${place.kind}:${slot}`;
		const pool = pools.get(key);
		if (pool) pool.push(name);
		else pools.set(key, [name]);
	}
}

/** Gazetteer names per kind and slot, sorted, built once. */
function gazetteerPool(key: PoolKey): string[] {
	if (!gazetteerPools) {
		gazetteerPools = new Map();
		for (const place of gazetteer().values()) if (!place.minor) addToPools(gazetteerPools, place);
		for (const names of gazetteerPools.values()) names.sort();
	}
	return gazetteerPools.get(key) ?? [];
}

/** Same-type answers found in the text, each once, in order of first appearance. */
export interface Pools {
	numbers: NumberPoolEntry[];
	places: Map<PoolKey, string[]>;
	/** Names of two or more words ("Sergey Lavrov"). */
	fullNames: string[];
	/** One-word mentions ("Lavrov") and the surnames of two-word names. */
	surnames: string[];
	organisations: string[];
}

/** Collects the pools from every candidate of a text, in one pass. */
export function buildPools(candidates: readonly Candidate[]): Pools {
	const places = gazetteer();
	const seen = new Set<string>();
	const pools: Pools = {
		numbers: [],
		places: new Map(),
		fullNames: [],
		surnames: [],
		organisations: []
	};
	const once = (pool: string, text: string) =>
		!seen.has(`${pool}:${text}`) && !!seen.add(`${pool}:${text}`);
	for (const c of candidates) {
		if (c.kind === 'number' && c.value !== undefined && c.format && once('n', c.text)) {
			pools.numbers.push({ text: c.text, value: c.value, format: c.format });
		} else if (c.kind === 'place' && once('p', c.text)) {
			const place = places.get(placeKey(c.text));
			if (place) addToPools(pools.places, place, c.text);
		} else if (c.kind === 'person') {
			const words = c.text.split(' ');
			if (words.length > 1 && once('f', c.text)) pools.fullNames.push(c.text);
			// A three-word name ends with a given name ("Kim Jong Un"): only two-word names give surnames.
			const surname = words.length === 1 ? c.text : words.length === 2 ? words[1] : '';
			if (surname && once('s', surname)) pools.surnames.push(surname);
		} else if (c.kind === 'organisation' && once('o', c.text)) {
			pools.organisations.push(c.text);
		}
	}
	return pools;
}

/**
 * Three distractors for a candidate, or `null` when the text and the gazetteer cannot supply
 * three of the right type. Never the answer, never a word already in the sentence (it would be
 * a second right-looking answer), all distinct.
 */
export function findDistractors(
	candidate: Candidate,
	sentenceText: string,
	pools: Pools,
	random: Random
): string[] | null {
	const answer = candidate.text.toLowerCase();
	const sentence = sentenceText.toLowerCase();
	const isNumber = candidate.value !== undefined;
	// Numbers are compared word by word: "2" is not in "2024".
	const words = new Set(sentence.split(/[\s;:!?«»"“”()]+|[.,](?!\d)/u));
	const out: string[] = [];
	const add = (option: string, max = 3) => {
		const lower = option.toLowerCase();
		if (out.length >= max || lower === answer || out.some((o) => o.toLowerCase() === lower)) return;
		if (
			isNumber
				? words.has(lower)
				: sentence.includes(lower) || lower.includes(answer) || answer.includes(lower)
		)
			return;
		out.push(option);
	};
	switch (candidate.kind) {
		case 'number':
		case 'year':
		case 'month': {
			const { kind, text, value, format } = candidate;
			if (value === undefined || !format) return null;
			for (const option of numberDistractors(
				{ kind, text, value, format },
				random,
				pools.numbers,
				6 // spares, for those that already occur in the sentence
			)) {
				add(option);
			}
			break;
		}
		case 'place': {
			const place = gazetteer().get(placeKey(candidate.text));
			if (!place) return null;
			const key: PoolKey = `${place.kind}:${candidate.slot ?? 'bare'}`;
			const pool = gazetteerPool(key);
			// A neighbour by name ("Corea del Sud" for "Corea del Nord") is the most plausible wrong place.
			const head = candidate.text.split(' ')[0];
			for (const name of pool) if (name.startsWith(`${head} `)) add(name, 1);
			for (const name of pools.places.get(key) ?? []) add(name, 2);
			// Random picks, not a shuffle of the whole gazetteer: constant work per card. Names as
			// long as the answer first, so "Europa" gets "Africa" rather than "America del Sud".
			const words = candidate.text.split(' ').length;
			for (let tries = 0; out.length < 3 && tries < 60 && pool.length; tries++) {
				const name = pool[Math.floor(random() * pool.length)];
				if (tries >= 30 || name.split(' ').length === words) add(name);
			}
			break;
		}
		case 'person': {
			const full = candidate.text.includes(' ');
			for (const name of full ? pools.fullNames : pools.surnames) add(name);
			break;
		}
		case 'organisation':
			for (const name of pools.organisations) add(name);
			break;
		default:
			return null;
	}
	return out.length === 3 ? out : null;
}
