import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDeck } from '$lib/server/deck';
import { MAX_PUSH_BYTES } from '$lib/sync/contracts';
import { newSyncKey } from '$lib/sync/client';
import { POST as create } from '../../src/routes/api/sync/+server';
import { POST as push } from '../../src/routes/api/sync/push/+server';
import { GET as pull } from '../../src/routes/api/sync/pull/+server';
import { rated } from '../helpers/progress';

// The server's sync database, in a folder of this test (opened on first use).
process.env.RIPASSO_DATA_DIR = mkdtempSync(join(tmpdir(), 'ripasso-sync-routes-'));

const card = getDeck('mosca-pyongyang').cards[0];

/** What a route is handed: the request and its URL (the handlers read nothing else). */
function event(key: string, path: string, init: RequestInit = {}): never {
	const url = new URL(`http://localhost/api/sync${path}`);
	const request = new Request(url, {
		...init,
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers }
	});
	return { request, url } as never;
}

const post = (key: string, body: string) =>
	push(event(key, '/push', { method: 'POST', body })) as Promise<Response>;

async function keyWithLog() {
	const key = newSyncKey();
	expect((await create(event(key, '', { method: 'POST' }))).status).toBe(201);
	return key;
}

function review(uid: string) {
	const { review } = rated(card.id, new Date('2026-11-23T10:00:00Z'));
	return { ...review, track: card.track, article: card.source.article, uid };
}

async function entries(key: string, more = '') {
	const response = await pull(event(key, `/pull?since=0${more}`));
	return ((await response.json()) as { entries: { kind: string }[] }).entries;
}

describe('pushes refused with a clear message, nothing stored', () => {
	it('a body that is not JSON, one that breaks the contract, one too large', async () => {
		const key = await keyWithLog();
		const notJson = await post(key, '{"reviews": [');
		expect(notJson.status).toBe(400);
		expect(await notJson.json()).toEqual({ code: 'bad-request', message: 'Expected a JSON body.' });

		const badRating = await post(
			key,
			JSON.stringify({ reviews: [{ ...review('r-1'), rating: 'superb' }] })
		);
		expect(badRating.status).toBe(400);
		expect(((await badRating.json()) as { message: string }).message).toMatch(
			/^reviews\.0\.rating/
		);

		const badUndo = await post(key, JSON.stringify({ reviews: [], undone: [{ uid: 'r-1' }] }));
		expect(badUndo.status).toBe(400);
		expect(((await badUndo.json()) as { message: string }).message).toMatch(/^undone\.0\.cardId/);

		const huge = JSON.stringify({ reviews: [review('r-2')], pad: 'x'.repeat(MAX_PUSH_BYTES) });
		const tooLarge = await post(key, huge);
		expect(tooLarge.status).toBe(413);
		expect(await tooLarge.json()).toMatchObject({ code: 'too-large' });

		expect(await entries(key, '&with=undone,mark')).toEqual([]);
		// The same reviews, sent right, are all taken.
		const good = await post(key, JSON.stringify({ reviews: [review('r-1'), review('r-2')] }));
		expect(await good.json()).toMatchObject({ added: 2 });
	});
});

describe('clients old and new on one log', () => {
	it('an old client pulls only what it knows; a new one asks for undone reviews and card marks', async () => {
		const key = await keyWithLog();
		const at = '2026-11-23T10:05:00.000Z';
		const mark = {
			id: card.id,
			track: card.track,
			suspended: true,
			buriedUntil: null,
			flag: null,
			changedAt: { suspended: at }
		};
		// What a client from before undos and marks pushes is still taken as it was.
		expect((await post(key, JSON.stringify({ reviews: [review('r-1')] }))).status).toBe(200);
		const newer = { reviews: [], undone: [{ uid: 'r-1', cardId: card.id, at }], marks: [mark] };
		expect((await post(key, JSON.stringify(newer))).status).toBe(200);
		expect((await entries(key)).map((e) => e.kind)).toEqual(['review']);
		expect((await entries(key, '&with=undone,mark')).map((e) => e.kind)).toEqual([
			'review',
			'undone',
			'mark'
		]);
		const bogus = await pull(event(key, '/pull?since=0&with=secrets'));
		expect(bogus.status).toBe(400);
	});
});
