/**
 * Who says what: "Secondo X, …", "X sostiene che …", "«…», ha detto X", "X ha dichiarato: «…»".
 * A claim is always asked with its speaker, so a claim and its counter-claim are both asked and
 * neither becomes a plain fact; conditionals of reported speech ("avrebbe ricevuto") too.
 */
import type { Sentence } from '$lib/content/types';
import { TITLES } from './names';
import { isConditional, type Tagged } from './pos';

/** Verbs of saying and thinking, by lemma. */
const SPEECH = new Set(
	`sostenere affermare dichiarare dire spiegare ricordare sottolineare annunciare
	replicare rispondere ribattere ritenere osservare precisare aggiungere denunciare avvertire
	commentare confermare assicurare riconoscere ammettere rilevare evidenziare segnalare ribadire
	lamentare scrivere concludere`.split(/\s+/u)
);

export interface Attribution {
	/** Who speaks, as written ("il dott. Luca Benetton", "la FIOM-CGIL"). Offsets into the body. */
	speaker: { start: number; end: number; text: string };
	/** What is claimed (without «» for quotes). */
	claim: { start: number; end: number; text: string };
	/** The verb group of saying as written ("sostiene", "ha dichiarato"), or "secondo". */
	verb: string;
	quote: boolean;
}

const span = (sentence: Sentence, from: number, to: number) => ({
	start: sentence.start + from,
	end: sentence.start + to,
	text: sentence.text.slice(from, to)
});

/** The attribution of a sentence, or null. */
export function findAttribution(sentence: Sentence, tags: readonly Tagged[]): Attribution | null {
	const text = sentence.text;
	const end = text.replace(/[.!?\s]+$/u, '').length;
	// "Secondo X, claim." / "Per il professor X, claim." (possibly after "Tuttavia,").
	const lead =
		/^(?:(?:Tuttavia|Ma|Invece|Però),\s*)?(?:[Ss]econdo|[Pp]er|[Ss]tando a)\s+([^,«]{2,80}?),\s*/u.exec(
			text
		);
	if (
		lead &&
		(/^[Ss]ec|^[Ss]ta/u.test(lead[0].replace(/^\p{L}+,\s*/u, '')) || /\p{Lu}/u.test(lead[1]))
	) {
		const from = lead.index + lead[0].indexOf(lead[1]);
		// "secondo il dott. Luca Benetton, ricercatore del CNR, …": the apposition is the speaker's.
		const apposition = /^(?:(?:il|lo|la|l’|l')\s?)?(\p{Ll}+)[^,«]{0,60},\s*/u.exec(
			text.slice(lead[0].length)
		);
		// "…, Francesca Giordano, …" / "…, dell'Università di Pisa, …": a name or an affiliation.
		const named =
			/^(?:\p{Lu}\p{Ll}+(?:\s(?:van|von|der|de|De|Di)?\s?\p{Lu}\p{Ll}+){1,3}|(?:del|della|dell’|dell'|dei)\s?\p{Lu}[^,«]{0,60}),\s*/u.exec(
				text.slice(lead[0].length)
			);
		// "Per Pellegrini, che corre con l’Adriatica, si tratta della prima vittoria": not a claim
		// of his but a fact about him.
		if (
			/^[Pp]er$/u.test(lead[0].split(/\s/u)[0]) &&
			/^(?:che\s[^,«]*,\s*)?si tratta\b/u.test(text.slice(lead[0].length))
		)
			return null;
		// "Secondo X, che dirige il centro, …": the relative clause is the speaker's.
		const relative = apposition?.[1] === 'che';
		const skip =
			relative || (apposition && (TITLES.m.has(apposition[1]) || TITLES.f.has(apposition[1])))
				? apposition[0].length
				: named
					? named[0].length
					: 0;
		const claim = unquote(text, lead[0].length + skip, end);
		const shown = named ?? apposition;
		const speakerEnd =
			skip && !relative
				? lead[0].length + skip - shown![0].length + shown![0].replace(/,\s*$/u, '').length
				: from + lead[1].length;
		return {
			speaker: span(sentence, from, speakerEnd),
			claim: span(sentence, claim[0], claim[1]),
			verb: 'secondo',
			quote: claim[2]
		};
	}
	// "claim, secondo X."
	const tail = /,\s*secondo\s+([^,]{2,80})$/u.exec(text.slice(0, end));
	if (tail) {
		const from = tail.index + tail[0].indexOf(tail[1]);
		return {
			speaker: span(sentence, from, end),
			claim: span(sentence, 0, tail.index),
			verb: 'secondo',
			quote: false
		};
	}
	// "«quote», ha detto X."
	const after = /^«([^»]+)»,?\s+((?:ha|hanno)\s+\p{L}+|\p{L}+)\s+(.+)$/u.exec(text.slice(0, end));
	if (after && isSpeech(after[2], tags, sentence)) {
		const from = text.indexOf(after[3], after[0].length - after[3].length);
		// "«Ogni anno di ritardo», avverte Valli, «si paga…»": the speaker stops at the second quote.
		const resumed = /,\s*«/u.exec(after[3]);
		// "ha detto la nuova sindaca davanti al suo comitato, poco dopo la mezzanotte": who
		// speaks, not where or when.
		const aside =
			/\s(?:davanti|dopo|durante|poco|prima|mentre|nel|nella|nei|negli|in|con|tra|fra|presso|ieri|oggi|stamattina|stasera)\s/u.exec(
				after[3]
			);
		const cut = Math.min(resumed?.index ?? Infinity, aside?.index ?? Infinity, after[3].length);
		return {
			speaker: span(sentence, from, from + cut),
			claim: span(sentence, 1, 1 + after[1].length),
			verb: after[2],
			quote: true
		};
	}
	// "X (ha) sostiene/dichiarato (che|:) claim."
	for (let i = 1; i < tags.length; i++) {
		const lemma = tags[i].best?.lemma ?? '';
		if (!SPEECH.has(lemma) || tags[i].best?.pos !== 'VERB') continue;
		const tokens = sentence.tokens;
		// "ha invece sostenuto": the auxiliary may stand one adverb away.
		const aux = /^(?:ha|hanno)$/u.test(tokens[i - 1].text)
			? i - 1
			: i > 1 && /^(?:ha|hanno)$/u.test(tokens[i - 2].text)
				? i - 2
				: i;
		let verbTo = i + 1;
		while (
			verbTo < tokens.length &&
			/^(?:invece|anche|poi|inoltre|però|pure|ancora|infatti|quindi)$/u.test(tokens[verbTo].text)
		)
			verbTo++;
		const rest = text.slice(tokens[verbTo - 1].end - sentence.start);
		const m = /^(?:\s+che|\s*:)\s*/u.exec(rest);
		if (!m || aux === 0) continue;
		// "«La sentenza riconosce…», ha dichiarato X": a verb inside a quote is not the speaker's.
		const opened = text.slice(0, tokens[i].start - sentence.start);
		if ((opened.match(/«/gu) ?? []).length > (opened.match(/»/gu) ?? []).length) continue;
		let speakerEnd = tokens[aux - 1].end - sentence.start;
		if (text[speakerEnd] === '»') speakerEnd++;
		const said = subjectOf(text.slice(0, speakerEnd), tags, sentence);
		if (!said) continue;
		speakerEnd = said.end;
		const speakerText = said.text.replace(/^(?:Anche|Intanto|Ma)\s+/u, '').replace(/,\s*$/u, '');
		const speakerFrom = speakerEnd - speakerText.length;
		const claimFrom = tokens[verbTo - 1].end - sentence.start + m[0].length;
		const claim = unquote(text, claimFrom, end);
		const verb = aux === i ? tokens[i].text : `${tokens[aux].text} ${tokens[i].text}`;
		return {
			speaker: span(sentence, speakerFrom, speakerEnd),
			claim: span(sentence, claim[0], claim[1]),
			verb,
			quote: claim[2]
		};
	}
	return null;
}

/**
 * Who speaks, from the words before the verb of saying: after a ";" ("…; la sindaca ha detto
 * che"), the subject of a first clause ("Santini ha riconosciuto la sconfitta, ma sostiene
 * che", "I produttori respingono l'accusa e ricordano che"), without a relative clause
 * ("Galli, che sarà presente alla serata, ha annunciato"). Null when no subject is left.
 */
function subjectOf(
	before: string,
	tags: readonly Tagged[],
	sentence: Sentence
): { text: string; end: number } | null {
	const after = before.slice(before.lastIndexOf(';') + 1);
	const offset = before.length - after.trimStart().length;
	// "Galli, che sarà presente alla serata, ha annunciato": the relative clause is an aside.
	let text = after.trimStart().replace(/,\s*che\s[^,]*,?\s*$/u, '');
	const words = tags.filter(
		(t) =>
			t.token.start - sentence.start >= offset &&
			t.token.end - sentence.start <= offset + text.length
	);
	// A verb before the verb of saying ("la sindaca" after an article is a noun): the speaker
	// is that first clause's subject.
	const verb = words.find(
		(t, k) =>
			t.best?.pos === 'VERB' &&
			!/^part/u.test(t.best.features) &&
			!/^(?:il|lo|la|l[’']|i|gli|le|un|una|uno)$/iu.test(words[k - 1]?.token.text ?? '')
	);
	if (verb) {
		if (!/(?:,\s*ma|\s(?:e|ed|ma))\s*$/u.test(text)) return null;
		text = before.slice(offset, verb.token.start - sentence.start).trimEnd();
	}
	text = text.replace(/,\s*$/u, '');
	if (!/\p{L}/u.test(text)) return null;
	return { text, end: offset + text.length };
}

function isSpeech(verb: string, tags: readonly Tagged[], sentence: Sentence): boolean {
	const last = verb.split(/\s+/u).at(-1)!;
	const i = sentence.tokens.findIndex((t) => t.text === last);
	return i >= 0 && SPEECH.has(tags[i].best?.lemma ?? '');
}

/** The claim's range, without its «» when it is one quote. */
function unquote(text: string, from: number, to: number): [number, number, boolean] {
	const inner = text.slice(from, to);
	if (/^«[^«»]+»$/u.test(inner)) return [from + 1, to - 1, true];
	return [from, to, false];
}

/** A sentence in the conditional of reported speech ("sarebbero stati rimossi"). */
export const isReported = (tags: readonly Tagged[]) => tags.some(isConditional);
