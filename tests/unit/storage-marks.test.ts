/**
 * Marks on cards from the card browser (suspended, buried until tomorrow, flagged) and "Forget":
 * kept across a reload and in backups, and honoured by the study session, the home counts and
 * the statistics alike.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { dayNumber, startOfDay } from '$lib/srs/day';
import { deckCounts, withoutHeld } from '$lib/srs/deck-counts';
import { reviewsSince } from '$lib/srs/log';
import { buryUntil, type CardMark } from '$lib/srs/marks';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { computeStats } from '$lib/srs/stats';
import { openProgress } from '$lib/storage/progress';
import type { Progress } from '$lib/storage/progress.svelte';
import {
	BACKUP_VERSION,
	parseBackup,
	type MarkRecord,
	type StateRecord
} from '$lib/storage/records';
import { StudySession } from '../../src/routes/study/[slug]/[track]/session.svelte';
import { freshName, NOW, olderDatabase, progressOn, rated, scheduler } from '../helpers/progress';

const ZONE = 'Europe/Rome';
const HOUR = DEFAULT_SETTINGS.dayStartHour;

const mark = (id: string, over: Partial<CardMark> = {}): MarkRecord => ({
	id,
	track: 'facts',
	suspended: false,
	buriedUntil: null,
	flag: null,
	...over
});

function card(id: string): Card {
	return {
		id,
		track: 'facts',
		type: 'open',
		origin: 'curated',
		sibling: `mosca-pyongyang:${id}`,
		prompt: `Domanda ${id}`,
		prompt_en: `Question ${id}`,
		answer: 'sì',
		accept: [],
		options: [],
		source: { article: 'mosca-pyongyang', sentence: `s-${id}`, text: `Frase ${id}.` }
	};
}
const CARDS = [card('c1'), card('c2'), card('c3')];

function counts(progress: Progress, now = NOW) {
	return deckCounts({
		cards: CARDS,
		states: progress.states,
		todaysLog: reviewsSince(progress.reviews, startOfDay(now, HOUR, ZONE)),
		settings: progress.settings,
		now,
		timeZone: ZONE,
		words: progress.words,
		voice: true,
		marks: progress.marks
	}).facts;
}

async function session(progress: Progress, now = NOW) {
	const s = new StudySession(CARDS, progress, {
		clock: () => now,
		timeZone: ZONE,
		findVoice: async () => null
	});
	await s.open();
	return s;
}

describe('marks in IndexedDB', () => {
	it('keep across a reopen, and an empty mark removes them', async () => {
		const name = freshName();
		const store = await openProgress(name);
		await store.setMark('c1', mark('c1', { suspended: true, flag: 'red' }));
		await store.setMark('c2', mark('c2', { buriedUntil: 20_000 }));
		store.close();
		const reopened = await openProgress(name);
		const { marks, unreadable } = await reopened.load();
		expect(unreadable).toEqual([]);
		expect(marks.get('c1')).toEqual(mark('c1', { suspended: true, flag: 'red' }));
		expect(marks.get('c2')?.buriedUntil).toBe(20_000);
		await reopened.setMark('c1', null);
		expect((await reopened.load()).marks.has('c1')).toBe(false);
	});

	it('are added to a version-5 database without touching its progress', async () => {
		const name = freshName();
		const { state, review } = rated('old-card');
		const v5 = await olderDatabase(name, 5);
		await v5.put('states', state);
		await v5.add('reviews', review);
		v5.close();
		const store = await openProgress(name);
		const loaded = await store.load();
		expect(loaded.states.get('old-card')).toEqual(state);
		expect(loaded.reviews).toHaveLength(1);
		await store.setMark('old-card', mark('old-card', { flag: 'blue' }));
		expect((await store.load()).marks.size).toBe(1);
	});

	it('are in backups, and a version-2 backup is still read', async () => {
		const store = await openProgress(freshName());
		await store.setMark('c1', mark('c1', { suspended: true }));
		const backup = await store.exportBackup(NOW);
		expect(backup.version).toBe(BACKUP_VERSION);
		const read = parseBackup(JSON.stringify(backup));
		expect(read.marks).toEqual([mark('c1', { suspended: true })]);
		const other = await openProgress(freshName());
		await other.importBackup(read, { kind: 'replace' });
		expect((await other.load()).marks.get('c1')?.suspended).toBe(true);
		// Merged into a device with marks of its own: the backup adds its marks, the device's win.
		const merged = await openProgress(freshName());
		await merged.setMark('c1', mark('c1', { flag: 'green' }));
		await merged.setMark('c2', mark('c2', { flag: 'blue' }));
		await merged.importBackup(
			parseBackup(
				JSON.stringify({ ...backup, marks: [...backup.marks!, mark('c3', { suspended: true })] })
			),
			{ kind: 'merge', scheduler }
		);
		const marks = (await merged.load()).marks;
		expect(marks.get('c1')).toEqual(mark('c1', { flag: 'green' }));
		expect(marks.get('c3')?.suspended).toBe(true);
		expect(marks.size).toBe(3);

		const version2: Record<string, unknown> = { ...backup, version: 2 };
		delete version2.marks;
		const old = parseBackup(JSON.stringify(version2));
		expect(old.version).toBe(BACKUP_VERSION);
		expect(old.marks).toBeUndefined();
		// A damaged mark refuses the file, as any damaged record does.
		const bad = { ...backup, marks: [{ ...mark('c1'), flag: 'purple' }] };
		expect(() => parseBackup(JSON.stringify(bad))).toThrow(/damaged \(marks\.0\.flag/);
	});
});

describe('held cards leave the study queue and every count', () => {
	it('a suspended card is neither studied nor counted, until it is unsuspended', async () => {
		const progress = progressOn();
		await progress.refresh();
		expect(counts(progress).new).toBe(3);
		await progress.setMark('c1', mark('c1', { suspended: true }));
		expect(counts(progress).new).toBe(2);
		const s = await session(progress);
		expect(s.queue.counts.new).toBe(2);
		expect(s.card?.id).toBe('c2');
		await progress.setMark('c1', null);
		expect(counts(progress).new).toBe(3);
	});

	it('a buried card is back on the learner’s next day, not before', async () => {
		const progress = progressOn();
		await progress.refresh();
		const until = buryUntil(NOW, HOUR, ZONE);
		expect(until).toBe(dayNumber(NOW, HOUR, ZONE) + 1);
		await progress.setMark('c2', mark('c2', { buriedUntil: until }));
		expect((await session(progress)).queue.counts.new).toBe(2);
		// 03:59 in Rome the next morning is still today (the day starts at 4); 04:00 is tomorrow.
		const beforeDayStart = new Date('2026-11-24T02:59:00Z');
		const dayStart = new Date('2026-11-24T03:00:00Z');
		expect(counts(progress, beforeDayStart).new).toBe(2);
		expect(counts(progress, dayStart).new).toBe(3);
		expect((await session(progress, dayStart)).queue.counts.new).toBe(3);
	});

	it('a suspended review card leaves "due today" of the statistics, and no count holds it', async () => {
		const progress = progressOn();
		const { state, review } = rated('c1');
		await progress.saveReview(state, review);
		await progress.refresh();
		const totals = { facts: 3, vocab: 0 };
		const today = dayNumber(NOW, HOUR, ZONE);
		const stats = (held: { states: Map<string, StateRecord>; totalCards: typeof totals }) =>
			computeStats({
				states: held.states,
				reviews: progress.reviews,
				settings: progress.settings,
				now: NOW,
				timeZone: ZONE,
				track: 'facts',
				totalCards: held.totalCards
			});
		const before = stats(withoutHeld(progress.states, totals, progress.marks, today));
		expect(before.dueToday).toBe(1);
		expect(before.byState).toMatchObject({ new: 2, learning: 1 });
		await progress.setMark('c1', mark('c1', { suspended: true }));
		await progress.setMark('c3', mark('c3', { suspended: true }));
		const after = stats(withoutHeld(progress.states, totals, progress.marks, today));
		expect(after.dueToday).toBe(0);
		expect(after.byState).toMatchObject({ new: 1, learning: 0 });
		// The history is the learner's: the review stays counted.
		expect(after.totalReviews).toBe(1);
	});
});

describe('forget', () => {
	it('makes a card new again and keeps its reviews', async () => {
		const progress = progressOn();
		const { state, review } = rated('c1');
		await progress.saveReview(state, review);
		await progress.refresh();
		expect(progress.states.has('c1')).toBe(true);
		await progress.forgetCard('c1');
		expect(progress.states.has('c1')).toBe(false);
		await progress.refresh();
		expect(progress.states.has('c1')).toBe(false);
		expect(progress.reviews.map((r) => r.cardId)).toEqual(['c1']);
		// A new card again, the next day: it is among the new cards to study.
		const tomorrow = new Date(NOW.getTime() + 86_400_000);
		expect(counts(progress, tomorrow)).toEqual({ new: 3, learning: 0, review: 0 });
	});
});
