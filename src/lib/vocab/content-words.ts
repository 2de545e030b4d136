/**
 * Which tokens of a text are content words to teach, and as what lemma: the lemmatizer's reading,
 * corrected where it is unlikely in a news text, without names, function words, numbers and the
 * helpers of compound tenses.
 */
import type { Sentence } from '$lib/content/types';
import { FUNCTION_WORDS } from '$lib/lemma/function-words';
import type { Lemmatized } from '$lib/lemma/lemmatizer';
import type { Analysis } from '$lib/lemma/types';
import type { GlossPos } from './dictionary';

const POS: Partial<Record<Analysis['pos'], GlossPos>> = {
	NOUN: 'noun',
	VERB: 'verb',
	ADJ: 'adjective',
	ADV: 'adverb'
};

/** Cardinal numbers written as words are numbers, not vocabulary ("tre", "ventimila"). */
const NUMBER_WORD =
	/^(?:(?:un|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti?|trenta?|quaranta?|cinquanta?|sessanta?|settanta?|ottanta?|novanta?|cento|mille|mila)+|uno|zero)$/u;

/** Between two tokens: a clause may start after these, with a capital that is no name. */
const OPENS_CLAUSE = /[«"“‘(:;.!?—–-]/u;

/**
 * A name, not a word: a capital inside the sentence ("il governo di Seul"), or at its start when
 * a capitalised word follows ("Marco Rossi ha detto"), an acronym, or a name of the lexicon.
 */
function isName(sentence: Sentence, i: number, names: ReadonlySet<string>): boolean {
	const { tokens } = sentence;
	const text = tokens[i].text;
	if (names.has(text)) return true;
	if (!/^\p{Lu}/u.test(text)) return false;
	if (/^\p{Lu}{2,}$/u.test(text)) return true;
	const gap = (a: number, b: number) =>
		sentence.text.slice(tokens[a].end - sentence.start, tokens[b].start - sentence.start);
	const opening = i === 0 || OPENS_CLAUSE.test(gap(i - 1, i));
	if (!opening) return true;
	const next = tokens[i + 1];
	return next !== undefined && /^\p{Lu}/u.test(next.text) && /^\s+$/u.test(gap(i, i + 1));
}

/** avere, essere or stare as the helper of a compound tense or a progressive: grammar, not a word. */
function isAuxiliary(words: readonly Lemmatized[], i: number): boolean {
	const lemma = words[i].best?.lemma;
	if (lemma !== 'avere' && lemma !== 'essere' && lemma !== 'stare') return false;
	return words
		.slice(i + 1, i + 4)
		.some(({ best }) => best?.pos === 'VERB' && /^(?:part:past|ger)/u.test(best.features));
}

/** What a token is looked up against: names and excluded forms, and which lemmas a source glosses. */
export interface Skip {
	names: ReadonlySet<string>;
	excluded: ReadonlySet<string>;
	/** Whether the lexicon or the dictionary has this lemma as this part of speech. */
	known: (lemma: string, pos: GlossPos) => boolean;
}

const DETERMINERS: ReadonlySet<Analysis['pos']> = new Set(['ART', 'PREP+ART', 'DET']);

/**
 * The reading to teach where the lemmatizer's choice is unlikely in a news text: a present
 * participle or a first- or second-person verb with a noun or adjective of the same form (i
 * dipendenti, un tiro potente, i margini); a reading no source knows where another one is known
 * (piante is pianta, not a form of the rare verb piare; i piccoli esercizi has the adjective
 * piccolo; quelle piccole pagano is pagare). The dictionary holds some 2,400 common words: a
 * lemma it knows is the likelier one. Never a verb after an article (un controllo).
 */
function reading(
	word: Lemmatized,
	[previous, next]: (Lemmatized | undefined)[],
	known: Skip['known']
) {
	const { best } = word;
	if (!best) return best;
	const isKnown = (r: Analysis) => POS[r.pos] !== undefined && known(r.lemma, POS[r.pos]!);
	const nominal = word.readings.filter((r) => r.pos === 'NOUN' || r.pos === 'ADJ');
	const afterArticle = previous?.best ? DETERMINERS.has(previous.best.pos) : false;
	if (best.pos === 'VERB') {
		const unlikely = best.features.startsWith('part:pres') || /:[12]:[sp]$/u.test(best.features);
		if (unlikely && nominal.length > 0) {
			return nominal.find((r) => r.pos === (afterArticle ? 'NOUN' : 'ADJ')) ?? nominal[0];
		}
		return isKnown(best) ? best : (nominal.find(isKnown) ?? best);
	}
	if (!POS[best.pos] || isKnown(best)) return best;
	// A noun after an article is an adjective only before a noun (il vecchio ponte, il personale).
	const adjective = !afterArticle || next?.best?.pos === 'NOUN';
	const other = nominal.find((r) => isKnown(r) && (r.pos === 'NOUN' || adjective));
	const finite = (r: Analysis) => r.pos === 'VERB' && /^(?:ind|sub|cond):.*:3:/u.test(r.features);
	return (
		other ?? (afterArticle ? undefined : word.readings.find((r) => finite(r) && isKnown(r))) ?? best
	);
}

/** Prepositions and adverbs the lemma table reads as content words (entro is not entrare). */
const CLOSED = new Set(['entro', 'attraverso', 'davanti', 'dietro', 'presso', 'oltre', 'circa']);

/** Adverbs of time the table has only as nouns or adjectives (l’oggi, presto "quick"). */
export const ADVERBS: ReadonlySet<string> = new Set([
	'oggi',
	'ieri',
	'domani',
	'presto',
	'tardi',
	'stamattina',
	'stasera'
]);

/** Shortened forms whose lemma is the full word: gran parte is grande, un bel giorno bello. */
const APOCOPES: Record<string, string> = { gran: 'grande', bel: 'bello', buon: 'buono' };

/** The content word a token is, or null (see the module comment). */
export function contentWord(
	sentence: Sentence,
	words: readonly Lemmatized[],
	i: number,
	skip: Skip
): { lemma: string; pos: GlossPos; gender?: 'm' | 'f' } | null {
	const { token } = words[i];
	const best = reading(words[i], [words[i - 1], words[i + 1]], skip.known);
	if (!best || token.kind === 'number' || skip.excluded.has(token.text)) return null;
	const pos = POS[best.pos];
	const lower = token.text.toLowerCase().replace(/'/gu, '’');
	// The form too: the table reads tremila as a form of tremare.
	if (!pos || NUMBER_WORD.test(best.lemma) || NUMBER_WORD.test(lower)) return null;
	if (isAuxiliary(words, i)) return null;
	// A reading guessed from the word's shape is taught only when a source knows the lemma: a
	// misprint (dissuasire) must never become a word to learn.
	if (best.guessed && !skip.known(best.lemma, pos)) return null;
	if (ADVERBS.has(lower)) return { lemma: lower, pos: 'adverb' };
	// A function word of the table's, whatever reading won (ogni is a determiner, not ADJ ogni).
	const closed = FUNCTION_WORDS.get(lower) ?? [];
	if (CLOSED.has(lower) || closed.some((a) => a.lemma === best.lemma)) return null;
	if (isName(sentence, i, skip.names)) return null;
	if (APOCOPES[lower] && best.lemma === lower) return { lemma: APOCOPES[lower], pos };
	const gender = pos === 'noun' ? /^([mf])(?::|$)/u.exec(best.features)?.[1] : undefined;
	return { lemma: best.lemma, pos, ...(gender ? { gender: gender as 'm' | 'f' } : {}) };
}
