/**
 * Does a phrase fit the article or preposition before it? "Alla Guatemala" and "Gli Paesi Bassi"
 * teach a mistake: a distractor must take the same article, in the same form, as the answer it
 * stands for. Checked mechanically from the word's ending and first sounds, with the exceptions
 * that trip that rule in names and common nouns; whatever cannot be told is let through.
 */

export type Gender = 'm' | 'f';
export type GrammaticalNumber = 'sg' | 'pl';
/** How a word starts, for the article's form: `l'`/`un'` before a vowel, `lo`/`gli` before s+consonant, z… */
type Sound = 'vowel' | 'semivowel' | 'impure' | 'consonant' | 'unknown';

interface Determiner {
	gender?: Gender;
	number: GrammaticalNumber;
	/** The sounds it may stand before; undefined: any. */
	before?: readonly Sound[];
}

const CONSONANT: readonly Sound[] = ['consonant'];
const VOWEL: readonly Sound[] = ['vowel', 'semivowel'];
const IMPURE: readonly Sound[] = ['impure', 'semivowel'];

/** The definite articles, the forms articulated prepositions are built on. */
const ARTICLES: Record<string, Determiner> = {
	il: { gender: 'm', number: 'sg', before: CONSONANT },
	lo: { gender: 'm', number: 'sg', before: IMPURE },
	"l'": { number: 'sg', before: VOWEL },
	la: { gender: 'f', number: 'sg', before: ['consonant', 'impure'] },
	i: { gender: 'm', number: 'pl', before: CONSONANT },
	gli: { gender: 'm', number: 'pl', before: [...VOWEL, 'impure'] },
	le: { gender: 'f', number: 'pl' }
};

/** Articulated prepositions: `di` + `il` is `del`, `a` + `gli` is `agli`… */
const STEMS: Record<string, string> = { d: 'de', a: 'a', da: 'da', n: 'ne', s: 'su' };

function articulated(): Map<string, Determiner> {
	const forms = new Map<string, Determiner>(Object.entries(ARTICLES));
	for (const stem of Object.values(STEMS)) {
		for (const [article, determiner] of Object.entries(ARTICLES)) {
			const form =
				article === 'il'
					? `${stem}l`
					: article === 'i'
						? `${stem}i`
						: `${stem}${article.startsWith('l') ? 'l' : ''}${article}`;
			forms.set(form, determiner);
		}
	}
	forms.set('un', { gender: 'm', number: 'sg', before: ['vowel', 'semivowel', 'consonant'] });
	forms.set('uno', { gender: 'm', number: 'sg', before: IMPURE });
	forms.set('una', { gender: 'f', number: 'sg', before: ['consonant', 'impure'] });
	forms.set("un'", { gender: 'f', number: 'sg', before: VOWEL });
	const possessives: [string, Gender, GrammaticalNumber][] = [
		['mio', 'm', 'sg'],
		['mia', 'f', 'sg'],
		['miei', 'm', 'pl'],
		['mie', 'f', 'pl'],
		['suo', 'm', 'sg'],
		['sua', 'f', 'sg'],
		['suoi', 'm', 'pl'],
		['sue', 'f', 'pl']
	];
	for (const [form, gender, number] of possessives) forms.set(form, { gender, number });
	return forms;
}

const DETERMINERS = articulated();

const words = (text: string) => new Set(text.split(/\s+/u));
/** Nouns and names in -a that are masculine: "il problema", "il Guatemala", "il Ghana". */
const MASCULINE_A = words(`problema sistema programma tema clima pianeta poeta dramma schema
	diploma enigma pigiama cinema panorama telegramma fantasma dilemma carisma dogma trauma papa
	profeta guatemala ghana gambia zambia canada panama venezuela nicaragua botswana kenya ruanda
	uganda sudafrica`);
/** Nouns in -o that are feminine: "la mano", "la radio". */
const FEMININE_O = words('mano radio foto moto auto dinamo');
/** Singular nouns in -i: "la crisi", "il Mali". */
const SINGULAR_I = new Map<string, Gender>([
	...[...words('crisi analisi tesi ipotesi sintesi metropoli oasi diocesi prassi paralisi')].map(
		(w) => [w, 'f'] as [string, Gender]
	),
	...[...words('mali malawi burundi brunei gibuti haiti kiribati taxi')].map(
		(w) => [w, 'm'] as [string, Gender]
	)
]);

/** Gender and number of a phrase, from its first word (the head, or an adjective agreeing with it). */
export function features(phrase: string): { gender?: Gender; number?: GrammaticalNumber } {
	const word = firstWord(phrase);
	if (!/^\p{L}+$/u.test(word)) return {};
	if (SINGULAR_I.has(word)) return { gender: SINGULAR_I.get(word), number: 'sg' };
	if (word.endsWith('a')) return { gender: MASCULINE_A.has(word) ? 'm' : 'f', number: 'sg' };
	if (word.endsWith('o')) return { gender: FEMININE_O.has(word) ? 'f' : 'm', number: 'sg' };
	// Plurals in -i are masculine or feminine ("le notti"); "-e" may be either number.
	if (word.endsWith('i') && word.length > 2) return { number: 'pl' };
	return {};
}

function firstWord(phrase: string): string {
	const [first = ''] = phrase
		.normalize('NFC')
		.replace(/^[\s«“"'‘]+/u, '')
		.split(/[\s’']/u);
	return first.toLocaleLowerCase('it');
}

function sound(phrase: string): Sound {
	const word = firstWord(phrase);
	if (/^i[aeiouàèéìòóù]/u.test(word)) return 'semivowel';
	if (/^[aeiouàèéìòóù]/u.test(word)) return 'vowel';
	if (/^(?:s[^aeiouàèéìòóù]|z|gn|ps|pn|x|y)/u.test(word)) return 'impure';
	if (/^h/u.test(word) || !/^\p{L}/u.test(word)) return 'unknown';
	return 'consonant';
}

/**
 * The determiner that ends `before` (an article, an articulated preposition, a possessive), as
 * the key `agreementFault` takes; null when the text does not end in one.
 */
export function determinerAtEnd(before: string): string | null {
	const text = before.normalize('NFC').replace(/[’‘ʼ]/gu, "'");
	const match = /(?:^|[\s(«“"])(\p{L}+')$|(?:^|[\s(«“"])(\p{L}+)\s+$/u.exec(text);
	const word = (match?.[1] ?? match?.[2] ?? '').toLocaleLowerCase('it');
	return DETERMINERS.has(word) ? word : null;
}

/**
 * What is wrong with `phrase` after `determiner` ("alla" + "Guatemala": gender), or null when
 * nothing can be found wrong.
 */
export function agreementFault(determiner: string, phrase: string): string | null {
	const det = DETERMINERS.get(determiner.replace(/’/gu, "'").toLocaleLowerCase('it'));
	if (!det) return null;
	const starts = sound(phrase);
	if (det.before && starts !== 'unknown' && !det.before.includes(starts)) {
		return `"${determiner}" cannot stand before "${firstWord(phrase)}"`;
	}
	const { gender, number } = features(phrase);
	if (number && number !== det.number)
		return `"${determiner}" is ${det.number}, "${phrase}" ${number}`;
	if (gender && det.gender && gender !== det.gender) {
		return `"${determiner}" is ${det.gender}, "${phrase}" ${gender}`;
	}
	return null;
}

/** The fault of putting `phrase` where `at` is in `text` (after whatever determiner precedes). */
export function faultInContext(text: string, at: number, phrase: string): string | null {
	const determiner = determinerAtEnd(text.slice(0, at));
	return determiner ? agreementFault(determiner, phrase) : null;
}

/**
 * The options of a card with a gap that do not fit the words before the gap ("alla" + "Guatemala");
 * empty for cards without a gap.
 */
export function misfitOptions(prompt: string, gap: string, options: readonly string[]): string[] {
	const at = prompt.indexOf(gap);
	if (at < 0) return [];
	return options.filter((option) => faultInContext(prompt, at, option) !== null);
}
