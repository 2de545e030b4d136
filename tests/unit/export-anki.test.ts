import Database from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '$lib/deck/deck';
import {
	ankiCollection,
	deckName,
	exportableCards,
	noteFields,
	readerLink
} from '$lib/export/anki';
import { exportRequestSchema, historyOf } from '$lib/export/history';
import { apkgFile, fieldChecksum, guidOf, MODEL_ID } from '$lib/server/export/apkg';
import { createScheduler, RATINGS, type Rating } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';
import { lexicon, library } from '../helpers/library';

const deck = buildDeck(library, { lexicon });
const slug = deck.articles[0].slug;
const ORIGIN = 'https://ripasso.example';
const NOW = new Date('2026-12-02T09:00:00Z');

/** A learner's records: a few cards studied over some days with the app's own scheduler. */
function studied(ratings: Rating[][]): { states: StateRecord[]; reviews: ReviewRecord[] } {
	const scheduler = createScheduler(DEFAULT_SETTINGS);
	const cards = exportableCards(deck).slice(0, ratings.length);
	const states: StateRecord[] = [];
	const reviews: ReviewRecord[] = [];
	cards.forEach((card, i) => {
		let state = scheduler.newState(card.id, new Date('2026-11-01T08:00:00Z'));
		let at = new Date('2026-11-01T08:00:00Z').getTime() + i * 1000;
		for (const rating of ratings[i]) {
			const result = scheduler.rate(state, rating, new Date(at));
			state = result.state;
			reviews.push({ ...result.log, track: card.track, article: card.source.article });
			at = Math.max(at + 60_000, new Date(state.memory.due).getTime());
		}
		states.push({ ...state, track: card.track, article: card.source.article });
	});
	return { states, reviews };
}

/** Writes the package and opens its collection with SQLite, as an importer would. */
function openPackage(bytes: Uint8Array) {
	const files = unzipSync(bytes);
	expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
	expect(JSON.parse(strFromU8(files.media))).toEqual({});
	return new Database(Buffer.from(files['collection.anki2']));
}

describe('the Anki package', () => {
	const { states, reviews } = studied([
		['good', 'good', 'good'],
		['again', 'good', 'good', 'hard'],
		['easy']
	]);
	const history = historyOf(states, reviews, new Set([slug]));
	const collection = ankiCollection(deck, history, { origin: ORIGIN, now: NOW });
	const db = openPackage(apkgFile(collection));
	const count = (table: string) =>
		(db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

	it('holds one note and one card per card (listening left out), and every review', () => {
		const expected = deck.cards.filter((card) => card.type !== 'listening').length;
		expect(deck.cards.some((card) => card.type === 'listening')).toBe(true);
		expect(count('notes')).toBe(expected);
		expect(count('cards')).toBe(expected);
		expect(count('revlog')).toBe(reviews.length);
		expect(reviews.length).toBe(8);
	});

	it('has a schema 11 col row whose JSON names the note type and one deck per article and track', () => {
		const col = db.prepare('SELECT * FROM col').get() as Record<string, string | number>;
		expect(col.ver).toBe(11);
		const models = JSON.parse(col.models as string);
		expect(Object.keys(models)).toEqual([String(MODEL_ID)]);
		expect(models[MODEL_ID].flds.map((f: { name: string }) => f.name)).toEqual([
			'Prompt',
			'Answer',
			'Sentence',
			'Link'
		]);
		expect(models[MODEL_ID].tmpls).toHaveLength(1);
		const decks = JSON.parse(col.decks as string) as Record<string, { id: number; name: string }>;
		const names = Object.values(decks).map((d) => d.name);
		const title = deck.articles[0].title;
		expect(names.sort()).toEqual(
			['Default', deckName(title, 'facts'), deckName(title, 'vocab')].sort()
		);
		for (const [id, d] of Object.entries(decks)) expect(String(d.id)).toBe(id);
		expect(Object.keys(JSON.parse(col.dconf as string))).toEqual(['1']);
		const perDeck = db.prepare('SELECT did, count(*) AS n FROM cards GROUP BY did').all();
		expect(perDeck).toHaveLength(2);
	});

	it('fills the fields: prompt with its choices, answer, sentence, link to the reader', () => {
		const card = deck.cards.find((c) => c.type === 'multiple-choice')!;
		const note = db
			.prepare('SELECT guid, flds, sfld, csum, tags FROM notes WHERE guid = ?')
			.get(guidOf(card.id)) as {
			guid: string;
			flds: string;
			sfld: string;
			csum: number;
			tags: string;
		};
		const [prompt, answer, sentence, link] = note.flds.split('\x1f');
		expect(prompt.startsWith(card.prompt)).toBe(true);
		for (const option of card.options) expect(prompt).toContain(`<li>${option}</li>`);
		expect(answer.startsWith(card.answer)).toBe(true);
		expect(sentence).toBe(card.source.text.replaceAll('&', '&amp;'));
		expect(link).toBe(`${ORIGIN}/read/${slug}#${card.source.sentence}`);
		expect(link).toBe(readerLink(ORIGIN, card));
		expect(note.csum).toBe(fieldChecksum(prompt));
		expect(note.sfld).not.toContain('<');
		expect(note.tags).toBe(` ripasso facts multiple-choice ${slug} `);
	});

	it('keeps guids stable: the same card gets the same guid in another export', () => {
		const again = ankiCollection(deck, [], { origin: ORIGIN, now: new Date('2027-01-01') });
		const other = openPackage(apkgFile(again));
		const guids = (d: Database.Database) =>
			(d.prepare('SELECT guid FROM notes ORDER BY guid').all() as { guid: string }[]).map(
				(r) => r.guid
			);
		expect(guids(other)).toEqual(guids(db));
		expect(new Set(guids(db)).size).toBe(count('notes'));
	});

	it('writes the reviews as Anki review log rows: time in ms, ease 1–4, intervals, type', () => {
		const first = exportableCards(deck)[1];
		const rows = db
			.prepare(
				'SELECT r.* FROM revlog r JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid WHERE n.guid = ? ORDER BY r.id'
			)
			.all(guidOf(first.id)) as Record<string, number>[];
		const own = reviews.filter((r) => r.cardId === first.id);
		expect(rows.map((r) => r.id)).toEqual(own.map((r) => Date.parse(r.reviewedAt)));
		expect(rows.map((r) => r.ease)).toEqual(own.map((r) => RATINGS.indexOf(r.rating) + 1));
		expect(rows.map((r) => r.ease)).toEqual([1, 3, 3, 2]);
		// A new card's first answers are learning steps: negative seconds, type 0.
		expect(rows[0].type).toBe(0);
		expect(rows[0].ivl).toBeLessThan(0);
		expect(rows.at(-1)!.ivl).toBe(own.at(-1)!.scheduledDays);
		expect(rows.at(-1)!.ivl).toBeGreaterThan(0);
		for (let i = 1; i < rows.length; i++) expect(rows[i].lastIvl).toBe(rows[i - 1].ivl);
		for (const row of rows) expect(row.factor).toBeGreaterThanOrEqual(100);
	});

	it('schedules studied cards as reviews with their FSRS state, and the rest as new', () => {
		const studiedCard = exportableCards(deck)[0];
		const state = states.find((s) => s.id === studiedCard.id)!;
		const card = db
			.prepare('SELECT c.* FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = ?')
			.get(guidOf(studiedCard.id)) as Record<string, number | string>;
		expect(card.type).toBe(2);
		expect(card.queue).toBe(2);
		expect(card.ivl).toBe(state.memory.scheduled_days);
		expect(card.reps).toBe(state.memory.reps);
		const crt = (db.prepare('SELECT crt FROM col').get() as { crt: number }).crt;
		expect(crt * 1000 + (card.due as number) * 86_400_000).toBeLessThanOrEqual(
			Date.parse(state.memory.due)
		);
		expect(JSON.parse(card.data as string)).toEqual({
			s: state.memory.stability,
			d: state.memory.difficulty
		});
		expect(count('cards') - 3).toBe(
			(
				db.prepare('SELECT count(*) AS n FROM cards WHERE type = 0 AND queue = 0').get() as {
					n: number;
				}
			).n
		);
	});
});

describe('note fields', () => {
	it('escape HTML and never hold the field separator', () => {
		const card = { ...deck.cards[0], prompt: 'a < b & c\x1fd', answer: '<b>x</b>' };
		const fields = noteFields(card, ORIGIN);
		expect(fields.join('\x1f').split('\x1f')).toHaveLength(4);
		expect(fields[0].startsWith('a &lt; b &amp; c d')).toBe(true);
		expect(fields[1].startsWith('&lt;b&gt;x&lt;/b&gt;')).toBe(true);
	});

	it('name a deck per article and track, a title\'s own "::" kept from making subdecks', () => {
		expect(deckName('Roma::Milano  oggi', 'vocab')).toBe('Ripasso::Roma:Milano oggi::Vocabulary');
		expect(deckName('Titolo', 'facts')).toBe('Ripasso::Titolo::Facts');
	});
});

describe('the export request', () => {
	it('takes the history the browser sends', () => {
		const { states, reviews } = studied([['good']]);
		const history = historyOf(states, reviews, new Set([slug]));
		const parsed = exportRequestSchema.safeParse({ articles: [slug], history });
		expect(parsed.success).toBe(true);
	});

	it('refuses a bad slug, a bad rating, and more reviews than allowed', () => {
		expect(exportRequestSchema.safeParse({ articles: ['../etc'] }).success).toBe(false);
		expect(exportRequestSchema.safeParse({ articles: [] }).success).toBe(false);
		const review = [Date.parse('2026-11-01'), 5, 0, 0, 0, 5];
		expect(
			exportRequestSchema.safeParse({ articles: [slug], history: [{ id: 'x', reviews: [review] }] })
				.success
		).toBe(false);
		const many = Array.from({ length: 400_001 }, () => [1, 3, 0, 0, 0, 5]);
		expect(
			exportRequestSchema.safeParse({ articles: [slug], history: [{ id: 'x', reviews: many }] })
				.success
		).toBe(false);
	});
});
