/**
 * Cards second: for each fact, the card types that suit it, best first — a question in Italian
 * ("Quanti…", "In che anno…", "Chi…", "Dove…", "Secondo chi…") where the clause allows it, a
 * numeric or multiple-choice gap otherwise, and a true/false statement made false by swapping
 * the answer for one of the same type.
 */
import { faultInContext } from '$lib/cards/agreement';
import { GAP, type Card, type CardType } from '$lib/cards/types';
import { rngFor, shuffled } from '$lib/random/prng';
import { slugify } from '$lib/text/ids';
import { distractorsFor, type Pools } from './distractors';
import type { Entity } from './entities';
import { factSpan, type Fact, type SentenceFacts } from './facts';
import { numberVariants } from './numbers';
import { findPlace } from './places';
import { phraseCards } from './phrase-cards';
import type { Quantity } from './quantities';
import { howMany, keptPreposition, questionFor, type Asked } from './questions';
import { attributionCards, claimCardsOf, speakerAnswer } from './speakers';

export interface Context {
	slug: string;
	seed: number;
	pools: Pools;
}

/** Longest statement or claim a card repeats: longer ones are hard to read as a question. */
const MAX_WORDS = 32;
/** Longest sentence rewritten as a question; longer ones are asked as a gap… */
const MAX_QUESTION_WORDS = 45;
/** …up to this length. */
const MAX_GAP_WORDS = 70;

/** The cards a fact can make, best first; empty when none would be correct Italian. */
export function cardsForFact(
	fact: Fact,
	ctx: Context & { gapOnly?: boolean; longSource?: boolean },
	at: SentenceFacts = fact.at
): Card[] {
	// A long sentence is still a fact's source: as a gap, or as a question short enough to read
	// ("Chi ha vinto ieri la quarantesima edizione del Giro del Montefeltro?"); a statement to
	// judge would repeat it all.
	const words = wordCount(at.sentence.text);
	if (words > MAX_GAP_WORDS) return [];
	if (words > MAX_QUESTION_WORDS && !ctx.gapOnly && !ctx.longSource)
		return cardsForFact(fact, { ...ctx, longSource: true }, at).filter(
			(c) => c.prompt.includes(GAP) || (c.type !== 'true-false' && wordCount(c.prompt) <= MAX_WORDS)
		);
	if (at.needsContext) {
		// "Resterà aperta fino al _____": only a gap, after the sentence that says what it is about.
		if (
			!at.context ||
			fact.kind === 'attribution' ||
			fact.kind === 'claim' ||
			fact.kind === 'phrase'
		)
			return [];
		const context = at.context.text;
		return cardsForFact(fact, { ...ctx, gapOnly: true }, { ...at, needsContext: false })
			.filter((c) => c.prompt.includes(GAP))
			.map((c) => ({ ...c, prompt: `${context} ${c.prompt}` }));
	}
	if (fact.kind === 'attribution') return attributionCards(fact.value, at, ctx);
	if (fact.kind === 'claim') return claimCardsOf(fact.value, at, ctx);
	if (fact.kind === 'phrase') return phraseCards(fact.value, at, ctx);
	// "Azienda sanitaria locale (ASL) di Cuneo": the gap covers both names, "ASL di Cuneo" fills it.
	const answer =
		fact.kind === 'entity' && fact.value.short
			? { ...fact.value, text: fact.value.short }
			: fact.value;
	if (fact.kind === 'quantity' && !worthAsking(fact.value, at)) return [];
	const make = cardMaker(ctx.slug, at.sentence, answer.text);
	const { sibling } = make;
	const cards: Card[] = [];
	const prefix = reportedPrefix(fact, at);
	const asked = fact.kind === 'quantity' ? askQuantity(fact.value, at) : askEntity(fact.value, at);
	const question =
		asked && at.clause && prefix !== null && !ctx.gapOnly
			? questionFor(at.sentence, at.clause, asked.asked, prefix, at.tags)
			: null;
	const numberOf = (q: Quantity) =>
		q.value !== undefined && ['count', 'percent', 'money', 'year'].includes(q.kind);
	const gapAt = answer.start - at.sentence.start;
	const cloze =
		at.sentence.text.slice(0, gapAt) + GAP + at.sentence.text.slice(answer.end - at.sentence.start);
	const given = (prompt: string) => prompt.toLowerCase().includes(answer.text.toLowerCase());
	const options = (prompt: string, gap: boolean) => {
		const wrong = distractorsFor(answer, prompt, ctx.pools, sibling, ctx.seed, 6).filter(
			(o) => !gap || faultInContext(cloze, gapAt, o) === null
		);
		return wrong.length >= 3
			? shuffled([answer.text, ...wrong.slice(0, 3)], rngFor(`${sibling}:options`, ctx.seed))
			: null;
	};
	if (question && !given(question)) {
		const shown = asked!.shown;
		if (fact.kind === 'quantity' && numberOf(fact.value)) {
			const q = fact.value;
			cards.push(
				make('numeric', question, {
					answer: shown,
					accept: numberVariants(q.text, q.value!),
					number: { value: q.value!, qualifier: q.qualifier }
				})
			);
		} else {
			const choice = options(question, false);
			if (choice)
				cards.push(make('multiple-choice', question, { answer: answer.text, options: choice }));
			else if (fact.kind === 'entity' && fact.value.kind === 'person')
				cards.push(make('open', question, { accept: surnameOf(fact.value) }));
		}
	}
	if (!given(cloze)) {
		if (fact.kind === 'quantity' && numberOf(fact.value)) {
			const q = fact.value;
			cards.push(
				make('numeric', cloze, {
					accept: numberVariants(q.text, q.value!),
					number: { value: q.value!, qualifier: 'exact' }
				})
			);
		}
		const choice = options(cloze, true);
		if (choice) cards.push(make('multiple-choice', cloze, { options: choice }));
		else if (fact.kind === 'entity' && (fact.value.kind !== 'name' || namedThing(fact.value)))
			cards.push(
				make('cloze', cloze, {
					accept: fact.value.kind === 'person' ? surnameOf(fact.value) : namesOf(fact.value)
				})
			);
	}
	const statement = ctx.gapOnly ? null : trueFalse(at, answer, ctx, sibling);
	if (statement)
		cards.push(
			make('true-false', statement.prompt, { answer: statement.answer, options: ['vero', 'falso'] })
		);
	return cards;
}

/**
 * A name the text says what it is of ("il torrente Frodolfo") or a name of several capitalised
 * words ("Palazzo dei Diamanti", "Golfo del Leone"): worth a typed gap though its kind is unknown.
 */
const namedThing = (e: Entity) =>
	!!e.head || e.text.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).length >= 2;

/**
 * The other right answers to a typed name: "CNR" for "Consiglio nazionale delle ricerche" and
 * the other way round; the name without the place or body it is of ("Palazzo Ducale" for
 * "Palazzo Ducale di Urbino", "Archivio di Stato" for "Archivio di Stato di Napoli"); the name
 * without its article ("Cinema Ritrovato" for "Il Cinema Ritrovato").
 */
export function namesOf(e: Entity): string[] {
	const shown = e.short ?? e.text;
	const names = e.acronym && e.expansion ? [e.acronym, e.expansion.trim(), e.text] : [];
	for (const name of [shown, ...names]) names.push(...shorterNames(name));
	return [...new Set(names)].filter((n) => n !== shown);
}

const OF = /^(?:di|del|dello|della|dell[’']\S*|dei|degli|delle)$/iu;

function shorterNames(name: string): string[] {
	const out: string[] = [];
	const bare = name.replace(/^(?:Il|Lo|La|I|Gli|Le)\s+|^L[’']/u, '');
	if (bare !== name && /^\p{Lu}/u.test(bare)) out.push(bare);
	const words = bare.split(/\s+/u);
	words.forEach((word, i) => {
		if (!OF.test(word) || i === 0) return;
		const prefix = words.slice(0, i);
		// Two capitalised words at least: "Archivio di Stato", not "Archivio"; one, when what
		// follows is only the town it is in ("Zen di Palermo").
		const capitals = prefix.filter((w) => /^\p{Lu}/u.test(w)).length;
		const ofTown = /^(?:di|del|della)$/u.test(word) && !!findPlace(words.slice(i + 1).join(' '));
		if (capitals >= 2 || (capitals === 1 && ofTown)) out.push(prefix.join(' '));
	});
	return out;
}

const wordCount = (text: string) => text.split(/\s+/u).length;
/** The other names a learner may type for a person: the surname, or the full name the text gives. */
const surnameOf = (person: Entity) => {
	const words = person.text.split(' ');
	if (words.length === 2) return [words[1]];
	return person.full && person.full !== person.text ? [person.full] : [];
};

/** Inside a claim or in the conditional of reported speech, a question keeps the source. */
function reportedPrefix(fact: Fact, at: SentenceFacts): string | null {
	const a = at.attribution;
	const span = factSpan(fact);
	if (a && span.start >= a.claim.start && span.end <= a.claim.end) {
		const who = speakerAnswer(a, at);
		return who ? `Secondo ${who.phrase}` : null;
	}
	return at.reported ? 'Secondo l’articolo' : '';
}

function trueFalse(
	at: SentenceFacts,
	answer: Entity | Quantity,
	ctx: Context,
	sibling: string
): { prompt: string; answer: string } | null {
	const text = at.sentence.text;
	if (
		wordCount(text) > MAX_WORDS ||
		/[«»]/u.test(text.slice(answer.start - at.sentence.start, answer.end - at.sentence.start))
	)
		return null;
	const gapAt = answer.start - at.sentence.start;
	// A statement exists only where a false one can be made, whatever the seed picks.
	const swap = distractorsFor(answer, text, ctx.pools, `${sibling}:tf`, ctx.seed, 4).find(
		(o) => faultInContext(text, gapAt, o) === null
	);
	if (!swap) return null;
	if (rngFor(`${sibling}:true-false`, ctx.seed)() < 0.5) return { prompt: text, answer: 'vero' };
	return {
		prompt: text.slice(0, gapAt) + swap + text.slice(answer.end - at.sentence.start),
		answer: 'falso'
	};
}

/** What a quantity question asks, and the answer shown ("circa 300 persone"). */
function askQuantity(q: Quantity, at: SentenceFacts): { asked: Asked; shown: string } | null {
	const text = at.sentence.text;
	let from = q.start - at.sentence.start;
	let to = q.end - at.sentence.start;
	if (q.qualifierText) from = text.lastIndexOf(q.qualifierText, from);
	const prep = keptPreposition(q.before);
	let prepAt = prep ? text.lastIndexOf(' ', from - 2) + 1 : from;
	// "davanti a", "fino a": the adverb goes with its preposition.
	const compound = prep
		? /(?:^|\s)(davanti|fino|accanto|vicino|insieme|rispetto|intorno|oltre)\s+\p{L}+\s*$/u.exec(
				text.slice(0, from)
			)
		: null;
	if (compound) prepAt = compound.index + (compound[0].startsWith(' ') ? 1 : 0);
	const lead = compound ? `${cap(compound[1])} ${prep}` : prep ? cap(prep) : '';
	const definite =
		/(?:^|\s)(?:il|lo|la|i|gli|le|l’|l'|nei|negli|nelle|nel|nella|dei|degli|delle|ai|agli|alle|sui|sugli|sulle|questi|queste|ultimi|ultime|prime|primi)$/iu.test(
			text.slice(0, from).trimEnd()
		);
	let shown = [q.qualifierText, q.text, q.unit && q.kind !== 'percent' ? q.unit : '']
		.filter(Boolean)
		.join(' ');
	const asked = (wh: string, start: number, end: number) => ({
		asked: { wh, start: at.sentence.start + start, end: at.sentence.start + end },
		shown
	});
	if (q.kind === 'count' && q.unit && /^\p{Ll}+[ie]$/u.test(q.unit) && !definite) {
		to = text.indexOf(q.unit, to) + q.unit.length;
		const unitTag = at.tags.find((t) => t.token.start === at.sentence.start + to - q.unit!.length);
		const feminine = unitTag?.best?.features.startsWith('f') ?? undefined;
		// "estati", "api": a plural in -i may be feminine; without the lemma table, do not guess.
		if (feminine === undefined && /i$/u.test(q.unit)) return null;
		let wh = howMany(q.unit, feminine);
		// "18 voti favorevoli": the adjective goes with the noun, not left behind.
		const adjective = /^ (\p{Ll}{3,})/u.exec(text.slice(to));
		const adjectiveTag = adjective
			? at.tags.find((t) => t.token.start === at.sentence.start + to + 1)
			: undefined;
		const nextTag = adjectiveTag
			? at.tags[at.tags.indexOf(adjectiveTag) + 1]?.best?.pos
			: undefined;
		if (
			adjective &&
			adjectiveTag?.best?.pos === 'ADJ' &&
			/[ie]$/u.test(adjective[1]) === /[ie]$/u.test(q.unit) &&
			!/^(?:ART|PREP|PREP\+ART|DET)$/u.test(nextTag ?? '')
		) {
			wh += adjective[0];
			to += adjective[0].length;
		}
		// "tonnellate di acciaio": what is counted goes with the question word.
		const of = /^ di \p{Ll}{3,}/u.exec(text.slice(to));
		// "tre anni di destinare": a verb after "di" is no noun counted.
		const ofTag = of
			? at.tags.find((t) => t.token.start === at.sentence.start + to + 4)
			: undefined;
		if (of && ofTag?.best?.pos !== 'VERB') {
			wh += of[0];
			to += of[0].length;
		}
		shown = [q.qualifierText, text.slice(q.start - at.sentence.start, to)]
			.filter(Boolean)
			.join(' ');
		const lastBefore = at.tags
			.filter((t) => t.token.end <= q.start - (q.qualifierText ? q.qualifierText.length + 1 : 0))
			.at(-1);
		if (prep) return asked(`${lead} ${wh.toLowerCase()}`, prepAt, to);
		return lastBefore?.best?.pos === 'VERB' || !lastBefore ? asked(wh, from, to) : null;
	}
	if (q.kind === 'percent') {
		// "del 3,7 per cento", "del 3,7%": the question drops the whole figure.
		to = text[to] === '%' ? to + 1 : text.indexOf('cento', to) + 5;
		if (prep === 'di') return asked('Di quanto', prepAt, to);
		return null;
	}
	const verbBefore = at.tags.filter((t) => t.token.end <= from).at(-1)?.best?.pos === 'VERB';
	if (q.kind === 'money' && !prep && verbBefore) {
		// "ha superato i 2.500 dollari l'oncia": the article goes with the figure asked.
		const article = /(?:^|\s)(?:i|gli|le)\s+$/u.exec(text.slice(0, from));
		const unit = q.unit ?? 'euro';
		const at = text.indexOf(unit, to);
		return asked(
			'Quanto',
			article ? article.index + (article[0].startsWith(' ') ? 1 : 0) : from,
			at >= 0 && at - to < 5 ? at + unit.length : to
		);
	}
	if (q.kind === 'duration' && prep === 'in') return asked('In quanto tempo', prepAt, to);
	if (q.kind === 'month') {
		// "entrerà in servizio a gennaio" → "Quando entrerà in servizio…?"; "per settembre" →
		// "Per quando…?"; "lo scorso febbraio" names a time, not a question.
		const wh: Record<string, string> = {
			a: 'Quando',
			ad: 'Quando',
			per: 'Per quando',
			entro: 'Entro quando',
			da: 'Da quando'
		};
		const last = q.before.split(' ').at(-1)!.toLowerCase();
		if (wh[last]) return asked(wh[last], text.lastIndexOf(' ', from - 2) + 1, to);
		return null;
	}
	if (q.kind === 'year') {
		const wh: Record<string, string> = { nel: 'In che anno', dal: 'Da che anno' };
		const last = q.before.split(' ').at(-1)!.toLowerCase();
		if (wh[last]) return asked(wh[last], text.lastIndexOf(' ', from - 2) + 1, to);
	}
	return null;
}

function askEntity(e: Entity, at: SentenceFacts): { asked: Asked; shown: string } | null {
	const text = at.sentence.text;
	const from = e.start - at.sentence.start;
	const before =
		text.slice(0, from).trimEnd().split(/\s+/u).at(-1)?.toLowerCase().replace(/'/gu, '’') ?? '';
	const asked = (wh: string, start: number, subject = false) => ({
		asked: { wh, start: at.sentence.start + start, end: e.end, subject },
		shown: e.text
	});
	const clause = at.clause;
	if (!clause) return null;
	const subjectTokens = at.sentence.tokens.slice(...clause.subject);
	// "Luca Pellegrini, ventiquattro anni, di Fossombrone, ha vinto": a name and its apposition.
	const subjectEnd = subjectTokens.at(-1)?.end ?? -1;
	const apposition = text.slice(e.end - at.sentence.start, subjectEnd - at.sentence.start);
	const isWholeSubject =
		subjectTokens.length > 0 &&
		(subjectEnd === e.end ||
			(subjectTokens[0].start === e.start && /^,[^«»;:]*,?$/u.test(apposition)));
	if (e.kind === 'person' && isWholeSubject) return asked('Chi', 0, true);
	const agent =
		/^(?:da|dal|dalla|dall’|dai|dagli|dalle)$/u.exec(before) ||
		(e.title && /^(?:dal|dalla|dall’)/iu.test(e.title));
	if (agent && (e.kind === 'person' || e.kind === 'org')) {
		const start = e.title ? text.lastIndexOf(e.title, from) : text.lastIndexOf(' ', from - 2) + 1;
		const wh =
			e.kind === 'org' && e.head && /^\p{Lu}\p{Ll}+$/u.test(e.head)
				? `Da quale ${e.head.toLowerCase()}`
				: 'Da chi';
		return asked(wh, start);
	}
	// "Dove" only right after the verb: "si è giocata a Bologna", not "un incontro a Torino".
	const restStart =
		clause.rest[0] < at.sentence.tokens.length
			? at.sentence.tokens[clause.rest[0]].start - at.sentence.start
			: text.length;
	const nearVerb = text.slice(restStart, from).trim().split(/\s+/u).length <= 2;
	if (e.kind === 'place' && /^(?:a|in)$/u.test(before) && nearVerb)
		return asked('Dove', text.lastIndexOf(' ', from - 2) + 1);
	return null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "le tre regioni", "negli ultimi dieci anni", "due terzi": a number that asks nothing. */
function worthAsking(q: Quantity, at: SentenceFacts): boolean {
	if (q.kind !== 'count') return true;
	if (q.unit && /^(?:terzi|quarti|quinti|volte|anni fa)$/u.test(q.unit)) return false;
	// "intorno ai 13,8 gradi": the article belongs to the qualifier, not to a figure named before.
	if (q.qualifierText && /\sa\p{L}+$/u.test(q.qualifierText)) return true;
	const before = at.sentence.text.slice(0, q.start - at.sentence.start).trimEnd();
	// "supera i 35 gradi", "sotto i 36 gradi": a threshold, asked; "i 20 dipendenti" names a group.
	const threshold =
		/(?:^|\s)(?:sotto|sopra|oltre|superato|supera|superano|superare|raggiunto|raggiunge|toccato|tocca)\s+(?:i|gli|le)$/iu;
	if (q.unit && threshold.test(before)) return true;
	return !/(?:^|\s)(?:il|lo|la|i|gli|le|l’|l'|nei|negli|nelle|nel|dei|degli|delle|ai|agli|alle|sui|sugli|sulle|ultimi|ultime|prime|primi|questi|queste)$/iu.test(
		before
	);
}

/**
 * Makes the generated cards of one answer in one sentence: they share a sibling id (one fact,
 * several types), and a card's id is its sibling and its type, so ids never depend on the seed.
 */
export function cardMaker(slug: string, sentence: { id: string; text: string }, answer: string) {
	const sibling = `${slug}:auto:${sentence.id}:${slugify(answer)}`;
	const make = (type: CardType, prompt: string, extra: Partial<Card> = {}): Card => ({
		id: `${sibling}:${type}`,
		track: 'facts',
		type,
		origin: 'auto',
		sibling,
		prompt,
		prompt_en: '',
		answer,
		accept: [],
		options: [],
		source: { article: slug, sentence: sentence.id, text: sentence.text },
		...extra
	});
	return Object.assign(make, { sibling });
}
