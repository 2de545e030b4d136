/**
 * Questions in Italian from a sentence's main clause: the asked phrase is replaced by a question
 * word and moved first, the verb group follows, then the subject ("Quanti operai ha impiegato
 * la Edilfriuli?", "In che anno è nata la fabbrica?", "Chi ha tagliato il nastro?"). Only what
 * the rules can say correctly is asked; anything else stays a gap.
 */
import type { Sentence } from '$lib/content/types';
import { tokenText, type Clause } from './clause';
import { isStopword } from './lexicon';
import type { Tagged } from './pos';

/** What replaces the asked phrase, and the words before it that go with it. */
export interface Asked {
	/** Offsets into the body: the phrase removed from the question (preposition included). */
	start: number;
	end: number;
	/** The question word(s): "Quanti operai", "In che anno", "Da chi", "Dove". */
	wh: string;
	/** The phrase is the subject (Chi / Che cosa): no subject after the verb. */
	subject?: boolean;
}

const lowerFirst = (text: string, keep: boolean) =>
	keep ? text : text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The question, or null when the phrase is not in the main clause or the result would be wrong:
 * a subject that is a whole clause, a phrase in a subordinate clause.
 */
export function questionFor(
	sentence: Sentence,
	clause: Clause,
	asked: Asked,
	prefix = '',
	tags: readonly Tagged[] = []
): string | null {
	const tokens = sentence.tokens;
	const inRange = (range: [number, number]) => {
		const [a, b] = range;
		return a < b && asked.start >= tokens[a].start && asked.end <= tokens[b - 1].end;
	};
	const verb = tokenText(sentence, ...clause.verb);
	if (!verb) return null;
	let subject = tokenText(sentence, ...clause.subject).replace(/^(?:Anche|Intanto|Ma|E)\s+/u, '');
	if (asked.subject) {
		if (!inRange(clause.subject) || !clause.singular) return null;
		subject = '';
	} else if (!inRange(clause.rest)) return null;
	if (/,|\bche\b|\bcui\b/u.test(subject) || subject.split(/\s+/u).length > 8) {
		// "La ditta che ha costruito l'opera, la Edilfriuli di Pordenone": keep the apposition.
		const apposition = /,\s*((?:il|lo|la|l’|l'|i|gli|le)\s+[^,]+)$/u.exec(subject);
		if (!apposition) return null;
		subject = apposition[1];
	}
	const restFrom = clause.rest[0] < tokens.length ? tokens[clause.rest[0]].start : sentence.end;
	const restEnd = tokens.length ? tokens[tokens.length - 1].end : sentence.end;
	const body = (from: number, to: number) =>
		sentence.text.slice(from - sentence.start, to - sentence.start);
	let before = asked.subject ? '' : body(restFrom, asked.start);
	let after = asked.subject
		? body(tokens[clause.verb[1] - 1].end, restEnd)
		: body(asked.end, restEnd);
	// "ha dichiarato che «…»", "ha detto: «…»": what was said is asked through its speaker.
	if (asked.subject && /^\s*(?:che\b|:|«)/u.test(after)) return null;
	// "ha seguito per tre estati, dal 2021 al 2023, oltre 4.000 api": cutting at the comma would
	// leave the verb without its object; only a relative clause or a new clause may be dropped.
	if (!asked.subject && /^\s*,\s*(?!che\b|cui\b|dove\b|quando\b|mentre\b|ma\b)/u.test(after)) {
		if (/\p{L}/u.test(after.replace(/^[^,]*,[^,]*,?/u, ''))) return null;
	}
	// "ha vinto ieri, domenica 8 giugno, la quarantesima edizione": a date set off by commas is
	// an aside; the object after it still belongs to the verb.
	after = after.replace(DATE_ASIDE, '$1');
	// What follows a comma or a new clause belongs to the removed phrase or says something else;
	// "tra Portoferraio e Capo Enfola" is one phrase: "e" cuts only before a verb.
	after = cutAfter(after, asked.end, sentence, tags);
	before = before.replace(/\s+$/u, '');
	// "è quello di un uomo di 83 anni", "denuncia turni di dodici ore": the phrase belongs to a noun.
	const copula = /^(?:è|era|sono|erano|fu|sarà|sembra)$/iu.test(verb);
	if (before && (copula || /^Di\s/u.test(asked.wh))) return null;
	// "Sono i punti del piano presentato dall’ASL": the agent belongs to the participle of a noun,
	// not to the verb; "Da chi sono i punti…?" asks nothing.
	if (copula && /^Da\s/u.test(asked.wh)) return null;
	// A phrase in a second clause ("… e ha richiesto tre anni") is not the main clause's.
	if (/[,«»]|\s(?:e|ed|ma|che|mentre)\s|^(?:e|ed|ma|che)\s/u.test(` ${before} `)) return null;
	const frame = tokenText(sentence, ...clause.frame).replace(/,\s*$/u, '');
	if (/^(?:Tuttavia|Ma|Però|Invece|Non)/u.test(frame)) return null;
	const properSubject =
		/^\p{Lu}/u.test(subject) &&
		!/^(?:Il|Lo|La|L[’']|I|Gli|Le|Un|Una|Uno)\b/u.test(subject) &&
		!isStopword(subject.split(/\s/u)[0]);
	const parts = [
		asked.wh,
		// The verb opened the sentence ("Sono stati…"): inside the question it is lower case.
		clause.verb[0] === 0 ? lowerFirst(verb, false) : verb,
		before,
		subject ? lowerFirst(subject, properSubject) : '',
		after.trim()
	];
	let question = parts.filter(Boolean).join(' ').replace(/\s+/gu, ' ').trim();
	if (frame && !/^(?:Secondo|Per)\b/u.test(frame))
		question = `${frame}, ${lowerFirst(question, false)}`;
	if (prefix) question = `${prefix}, ${lowerFirst(question, false)}`;
	question = question.charAt(0).toUpperCase() + question.slice(1) + '?';
	return wellFormed(question) ? question : null;
}

const DATE_ASIDE = new RegExp(
	String.raw`^(\s*(?:\p{L}+\s+)?(?:ieri|oggi|stamattina|stasera|sabato|domenica))\s*,\s*` +
		String.raw`(?:(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\s+)?\d{1,2}\s+\p{L}+,`,
	'iu'
);

const PREPOSITION_END =
	/\b(?:di|a|da|in|con|su|per|tra|fra|del|della|dei|degli|delle|al|alla|nel|nella|il|lo|la|i|gli|le|e)$/iu;

/**
 * A rewritten question checked as a reader would: no phrase cut before its noun ("Nella rada di,"),
 * no second clause glued on after ";", brackets and quotes closed. When it fails the card falls
 * back to a gap in the sentence.
 */
export function wellFormed(question: string): boolean {
	const body = question.replace(/\?$/u, '').trim();
	// "…: la frana sono caduti…": what follows a colon is another clause.
	if (/[;:]/u.test(body)) return false;
	if (body.split(',').some((part) => PREPOSITION_END.test(part.trim()))) return false;
	const count = (re: RegExp) => (body.match(re) ?? []).length;
	if (count(/\(/gu) !== count(/\)/gu) || count(/«/gu) !== count(/»/gu)) return false;
	if (/\b(\p{L}+)\s+\1\b/iu.test(body)) return false;
	// "Che cosa ha annunciato Di tutt’altro parere l’assessora?": a frame glued inside ("Di Maio"
	// is a name: a capital follows).
	if (/\s(?:Di|A|Da|In|Con|Per|Su|Tra|Fra)\s+\p{Ll}/u.test(body)) return false;
	return true;
}

/** The words after the asked phrase that stay in the question: up to a comma or a new clause. */
function cutAfter(
	after: string,
	from: number,
	sentence: Sentence,
	tags: readonly Tagged[]
): string {
	// "del 3,7 per cento": a decimal comma is no clause break.
	const clause = /(?:(?<!\d),|,(?!\d)|;|\s+(?:ma|mentre|quando|dove|che|perché)\s)/su.exec(after);
	let cut = clause ? clause.index : after.length;
	for (const m of after.slice(0, cut).matchAll(/\s+(?:e|ed)\s+/gu)) {
		// A verb after "e" (before the next comma) opens a second clause: "… e ha raggiunto …",
		// "… e in pochi anni è diventata …"; "tra Portoferraio e Capo Enfola" is one phrase.
		const from2 = from + m.index + m[0].length;
		const to2 = from + cut;
		const words = tags.filter((t) => t.token.start >= from2 && t.token.end <= to2);
		const verb = tags.length ? words.some((t) => t.best?.pos === 'VERB') : true;
		// "con dieci voti favorevoli e due astenuti": a second count belongs with the first.
		const count =
			/^\s*(?:\d|(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|un|uno|una)\s)/iu.test(
				after.slice(m.index + m[0].length)
			);
		if (verb || count) {
			cut = m.index;
			break;
		}
	}
	void sentence;
	return after.slice(0, cut);
}

/** "Quanti operai", "Quante persone": the question word agrees with the noun counted. */
export function howMany(unit: string, feminine: boolean | undefined): string {
	const f = feminine ?? /e$/u.test(unit);
	return `${f ? 'Quante' : 'Quanti'} ${unit}`;
}

/** The preposition a question word keeps ("a circa 300 persone" → "A quante persone"). */
export function keptPreposition(before: string): string | null {
	const last = before.split(/\s+/u).at(-1)?.toLowerCase() ?? '';
	if (['a', 'da', 'su', 'per', 'con', 'tra', 'in', 'di'].includes(last)) return last;
	const articulated: Record<string, string> = {
		al: 'a',
		ai: 'a',
		agli: 'a',
		alla: 'a',
		dal: 'da',
		dai: 'da',
		dalla: 'da',
		nel: 'in',
		nella: 'in',
		nei: 'in',
		del: 'di',
		della: 'di',
		dei: 'di',
		sul: 'su',
		sulla: 'su'
	};
	return articulated[last] ?? null;
}
