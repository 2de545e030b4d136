/**
 * Cards of attributions: "Secondo chi …?", "Chi sostiene che …?", "Di chi sono queste parole:
 * «…»?", and true/false statements that swap the speaker for another speaker of the text — so
 * a claim and its counter-claim are both asked, each with its source.
 */
import type { Card } from '$lib/cards/types';
import { rngFor, shuffled } from '$lib/random/prng';
import type { Attribution } from './attribution';
import { cardMaker, type Context } from './cards';
import type { Entity } from './entities';
import { ORGANISATION_HEADS, TITLES } from './names';
import type { Pools } from './distractors';
import { claimCards } from './claims';
import type { SentenceFacts } from './facts';

export interface Speaker {
	/** The card's answer: a name ("Elena Zanin", "FIOM-CGIL") or what the text calls it ("il comitato"). */
	answer: string;
	/** How a sentence names it after "Secondo": "la FIOM-CGIL", "Elena Zanin", "il comitato". */
	phrase: string;
}

const lowerArticle = (text: string) =>
	text.replace(/^(?:(?:Il|Lo|La|I|Gli|Le)(?=\s)|L[’'])/u, (a) => a.toLowerCase());

/** Who speaks, as an answer and as a phrase. */
export function speakerAnswer(
	a: Attribution,
	at: SentenceFacts,
	people: readonly Entity[] = [],
	pools?: Pools
): Speaker | null {
	const inside = at.entities.filter((e) => e.start >= a.speaker.start && e.end <= a.speaker.end);
	const person = inside.filter((e) => e.kind === 'person').at(-1);
	if (person) return { answer: person.full ?? person.text, phrase: person.full ?? person.text };
	const org = inside.find((e) => e.kind === 'org');
	if (org?.short && a.speaker.text.endsWith(org.text))
		return { answer: org.short, phrase: withArticle(org.short) ?? org.short };
	const phrase = lowerArticle(a.speaker.text.replace(/^(?:Anche|Ma|Intanto)\s+/u, ''));
	if (org && phrase.endsWith(org.text) && phrase.length - org.text.length <= 4)
		return { answer: org.text, phrase };
	// "l'associazione dei diportisti Vela Libera": the name answers, the phrase introduces it.
	if (org && phrase.endsWith(org.text) && org.head && /^\p{Ll}/u.test(org.head))
		return { answer: org.text, phrase };
	// "La curatrice replica…": the one person the text calls so.
	const titled = people.filter(
		(p) => p.title && p.title.toLowerCase().includes(phrase.replace(/^\S+\s/u, ''))
	);
	const names = [...new Set(titled.map((p) => p.full ?? p.text))];
	if (/^(?:il|lo|la|l’|l')\s?\p{Ll}+$/u.test(phrase) && names.length === 1)
		return { answer: names[0], phrase: names[0] };
	// "il sindacato": the one union the text names.
	const named = pools?.aliases.get(phrase.toLowerCase());
	const union = pools?.entities.find(
		(e) => e.kind === 'org' && (pools.aliases.get(e.text.toLowerCase()) ?? '') === named
	);
	if (named && union && /^\p{Ll}/u.test(phrase))
		return { answer: union.short ?? union.text, phrase };
	// "il professore", "lui": someone the sentence does not name.
	const bare = phrase.replace(/^(?:il|lo|la|l’|l')\s?/u, '');
	const role = pools?.roles.get(bare);
	if (role) return { answer: role, phrase: role };
	if (/^(?:lui|lei|loro|essi|esse)$/u.test(bare) || TITLES.m.has(bare) || TITLES.f.has(bare))
		return null;
	if (/^(?:altri|altre)\s/iu.test(phrase)) return null;
	return { answer: phrase.replace(/,\s*invece$/u, ''), phrase };
}

const words = (text: string) => text.split(/\s+/u).length;
const singular = (verb: string) => !/(?:hanno|ono|ano)(?:\s|$)/u.test(verb);

/** "le stime dell'ufficio tecnico", "i dati": a source that is not someone, never "Secondo chi". */
const NOT_SOMEONE =
	/^(?:(?:le|i|gli|la|il|l’|l')\s?)?(?:(?:primi|prime|ultimi|ultime|nuovi|nuove)\s)?(?:stime|stima|dati|previsioni|calcoli|numeri|cifre|analisi|risultati|sondaggio|sondaggi|rapporto|studio|studi|ricerca|ricerche|campionamenti|campionamento|misurazioni|rilevazioni|osservazioni|documenti|carte|bilancio|modelli|simulazioni|statistiche)\b/iu;

/**
 * A source a reader can tell from another: a name or a short noun phrase ("il sindacato", "i
 * gruppi di opposizione"), never a clause ("uno di loro, che ha preferito…") or a place phrase
 * ("in aula").
 */
export function isSpeaker(answer: string): boolean {
	return (
		words(answer) <= 6 &&
		!/[,;:()«»]/u.test(answer) &&
		!/^(?:in|a|ad|da|su|per|con|tra|fra|di|una|uno|un|quanto|ciò|come)\s/iu.test(answer) &&
		// "i produttori respingono l'accusa e": a clause, not who speaks.
		!/\s(?:e|ed|ma)$/u.test(answer)
	);
}

/** One name inside the other, word by word: "Coldiretti" and "Coldiretti Viterbo". */
export function sameSource(a: string, b: string): boolean {
	const words = (s: string) =>
		` ${s.toLowerCase().replace(/^(?:il|lo|la|l’|l'|i|gli|le)\s?/u, '')} `;
	return words(a).includes(words(b)) || words(b).includes(words(a));
}

/** The one key of a source's names in the text ("asl", "azienda sanitaria locale"…). */
export const sourceKey = (pools: Pools) => (name: string) =>
	pools.aliases.get(name.toLowerCase()) ?? name.toLowerCase();

/** Who speaks in `at`, when a card can name them: someone, named or called so by the text. */
function askedSpeaker(a: Attribution, at: SentenceFacts, pools: Pools): Speaker | null {
	const people = pools.entities.filter((e) => e.kind === 'person');
	const me = speakerAnswer(a, at, people, pools);
	// "Secondo lui", "la direttrice" of no one the text names: who it is hides in another sentence.
	if (!me || NOT_SOMEONE.test(me.answer) || !isSpeaker(me.answer)) return null;
	return me;
}

/** The card asking what the source of `a` claims ("Che cosa sostiene X?"), if any. */
export function claimCardsOf(a: Attribution, at: SentenceFacts, ctx: Context): Card[] {
	const me = askedSpeaker(a, at, ctx.pools);
	return me ? claimCards(a, at, me, sourceKey(ctx.pools), ctx) : [];
}

/** The cards of one attribution, best first. */
export function attributionCards(a: Attribution, at: SentenceFacts, ctx: Context): Card[] {
	const people = ctx.pools.entities.filter((e) => e.kind === 'person');
	const me = askedSpeaker(a, at, ctx.pools);
	if (!me) return [];
	// "Secondo i giudici, però, il Comune…": the connective stays out of the question.
	const claim = a.claim.text
		.replace(/[.!?]$/u, '')
		.replace(/\s*;.*$/su, '')
		.replace(/^[\s,]+/u, '')
		.replace(/^(?:però|tuttavia|invece|inoltre|infatti|comunque),\s*/iu, '');
	if (
		words(claim) > 30 ||
		words(claim) < 4 ||
		claim.toLowerCase().includes(me.answer.toLowerCase())
	)
		return [];
	// "la sua squadra": whose? The claim needs its context.
	if (/(?:^|\s)(?:suo|sua|suoi|sue|loro|lui|lei|questo|questa)(?:\s|$)/iu.test(claim)) return [];
	const make = cardMaker(ctx.slug, at.sentence, me.answer);
	const { sibling } = make;
	const isName = (s: string) => /^\p{Lu}/u.test(s);
	const gender = new Map(people.map((p) => [p.full ?? p.text, p.gender]));
	const isPerson = (s: string) => gender.has(s);
	const kind = (s: string) => (isPerson(s) ? 'person' : isName(s) ? 'org' : 'group');
	const myGender = gender.get(me.answer);
	const mine = a.speaker.text.toLowerCase();
	const source = sourceKey(ctx.pools);
	// Speakers of the same kind (people for a person), never the same speaker under another name.
	const others = ctx.pools.speakers
		.filter(
			(s) =>
				source(s) !== source(me.answer) &&
				source(s) !== source(me.phrase) &&
				// "Coldiretti" and "Coldiretti Viterbo": one source, both right.
				!sameSource(s, me.answer) &&
				!NOT_SOMEONE.test(s) &&
				!claim.toLowerCase().includes(s.toLowerCase()) &&
				// "l'opera di Artemisia": no one the claim is about is offered as who said it.
				!s.split(/\s+/u).some((w) => /^\p{Lu}\p{Ll}{3,}/u.test(w) && claim.includes(w))
		)
		.filter(
			(s) =>
				isName(s) ||
				(!mine.includes(s.replace(/^\S+\s/u, '').toLowerCase()) &&
					!people.some((p) =>
						p.title?.toLowerCase().includes(s.replace(/^\S+\s/u, '').toLowerCase())
					))
		)
		.filter((s) =>
			kind(me.answer) === 'group' ? kind(s) !== 'person' : kind(s) === kind(me.answer)
		)
		.filter((s, i, list) => list.findIndex((o) => source(o) === source(s)) === i);
	// Options of the speaker's gender, so none is ruled out by it.
	const sameGender = others.filter(
		(s) => !myGender || !gender.get(s) || gender.get(s) === myGender
	);
	const cards: Card[] = [];
	const claimText = a.quote ? `«${claim}»` : lowerFirst(claim);
	let question: string | null = null;
	if (a.quote) question = `Di chi sono queste parole: «${claim}»?`;
	else if (a.verb === 'secondo') question = `Secondo chi ${claimText}?`;
	else if (singular(a.verb)) question = `Chi ${a.verb} che ${claimText}?`;
	const random = rngFor(`${sibling}:options`, ctx.seed);
	if (question && sameGender.length >= 3) {
		cards.push(
			make('multiple-choice', question, {
				// Those who speak in the text come first in the pool: the options a reader may confuse.
				options: shuffled([me.answer, ...sameGender.slice(0, 3)], random)
			})
		);
	}
	const statement = (who: string) =>
		a.verb === 'secondo'
			? `Secondo ${who}, ${a.quote ? claimText : claimText}.`
			: `${cap(who)} ${a.verb}${a.quote ? ': ' : ' che '}${claimText}.`;
	const isTrue = rngFor(`${sibling}:true-false`, ctx.seed)() < 0.5;
	// A swap must be someone else: "il comitato «Torre pulito»" is "il comitato" again.
	const bare = (s: string) => s.replace(/^(?:il|lo|la|l’|l')\s?/iu, '').toLowerCase();
	// "X ha detto", "secondo X": no agreement, so a speaker of either gender can be swapped in.
	const swap = others.find(
		(o) =>
			!/^(?:i|gli|le|alcuni|alcune)\s/u.test(o) &&
			!bare(o).includes(bare(me.phrase)) &&
			!bare(me.phrase).includes(bare(o)) &&
			(!isName(o) || !!withArticle(o))
	);
	if (swap && singular(a.verb)) {
		const who = isTrue ? me.phrase : withArticle(swap)!;
		cards.push(
			make('true-false', statement(who), {
				answer: isTrue ? 'vero' : 'falso',
				options: ['vero', 'falso']
			})
		);
	}
	return cards;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Lower-cases a claim's first letter unless it starts a name. */
const lowerFirst = (s: string) =>
	/^\p{Lu}\p{Ll}/u.test(s) &&
	/^(?:Il|Lo|La|L[’']|I|Gli|Le|Un|Una|Uno|Durante|Nei|Nel|Nella|Ogni|Alcune|Alcuni|Senza|Se)\b/u.test(
		s
	)
		? s.charAt(0).toLowerCase() + s.slice(1)
		: s;

/**
 * How a name stands as a subject: people bare ("Elena Zanin"), organisations with the article
 * their head word takes ("l’Università di Padova", "la Fondazione Cariparo"); undefined where
 * the article cannot be told (an acronym, a team).
 */
function withArticle(name: string): string | undefined {
	if (!/^\p{Lu}/u.test(name)) return name;
	const head = name.split(/\s/u)[0];
	const gender = ORGANISATION_HEADS.get(head);
	if (!gender) return /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(name) ? name : undefined;
	if (/^[AEIOU]/u.test(head)) return `l’${name}`;
	return `${gender === 'f' ? 'la' : /^(?:S[^aeiou]|Z)/u.test(head) ? 'lo' : 'il'} ${name}`;
}
