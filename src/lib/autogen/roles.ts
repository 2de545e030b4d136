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

const genderOf = (role: string): 'm' | 'f' | undefined => {
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

/** The roles a sentence gives its people, one per person. */
export function findRoles(sentence: Sentence, entities: readonly Entity[]): Phrase[] {
	const text = sentence.text;
	const found: Phrase[] = [];
	for (const e of entities) {
		if (e.kind !== 'person' || !e.text.includes(' ')) continue;
		const name = e.full ?? e.text;
		const from = e.start - sentence.start;
		let role: { start: number; end: number; written: string } | null = null;
		if (e.title) {
			const at = text.lastIndexOf(e.title, from);
			if (at >= 0) role = { start: at, end: at + e.title.length, written: e.title };
		} else {
			// "Maria Rossi, direttrice del museo, ha detto": an apposition closed by a comma.
			const after = /^,\s+((?:(?:il|lo|la|l’|l')\s*)?(\p{Ll}+)(?:\s+[^,;:.«»()]+?)?),/u.exec(
				text.slice(e.end - sentence.start)
			);
			const noun = after?.[2];
			if (after && noun && (TITLES.f.has(noun) || TITLES.m.has(noun))) {
				const start = e.end - sentence.start + after[0].indexOf(after[1]);
				role = { start, end: start + after[1].length, written: after[1] };
			}
		}
		if (!role || /\./u.test(role.written)) continue;
		const answer = asAnswer(role.written);
		// "la sindaca" says too little; "la sindaca di Povoletto", "l’assessora regionale" say who.
		if (answer.split(/[\s’']+/u).filter(Boolean).length < 3 || answer.split(/\s+/u).length > 9)
			continue;
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
