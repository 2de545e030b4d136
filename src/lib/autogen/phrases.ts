/**
 * Facts whose answer is a phrase: a reason ("perché il traffico danneggia i monumenti", "a causa
 * delle sanzioni"), a purpose ("per aiutare le piccole imprese", "servirà a pagare le fiere") and
 * a decision ("ha approvato la nuova zona a traffico limitato"). Each comes with the question that
 * asks it, when the sentence allows a clean one, and the head of the phrase for a gap otherwise.
 */
import type { Sentence } from '$lib/content/types';
import type { Tagged } from './pos';

export type PhraseKind = 'reason' | 'purpose' | 'decision' | 'role' | 'result';

export interface Phrase {
	kind: PhraseKind;
	/** The answer: offsets into the article body, exactly `text` ("a causa delle sanzioni"). */
	start: number;
	end: number;
	text: string;
	/** "Perché le piante soffrono?", "Che cosa ha approvato la giunta regionale?"; or null. */
	question: string | null;
	/** The phrase's head for a gap when no question can be asked ("fermare le barche"). */
	head: { start: number; end: number; text: string } | null;
	/** A role's gender ("la sindaca"): its options must agree with the person asked about. */
	gender?: 'm' | 'f';
}

/** What may follow a phrase a question drops: nothing, or a gloss (", cioè i casi meno urgenti"). */
const TAIL = /^(?:\.?|,\s*cioè\s[^,]*\.)$/u;

/** Longest phrase asked: a longer one is a second sentence, not an answer. */
const MAX_WORDS = 14;

const ART = String.raw`(?:il|lo|la|l’|l'|i|gli|le|un|una|uno|un’|un')\s+`;
const REASON = String.raw`perché|a causa (?:di|del|della|dello|dei|degli|delle|dell’|dell')|grazie (?:a|al|alla|allo|ai|agli|alle|all’|all')|per via (?:di|del|della|dei|degli|delle|dell’|dell')`;
const INFINITIVE = String.raw`\p{Ll}+(?:are|ere|ire|arsi|ersi|irsi|arla|arle|arlo|arli)`;
const PURPOSE = String.raw`(?:allo scopo di|al fine di|per)\s+(?=${INFINITIVE}\b)`;
const SERVES = String.raw`(serv(?:e|ono|irà|iranno|irebbe|irebbero|iva|ivano))\s+(?:a|ad|per)\s+(?=${INFINITIVE}\b)`;
const DECISION = String.raw`((?:ha|hanno)\s+(?:approvato|annunciato|stanziato|deciso|avviato|presentato|annullato|bocciato|respinto|accolto|firmato|sospeso|introdotto|lanciato|inaugurato|scoperto|ritrovato|proposto|ottenuto|conquistato|pubblicato|assegnato|ordinato|chiesto)|prevede|prevedono)`;
/**
 * A participle whose complement says what became of something or what it is for: "trasformata in
 * parco urbano", "usata come anello", "legata alla costruzione", "destinati al fieno".
 */
const RESULT = String.raw`(?:trasformat|convertit|usat|utilizzat|impiegat|legat|destinat|dedicat|riservat|compost|costituit)[oaie]\s+(?:in|come|a|al|alla|allo|ai|agli|alle|all’|all'|da|dal|dalla|dai|dagli|dalle|dall’|dall')\s*`;
const TIME = String.raw`(?:(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ieri|oggi)(?:\s+(?:mattina|pomeriggio|sera|scorso|scorsa))?\s+)?`;

/** Where a phrase ends: a clause break, a quote, or "e" before a verb. */
function phraseEnd(
	text: string,
	from: number,
	tags: Tagged[],
	base: number,
	stop?: RegExp
): number {
	const rest = text.slice(from);
	const re = new RegExp(
		String.raw`(?<!\d)[,.]|[,.](?!\d)|[;:!?«»()]|\s(?:ma|mentre|cioè|oppure)\s` +
			(stop ? `|${stop.source}` : ''),
		'u'
	);
	let end = from + (re.exec(rest)?.index ?? rest.length);
	for (const m of text.slice(from, end).matchAll(/\s(?:e|ed)\s/gu)) {
		const next = tags.find((t) => t.token.start === base + from + m.index + m[0].length);
		if (next?.best?.pos === 'VERB') {
			end = from + m.index;
			break;
		}
	}
	return end;
}

const words = (s: string) => s.trim().split(/\s+/u).filter(Boolean).length;
const lowerSubject = (s: string) =>
	new RegExp(`^(?:${ART}|L’|L')`, 'iu').test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
const hasVerb = (tags: Tagged[], start: number, end: number) =>
	tags.some((t) => t.token.start >= start && t.token.end <= end && t.best?.pos === 'VERB');

/** The main clause before a phrase, fit to follow "Perché"/"A che scopo": with a verb, no quote. */
function clauseBefore(text: string, at: number, tags: Tagged[], base: number): string | null {
	// "Intanto l'ospedale ha aperto…", "…, invece, sono scese": the adverb links to the text around.
	const before = text
		.slice(0, at)
		.replace(/[\s,]+$/u, '')
		.replace(/^(?:Intanto|Inoltre|Invece|Infatti|Quindi|Poi|Anche)\s+(?:,\s*)?/u, '')
		.replace(
			/,\s*(?:invece|però|inoltre|infatti|quindi|intanto|poi),|\s(?:invece|però)(?=\s)/gu,
			''
		);
	if (!before || /[«»:;]|\s(?:che|e|ma|mentre)$/u.test(before) || words(before) > 18) return null;
	return hasVerb(tags, base, base + before.length) ? before : null;
}

/**
 * The question of a clause: "Perché i campi sono vuoti?"; the source of a claim stays first
 * ("Secondo l’ex sindaco, perché molti elettori sono rimasti a casa?").
 */
function asking(asks: string, clause: string): string {
	const frame = /^((?:Secondo|Stando a)\s[^,«]+),\s*/u.exec(clause);
	if (!frame) return `${asks} ${lowerSubject(clause)}?`;
	const rest = clause.slice(frame[0].length);
	return `${frame[1]}, ${asks.charAt(0).toLowerCase()}${asks.slice(1)} ${lowerSubject(rest)}?`;
}

/** "La figlia ha presentato…": whose daughter is in an earlier sentence, so nothing is asked. */
const KIN =
	/^(?:il|la|i|le|l’|l')\s*(?:figlia|figlio|figli|figlie|madre|padre|genitori|moglie|marito|fratello|sorella|famiglia)$/iu;

/** Words a phrase's head stops before: prepositions (simple and with the article), conjunctions. */
const BREAK =
	/^(?:di|a|ad|da|in|con|su|per|tra|fra|senza|verso|fuori|dentro|e|ed|o|che|(?:de|a|da|ne|su)(?:l|llo|lla|i|gli|lle|ll’|ll'))$/u;

/** The 2–6 words a gap covers: up to a preposition or conjunction after the second word. */
function headOf(text: string, start: number, end: number, base: number): Phrase['head'] {
	while (/\s/u.test(text[start] ?? '')) start++;
	const span = text.slice(start, end);
	const parts = span.split(/\s+/u);
	let n = Math.min(parts.length, 6);
	for (let i = 2; i < n; i++)
		if (BREAK.test(parts[i])) {
			n = i;
			break;
		}
	if (n < 2) return null;
	// "un sistema di pompe": an article and a noun say nothing without what they are of.
	if (
		n === 2 &&
		/^(?:il|lo|la|i|gli|le|un|uno|una|l[’']\S*)$/iu.test(parts[0]) &&
		/^(?:di|dei|degli|delle|del|della)$/u.test(parts[2] ?? '') &&
		/^\p{Ll}/u.test(parts[3] ?? '')
	)
		n = 4;
	// Never cut a name: the gap ends on a lower-case word, or before one.
	if (/^\p{Lu}/u.test(parts[n] ?? '')) return null;
	const head = parts.slice(0, n).join(' ');
	return { start: base + start, end: base + start + head.length, text: head };
}

/** The reasons, purposes and decisions a sentence states, in text order. */
export function findPhrases(sentence: Sentence, tags: Tagged[]): Phrase[] {
	const text = sentence.text;
	if (/\?\s*$/u.test(text)) return [];
	const base = sentence.start;
	const found: Phrase[] = [];
	const add = (
		kind: PhraseKind,
		start: number,
		end: number,
		question: string | null,
		headFrom: number
	) => {
		// "a pagare le fiere e la consulenza di esperti di …": too long, its first part is the answer.
		if (words(text.slice(start, end)) > MAX_WORDS) {
			// "a causa di una frana caduta nella notte tra il 3 e il 4 novembre": the phrase
			// before its participle; else before "e" ("a pagare le fiere e la consulenza di …").
			const participle = tags.find(
				(t) =>
					t.token.start >= base + headFrom &&
					t.token.end <= base + end &&
					t.best?.pos === 'VERB' &&
					/^(?:part|pp)|:part/u.test(t.best.features) &&
					words(text.slice(headFrom, t.token.start - base)) >= 2
			);
			const and = /\s(?:e|ed)\s/u.exec(text.slice(start, end));
			if (participle) end = participle.token.start - base - 1;
			else if (and) end = start + and.index;
		}
		const phrase = text.slice(start, end).trim();
		if (words(phrase) < 2 || words(phrase) > MAX_WORDS) return;
		const head = headOf(text, headFrom, end, base);
		// A decision without its question: its figures and names are asked on their own.
		if (!question && (!head || kind === 'decision')) return;
		// "A causa delle ancore, …": the answer as said on its own.
		const shown = start === 0 ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
		found.push({
			kind,
			start: base + start,
			end: base + start + phrase.length,
			text: shown,
			question,
			head
		});
	};
	const each = (pattern: string, fn: (m: RegExpExecArray) => void) => {
		for (const m of text.matchAll(new RegExp(`(?<![\\p{L}’'])(?:${pattern})`, 'giu'))) fn(m);
	};
	/**
	 * A reason or a purpose: "Grazie a X, the clause" asks about the clause that follows; "the
	 * clause perché/per X" about the clause before it (never inside a relative clause for a
	 * purpose: "il fondo che serve per…").
	 */
	const cause = (kind: 'reason' | 'purpose', asks: string) => (m: RegExpExecArray) => {
		const at = m.index!;
		const end = phraseEnd(text, at + m[0].length, tags, base);
		const cue = at + m[0].length;
		if (at === 0) {
			const main = text
				.slice(end)
				.replace(/^[\s,]+/u, '')
				.replace(/[.\s]+$/u, '');
			const ok = text[end] === ',' && main && hasVerb(tags, base + end, base + text.length);
			add(kind, at, end, ok && !/[«»]/u.test(main) ? `${asks} ${lowerSubject(main)}?` : null, cue);
			return;
		}
		const before = clauseBefore(text, at, tags, base);
		const ok =
			before &&
			TAIL.test(text.slice(end).trim()) &&
			(kind === 'reason' || !/\s(?:che|cui)\s/u.test(before));
		add(kind, at, end, ok ? asking(asks, before) : null, cue);
	};
	each(REASON, cause('reason', 'Perché'));
	each(PURPOSE, cause('purpose', 'A che scopo'));
	each(SERVES, (m) => {
		const at = m.index!;
		const verb = m[1];
		const from = at + verb.length + 1;
		const end = phraseEnd(text, from, tags, base);
		const subject = text.slice(0, at).trim();
		const ok =
			subject &&
			!/[,«»]/u.test(subject) &&
			!hasVerb(tags, base, base + at) &&
			TAIL.test(text.slice(end).trim());
		add(
			'purpose',
			from,
			end,
			ok ? `A che cosa ${verb} ${lowerSubject(subject)}?` : null,
			from + m[0].length - verb.length - 1
		);
	});
	each(DECISION + String.raw`\s+(` + TIME + ')', (m) => {
		const at = m.index!;
		const verb = m[1].replace(/\s+/gu, ' ');
		const from = at + m[0].length;
		// "ha deciso di chiudere", "prevede di assumere": the answer keeps its "di".
		if (/deciso$/u.test(verb) && !/^di\s/u.test(text.slice(from))) return;
		if (/^(?:che|di\s+\p{Lu})/u.test(text.slice(from)) && !/deciso$/u.test(verb)) return;
		// "prevede 120 boe": a number decided is asked as the number.
		if (/^(?:\d|circa\s|oltre\s)/u.test(text.slice(from))) return;
		const end = phraseEnd(
			text,
			from,
			tags,
			base,
			new RegExp(String.raw`\s(?:per(?=\s${INFINITIVE}\b)|con|entro|dopo|quando)\s`, 'u')
		);
		// "Per proteggere le praterie, la Regione ha approvato…": the frame is not the subject.
		const opened = text
			.slice(0, at)
			.replace(/^(?:Per|Grazie|A causa|Dopo|Con|Nel|Nella|Da)\b[^,]*,\s*/u, '');
		const subject = opened.split(',')[0].trim();
		// "un piano che prevede 400 esuberi": the verb of a relative clause decides nothing.
		const ok =
			subject &&
			!/[«»]/u.test(subject) &&
			!KIN.test(subject) &&
			!hasVerb(tags, base + at - opened.length, base + at);
		const time = m[2].trim();
		const question = ok
			? `Che cosa ${verb}${time ? ` ${time}` : ''} ${lowerSubject(subject)}?`
			: null;
		add('decision', from, end, question, from);
	});
	each(RESULT, (m) => {
		const head = nounPhrase(text, m.index! + m[0].length, tags, base);
		if (head) found.push({ kind: 'result', ...head, question: null, head });
	});
	return found.sort((a, b) => a.start - b.start);
}

/**
 * The noun and its adjectives right after `from` ("parco urbano", "costruzione"), at most three
 * words; null unless the lemma table reads the first word as a noun.
 */
function nounPhrase(
	text: string,
	from: number,
	tags: Tagged[],
	base: number
): { start: number; end: number; text: string } | null {
	const after = tags.filter((t) => t.token.start >= base + from && t.token.kind === 'word');
	let k = 0;
	if (after[k]?.best?.pos === 'ART') k++;
	const first = after[k];
	if (!first || first.best?.pos !== 'NOUN' || !/^\p{Ll}/u.test(first.token.text)) return null;
	let last = first;
	for (let i = k + 1; i < after.length && i < k + 3; i++) {
		const t = after[i];
		const joined = /^\s$/u.test(text.slice(last.token.end - base, t.token.start - base));
		if (!joined || t.best?.pos !== 'ADJ' || !/^\p{Ll}/u.test(t.token.text)) break;
		last = t;
	}
	// "costruzione di capannoni", "produzione di fieno": a noun of action says little without
	// what it acts on.
	const next = after.indexOf(last) + 1;
	const of = after[next];
	const object = after[next + 1];
	if (
		of &&
		object &&
		/^(?:di|dei|degli|delle)$/u.test(of.token.text) &&
		object.best?.pos === 'NOUN' &&
		/^\p{Ll}/u.test(object.token.text) &&
		next - k <= 1
	)
		last = object;
	const start = first.token.start;
	return { start, end: last.token.end, text: text.slice(start - base, last.token.end - base) };
}
