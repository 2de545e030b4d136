import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { openProgress } from '$lib/storage/progress';
import { BackupError, parseBackup, type ReviewRecord } from '$lib/storage/records';
import { mergeReviews, replayStates, type LoggedReview } from '$lib/sync/merge';
import { freshName, NOW, olderDatabase, rated, scheduler } from '../helpers/progress';

const merge = { kind: 'merge', scheduler } as const;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** A device with its own database, where `cards` were each rated Good at the given minutes. */
async function deviceWith(cards: [string, number][]) {
	const store = await openProgress(freshName());
	for (const [id, minutes] of cards) {
		const { state, review } = rated(id, later(minutes));
		await store.saveReview(state, review);
	}
	return store;
}

describe('importing a backup by merging', () => {
	it('keeps every review of both devices, though both numbered theirs 1, 2, …', async () => {
		const phone = await deviceWith([
			['card-a', 0],
			['card-b', 1]
		]);
		const laptop = await deviceWith([
			['card-c', 2],
			['card-a', 3]
		]);
		const file = JSON.stringify(await phone.exportBackup(NOW));
		const result = await laptop.importBackup(parseBackup(file), merge);
		expect(result).toEqual({ newReviews: 2, knownReviews: 0, states: 2 });

		const { reviews, states } = await laptop.load();
		expect(reviews).toHaveLength(4);
		expect(new Set(reviews.map((r) => r.id)).size).toBe(4);
		expect([...states.keys()].sort()).toEqual(['card-a', 'card-b', 'card-c']);
		// card-a was rated on both: replayed in time order, from the phone's review to the laptop's.
		expect(states.get('card-a')?.memory.reps).toBe(2);
		expect(states.get('card-a')?.memory.last_review).toBe(later(3).toISOString());
		const replayed = replayStates(mergeReviews(reviews as LoggedReview[]), scheduler);
		for (const [id, state] of replayed) expect(states.get(id)).toEqual(state);
	});

	it('adds nothing when the same backup is imported twice, or into the device it came from', async () => {
		const phone = await deviceWith([['card-a', 0]]);
		const laptop = await deviceWith([['card-b', 1]]);
		const file = JSON.stringify(await phone.exportBackup(NOW));
		await laptop.importBackup(parseBackup(file), merge);
		const before = await laptop.load();
		expect(await laptop.importBackup(parseBackup(file), merge)).toEqual({
			newReviews: 0,
			knownReviews: 1,
			states: 0
		});
		expect(await phone.importBackup(parseBackup(file), merge)).toMatchObject({ newReviews: 0 });
		expect(await laptop.load()).toEqual(before);
	});

	it("keeps this device's settings; replacing everything takes the backup's", async () => {
		const phone = await deviceWith([['card-a', 0]]);
		await phone.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 6 });
		const laptop = await deviceWith([['card-b', 1]]);
		const file = JSON.stringify(await phone.exportBackup(NOW));

		await laptop.importBackup(parseBackup(file), merge);
		expect((await laptop.load()).settings.dayStartHour).toBe(4);
		await laptop.importBackup(parseBackup(file), { kind: 'replace' });
		const replaced = await laptop.load();
		expect(replaced.settings.dayStartHour).toBe(6);
		expect([...replaced.states.keys()]).toEqual(['card-a']);
	});
});

describe('reviews repeated in a backup', () => {
	async function backupOf(reviews: ReviewRecord[]) {
		const store = await deviceWith([['card-a', 0]]);
		const backup = await store.exportBackup(NOW);
		return { ...backup, reviews };
	}

	it('counts copies of one review and keeps it once', async () => {
		const { review } = rated('card-a');
		const file = await backupOf([
			{ ...review, id: 1, uid: 'r-1' },
			{ ...review, id: 1, uid: 'r-1' },
			{ ...review, id: 2, uid: 'r-1' }
		]);
		const parsed = parseBackup(JSON.stringify(file));
		expect(parsed.reviews).toHaveLength(1);
		expect(parsed.repeatedReviews).toBe(2);
	});

	it('refuses a file where two different reviews have one id, naming the entry', async () => {
		const { review } = rated('card-a');
		const file = await backupOf([
			{ ...review, uid: 'r-1' },
			{ ...review, uid: 'r-1', rating: 'easy' }
		]);
		const refused = (() => {
			try {
				parseBackup(JSON.stringify(file));
			} catch (error) {
				return error;
			}
		})();
		expect(refused).toBeInstanceOf(BackupError);
		expect((refused as BackupError).path).toEqual(['reviews', 1, 'uid']);
	});

	it('stores all three reviews of an old backup whose reviews all say id 1', async () => {
		// Made by joining two devices' files by hand, before reviews had a uid.
		const reviews = [0, 1, 2].map((minutes) => ({
			...rated('card-a', later(minutes)).review,
			id: 1
		}));
		const parsed = parseBackup(JSON.stringify(await backupOf(reviews)));
		expect(parsed.reviews).toHaveLength(3);
		expect(parsed.repeatedReviews).toBe(0);
		const store = await openProgress(freshName());
		await store.importBackup(parsed, { kind: 'replace' });
		expect((await store.load()).reviews).toHaveLength(3);
	});
});

describe('reviews stored before they had a uid (database version 5)', () => {
	it('get one from their content, so an old backup of the device adds nothing', async () => {
		const name = freshName();
		const v5 = await olderDatabase(name, 5);
		const a = rated('card-a');
		const b = rated('card-b', later(1));
		await v5.put('states', a.state);
		await v5.put('states', b.state);
		await v5.add('reviews', a.review);
		await v5.add('reviews', b.review);
		// The same card in the same millisecond twice: both stay, with different uids.
		await v5.add('reviews', { ...a.review, rating: 'again' });
		v5.close();
		const oldBackup = JSON.stringify({
			format: 'ripasso-progress',
			version: 2,
			exportedAt: NOW.toISOString(),
			settings: DEFAULT_SETTINGS,
			states: [a.state, b.state],
			reviews: [
				{ ...a.review, id: 1 },
				{ ...b.review, id: 2 }
			]
		});

		const store = await openProgress(name);
		const { reviews } = await store.load();
		expect(reviews).toHaveLength(3);
		expect(new Set(reviews.map((r) => r.uid)).size).toBe(3);
		expect(await store.importBackup(parseBackup(oldBackup), merge)).toMatchObject({
			newReviews: 0,
			knownReviews: 2
		});
	});
});
