/**
 * Named entities in Italian prose: capitalised spans, cleaned up and classified as places,
 * people or organisations. A gazetteer from `Intl.DisplayNames` names every country in Italian;
 * a short list adds the cities and regions that news is about.
 */
import type { Sentence } from '$lib/content/types';
import type { Token } from '$lib/text/tokens';
import { isStopword } from './lexicon';

/** `region`: a continent or world area; `district`: a region inside a country. */
export type PlaceKind = 'city' | 'country' | 'region' | 'district';

/** A place the gazetteer knows, as written in Italian. */
export interface Place {
	name: string;
	/** Cities never take an article ("a Mosca"); the others do ("la Russia", "l’Asia"). */
	kind: PlaceKind;
	/** A dependent territory ("Isola Bouvet"): recognised, but never offered as a distractor. */
	minor?: boolean;
}

export type EntityKind = 'place' | 'person' | 'organisation' | 'name';

/** A capitalised span in a sentence; `start`/`end` are offsets into the article body. */
export interface EntitySpan {
	kind: EntityKind;
	start: number;
	end: number;
	text: string;
}

const list = (text: string) => text.split(',').map((name) => name.trim());

/** Cities frequent in news that `Intl.DisplayNames` (countries only) does not name. */
const CITIES = list(`Mosca, Pyongyang, Kursk, Washington, Seul, Kiev, Kyiv, Pechino, Tokyo, Roma,
	Milano, Napoli, Torino, Firenze, Venezia, Bologna, Genova, Palermo, Bari, Catania, Trieste,
	Parigi, Londra, Berlino, Bruxelles, Madrid, Varsavia, Minsk, Teheran, Gerusalemme, Ankara,
	Istanbul, New York, Kharkiv, Odessa, Donetsk, Luhansk, Mariupol, San Pietroburgo, Vladivostok,
	Taipei, Tel Aviv, Gaza, Damasco, Baghdad, Kabul, Nuova Delhi, Ginevra, Vienna, Praga, Budapest,
	Belgrado, Atene, Lisbona, Stoccolma, Helsinki, Oslo, Copenaghen, Amsterdam, Dublino, Bucarest,
	Riga, Vilnius, Tallinn, Hanoi, Manila, Giacarta, Ottawa, Canberra`);
/** Continents and world areas, as M.49 names them or news does. */
const REGIONS = list(
	`Europa, Asia, Africa, America, Medio Oriente, Caucaso, Artico, Indo-Pacifico`
);
/** Regions inside a country: Italy's (for Italian news) and those in the news. */
const DISTRICTS = list(`Lombardia, Piemonte, Veneto, Liguria, Toscana, Lazio, Campania, Puglia,
	Calabria, Sicilia, Sardegna, Basilicata, Abruzzo, Molise, Marche, Umbria, Friuli, Trentino,
	Crimea, Donbass, Siberia, Cecenia, Transnistria, Catalogna, Baviera, Scozia, Texas, California`);

/** Region codes whose names are not places (organisations, pseudo-locales, "unknown"). */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', '001']);
/** ISO 3166 codes of dependent territories: an implausible wrong answer for a country. */
const TERRITORY_CODES = `AC AI AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH FK FO GF GG GI
	GL GP GS GU HK HM IC IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TA TC TF TK UM
	VG VI WF YT`;
const TERRITORIES = new Set(TERRITORY_CODES.split(/\s+/u));

let gazetteerCache: Map<string, Place> | undefined;

/**
 * Every place known, keyed by its name with apostrophes and spaces normalised (see `placeKey`).
 * Countries come from `Intl.DisplayNames('it', { type: 'region' })` over all ISO 3166 alpha-2
 * codes and the UN M.49 area codes, so nothing is typed by hand; built once, on first use.
 */
export function gazetteer(): ReadonlyMap<string, Place> {
	if (gazetteerCache) return gazetteerCache;
	const places = new Map<string, Place>();
	const names = new Intl.DisplayNames('it', { type: 'region', fallback: 'none' });
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
	for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
	for (const code of codes) {
		if (NOT_PLACES.has(code)) continue;
		let name: string | undefined;
		try {
			name = names.of(code);
		} catch {
			continue; // a code this ICU build does not accept
		}
		// "RAS di Hong Kong", "Congo - Kinshasa", "Myanmar (Birmania)" never occur like that in prose.
		if (!name || /[()]|\s-\s|^RAS\s/u.test(name)) continue;
		// UN M.49 codes are digits and name areas ("Asia orientale"), not countries.
		const kind = /^\d/u.test(code) ? 'region' : 'country';
		places.set(placeKey(name), { name, kind, minor: TERRITORIES.has(code) });
	}
	for (const name of REGIONS) places.set(placeKey(name), { name, kind: 'region' });
	for (const name of DISTRICTS) places.set(placeKey(name), { name, kind: 'district' });
	for (const name of CITIES) places.set(placeKey(name), { name, kind: 'city' });
	gazetteerCache = places;
	return places;
}

/** Lookup key for a place name: one kind of apostrophe, single spaces. */
export function placeKey(name: string): string {
	return name.replace(/’/gu, "'").replace(/\s+/gu, ' ');
}

/** Organisations known by name, and words that make any name an organisation. */
const ORGANISATIONS = new Set(
	list(`
	Nazioni Unite, Unione Europea, Unione europea, Cremlino,
	Casa Bianca, Pentagono, Consiglio di Sicurezza, Croce Rossa, Banca Mondiale`)
);
const ORGANISATION_WORDS = new Set(
	list(`
	Institute, Istituto, Università, University, Ministero,
	Banca, Bank, Fondo, Fund, Consiglio, Council, Commissione, Parlamento, Corte, Agenzia, Agency,
	Partito, Party, Fondazione, Foundation, Center, Centre, Centro, Organizzazione, Associazione,
	Federazione, Forum, Gruppo, Group, Corporation, Company, Compagnia, Società, Unione, Nazioni,
	Alleanza, Lega, Comitato, Committee, Tribunale, Senato, Congresso, Assemblea`)
);
/** Capitalised common words that make a two-word name an event or title, not a person. */
const NOT_PERSON_WORDS = new Set(
	list(`
	Guerra, Fredda, Mondiale, Repubblica, Regno, Impero, Chiesa,
	Stato, Governo, Presidente, Ministro, Piano, Trattato, Accordo, Forze, Armata, Golfo, Mare, Oceano,
	Monte, Fiume, Lago, Via, Piazza, Premio, Coppa, Giochi, Nord, Sud, Est, Ovest, San, Santa, Santo`)
);
/** Frequent first names in Italian news: a capitalised word after one is a person's name. */
const FIRST_NAMES = new Set(
	list(`
	Donald, Joe, Kamala, Barack, Vladimir, Volodymyr, Sergey, Sergei,
	Xi, Kim, Emmanuel, Olaf, Angela, Boris, Ursula, Giorgia, Mario, Sergio, Matteo, Giuseppe, Silvio,
	Luke, Antonio, Marco, Luca, Giovanni, Francesco, Elly, Keir, Rishi, Benjamin, Recep, Narendra,
	Fumio, Yoon, Shinzo, Alexei, Dmitry, Dmitri, Mikhail, Nikolai, Jens, Mark, Pedro, Friedrich`)
);

/** Lower-case words that join parts of one name: "Corea del Nord", "Costa d’Avorio". */
const CONNECTORS = new Set("del della dello dei degli delle di da d' d’".split(' '));

const isCapitalised = (token: Token) =>
	token.kind === 'word' && !token.elided && /^\p{Lu}/u.test(token.text);
const isConnector = (token: Token) => CONNECTORS.has(token.text.toLowerCase());

/** True when only spaces separate two tokens: punctuation ends a name. */
function adjacent(sentence: Sentence, a: Token, b: Token): boolean {
	return /^[ \u00a0]*$/u.test(
		sentence.text.slice(a.end - sentence.start, b.start - sentence.start)
	);
}

function opensClause(sentence: Sentence, index: number): boolean {
	if (index === 0) return true;
	const before = sentence.text.slice(0, sentence.tokens[index].start - sentence.start);
	return /[:«"“(]\s*$/u.test(before);
}

/**
 * Capitalised spans of one sentence, cleaned: leading function words dropped (`La`, `Eppure`),
 * appositions split at gazetteer names (`Corea del Nord Kim Jong Un` → place + name), and a
 * lone unknown capitalised first word dropped (`Guardando`: capitalised only by position).
 * People are told apart from other names by `classifyEntities`, which sees the whole text.
 */
export function findEntities(sentence: Sentence): EntitySpan[] {
	const { tokens } = sentence;
	const found: EntitySpan[] = [];
	let i = 0;
	while (i < tokens.length) {
		if (!isCapitalised(tokens[i])) {
			i++;
			continue;
		}
		const run = [i];
		let j = i + 1;
		while (j < tokens.length && adjacent(sentence, tokens[j - 1], tokens[j])) {
			if (isCapitalised(tokens[j])) {
				run.push(j++);
			} else if (
				isConnector(tokens[j]) &&
				j + 1 < tokens.length &&
				isCapitalised(tokens[j + 1]) &&
				adjacent(sentence, tokens[j], tokens[j + 1])
			) {
				run.push(j, j + 1);
				j += 2;
			} else break;
		}
		splitRun(sentence, run, found);
		i = j;
	}
	return found;
}

function splitRun(sentence: Sentence, run: number[], into: EntitySpan[]): void {
	const { tokens } = sentence;
	// Only where any word is capitalised (sentence start, after a colon or a quote) is a capitalised
	// function word not part of a name: "La Corea del Nord", but "gli Stati Uniti" keeps "Stati".
	while (run.length && opensClause(sentence, run[0]) && isStopword(tokens[run[0]].text)) {
		run.shift();
	}
	if (!run.length) return;
	const slice = (from: number, to: number) => {
		const start = tokens[run[from]].start;
		const end = tokens[run[to - 1]].end;
		return { start, end, text: sentence.text.slice(start - sentence.start, end - sentence.start) };
	};
	const whole = slice(0, run.length);
	if (
		run.some((index) => ORGANISATION_WORDS.has(tokens[index].text)) ||
		ORGANISATIONS.has(whole.text)
	) {
		into.push({ kind: 'organisation', ...whole });
		return;
	}
	const places = gazetteer();
	let pending: number[] = [];
	const flush = () => {
		while (pending.length && isConnector(tokens[run[pending[0]]])) pending.shift();
		while (pending.length && isConnector(tokens[run[pending.at(-1)!]])) pending.pop();
		if (pending.length) {
			const part = slice(pending[0], pending.at(-1)! + 1);
			const initial = opensClause(sentence, run[pending[0]]);
			// A lone capitalised first word is capitalised by position, unless it is a known name.
			if (!(initial && pending.length === 1 && !FIRST_NAMES.has(part.text))) {
				into.push({ kind: 'name', ...part });
			}
		}
		pending = [];
	};
	for (let p = 0; p < run.length;) {
		let matched = 0;
		for (let k = Math.min(6, run.length - p); k >= 1 && !matched; k--) {
			if (isConnector(tokens[run[p + k - 1]])) continue;
			if (places.has(placeKey(slice(p, p + k).text))) matched = k;
		}
		if (matched) {
			flush();
			into.push({ kind: 'place', ...slice(p, p + matched) });
			p += matched;
		} else pending.push(p++);
	}
	flush();
}

/**
 * Gives every `name` span of a text its final kind, using what the whole text shows: an acronym
 * is an organisation; two or more capitalised words that never occur in lower case (`Sergey
 * Lavrov`, not `Guerra Fredda`) or a known first name make a person; a single word that is the
 * first or last word of a person named elsewhere is that person (`Kim`, `Lavrov`). Spans whose
 * word also occurs in lower case (`Paesi`) are common words and are returned as `null`.
 *
 * @param spans every span of the text, in order; changed in place
 * @param lowerCaseWords every word of the text that occurs with a lower-case first letter
 */
export function classifyEntities(
	spans: EntitySpan[],
	lowerCaseWords: ReadonlySet<string>
): (EntitySpan | null)[] {
	const personWords = new Set<string>();
	const words = (span: EntitySpan) => span.text.split(/\s+/u).filter((w) => !CONNECTORS.has(w));
	for (const span of spans) {
		if (span.kind !== 'name') continue;
		const parts = words(span);
		if (/^\p{Lu}{2,6}$/u.test(span.text)) span.kind = 'organisation';
		else if (
			(parts.length >= 2 || FIRST_NAMES.has(parts[0])) &&
			(FIRST_NAMES.has(parts[0]) ||
				parts.every((w) => !lowerCaseWords.has(w.toLowerCase()) && !NOT_PERSON_WORDS.has(w)))
		) {
			span.kind = 'person';
			personWords.add(parts[0]).add(parts.at(-1)!);
		}
	}
	return spans.map((span) => {
		if (span.kind !== 'name' || span.text.includes(' ')) return span;
		if (personWords.has(span.text)) return { ...span, kind: 'person' };
		return lowerCaseWords.has(span.text.toLowerCase()) ? null : span;
	});
}
