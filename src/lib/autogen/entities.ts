/**
 * Named entities of a text, whole and typed: people (with the title that gives their gender),
 * places (from `places.ts`), organisations (acronyms; "Università di Padova"; "Agenzia regionale
 * per la protezione dell’ambiente"), names in «» (a journal, a work) and other names.
 */
import type { Sentence } from '$lib/content/types';
import type { Token } from '$lib/text/tokens';
import { isStopword, monthNames } from './lexicon';
import { NOT_PERSON_WORDS, ORGANISATION_HEADS, TITLES, WORK_NOUNS, firstNameGender } from './names';
import { findPlace, type Place } from './places';
import type { Tagged } from './pos';

export type EntityKind = 'person' | 'place' | 'org' | 'work' | 'name';

/** A name in a sentence; `start`/`end` are offsets into the article body. */
export interface Entity {
	kind: EntityKind;
	start: number;
	end: number;
	text: string;
	gender?: 'm' | 'f';
	plural?: boolean;
	place?: Place;
	/** People: the title before the name, as written ("la sindaca di Povoletto"). */
	title?: string;
	/** People named by one word ("Ferraro"): the full name found elsewhere in the text. */
	full?: string;
	/** Organisations: the head word ("Università"), for distractors of the same kind. */
	head?: string;
}

const CONNECTORS = new Set([
	'di',
	'del',
	'della',
	'dei',
	'degli',
	'delle',
	'd’',
	'dell’',
	"d'",
	"dell'"
]);
const WEEKDAYS = new Set([
	'lunedì',
	'martedì',
	'mercoledì',
	'giovedì',
	'venerdì',
	'sabato',
	'domenica'
]);
const ADJECTIVE_END =
	/(?:ale|ali|ico|ica|ici|iche|ario|aria|ese|esi|ano|ana|ani|ane|ino|ina|ale)$/u;

const isCapital = (t: Token) => t.kind === 'word' && !t.elided && /^\p{Lu}/u.test(t.text);
const isConnector = (t: Token) => CONNECTORS.has(t.text.toLowerCase());
const between = (s: Sentence, a: Token, b: Token) =>
	s.text.slice(a.end - s.start, b.start - s.start);
const joined = (s: Sentence, a: Token, b: Token) => /^[ \u00a0-]?$/u.test(between(s, a, b));
const textOf = (s: Sentence, from: Token, to: Token) =>
	s.text.slice(from.start - s.start, to.end - s.start);

/** Spans of one sentence before the whole text is seen: runs of capitalised words, «» names. */
function rawSpans(sentence: Sentence, tags: readonly Tagged[]): Entity[] {
	const { tokens } = sentence;
	const out: Entity[] = [];
	const quoted = quotedSpans(sentence);
	const inQuote = (t: Token) => quoted.some((q) => t.start >= q.start && t.end <= q.end);
	for (const q of quoted) if (q.name) out.push(q.name);
	let i = 0;
	while (i < tokens.length) {
		const lowerHead = tokens[i].text === 'ministero' && CONNECTORS.has(tokens[i + 1]?.text ?? '');
		if ((!isCapital(tokens[i]) && !lowerHead) || inQuote(tokens[i])) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < tokens.length && joined(sentence, tokens[j - 1], tokens[j])) {
			if (isCapital(tokens[j])) j++;
			else if (
				isConnector(tokens[j]) &&
				tokens[j + 1] &&
				isCapital(tokens[j + 1]) &&
				joined(sentence, tokens[j], tokens[j + 1])
			)
				j += 2;
			else break;
		}
		let from = i;
		// Capitalised by position: a function word or a common word opening the sentence or a clause.
		while (from < j && opensClause(sentence, from) && isCommonWord(tokens[from], tags[from]))
			from++;
		while (from < j && isConnector(tokens[from])) from++;
		if (from < j) {
			const head = tokens[from].text;
			let end = j;
			if (ORGANISATION_HEADS.has(head) || lowerHead) end = orgContinuation(sentence, tags, j);
			const entity: Entity = {
				kind: 'name',
				start: tokens[from].start,
				end: tokens[end - 1].end,
				text: textOf(sentence, tokens[from], tokens[end - 1])
			};
			out.push(
				...classifyRun(sentence, tokens.slice(from, end), entity, lowerHead ? 'Ministero' : head)
			);
			j = end;
		}
		i = j;
	}
	return out.sort((a, b) => a.start - b.start);
}

/** "Agenzia regionale per la protezione dell’ambiente", "Corte dei conti": lower-case parts of a name. */
function orgContinuation(sentence: Sentence, tags: readonly Tagged[], j: number): number {
	const { tokens } = sentence;
	let end = j;
	let k = j;
	while (k < tokens.length && k - j < 7 && joined(sentence, tokens[k - 1], tokens[k])) {
		const t = tokens[k];
		const lower = t.text.toLowerCase();
		const pos = tags[k].best?.pos;
		if (t.kind !== 'word' || pos === 'VERB' || lower === 'che' || lower === 'e') break;
		const afterLower =
			k === j
				? j - 1 === 0 ||
					ORGANISATION_HEADS.has(tokens[k - 1].text) ||
					tokens[k - 1].text === 'ministero'
				: /^\p{Ll}/u.test(tokens[k - 1].text);
		if (
			afterLower &&
			(pos === 'ADJ' || ADJECTIVE_END.test(lower) || /ea$/u.test(lower)) &&
			!isStopword(lower)
		)
			end = ++k;
		else if (
			['per', ...CONNECTORS].includes(lower) ||
			lower === 'la' ||
			lower === 'l’' ||
			lower === 'il'
		)
			k++;
		else if (
			pos === 'NOUN' ||
			(!pos &&
				/^\p{Ll}/u.test(t.text) &&
				tokens[k - 1] &&
				(isConnector(tokens[k - 1]) || /^(?:la|il|lo|l’|l')$/u.test(tokens[k - 1].text))) ||
			isCapital(t)
		)
			end = ++k;
		else break;
	}
	return end;
}

function opensClause(sentence: Sentence, index: number): boolean {
	if (index === 0) return true;
	const before = sentence.text.slice(0, sentence.tokens[index].start - sentence.start);
	return /[:«"“(]\s*$/u.test(before);
}

function isCommonWord(token: Token, tag: Tagged | undefined): boolean {
	const lower = token.text.toLowerCase();
	if (isStopword(lower) || WEEKDAYS.has(lower) || monthNames().includes(lower)) return true;
	return !!tag?.best && tag.best.pos !== 'NUM' && !findPlace(token.text);
}

/** Splits and types one run: a place then a person is an apposition ("Corea del Nord Kim Jong Un"). */
function classifyRun(sentence: Sentence, run: Token[], whole: Entity, head: string): Entity[] {
	const words = run.filter((t) => !isConnector(t)).map((t) => t.text);
	if (ORGANISATION_HEADS.has(head)) {
		return [{ ...whole, kind: 'org', head, gender: ORGANISATION_HEADS.get(head) }];
	}
	if (/^[IVXLC]+$/u.test(whole.text)) return []; // a century ("XVII secolo"): a number
	if (/^\p{Lu}{2,}(?:-\p{Lu}{2,})*$/u.test(whole.text))
		return [{ ...whole, kind: 'org', head: 'sigla' }];
	const place = findPlace(whole.text);
	if (place)
		return [{ ...whole, kind: 'place', place, gender: place.gender, plural: place.plural }];
	const last = run.at(-1)!;
	const endsInPlace = [1, 2, 3].some(
		(k) => run.length > k + 1 && findPlace(textOf(sentence, run[run.length - k], last))
	);
	if (run.length >= 3 && endsInPlace && !firstNameGender(words[0])) {
		// "Vero Volley Milano", "Savino Del Bene Scandicci": a team or a company of a place.
		const company = run.some(isConnector) && !/\p{Lu}/u.test(run.find(isConnector)!.text);
		return [{ ...whole, kind: 'org', head: company ? 'azienda' : 'squadra' }];
	}
	for (let k = Math.min(5, run.length - 1); k >= 1; k--) {
		const first = textOf(sentence, run[0], run[k - 1]);
		const p = findPlace(first);
		if (p && firstNameGender(run[k].text)) {
			const rest = textOf(sentence, run[k], last);
			return [
				{
					kind: 'place',
					start: run[0].start,
					end: run[k - 1].end,
					text: first,
					place: p,
					gender: p.gender
				},
				{ kind: 'name', start: run[k].start, end: last.end, text: rest }
			];
		}
	}
	return [whole];
}

/** «…» spans; a short one after a naming noun ("la rivista «Nature Ecology»") is a name. */
function quotedSpans(sentence: Sentence): { start: number; end: number; name?: Entity }[] {
	const out: { start: number; end: number; name?: Entity }[] = [];
	for (const m of sentence.text.matchAll(/«([^«»]+)»/gu)) {
		const start = sentence.start + m.index + 1;
		const inner = m[1];
		const before = sentence.text
			.slice(0, m.index)
			.trim()
			.split(/\s+/u)
			.slice(-2)
			.map((w) => w.toLowerCase());
		const named = before.some((w) => WORK_NOUNS.has(w)) || before.at(-1) === 'è';
		const span = { start, end: start + inner.length };
		const short =
			inner.split(/\s+/u).length <= 6 && !/[,.;:!?]/u.test(inner) && /^\p{Lu}/u.test(inner);
		if (named && short) {
			const org = before.some((w) => w === 'comitato' || w === 'associazione' || w === 'movimento');
			out.push({
				...span,
				name: { kind: org ? 'org' : 'work', ...span, text: inner, head: before.at(-1) }
			});
		} else out.push(span);
	}
	return out;
}

/**
 * The entities of the body sentences, typed with what the whole text shows: two or more
 * capitalised words with a known first name, a title before them, or words never written in
 * lower case make a person; a lone word that is part of a person's name is that person.
 */
export function findEntities(
	sentences: readonly Sentence[],
	tags: readonly (readonly Tagged[])[]
): Entity[][] {
	const lowerCase = new Set<string>();
	const midCapital = new Set<string>();
	for (const s of sentences) {
		s.tokens.forEach((t, i) => {
			if (/^\p{Ll}/u.test(t.text)) lowerCase.add(t.text.toLowerCase());
			else if (i > 0 && !opensClause(s, i)) midCapital.add(t.text);
		});
	}
	const raw = sentences.map((s, i) => rawSpans(s, tags[i]));
	const personWords = new Map<string, 'm' | 'f' | undefined>();
	const fullNames = new Map<string, string>();
	raw.forEach((spans, i) => {
		for (const e of spans) {
			if (e.kind !== 'name') continue;
			const parts = e.text.split(/\s+/u).filter((w) => !CONNECTORS.has(w.toLowerCase()));
			const title = titleBefore(sentences[i], e.start);
			const gender = firstNameGender(parts[0]) ?? title?.gender;
			const never = parts.every((w) => !lowerCase.has(w.toLowerCase()) && !NOT_PERSON_WORDS.has(w));
			if (parts.length >= 2 && parts.length <= 4 && (gender || never)) {
				Object.assign(e, { kind: 'person', gender, title: title?.text });
				personWords.set(parts[0], gender).set(parts.at(-1)!, gender);
				for (const part of [parts[0], parts.at(-1)!])
					if (!fullNames.has(part)) fullNames.set(part, e.text);
			}
		}
	});
	return raw.map((spans, i) =>
		spans.flatMap((e) => {
			if (e.kind !== 'name' || e.text.includes(' ')) return [e];
			if (personWords.has(e.text))
				return [
					{
						...e,
						kind: 'person' as const,
						gender: personWords.get(e.text),
						full: fullNames.get(e.text),
						title: titleBefore(sentences[i], e.start)?.text
					}
				];
			// A lone word capitalised only where a sentence opens ("Intanto") is not a name.
			const initial = sentences[i].tokens.findIndex((t) => t.start === e.start);
			if (
				initial >= 0 &&
				opensClause(sentences[i], initial) &&
				!midCapital.has(e.text) &&
				!/^\p{Lu}{2,}/u.test(e.text)
			)
				return [];
			return lowerCase.has(e.text.toLowerCase()) ? [] : [e];
		})
	);
}

/** The title right before a name ("la sindaca di Povoletto, " / "il dott. "), with its gender. */
export function titleBefore(
	sentence: Sentence,
	start: number
): { text: string; gender: 'm' | 'f' } | undefined {
	const before = sentence.tokens.filter((t) => t.end <= start).slice(-6);
	for (let k = before.length - 1; k >= 0; k--) {
		const word = before[k].text.toLowerCase();
		const dotted = sentence.text[before[k].end - sentence.start] === '.' ? `${word}.` : '';
		for (const gender of ['f', 'm'] as const) {
			const set = TITLES[gender];
			if (set.has(word) || (dotted && set.has(dotted))) {
				const article = before[k - 1];
				const from =
					article && /^(?:il|lo|la|l’|l'|dal|dalla|del|della|dello|al|alla)$/iu.test(article.text)
						? article
						: before[k];
				const text = sentence.text
					.slice(from.start - sentence.start, start - sentence.start)
					.replace(/[\s,]+$/u, '');
				// "presidente", "giornalista": the article tells the gender.
				const g = /^(?:la|dalla|della|alla)$/iu.test(from.text)
					? 'f'
					: /^(?:il|lo|dal|del|al|dello)$/iu.test(from.text)
						? 'm'
						: gender;
				return { text, gender: g };
			}
		}
		if (
			/[.;:]/u.test(
				sentence.text.slice(
					before[k].end - sentence.start,
					(before[k + 1]?.start ?? start) - sentence.start
				)
			)
		)
			break;
	}
	return undefined;
}
