/**
 * The real words around an answer, from the lemma table: every form of its lemma, labelled by
 * what it is compared with the answer (`truppe` is the plural of `truppa`), and the real words
 * one letter away from it (`forzi`, from forzare, next to `forza`). Worked out on the server; the
 * card carries the result (`Card.forms`), so the browser never needs the table.
 */
import type { FormSlip, WordForms } from '$lib/grading/forms';
import { editDistance } from '$lib/grading/words';
import { FUNCTION_WORDS } from './function-words';
import type { Analysis } from './types';

/** One form of a lemma, with one of its readings. */
export interface LemmaForm {
	form: string;
	pos: Analysis['pos'];
	features: string;
}

export interface TableLookup {
	/** Lemma → its forms, one row per reading, every part of speech. */
	forms: Map<string, LemmaForm[]>;
	/** Word → its readings, for the words asked about that the table has. */
	words: Map<string, Analysis[]>;
}

/**
 * Finds the forms of some lemmas and the readings of some words in one pass over the table's
 * text (scripts/build-lemmas.ts writes it), without parsing the rest: the whole table as a map
 * costs about 2 seconds and 170 MB, too much for a server that only needs a few hundred lemmas.
 */
export function scanLemmaTable(
	tsv: string,
	lemmas: ReadonlySet<string>,
	words: ReadonlySet<string>
): TableLookup {
	const found: TableLookup = { forms: new Map(), words: new Map() };
	const parse = (reading: string): Analysis => {
		const [lemma, pos, features = ''] = reading.split(' ');
		return { lemma, pos: pos as Analysis['pos'], features: features === '?' ? '' : features };
	};
	for (const line of tsv.split('\n')) {
		if (line === '' || line.startsWith('#')) continue;
		const readings = line.split('\t');
		const form = readings[0];
		if (words.has(form)) found.words.set(form, readings.slice(1).map(parse));
		for (let i = 1; i < readings.length; i++) {
			// Most lines are of no interest: look at the lemma before parsing anything.
			if (!lemmas.has(readings[i].slice(0, readings[i].indexOf(' ')))) continue;
			const { lemma, pos, features } = parse(readings[i]);
			const list = found.forms.get(lemma) ?? [];
			list.push({ form, pos, features });
			found.forms.set(lemma, list);
		}
	}
	return found;
}

/** Letters a slip of the finger can add or put in a word's place (Italian, lower case). */
const LETTERS = Array.from('abcdefghijklmnopqrstuvwxyzàèéìíòóù');

/**
 * Every string one edit from `word` (a letter left out, added, changed, or two swapped): where
 * to look for the real words a typo of it could be.
 */
export function oneEditAway(word: string): Set<string> {
	const letters = Array.from(word);
	const out = new Set<string>();
	for (let i = 0; i <= letters.length; i++) {
		const before = letters.slice(0, i).join('');
		const after = letters.slice(i).join('');
		const rest = letters.slice(i + 1).join('');
		if (i < letters.length) out.add(before + rest);
		if (i + 1 < letters.length) out.add(before + letters[i + 1] + letters[i] + rest.slice(1));
		for (const letter of LETTERS) {
			out.add(before + letter + after);
			if (i < letters.length) out.add(before + letter + rest);
		}
	}
	out.delete(word);
	return out;
}

/** Our parts of speech, as the table names them. */
const TABLE_POS: Record<string, Analysis['pos']> = {
	noun: 'NOUN',
	adjective: 'ADJ',
	verb: 'VERB',
	adverb: 'ADV'
};
const OTHER_POS: Partial<Record<Analysis['pos'], FormSlip>> = {
	NOUN: 'noun',
	ADJ: 'adjective',
	VERB: 'verb'
};

interface Agreement {
	genders: Set<string>;
	numbers: Set<string>;
}

/** Gender and number of some readings (`f:p`, `m:s|p`), or null when none says them. */
function agreement(readings: readonly LemmaForm[]): Agreement | null {
	const known = readings.filter((r) => /^[mf]:[sp]/u.test(r.features));
	if (known.length === 0) return null;
	const genders = new Set(known.map((r) => r.features.split(':')[0]));
	const numbers = new Set(known.flatMap((r) => r.features.split(':')[1].split('|')));
	return { genders, numbers };
}

const disjoint = (a: Set<string>, b: Set<string>) => ![...a].some((x) => b.has(x));
const GENDER: Record<string, string> = { m: 'masculine', f: 'feminine' };
const NUMBER: Record<string, string> = { s: 'singular', p: 'plural' };

/** What a noun or adjective form is next to the answer: where gender, number or both differ. */
function agreementSlip(answer: Agreement | null, form: Agreement | null): FormSlip {
	if (!answer || !form) return 'other-form';
	const gender = disjoint(answer.genders, form.genders) ? [...form.genders][0] : undefined;
	const number = disjoint(answer.numbers, form.numbers) ? [...form.numbers][0] : undefined;
	const name = [gender && GENDER[gender], number && NUMBER[number]].filter(Boolean).join('-');
	return (name || 'other-form') as FormSlip;
}

const ENDS_IN_VOWEL = /[aeiouàèéìíòóù]$/u;

/** The readings of a form as one string: forms with the same one fill the same slot. */
const slotOf = (readings: readonly LemmaForm[]) =>
	readings
		.map((r) => `${r.pos} ${r.features}`)
		.sort()
		.join();

/**
 * The other forms of `lemma` (as `pos`) and what each is next to `answer`; forms of the same
 * lemma as another part of speech are named by it (`esseri`, the noun, for the verb essere).
 * Where the table gives no gender and number (some adjectives), those of the lemma's other
 * readings are used (grande, grandi as nouns). Left out: a form that fills the same slot as the
 * answer or one of `known` (the article's forms), as it is only another spelling of it, often an
 * old or wrong one (minaccie for minacce, colloquii for colloqui), a truncated noun or adjective,
 * and a form whose difference the table does not say.
 */
export function labelForms(
	lemma: string,
	pos: string,
	answer: string,
	forms: readonly LemmaForm[],
	known: readonly string[] = []
): Partial<Record<FormSlip, string[]>> {
	const wanted = TABLE_POS[pos];
	const byForm = new Map<string, LemmaForm[]>();
	for (const form of forms) byForm.set(form.form, [...(byForm.get(form.form) ?? []), form]);
	const key = answer.toLowerCase();
	const own = (readings: readonly LemmaForm[]) => readings.filter((r) => r.pos === wanted);
	const agreementOf = (readings: readonly LemmaForm[]) =>
		agreement(own(readings)) ?? agreement(readings);
	const answerReadings = byForm.get(key) ?? byForm.get(lemma) ?? [];
	const answerAgreement = agreementOf(answerReadings);
	const standard = [key, ...known.map((k) => k.toLowerCase())];
	const taken = new Set(
		standard.flatMap((form) => (byForm.has(form) ? [slotOf(byForm.get(form)!)] : []))
	);
	const out: Partial<Record<FormSlip, string[]>> = {};
	for (const [form, readings] of byForm) {
		if (standard.includes(form) ? form === key : taken.has(slotOf(readings))) continue;
		// A truncated noun or adjective (general, buon) is no plural nor feminine, whatever
		// the table says: it stands only before another word.
		if (wanted !== 'VERB' && !ENDS_IN_VOWEL.test(form)) continue;
		let slip: FormSlip | undefined;
		if (own(readings).length > 0) {
			slip =
				wanted === 'VERB' ? 'verb-form' : agreementSlip(answerAgreement, agreementOf(readings));
		} else {
			slip = OTHER_POS[readings[0].pos];
		}
		if (slip && slip !== 'other-form') (out[slip] ??= []).push(form);
	}
	return out;
}

/**
 * The real words one letter from an answer that are other words, with their lemma: what a typo of
 * the answer must not be taken for (sostengo, from sostenere, for sostegno). The table is not
 * clean, so only words it can vouch for count: not a word ending in a consonant (its foreign
 * words and truncations: star, modern), unless a function word; not a word whose lemma is one
 * letter from the answer's own (misspellings it holds, stategia for strategia, and variants,
 * riempiere for riempire). Nor any for an answer under four letters: no typo of it passes anyway.
 */
function neighboursOf(
	lemma: string,
	key: string,
	lookup: TableLookup,
	skip: ReadonlySet<string>,
	nearby: Iterable<string>
): Record<string, string> {
	const neighbours: Record<string, string> = {};
	if (Array.from(key).length < 4) return neighbours;
	const ofLemma = new Set((lookup.forms.get(lemma) ?? []).map((f) => f.form));
	for (const word of nearby) {
		if (ofLemma.has(word) || skip.has(word)) continue;
		const functional = FUNCTION_WORDS.get(word.replace(/'/gu, '’')) ?? [];
		const readings = [
			...(ENDS_IN_VOWEL.test(word) ? (lookup.words.get(word) ?? []) : []),
			...functional
		];
		if (readings.length === 0) continue;
		if (readings.some((r) => editDistance(r.lemma, lemma, 1) <= 1)) continue;
		// The lemma nearest the word is the likelier reading: pesi is peso's, before pendere's.
		const [nearest] = readings
			.map((r) => ({ lemma: r.lemma, distance: editDistance(r.lemma, word, 20) }))
			.sort((a, b) => a.distance - b.distance);
		neighbours[word] = nearest.lemma;
	}
	return neighbours;
}

/**
 * What a card with this one-word answer needs to know about the real words around it, given a
 * lookup made with the lemma and `nearby`, the strings one edit from the answer (worked out once
 * per answer by the caller that has many cards). `right`: spellings that are right anyway
 * (accepted forms, synonyms), never listed as other words.
 */
export function wordFormsOf(
	entry: { lemma: string; pos: string; forms?: readonly string[] },
	answer: string,
	lookup: TableLookup,
	right: readonly string[] = [],
	nearby: Iterable<string> = oneEditAway(answer.toLowerCase())
): WordForms {
	const key = answer.toLowerCase();
	const skip = new Set([key, ...right.map((r) => r.toLowerCase())]);
	const forms = lookup.forms.get(entry.lemma) ?? [];
	return {
		lemma: entry.lemma,
		other: labelForms(entry.lemma, entry.pos, answer, withTruncation(entry, forms), entry.forms),
		neighbours: neighboursOf(entry.lemma, key, lookup, skip, nearby)
	};
}

/**
 * A verb's forms with its truncated infinitive (esser, aver, poter), which Italian writes before
 * another word and the table leaves out: a form of the verb, not a typo of it.
 */
function withTruncation(entry: { lemma: string; pos: string }, forms: readonly LemmaForm[]) {
	const truncated = entry.lemma.slice(0, -1);
	if (entry.pos !== 'verb' || !/[aei]re$/u.test(entry.lemma) || forms.length === 0) return forms;
	if (forms.some((f) => f.form === truncated)) return forms;
	return [...forms, { form: truncated, pos: 'VERB' as const, features: 'inf' }];
}
