/**
 * Readings for words the table does not know, from how Italian builds words: a known word with a
 * prefix (ricostruire, antinquinamento), a productive ending (impollinatori → impollinatore,
 * digitalizzare), a loanword (cross, discount). Every such reading is marked `guessed`: a
 * vocabulary card can leave it out, as the word may also be a misprint.
 */
import type { Analysis } from './types';

/** Prefixes that make new words from known ones, longest first where one starts another. */
const PREFIXES = [
	'sovra',
	'sopra',
	'sotto',
	'super',
	'ultra',
	'iper',
	'extra',
	'inter',
	'intra',
	'contro',
	'anti',
	'auto',
	'micro',
	'macro',
	'multi',
	'mono',
	'poli',
	'semi',
	'post',
	'pre',
	'neo',
	'bio',
	'eco',
	'tele',
	'euro',
	'vice',
	'dis',
	'ri',
	're',
	'co'
];

/** Endings of nouns, adjectives and verbs that any new word with them shares. */
const SUFFIXES: [ending: RegExp, lemmaEnding: string, pos: Analysis['pos'], features: string][] = [
	[/mente$/u, 'mente', 'ADV', ''],
	[/zion[ei]$/u, 'zione', 'NOUN', 'f'],
	[/sion[ei]$/u, 'sione', 'NOUN', 'f'],
	[/tor[ei]$/u, 'tore', 'NOUN', 'm'],
	[/tric[ei]$/u, 'trice', 'NOUN', 'f'],
	[/ità$/u, 'ità', 'NOUN', 'f:s|p'],
	[/ism[oi]$/u, 'ismo', 'NOUN', 'm'],
	[/ist[aei]$/u, 'ista', 'NOUN', ''],
	[/ment[oi]$/u, 'mento', 'NOUN', 'm'],
	[/aggi(?:o)?$/u, 'aggio', 'NOUN', 'm'],
	[/ezz[ae]$/u, 'ezza', 'NOUN', 'f'],
	[/logi[ae]$/u, 'logia', 'NOUN', 'f'],
	[/izz(?:are|a|ano|ato|ata|ati|ate|ando|ava|avano|erà|eranno)$/u, 'izzare', 'VERB', ''],
	[/ific(?:are|a|ano|ato|ata|ati|ate|ando)$/u, 'ificare', 'VERB', ''],
	[/os[oaie]$/u, 'oso', 'ADJ', ''],
	[/(?:ic[oa]|ici|iche)$/u, 'ico', 'ADJ', ''],
	[/bil[ei]$/u, 'bile', 'ADJ', ''],
	[/iv[oaie]$/u, 'ivo', 'ADJ', ''],
	[/al[ei]$/u, 'ale', 'ADJ', ''],
	[/ian[oaie]$/u, 'iano', 'ADJ', ''],
	[/(?:are|ere|ire)$/u, '', 'VERB', 'inf'],
	[/at[oaie]$/u, 'are', 'VERB', 'part:past']
];

const CONTENT: ReadonlySet<string> = new Set(['NOUN', 'ADJ', 'VERB', 'ADV']);

/**
 * Guessed readings of a lower-case word that `known` (the table's readings) says nothing of;
 * empty when nothing about the word is telling.
 */
export function guessReadings(word: string, known: (form: string) => Analysis[]): Analysis[] {
	if (word.length < 4 || !/^\p{Ll}+$/u.test(word)) return [];
	for (const prefix of PREFIXES) {
		const rest = word.slice(prefix.length);
		if (!word.startsWith(prefix) || rest.length < 4) continue;
		const base = known(rest).filter((a) => CONTENT.has(a.pos) && !a.guessed);
		if (base.length > 0) {
			return base.map((a) => ({ ...a, lemma: prefix + a.lemma, guessed: true }));
		}
	}
	// The feminine of a known noun of a person (cardiologa, from cardiologo; cardiologhe).
	const masculine = word.endsWith('a') ? `${word.slice(0, -1)}o` : `${word.slice(0, -1)}i`;
	if (/[ae]$/u.test(word) && known(masculine).some((a) => a.pos === 'NOUN' && !a.guessed)) {
		const singular = word.endsWith('a');
		return [
			{
				lemma: singular ? word : `${word.slice(0, -1)}a`,
				pos: 'NOUN',
				features: singular ? 'f:s' : 'f:p',
				guessed: true
			}
		];
	}
	for (const [ending, lemmaEnding, pos, features] of SUFFIXES) {
		const match = ending.exec(word);
		if (!match || match.index < 3) continue;
		const lemma = pos === 'ADV' || features === 'inf' ? word : word.slice(0, match.index);
		return [{ lemma: lemma + (lemma === word ? '' : lemmaEnding), pos, features, guessed: true }];
	}
	// A word ending in a consonant is no Italian noun, adjective or verb form: a loanword, most
	// of them invariable nouns (il cross, i discount).
	if (/^[a-z]+[b-df-hj-np-tv-z]$/u.test(word)) {
		return [{ lemma: word, pos: 'NOUN', features: 'm:s|p', guessed: true }];
	}
	return [];
}
