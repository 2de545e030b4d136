/**
 * Who a person is, from the text's own words: the title before a name ("La sindaca di Povoletto,
 * Chiara Bortolin", "il direttore del museo Mario Bianchi") or an apposition after it ("Maria
 * Rossi, direttrice del museo, …"). Asked as "Chi è Chiara Bortolin?" → "la sindaca di Povoletto".
 */
import type { Sentence } from '$lib/content/types';
import type { Entity } from './entities';
import { TITLES } from './names';
import type { Phrase } from './phrases';

/** A role answer: "la" for "dalla", "il" for "dal", the first letter lower-cased. */
function asAnswer(title: string): string {
	const t = title.replace(/\s+/gu, ' ').trim();
	const article: Record<string, string> = {
		dalla: 'la',
		della: 'la',
		alla: 'la',
		dal: 'il',
		del: 'il',
		al: 'il',
		dello: 'lo',
		dall: 'l',
		dell: 'l',
		all: 'l'
	};
	const m = /^(\p{L}+)([’']|\s)/u.exec(t);
	const swapped =
		m && article[m[1].toLowerCase()]
			? article[m[1].toLowerCase()] + m[2] + t.slice(m[0].length)
			: t;
	return swapped.charAt(0).toLowerCase() + swapped.slice(1);
}

export const genderOf = (role: string): 'm' | 'f' | undefined => {
	const words = role.toLowerCase().split(/[\s’']+/u);
	if (/^(?:la|una)$/u.test(words[0])) return 'f';
	if (/^(?:il|lo|un|uno)$/u.test(words[0])) return 'm';
	const noun = words.find((w) => TITLES.f.has(w) || TITLES.m.has(w));
	if (!noun) return undefined;
	return TITLES.f.has(noun) && !TITLES.m.has(noun)
		? 'f'
		: TITLES.m.has(noun) && !TITLES.f.has(noun)
			? 'm'
			: undefined;
};

/** The title written before a name ("la sindaca di Povoletto, Chiara Bortolin"). */
function titleRole(text: string, e: Entity, from: number): Written | null {
	if (!e.title) return null;
	const at = text.lastIndexOf(e.title, from);
	return at >= 0 ? { start: at, end: at + e.title.length, written: e.title } : null;
}

/**
 * "Maria Rossi, direttrice del museo, ha detto", "…, spiega Anna Neri, geriatra e responsabile del
 * progetto.": an apposition after the name, closed by a comma or by the end of the sentence.
 */
function appositionRole(text: string, after: number): Written | null {
	const m = /^,\s+((?:(?:il|lo|la|l’|l')\s*)?(\p{Ll}+)(?:\s+[^,;:.«»()]+?)?)(?:,|[.!?]?$)/u.exec(
		text.slice(after)
	);
	const noun = m?.[2];
	if (!m || !noun || !(TITLES.f.has(noun) || TITLES.m.has(noun))) return null;
	const start = after + m[0].indexOf(m[1]);
	return { start, end: start + m[1].length, written: m[1] };
}

interface Written {
	start: number;
	end: number;
	written: string;
}

/** The roles a sentence gives its people, one per person. */
export function findRoles(sentence: Sentence, entities: readonly Entity[]): Phrase[] {
	const text = sentence.text;
	const found: Phrase[] = [];
	for (const e of entities) {
		if (e.kind !== 'person' || !e.text.includes(' ')) continue;
		const name = e.full ?? e.text;
		const from = e.start - sentence.start;
		const says = (role: { written: string } | null) => {
			if (!role || /\./u.test(role.written)) return null;
			const answer = asAnswer(role.written);
			// "la sindaca" says too little; "la sindaca di Povoletto", "l’assessora regionale" say who.
			const words = answer.split(/[\s’']+/u).filter(Boolean).length;
			return words < 3 || answer.split(/\s+/u).length > 9 ? null : answer;
		};
		let role = titleRole(text, e, from);
		let answer = says(role);
		if (!answer) {
			role = appositionRole(text, e.end - sentence.start);
			answer = says(role);
		}
		if (!role || !answer) continue;
		found.push({
			kind: 'role',
			start: sentence.start + role.start,
			end: sentence.start + role.end,
			text: answer,
			question: `Chi è ${name}?`,
			head: null,
			gender: genderOf(answer) ?? e.gender
		});
	}
	return found;
}
