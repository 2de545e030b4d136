/**
 * Named entities of a text, whole and typed: people (with the title that gives their gender),
 * places (from `places.ts`), organisations (acronyms; "Università di Padova"; "Agenzia regionale
 * per la protezione dell’ambiente"), names in «» (a journal, a work) and other names.
 */
import type { Sentence } from '$lib/content/types';
import type { Token } from '$lib/text/tokens';
import { isStopword, monthNames } from './lexicon';
import {
	NOT_PERSON_WORDS,
	THING_NOUNS,
	ORGANISATION_HEADS,
	TITLES,
	WORK_NOUNS,
	firstNameGender,
	isFirstName
} from './names';
import { findPlace, isProvince, opensPlaceName, type Place } from './places';
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
	/** Places after "in provincia di": the gap asks a province. */
	province?: boolean;
	/** People: the title before the name, as written ("la sindaca di Povoletto"). */
	title?: string;
	/** People named by one word ("Ferraro"): the full name found elsewhere in the text. */
	full?: string;
	/** Organisations: the head word ("Università"), for distractors of the same kind. */
	head?: string;
	/**
	 * A name written with its acronym, "Azienda sanitaria locale (ASL) di Cuneo": the acronym and
	 * the expansion are one source; the gap covers both and is answered by `short` ("ASL di Cuneo").
	 */
	acronym?: string;
	expansion?: string;
	short?: string;
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
/** Lower-case particles inside a person's name ("van Dijk", "von der Leyen"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'du', 'dos', 'ter', 'zu']);
/** Common nouns that announce the name of an organisation: "l'associazione dei diportisti Vela Libera". */
const ORG_NOUNS = new Set(
	`associazione sindacato comitato azienda acciaieria società gruppo cooperativa movimento
	consorzio ditta impresa fabbrica federazione rete onlus marchio catena cantiere startup`.split(
		/\s+/u
	)
);
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
const text = (s: Sentence, before: number) => s.text.slice(0, before - s.start);
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
				PARTICLES.has(tokens[j].text) &&
				isCapital(tokens[j - 1]) &&
				tokens.slice(j + 1, j + 3).some(isCapital) &&
				firstNameGender(tokens[i].text) !== undefined
			)
				j += 1; // "Pieter van Dijk", "Ursula von der Leyen"
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
	// "Pesaro e Urbino", "Barletta-Andria-Trani": one province, though written as two places.
	for (let k = out.length - 2; k >= 0; k--) {
		const [a, b] = [out[k], out[k + 1]];
		const joinedName = sentence.text.slice(a.start - sentence.start, b.end - sentence.start);
		const place = a.kind === 'place' && b.kind === 'place' ? findPlace(joinedName) : undefined;
		if (
			place &&
			place.name === joinedName &&
			/^\s+e\s+$/u.test(sentence.text.slice(a.end - sentence.start, b.start - sentence.start))
		)
			out.splice(k, 2, { ...a, end: b.end, text: joinedName, place, gender: place.gender });
	}
	// "Tra le province spiccano Verona e Padova": a sentence about provinces names provinces.
	const aboutProvinces = /\bprovince\b/iu.test(sentence.text);
	for (const e of out)
		if (
			e.kind === 'place' &&
			(PROVINCE_BEFORE.test(text(sentence, e.start)) || (aboutProvinces && isProvince(e.text)))
		)
			e.province = true;
	return withAcronyms(sentence, out);
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
		// "Istituto di scienze e tecnologie del mare": "e" joins two nouns of one name.
		const joinsNouns =
			lower === 'e' &&
			/^\p{Ll}/u.test(tokens[k - 1].text) &&
			/^\p{Ll}/u.test(tokens[k + 1]?.text ?? '') &&
			tags[k + 1]?.best?.pos === 'NOUN' &&
			tags[k - 1]?.best?.pos === 'NOUN';
		if (joinsNouns) {
			k++;
			continue;
		}
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
		else if (['per', ...CONNECTORS].includes(lower)) k++;
		// "per la protezione": an article only after a preposition ("dei medici di Cuneo il piano" ends).
		else if (/^(?:la|il|l’)$/u.test(lower) && /^(?:per|e)$/u.test(tokens[k - 1].text)) k++;
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
		// "il Comune", "la Regione" alone: a common noun, never a name to ask or offer.
		if (run.length === 1) return [];
		return [{ ...whole, kind: 'org', head, gender: ORGANISATION_HEADS.get(head) }];
	}
	if (/^[IVXLC]+$/u.test(whole.text)) return []; // a century ("XVII secolo"): a number
	if (/^\p{Lu}{2,}(?:-\p{Lu}{2,})*$/u.test(whole.text))
		return [{ ...whole, kind: 'org', head: 'sigla' }];
	const noun = orgNounBefore(sentence, run[0]);
	if (noun && !firstNameGender(words[0])) return [{ ...whole, kind: 'org', head: noun }];
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

/** The organisation noun a name follows ("il sindacato degli infermieri Nursind"), if any. */
function orgNounBefore(sentence: Sentence, first: Token): string | undefined {
	const before = sentence.tokens.filter((t) => t.end <= first.start).slice(-4);
	for (let k = before.length - 1; k >= 0; k--) {
		const lower = before[k].text.toLowerCase();
		if (ORG_NOUNS.has(lower)) return lower;
		if (!/^\p{Ll}/u.test(before[k].text)) return undefined;
		if (/[,.;:()]/u.test(between(sentence, before[k], before[k + 1] ?? first))) return undefined;
	}
	return undefined;
}

/**
 * "Istituto superiore per la protezione e la ricerca ambientale (ISPRA)", "Azienda sanitaria
 * locale (ASL) di Cuneo": a name and its acronym in brackets are one entity, so neither is ever
 * a gap beside the other.
 */
function withAcronyms(sentence: Sentence, spans: Entity[]): Entity[] {
	const out = [...spans];
	const text = sentence.text;
	for (const m of text.matchAll(/\s\((\p{Lu}[\p{L}-]{1,9})\)/gu)) {
		const open = sentence.start + m.index;
		const acronym = m[1];
		// "(ISPRA)", "(Ifremer)", "(Cnr-Ismar)"; "(Roma)" after a town is its province, not an
		// acronym, but "(Ispra)" after an institute's name is the institute.
		if (!/^\p{Lu}{2,}|^\p{Lu}\p{Ll}{1,7}(?:-\p{Lu}\p{Ll}{1,7})?$/u.test(acronym)) continue;
		const nearest = out.filter((e) => e.end <= open).sort((a, b) => b.end - a.end)[0];
		if (findPlace(acronym) && (!nearest || nearest.kind === 'place')) continue;
		// The expansion: the nearest organisation before, and the words joining it to the bracket;
		// "Commissione generale per la pesca nel Mediterraneo (CGPM)": a name inside it is skipped.
		const before = out
			.filter((e) => e.end <= open && e.kind !== 'person')
			.sort((a, b) => a.start - b.start);
		// "…per la prevenzione e protezione ambientale del Veneto (ARPAV)": an organisation joined
		// to the bracket by lower-case words and a name is the expansion, the name inside it.
		let k = before.length - 1;
		// Only a name right against the bracket ("…nel Mediterraneo (CGPM)") is inside a longer one.
		const touches = (e: Entity | undefined) =>
			!!e && !text.slice(e.end - sentence.start, m.index).trim();
		while (touches(before[k])) {
			const prev = before[k - 1];
			const gap = prev
				? text.slice(prev.end - sentence.start, before[k].start - sentence.start)
				: '';
			// "…per la prevenzione, l’ambiente e l’energia dell’Emilia-Romagna (Arpae)".
			if (!prev || prev.kind !== 'org' || !/^,?\s(?:\p{Ll}+[’']?,?\s?){1,8}$/u.test(gap)) break;
			// "un consorzio di Monaco, ha annunciato ricorso al Tribunale…": a verb ends the name.
			if (FINITE.test(gap)) break;
			k--;
		}
		// "Sistema nazionale per la protezione dell'ambiente (SNPA)": a name read as no kind.
		const head = before[k]?.kind === 'org' || before[k]?.kind === 'name' ? before[k] : undefined;
		if (!head) continue;
		const joining = text.slice(head.end - sentence.start, m.index);
		// Commas only between lower-case words ("la prevenzione, l’ambiente e l’energia"), with
		// no name in them but the one against the bracket.
		const inner = before.slice(k + 1).reduce((t, e) => t.replace(e.text, ''), joining);
		const listed = !/,/u.test(joining) || !/\p{Lu}/u.test(inner);
		const words = joining.trim().split(/\s+/u).filter(Boolean).length;
		if (/[;:.«»()]/u.test(joining) || !listed || words > (/,/u.test(joining) ? 12 : 8)) continue;
		if (FINITE.test(joining)) continue;
		let end = open + m[0].length;
		const rest = /^\s+(?:di|del|della|dell’|dell')\s?\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)*/u.exec(
			text.slice(end - sentence.start)
		);
		const tail = rest ? rest[0] : '';
		end += tail.length;
		const merged: Entity = {
			kind: 'org',
			start: head.start,
			end,
			text: text.slice(head.start - sentence.start, end - sentence.start),
			head: 'sigla',
			acronym,
			expansion: text.slice(head.start - sentence.start, open - sentence.start),
			short: acronym + tail
		};
		for (let k = out.length - 1; k >= 0; k--)
			if (out[k].start >= merged.start && out[k].end <= merged.end) out.splice(k, 1);
		out.push(merged);
	}
	return out.sort((a, b) => a.start - b.start);
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

const ARTICLE_BEFORE =
	/(?:^|[\s(])(?:il|lo|la|l[’']|gli|le|(?:de|a|da|ne|su)(?:l|llo|lla|ll[’']|gli|lle))\s*$/iu;

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
			const thing = thingNounBefore(sentences[i], e.start);
			if (thing) {
				e.head = thing;
				continue;
			}
			const parts = e.text.split(/\s+/u).filter((w) => !CONNECTORS.has(w.toLowerCase()));
			const title = titleBefore(sentences[i], e.start);
			const gender = firstNameGender(parts[0]) ?? title?.gender;
			const never = parts.every(
				(w) => !lowerCase.has(w.toLowerCase()) && !NOT_PERSON_WORDS.has(w) && !opensPlaceName(w)
			);
			// "corre con l’Adriatica Cicli": a name after an article is a team or a firm, not a person.
			const article = ARTICLE_BEFORE.test(sentences[i].text.slice(0, e.start - sentences[i].start));
			if (parts.length >= 2 && parts.length <= 4 && (gender || never) && !article) {
				Object.assign(e, { kind: 'person', gender, title: title?.text });
				personWords.set(parts[0], gender).set(parts.at(-1)!, gender);
				for (const part of [parts[0], parts.at(-1)!])
					if (!fullNames.has(part)) fullNames.set(part, e.text);
			}
		}
	});
	return raw.map((spans, i) =>
		spans
			.map((e) => withElidedArticle(sentences[i], e))
			.flatMap((e) => {
				// "la prof.ssa Musso": the surname of a person the text names, not the comune of Musso.
				const surname =
					e.kind === 'place' &&
					e.place?.kind === 'city' &&
					!e.text.includes(' ') &&
					personWords.has(e.text) &&
					!!titleBefore(sentences[i], e.start);
				if ((e.kind !== 'name' && !surname) || e.text.includes(' ')) return [e];
				if (
					surname ||
					(personWords.has(e.text) && !(opensPlaceName(e.text) && !isFirstName(e.text)))
				)
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

/**
 * "il laboratorio L’Immagine Ritrovata": a capital article inside a sentence is part of the name,
 * so a gap never leaves it behind.
 */
function withElidedArticle(sentence: Sentence, e: Entity): Entity {
	const at = e.start - sentence.start;
	if (e.kind === 'person' || !/\sL[’']$/u.test(sentence.text.slice(0, at))) return e;
	return { ...e, start: e.start - 2, text: sentence.text.slice(at - 2, at) + e.text };
}

/** "in provincia di X", "nelle province di X, Y e Z": the places asked are provinces. */
const PROVINCE_BEFORE = /provincia di\s*$|province di(?:\s+[^,.;:]+?(?:,|\s+e))*\s*$/iu;

/** "la nave oceanografica Gaia Blu": the noun that says a name is a thing, if any. */
function thingNounBefore(sentence: Sentence, start: number): string | undefined {
	const before = sentence.tokens.filter((t) => t.end <= start).slice(-2);
	for (let k = before.length - 1; k >= 0; k--) {
		const word = before[k].text;
		// "Istituto comprensivo Rosa Balistreri", "Ospedale civile Santo Spirito": named after
		// someone, a school or a hospital.
		if (k < before.length - 1 && ORGANISATION_HEADS.has(word)) return word;
		if (!/^\p{Ll}/u.test(word)) return undefined;
		if (THING_NOUNS.has(word)) return word;
		if (/[,.;:()«»]/u.test(between(sentence, before[k], before[k + 1] ?? ({ start } as Token))))
			return undefined;
	}
	return undefined;
}

/** A finite verb among the words joining two names: they are two phrases, not one name. */
const FINITE = /(?:^|\s)(?:ha|hanno|è|sono|era|erano|sarà|saranno|aveva|avevano)\s/u;

/** The title right before a name ("la sindaca di Povoletto, " / "il dott. "), with its gender. */
const FUNCTION_BEFORE_TITLE =
	/^(?:il|lo|la|l’|l'|i|gli|le|un|una|uno|un’|di|a|da|in|con|su|per|tra|fra|e|ed|o|del|della|dello|dei|degli|delle|al|alla|allo|ai|agli|alle|dal|dalla|dallo|dai|dagli|dalle|nel|nella|nello|nei|negli|nelle|sul|sulla|sui|sugli|sulle|secondo)$/iu;

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
				// "la sede storica di Palazzo Rocca": after a noun, a title word is its adjective.
				if (
					!dotted &&
					article &&
					/^\p{Ll}/u.test(article.text) &&
					!FUNCTION_BEFORE_TITLE.test(article.text) &&
					!/[,;:.«»()]/u.test(between(sentence, article, before[k]))
				)
					continue;
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
