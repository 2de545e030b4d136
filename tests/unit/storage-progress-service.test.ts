import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { openProgress, type ConnectionEvents } from '$lib/storage/progress';
import { Progress } from '$lib/storage/progress.svelte';
import { parseBackup } from '$lib/storage/records';
import { freshName, fullDisk, NOW, olderDatabase, rated, scheduler } from '../helpers/progress';

/** Progress on a database of its own, counting how often it opens a connection. */
function counted(name = freshName()) {
	const opened = { count: 0 };
	const progress = new Progress(
		(events: ConnectionEvents) => {
			opened.count++;
			return openProgress(name, events);
		},
		() => NOW
	);
	return { progress, opened, name };
}

describe('the progress service', () => {
	it('opens storage once, on the first read, and shows what it stored', async () => {
		const { progress, opened } = counted();
		expect(opened.count).toBe(0);
		expect(progress.status).toBe('loading');
		await progress.refresh();
		expect(progress.status).toBe('ready');
		const { state, review } = rated('card-1');
		const id = await progress.saveReview(state, review);
		await progress.setWordStatus('noun:truppa', 'next');
		await progress.refresh();
		expect(opened.count).toBe(1);
		expect(progress.states.get('card-1')).toEqual(state);
		expect(progress.reviews).toEqual([{ ...review, id, uid: expect.stringMatching(/^r-/) }]);
		expect(progress.words.get('noun:truppa')).toEqual({
			id: 'noun:truppa',
			status: 'next',
			at: NOW.toISOString()
		});
	});

	it("shows another tab's work once a page reads again", async () => {
		const name = freshName();
		const here = counted(name).progress;
		const there = counted(name).progress;
		await here.refresh();
		const { state, review } = rated('studied-elsewhere');
		await there.saveReview(state, review);
		await there.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 6 });
		expect(here.states.has('studied-elsewhere')).toBe(false);
		await here.refresh();
		expect(here.states.get('studied-elsewhere')).toEqual(state);
		expect(here.settings.dayStartHour).toBe(6);
	});

	it('undoes a rating exactly, in memory and on disk', async () => {
		const { progress, name } = counted();
		await progress.refresh();
		const first = rated('card-1');
		const id1 = await progress.saveReview(first.state, first.review);
		const later = new Date(NOW.getTime() + 60_000);
		const again = scheduler.rate(first.state, 'again', later);
		const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
		const id2 = await progress.saveReview({ ...again.state, ...where }, { ...again.log, ...where });
		await progress.undoReview(first.state, 'card-1', id2);
		expect(progress.states.get('card-1')).toEqual(first.state);
		expect(progress.reviews.map((r) => r.id)).toEqual([id1]);
		await progress.undoReview(null, 'card-1', id1);
		expect(progress.states.size).toBe(0);
		const reread = counted(name).progress;
		await reread.refresh();
		expect(reread.states.size).toBe(0);
		expect(reread.reviews).toEqual([]);
	});

	it('opens one connection for calls that overlap, and never loses a write to a read', async () => {
		const { progress, opened } = counted();
		const { state, review } = rated('card-1');
		await Promise.all([progress.refresh(), progress.saveReview(state, review), progress.refresh()]);
		expect(progress.states.get('card-1')).toEqual(state);
		expect(progress.reviews).toHaveLength(1);
		expect(opened.count).toBe(1);
	});

	it('says why storage is unavailable, and refuses writes without crashing', async () => {
		const progress = new Progress(
			async () => {
				throw new Error('The user denied permission to access the database.');
			},
			() => NOW
		);
		await progress.refresh();
		expect(progress.status).toBe('unavailable');
		expect(progress.problem).toMatch(/denied permission/);
		await expect(progress.saveReview(rated('x').state, rated('x').review)).rejects.toThrow();
		expect(progress.states.size).toBe(0);
	});

	it('keeps what is shown as it is when a write fails, and says why until one succeeds', async () => {
		const { progress, disk } = fullDisk();
		await progress.refresh();
		const { state, review } = rated('card-1');
		await expect(progress.saveReview(state, review)).rejects.toThrow(/quota/);
		expect(progress.status).toBe('ready');
		expect(progress.problem).toMatch(/quota/);
		expect(progress.states.size).toBe(0);
		expect(progress.reviews).toEqual([]);
		disk.full = false;
		await progress.saveReview(state, review);
		expect(progress.problem).toBeNull();
		expect(progress.states.get('card-1')).toEqual(state);
	});

	it('lets another tab upgrade or delete the database, then opens it again by itself', async () => {
		const { progress, opened, name } = counted();
		await progress.refresh();
		// Resolves only once this connection has closed: held open, it would wait for ever.
		await deleteDB(name);
		const { state, review } = rated('after-delete');
		await progress.saveReview(state, review);
		expect(opened.count).toBe(2);
		const reread = counted(name).progress;
		await reread.refresh();
		expect(reread.states.get('after-delete')).toEqual(state);
	});

	it('says when an older Ripasso in another tab holds the upgrade up, and goes on once it lets go', async () => {
		const { progress, name } = counted();
		const older = await olderDatabase(name, 4);
		// The old code kept its connection and had no handler for another tab's upgrade.
		const reading = progress.refresh();
		await expect.poll(() => progress.blocked).toBe(true);
		expect(progress.status).toBe('loading');
		older.close();
		await reading;
		expect(progress.status).toBe('ready');
		expect(progress.blocked).toBe(false);
	});

	it('imports, exports and resets through the same connection, showing the result', async () => {
		const { progress } = counted();
		await progress.refresh();
		const a = rated('card-a');
		await progress.saveReview(a.state, a.review);
		expect(await progress.addPicks(['card-b', 'card-b'], 'class:482913')).toBe(1);
		const backup = await progress.exportBackup();
		expect(backup.exportedAt).toBe(NOW.toISOString());
		await progress.reset();
		expect(progress.states.size).toBe(0);
		expect(progress.picks.size).toBe(0);
		await progress.importBackup(parseBackup(JSON.stringify(backup)), 'replace');
		expect(progress.states.get('card-a')).toEqual(a.state);
		expect([...progress.picks.keys()]).toEqual(['card-b']);
	});
});
