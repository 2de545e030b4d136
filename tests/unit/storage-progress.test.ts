import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { MIGRATIONS } from '$lib/storage/migrations';
import { openProgress } from '$lib/storage/progress';
import { BackupError, parseBackup, type StateRecord } from '$lib/storage/records';
import { freshName, NOW, olderDatabase, rated, scheduler } from '../helpers/progress';

/** A state as versions 1 to 4 of the database (and version-1 backups) wrote it. */
function legacy({ memory, ...where }: StateRecord) {
	return { ...where, card: memory };
}

describe('progress in IndexedDB', () => {
	it('keeps a rating across a reopen (a reload), with the same next interval', async () => {
		const name = freshName();
		const store = await openProgress(name);
		const { state, review } = rated('card-1');
		await store.saveReview(state, review);
		store.close();

		const reopened = await openProgress(name);
		const { states, reviews, unreadable } = await reopened.load();
		expect(unreadable).toEqual([]);
		expect(states.get('card-1')).toEqual(state);
		expect(reviews).toHaveLength(1);
		const later = new Date(NOW.getTime() + 11 * 60_000);
		expect(scheduler.preview(states.get('card-1')!, later)).toEqual(
			scheduler.preview(state, later)
		);
	});

	it('undoes a rating: the state goes back and the review leaves the log', async () => {
		const store = await openProgress(freshName());
		const first = rated('card-1');
		const id1 = await store.saveReview(first.state, first.review);
		const second = scheduler.rate(first.state, 'again', new Date(NOW.getTime() + 60_000));
		const id2 = await store.saveReview(
			{ ...second.state, track: 'facts', article: 'mosca-pyongyang' },
			{ ...second.log, track: 'facts', article: 'mosca-pyongyang' }
		);
		expect(id2).toBeGreaterThan(id1);
		await store.undoReview(first.state, 'card-1', id2);
		const { states, reviews } = await store.load();
		expect(states.get('card-1')).toEqual(first.state);
		expect(reviews.map((r) => r.id)).toEqual([id1]);
		// Undoing the first rating of a new card leaves no state at all: the card is new again.
		await store.undoReview(null, 'card-1', id1);
		expect((await store.load()).states.size).toBe(0);
	});

	it('migrates a version-1 database without losing history', async () => {
		const name = freshName();
		const { state, review } = rated('old-card');
		const v1 = await olderDatabase(name, 1);
		await v1.put('states', legacy(state));
		await v1.add('reviews', review);
		v1.close();

		const store = await openProgress(name);
		const { states, reviews, settings } = await store.load();
		expect(states.get('old-card')).toEqual(state);
		expect(reviews).toHaveLength(1);
		expect(settings).toEqual(DEFAULT_SETTINGS);
		await store.saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.85 });
		expect((await store.load()).settings.desiredRetention).toBe(0.85);
	});

	it('migrates a version-2 database to the latest: history kept, words can be marked, cards picked', async () => {
		const name = freshName();
		const { state, review } = rated('v2-card');
		const v2 = await olderDatabase(name, 2);
		await v2.put('states', legacy(state));
		await v2.add('reviews', review);
		await v2.put('meta', { key: 'settings', value: { ...DEFAULT_SETTINGS, dayStartHour: 6 } });
		expect(v2.objectStoreNames.contains('words')).toBe(false);
		v2.close();

		const store = await openProgress(name);
		const before = await store.load();
		expect(before.states.get('v2-card')).toEqual(state);
		expect(before.reviews).toHaveLength(1);
		expect(before.settings.dayStartHour).toBe(6);
		expect(before.words.size).toBe(0);
		await store.setWordStatus('noun:truppa', 'next', NOW);
		store.close();
		const raw = await openDB(name);
		expect(raw.version).toBe(MIGRATIONS.length);
		expect([...raw.objectStoreNames]).toEqual(expect.arrayContaining(['words', 'picks']));
		raw.close();
		expect((await (await openProgress(name)).load()).words.get('noun:truppa')).toEqual({
			id: 'noun:truppa',
			status: 'next',
			at: NOW.toISOString()
		});
	});

	it('migrates a version-4 database: each state’s memory keeps its history under its new name', async () => {
		const name = freshName();
		const { state, review } = rated('v4-card');
		const v4 = await olderDatabase(name, 4);
		await v4.put('states', legacy(state));
		await v4.put('states', { id: 'damaged', card: { due: 'yesterday' } });
		await v4.add('reviews', review);
		v4.close();

		const store = await openProgress(name);
		const { states, unreadable } = await store.load();
		expect(states.get('v4-card')).toEqual(state);
		const later = new Date(NOW.getTime() + 11 * 60_000);
		expect(scheduler.rate(states.get('v4-card')!, 'good', later)).toEqual(
			scheduler.rate(state, 'good', later)
		);
		// A record that could not be read before is still kept as it was, and still reported.
		expect(unreadable).toEqual([{ store: 'states', count: 1 }]);
		store.close();
		const raw = await openDB(name);
		expect(await raw.get('states', 'damaged')).toEqual({
			id: 'damaged',
			card: { due: 'yesterday' }
		});
		expect(await raw.get('states', 'v4-card')).not.toHaveProperty('card');
		raw.close();
	});

	it('marks a word known or next, changes and removes the mark', async () => {
		const store = await openProgress(freshName());
		await store.setWordStatus('noun:truppa', 'next', NOW);
		await store.setWordStatus('noun:truppa', 'known', NOW);
		await store.setWordStatus('expression:a-vicenda', 'next', NOW);
		await store.setWordStatus('expression:a-vicenda', null);
		const { words } = await store.load();
		expect([...words.values()].map((w) => [w.id, w.status])).toEqual([['noun:truppa', 'known']]);
	});

	it('picks cards from a classroom quiz once, keeping the first date, across a reload', async () => {
		const name = freshName();
		const store = await openProgress(name);
		expect(await store.addPicks(['card-a', 'card-b', 'card-a'], 'class:482913', NOW)).toBe(2);
		const later = new Date('2026-11-24T10:00:00Z');
		expect(await store.addPicks(['card-b', 'card-c'], 'class:555111', later)).toBe(1);
		store.close();
		const { picks } = await (await openProgress(name)).load();
		expect([...picks.values()].map((p) => [p.id, p.from, p.at])).toEqual([
			['card-a', 'class:482913', NOW.toISOString()],
			['card-b', 'class:482913', NOW.toISOString()],
			['card-c', 'class:555111', later.toISOString()]
		]);
	});

	it('reports foreign or broken records instead of failing, and keeps using the good ones', async () => {
		const name = freshName();
		const store = await openProgress(name);
		const { state, review } = rated('good-card');
		await store.saveReview(state, review);
		store.close();
		const raw = await openDB(name);
		await raw.put('states', { id: 'broken', memory: { due: 'yesterday' } });
		await raw.add('reviews', { hello: 'world' });
		await raw.put('meta', { key: 'settings', value: { desiredRetention: 7 } });
		await raw.put('words', { id: 'noun:x', status: 'forgotten', at: 'now' });
		await raw.put('picks', { id: 'card-x', from: 42 });
		raw.close();

		const { states, reviews, unreadable, settings } = await (await openProgress(name)).load();
		expect([...states.keys()]).toEqual(['good-card']);
		expect(reviews).toHaveLength(1);
		expect(settings).toEqual(DEFAULT_SETTINGS);
		expect(unreadable).toEqual([
			{ store: 'states', count: 1 },
			{ store: 'reviews', count: 1 },
			{ store: 'meta', count: 1 },
			{ store: 'words', count: 1 },
			{ store: 'picks', count: 1 }
		]);
	});

	it('exports, resets and imports progress back exactly', async () => {
		const store = await openProgress(freshName());
		const a = rated('card-a');
		const b = rated('card-b');
		await store.saveReview(a.state, a.review);
		await store.saveReview(b.state, b.review);
		await store.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 5 });
		await store.setWordStatus('noun:truppa', 'known', NOW);
		await store.addPicks(['card-c'], 'class:482913', NOW);
		const before = await store.load();
		const backup = await store.exportBackup(NOW);
		expect(backup.version).toBe(3);
		expect(backup.states[0]).toHaveProperty('memory');
		const file = JSON.stringify(backup);

		await store.reset();
		expect((await store.load()).states.size).toBe(0);
		expect((await store.load()).words.size).toBe(0);

		await store.importBackup(parseBackup(file), { kind: 'replace' });
		const after = await store.load();
		expect(after.states).toEqual(before.states);
		expect(after.reviews).toEqual(before.reviews);
		expect(after.picks).toEqual(before.picks);
		expect(after.settings.dayStartHour).toBe(5);
		expect(after.words).toEqual(before.words);
		expect(after.words.get('noun:truppa')?.status).toBe('known');
	});

	it('imports an older backup without word marks, clearing the current marks', async () => {
		const store = await openProgress(freshName());
		const a = rated('card-a');
		await store.saveReview(a.state, a.review);
		const backup = await store.exportBackup(NOW);
		delete backup.words;
		await store.setWordStatus('noun:truppa', 'known', NOW);
		await store.importBackup(parseBackup(JSON.stringify(backup)), { kind: 'replace' });
		const after = await store.load();
		expect(after.states.size).toBe(1);
		expect(after.words.size).toBe(0);
	});
});

describe('backup files', () => {
	const valid = {
		format: 'ripasso-progress',
		version: 2,
		exportedAt: NOW.toISOString(),
		settings: DEFAULT_SETTINGS,
		states: [rated('x').state],
		reviews: [{ ...rated('x').review, id: 1 }]
	};
	/** The same backup as Ripasso wrote it before version 2: a state's memory was `card`. */
	const version1 = { ...valid, version: 1, states: valid.states.map(legacy) };

	it('accepts a good backup, with or without word marks', () => {
		expect(parseBackup(JSON.stringify(valid)).states).toEqual(valid.states);
		const words = [{ id: 'noun:truppa', status: 'next', at: NOW.toISOString() }];
		expect(parseBackup(JSON.stringify({ ...valid, words })).words).toEqual(words);
	});

	it('still reads a version-1 backup, as the same progress', () => {
		const read = parseBackup(JSON.stringify(version1));
		expect(read).toEqual(parseBackup(JSON.stringify(valid)));
		expect(read.version).toBe(3);
	});

	it.each([
		['not JSON', '{"format": "ripasso-progress", ', /not valid JSON/],
		['another app’s JSON', JSON.stringify({ cards: [] }), /not a Ripasso backup/],
		['a future version', JSON.stringify({ ...valid, version: 9 }), /another version/],
		[
			'a damaged state',
			JSON.stringify({ ...valid, states: [{ ...valid.states[0], memory: { due: 'x' } }] }),
			/damaged \(states\.0\.memory/
		],
		[
			'a damaged state of a version-1 backup',
			JSON.stringify({ ...version1, states: [{ ...version1.states[0], card: { due: 'x' } }] }),
			/damaged \(states\.0\.card/
		],
		[
			'a version-2 backup with version-1 states',
			JSON.stringify({ ...version1, version: 2 }),
			/damaged \(states\.0\.memory/
		],
		[
			'a damaged review',
			JSON.stringify({ ...valid, reviews: [{ ...valid.reviews[0], rating: 'great' }] }),
			/damaged \(reviews\.0\.rating/
		],
		[
			'a damaged word mark',
			JSON.stringify({ ...valid, words: [{ id: 'noun:truppa', status: 'maybe', at: 'x' }] }),
			/damaged \(words\.0\.status/
		],
		[
			'bad settings',
			JSON.stringify({ ...valid, settings: { ...DEFAULT_SETTINGS, desiredRetention: 2 } }),
			/damaged \(settings/
		]
	])('refuses %s with a clear message', (_, text, message) => {
		expect(() => parseBackup(text)).toThrow(BackupError);
		expect(() => parseBackup(text)).toThrow(message);
	});
});
