import { describe, expect, it } from 'vitest';
import { openSqliteSyncStore } from '$lib/server/sync/sqlite';
import { hashKey, SyncService, type Outcome } from '$lib/server/sync/service';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { pullSchema, pushSchema, type PushInput } from '$lib/sync/contracts';
import { rated } from '../helpers/progress';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const KEY = 'abcdefghijklmnopqrstuvwxyz';
const OTHER = 'zzzzzzzzzzzzzzzzzzzzzzzzzz';

function service() {
	const store = openSqliteSyncStore(':memory:');
	return { store, sync: new SyncService(store, (id) => id.startsWith('card-')) };
}

const push = (...cards: [string, number][]): PushInput =>
	pushSchema.parse({
		reviews: cards.map(([id, minutes], i) => ({
			...rated(id, new Date(NOW + minutes * 60_000)).review,
			uid: `r-${id}-${i}`
		}))
	});

function value<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new Error(outcome.refusal.error.message);
	return outcome.value;
}

describe('the sync log of a key', () => {
	it('gives a second device every entry pushed, from a cursor, each once', async () => {
		const { sync } = service();
		expect(value(await sync.create(KEY, NOW))).toEqual({ created: true });
		expect(value(await sync.push(KEY, push(['card-a', 0], ['card-b', 1]), NOW))).toEqual({
			added: 2,
			cursor: 2
		});
		// The same push again (a retry after a lost answer) adds nothing.
		expect(value(await sync.push(KEY, push(['card-a', 0], ['card-b', 1]), NOW)).added).toBe(0);
		const first = value(await sync.pull(KEY, 0));
		expect(first.entries.map((e) => e.kind)).toEqual(['review', 'review']);
		expect(first.more).toBe(false);
		value(
			await sync.push(
				KEY,
				{ reviews: [], settings: { settings: DEFAULT_SETTINGS, changedAt: {} } },
				NOW
			)
		);
		const next = value(await sync.pull(KEY, first.cursor));
		expect(next.entries.map((e) => e.kind)).toEqual(['settings']);
	});

	it('keeps only a hash of the key', async () => {
		const { store, sync } = service();
		await sync.create(KEY, NOW);
		expect(await store.status(KEY)).toBe('unknown');
		expect(await store.status(hashKey(KEY))).toBe('active');
	});
});

describe('pushes and pulls refused, with nothing stored', () => {
	const refusal = <T>(outcome: Outcome<T>) => (outcome.ok ? null : outcome.refusal);

	it('a key never created, and a revoked one', async () => {
		const { sync } = service();
		expect(refusal(await sync.pull(OTHER, 0))).toMatchObject({
			status: 401,
			error: { code: 'unknown-key' }
		});
		await sync.create(KEY, NOW);
		value(await sync.push(KEY, push(['card-a', 0]), NOW));
		value(await sync.revoke(KEY, NOW));
		expect(refusal(await sync.pull(KEY, 0))).toMatchObject({
			status: 410,
			error: { code: 'revoked-key' }
		});
		expect(refusal(await sync.create(KEY, NOW))?.error.code).toBe('revoked-key');
	});

	it('reviews of a card the server does not serve', async () => {
		const { sync } = service();
		await sync.create(KEY, NOW);
		const outcome = refusal(await sync.push(KEY, push(['card-a', 0], ['invented', 1]), NOW));
		expect(outcome).toMatchObject({ status: 422, error: { code: 'unknown-card' } });
		expect(outcome?.error.message).toContain('invented');
		expect(value(await sync.pull(KEY, 0)).entries).toEqual([]);
	});

	it('a review dated more than a day ahead of the server (a device with a wrong clock)', async () => {
		const { sync } = service();
		await sync.create(KEY, NOW);
		expect(value(await sync.push(KEY, push(['card-a', 23 * 60]), NOW)).added).toBe(1);
		const outcome = refusal(await sync.push(KEY, push(['card-b', 3 * 24 * 60]), NOW));
		expect(outcome).toMatchObject({ status: 422, error: { code: 'future-review' } });
		expect(outcome?.error.message).toMatch(/check this device's date and time/);
	});

	it('a different review under an id the log holds (a tampered entry)', async () => {
		const { sync } = service();
		await sync.create(KEY, NOW);
		const original = push(['card-a', 0]);
		value(await sync.push(KEY, original, NOW));
		const tampered = { reviews: [{ ...original.reviews[0], rating: 'easy' as const }] };
		const outcome = refusal(await sync.push(KEY, { ...push(['card-b', 1]), ...tampered }, NOW));
		expect(outcome).toMatchObject({ status: 409, error: { code: 'tampered' } });
		const { entries } = value(await sync.pull(KEY, 0));
		expect(entries).toHaveLength(1);
		expect((entries[0].body as { rating: string }).rating).toBe('good');
	});

	it('more reviews than one push takes', () => {
		const [one] = push(['card-a', 0]).reviews;
		const many = Array.from({ length: 5001 }, (_, i) => ({ ...one, uid: `r-${i}` }));
		expect(pushSchema.safeParse({ reviews: many }).success).toBe(false);
		expect(pushSchema.safeParse({ reviews: many.slice(1) }).success).toBe(true);
	});

	it('an undo of a card the server does not serve, a damaged one, or one far in the future', async () => {
		const { sync } = service();
		await sync.create(KEY, NOW);
		const at = new Date(NOW).toISOString();
		const unknown = { reviews: [], undone: [{ uid: 'r-1', cardId: 'invented', at }] };
		expect(refusal(await sync.push(KEY, pushSchema.parse(unknown), NOW))).toMatchObject({
			error: { code: 'unknown-card' }
		});
		const later = new Date(NOW + 3 * 24 * 3600_000).toISOString();
		const future = { reviews: [], undone: [{ uid: 'r-1', cardId: 'card-a', at: later }] };
		expect(refusal(await sync.push(KEY, pushSchema.parse(future), NOW))).toMatchObject({
			error: { code: 'future-review' }
		});
		expect(
			pushSchema.safeParse({ reviews: [], undone: [{ uid: '', cardId: 'card-a', at }] }).success
		).toBe(false);
		expect(value(await sync.pull(KEY, 0, ['undone'])).entries).toEqual([]);
	});
});

describe('undone reviews in the log', () => {
	it('are pulled only by clients that ask for them, and a second undo of a review is no clash', async () => {
		const { sync } = service();
		await sync.create(KEY, NOW);
		const input = push(['card-a', 0]);
		value(await sync.push(KEY, input, NOW));
		const undo = (minutes: number) => ({
			reviews: [],
			undone: [
				{
					uid: input.reviews[0].uid,
					cardId: 'card-a',
					at: new Date(NOW + minutes * 60_000).toISOString()
				}
			]
		});
		expect(value(await sync.push(KEY, undo(1), NOW)).added).toBe(0);
		expect(value(await sync.push(KEY, undo(2), NOW))).toMatchObject({ added: 0, cursor: 2 });
		expect(value(await sync.pull(KEY, 0)).entries.map((e) => e.kind)).toEqual(['review']);
		const page = value(await sync.pull(KEY, 0, ['undone']));
		expect(page.entries.map((e) => e.kind)).toEqual(['review', 'undone']);
		expect((page.entries[1].body as { at: string }).at).toBe(undo(1).undone[0].at);
	});

	it('are asked for by kind names only', () => {
		expect(pullSchema.parse({ since: '3', with: 'undone' })).toEqual({
			since: 3,
			with: ['undone']
		});
		expect(pullSchema.parse({})).toEqual({ since: 0, with: [] });
		expect(pullSchema.safeParse({ with: 'undone,everything' }).success).toBe(false);
	});
});
