/**
 * What someone claims, asked as the answer: "Che cosa sostiene Roberto Santini?", "Che cosa ha
 * rilevato il Tar?", "Che cosa ha detto Chiara Ferrini?", with the claims of the text's other
 * sources as the wrong options — so the card asks what was said, not only who said it.
 */
import type { Card } from '$lib/cards/types';
import { rngFor, shuffled } from '$lib/random/prng';
import type { Attribution } from './attribution';
import { cardMaker, type Context } from './cards';
import type { SentenceFacts } from './facts';
import { sameSource, type Speaker } from './speakers';

/** One claim of the text, with who makes it: the wrong options of another source's claim. */
export interface Claim {
	/** The source, lower-cased, one key for all its names (`Pools.aliases`). */
	source: string;
	/** The source as the cards name it ("Coldiretti Viterbo"). */
	speaker: string;
	/** The claim as an option: "che il risultato sia stato condizionato…", "«Il mio primo atto…»". */
	option: string;
	quote: boolean;
	sentence: string;
	paragraph: number;
	/** The text names the source ("Legambiente", "Marco Pieri"), rather than "i giudici". */
	named: boolean;
}

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/** Fewest and most words of a claim offered as an option. */
const MIN_WORDS = 4;
const MAX_WORDS = 25;

/** A pronoun or a pointer whose referent is in another sentence: the claim needs its context. */
const POINTING =
	/(?:^|\s)(?:suo|sua|suoi|sue|loro|lui|lei|questo|questa|questi|queste|ciò)(?:\s|$)/iu;

/**
 * The claim as said after "che" ("il risultato sia stato…"), or its quote; null when it cannot
 * stand alone as an answer.
 */
export function claimOption(a: Attribution): string | null {
	let claim = a.claim.text
		.replace(/[.!?]$/u, '')
		.replace(/\s*;.*$/su, '')
		.replace(/^[\s,]+/u, '')
		.replace(/^(?:però|tuttavia|invece|inoltre|infatti|comunque),\s*/iu, '')
		.trim();
	// "i lanci sono troppo pochi: nell’ultima campagna…": the claim, not its figures.
	const colon = claim.indexOf(':');
	if (colon > 0 && !a.quote && words(claim.slice(0, colon)) >= MIN_WORDS)
		claim = claim.slice(0, colon);
	const n = words(claim);
	if (n < MIN_WORDS || n > MAX_WORDS || POINTING.test(claim)) return null;
	// A quote is said as it was: "«Il mio primo atto sarà…»".
	if (a.quote) return /[«»]/u.test(claim) ? null : `«${claim}»`;
	// "Secondo X, il Comune non ha dimostrato che…": the claim as "che …" after "sostiene".
	if (/[«»]/u.test(claim)) return null;
	return `che ${lowerFirst(claim)}`;
}

/** "sostiene" or "sostengono", as the source's number asks. */
const sostenere = (phrase: string) =>
	/^(?:i|gli|le)\s|\s(?:e|ed)\s/iu.test(phrase) ? 'sostengono' : 'sostiene';

/** The question that asks a source's claim: the verb of the text, "sostiene" for "secondo". */
export function claimQuestion(a: Attribution, who: Speaker): string {
	const verb = a.verb === 'secondo' ? sostenere(who.phrase) : a.verb;
	return `Che cosa ${verb} ${who.phrase}?`;
}

/**
 * The card asking what `who` says in `at`, with three claims of other sources as wrong
 * options (quotes for a quote, "che …" for a claim); none when the text has too few.
 */
export function claimCards(
	a: Attribution,
	at: SentenceFacts,
	who: Speaker,
	source: (name: string) => string,
	ctx: Context
): Card[] {
	const option = claimOption(a);
	if (!option) return [];
	const mine = source(who.answer);
	const seen = new Set([option.toLowerCase()]);
	const others = ctx.pools.claims.filter((c) => {
		if (c.source === mine || c.sentence === at.sentence.id || c.quote !== a.quote) return false;
		// "Coldiretti" and "Coldiretti Viterbo": one source, both claims right.
		if (sameSource(c.speaker, who.answer)) return false;
		// "i giudici della seconda sezione" beside "il Tar": a source the text does not name, in
		// the same paragraph, may be the one asked about.
		if (!c.named && c.paragraph === at.sentence.paragraph) return false;
		// Of a length close to the answer's, so that its length gives nothing away.
		const ratio = words(c.option) / words(option);
		if (ratio < 0.4 || ratio > 2.5) return false;
		// Naming the source asked about, a claim would be about it, not by someone else.
		if (c.option.toLowerCase().includes(who.answer.toLowerCase())) return false;
		const key = c.option.toLowerCase();
		return !seen.has(key) && !!seen.add(key);
	});
	if (others.length < 2) return [];
	const make = cardMaker(ctx.slug, at.sentence, `${who.answer} claim`);
	const wrong = shuffled(others, rngFor(`${make.sibling}:claims`, 0))
		.slice(0, 3)
		.map((c) => c.option);
	return [
		make('multiple-choice', claimQuestion(a, who), {
			answer: capitalise(option),
			options: shuffled(
				[option, ...wrong].map(capitalise),
				rngFor(`${make.sibling}:options`, ctx.seed)
			)
		})
	];
}

const capitalise = (s: string) =>
	s.startsWith('«')
		? `«${s.charAt(1).toUpperCase()}${s.slice(2)}`
		: s.charAt(0).toUpperCase() + s.slice(1);

/** Lower-cases a claim's first letter unless it starts a name. */
const lowerFirst = (s: string) =>
	/^(?:Il|Lo|La|L[’']|I|Gli|Le|Un|Una|Uno|Un[’']|Durante|Nei|Nel|Nella|Ogni|Alcune|Alcuni|Molti|Molte|Senza|Se|Per|In|Con|Da|Dal|Dalla|Negli|Nelle|Tutti|Tutte|Non|È|Ci|Si)\b/u.test(
		s
	)
		? s.charAt(0).toLowerCase() + s.slice(1)
		: s;
