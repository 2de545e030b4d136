/**
 * Writes an Anki package: the legacy `collection.anki2` (schema 11, which every Anki since 2.1 and
 * AnkiDroid import) in a zip with an empty `media` map. The collection is made in memory with
 * better-sqlite3 and zipped with fflate; nothing touches the disk.
 * @see https://github.com/ankidroid/Anki-Android/wiki/Database-Structure
 * @see https://github.com/kerrickstaley/genanki (the same schema and `col` row)
 */
import Database from 'better-sqlite3';
import { zipSync, strToU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { NOTE_FIELDS, type AnkiCollection } from '$lib/export/anki';

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/**
 * The note type's id: fixed, so that every export names the same note type and a second import
 * reuses it instead of adding "Ripasso card+".
 */
export const MODEL_ID = 1764633600000;
const DECK_CONF_ID = 1;

const CSS = `.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left;
  color: black; background-color: white; max-width: 40em; margin: 0 auto; }
.note, .sentence, .link { color: #555; font-size: 0.85em; }
.sentence { border-left: 3px solid #ccc; padding-left: 0.6em; margin: 1em 0; }`;

const FRONT = '<div class="prompt">{{Prompt}}</div>';
const BACK =
	'{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>' +
	'{{#Sentence}}<div class="sentence">{{Sentence}}</div>{{/Sentence}}' +
	'{{#Link}}<div class="link"><a href="{{Link}}">{{Link}}</a></div>{{/Link}}';

const BASE91 =
	'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/**
 * A note's guid from its Ripasso card id: the same card gets the same guid in every export, so
 * Anki updates the note on a second import instead of adding a copy. Base91 of 64 bits of a
 * hash, as Anki writes its own.
 */
export function guidOf(key: string): string {
	let value = createHash('sha256').update(`ripasso:${key}`).digest().readBigUInt64BE(0);
	let out = '';
	while (value > 0n) {
		out = BASE91[Number(value % 91n)] + out;
		value /= 91n;
	}
	return out || BASE91[0];
}

/** The sort field as Anki keeps it: the text without HTML. */
export function stripHtml(html: string): string {
	return html
		.replace(/<[^>]*>/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim()
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&nbsp;', ' ')
		.replaceAll('&amp;', '&');
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the stripped first field. */
export function fieldChecksum(field: string): number {
	return parseInt(createHash('sha1').update(stripHtml(field)).digest('hex').slice(0, 8), 16);
}

/** A deck id from its name (Anki matches decks by name on import; ids only need to differ). */
function deckId(name: string): number {
	return 2 ** 30 + createHash('sha1').update(name).digest().readUInt32BE(0);
}

function models(now: number) {
	return {
		[MODEL_ID]: {
			id: MODEL_ID,
			name: 'Ripasso card',
			type: 0,
			mod: Math.floor(now / 1000),
			usn: -1,
			sortf: 0,
			did: 1,
			tags: [],
			vers: [],
			css: CSS,
			latexPre:
				'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
			latexPost: '\\end{document}',
			flds: NOTE_FIELDS.map((name, ord) => ({
				name,
				ord,
				sticky: false,
				rtl: false,
				font: 'Arial',
				size: 20,
				media: []
			})),
			tmpls: [{ name: 'Card 1', ord: 0, qfmt: FRONT, afmt: BACK, bqfmt: '', bafmt: '', did: null }],
			// The card exists when the prompt is not empty.
			req: [[0, 'any', [0]]]
		}
	};
}

function deckJson(id: number, name: string, now: number) {
	return {
		id,
		name,
		desc: '',
		mod: Math.floor(now / 1000),
		usn: -1,
		dyn: 0,
		conf: DECK_CONF_ID,
		collapsed: false,
		extendNew: 10,
		extendRev: 50,
		newToday: [0, 0],
		revToday: [0, 0],
		lrnToday: [0, 0],
		timeToday: [0, 0]
	};
}

const DECK_CONF = {
	[DECK_CONF_ID]: {
		id: DECK_CONF_ID,
		name: 'Default',
		mod: 0,
		usn: 0,
		maxTaken: 60,
		autoplay: true,
		timer: 0,
		replayq: true,
		dyn: false,
		new: {
			bury: true,
			delays: [1, 10],
			initialFactor: 2500,
			ints: [1, 4, 7],
			order: 1,
			perDay: 20,
			separate: true
		},
		lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
		rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 }
	}
};

/** The collection as a SQLite file (its bytes). */
export function collectionFile(collection: AnkiCollection): Uint8Array {
	const { now, crt } = collection;
	const db = new Database(':memory:');
	try {
		db.exec(SCHEMA);
		const ids = new Map(collection.decks.map((name) => [name, deckId(name)]));
		const decks: Record<string, unknown> = { 1: deckJson(1, 'Default', now) };
		for (const [name, id] of ids) decks[id] = deckJson(id, name, now);
		const conf = {
			activeDecks: [1],
			curDeck: 1,
			newSpread: 0,
			collapseTime: 1200,
			timeLim: 0,
			estTimes: true,
			dueCounts: true,
			curModel: String(MODEL_ID),
			nextPos: collection.notes.length + 1,
			sortType: 'noteFld',
			sortBackwards: false,
			addToCur: true
		};
		db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
			crt,
			now,
			now,
			JSON.stringify(conf),
			JSON.stringify(models(now)),
			JSON.stringify(decks),
			JSON.stringify(DECK_CONF),
			'{}'
		);
		const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
		const card = db.prepare(
			'INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)'
		);
		const review = db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)');
		const seconds = Math.floor(now / 1000);
		db.transaction(() => {
			collection.notes.forEach((n, i) => {
				// Ids are the export's time in ms plus a count: unique, and Anki shows them as dates.
				const id = now + i;
				note.run(
					id,
					guidOf(n.key),
					MODEL_ID,
					seconds,
					` ${n.tags.join(' ')} `,
					n.fields.join('\x1f'),
					stripHtml(n.fields[0]),
					fieldChecksum(n.fields[0])
				);
				const s = n.schedule;
				card.run(
					id,
					id,
					ids.get(n.deck)!,
					seconds,
					s.type,
					s.queue,
					s.due,
					s.ivl,
					s.factor,
					s.reps,
					s.lapses,
					s.left,
					s.data
				);
				for (const r of n.reviews) {
					review.run(r.id, id, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
				}
			});
		})();
		return db.serialize();
	} finally {
		db.close();
	}
}

/** The `.apkg` file: the collection and an empty media map, zipped. */
export function apkgFile(collection: AnkiCollection): Uint8Array {
	return zipSync(
		{ 'collection.anki2': collectionFile(collection), media: strToU8('{}') },
		{ level: 6 }
	);
}
