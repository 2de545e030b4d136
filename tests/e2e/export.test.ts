import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

test.use({ viewport: { width: 1280, height: 720 } });

const SLUG = 'mosca-pyongyang';

/** Stores one card as studied (a Review state and two reviews) in the app's own database. */
async function seed(page: Page, cardId: string) {
	await page.evaluate(async (id) => {
		const now = Date.now();
		const DAY = 86_400_000;
		const iso = (ms: number) => new Date(ms).toISOString();
		const where = { track: 'facts', article: 'mosca-pyongyang' };
		const review = (at: number, rating: string, previousState: number, scheduledDays: number) => ({
			cardId: id,
			...where,
			rating,
			reviewedAt: iso(at),
			previousState,
			previousDue: iso(at),
			elapsedDays: 0,
			scheduledDays,
			stability: 3,
			difficulty: 5
		});
		const db = await new Promise<IDBDatabase>((done, fail) => {
			const request = indexedDB.open('ripasso');
			request.onsuccess = () => done(request.result);
			request.onerror = () => fail(request.error);
		});
		const tx = db.transaction(['states', 'reviews'], 'readwrite');
		tx.objectStore('states').put({
			id,
			...where,
			memory: {
				due: iso(now + 3 * DAY),
				stability: 3,
				difficulty: 5,
				elapsed_days: 0,
				scheduled_days: 3,
				learning_steps: 0,
				reps: 2,
				lapses: 0,
				state: 2,
				last_review: iso(now - DAY)
			}
		});
		tx.objectStore('reviews').add(review(now - 2 * DAY, 'good', 0, 0));
		tx.objectStore('reviews').add(review(now - DAY, 'good', 1, 3));
		await new Promise((done, fail) => {
			tx.oncomplete = done;
			tx.onerror = () => fail(tx.error);
		});
		db.close();
	}, cardId);
}

test('Settings exports an Anki package that SQLite reads back with the right counts', async ({
	page
}) => {
	const cards = (
		(await (await page.request.get(`/api/cards/${SLUG}`)).json()) as {
			cards: { id: string; track: string; type: string }[];
		}
	).cards;
	const exported = cards.filter((card) => card.type !== 'listening');
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Export to Anki or Quizlet' })).toBeVisible();
	await seed(page, exported.find((card) => card.track === 'facts')!.id);
	await page.reload();

	const button = page.getByRole('button', { name: 'Download an Anki package (.apkg)' });
	await button.scrollIntoViewIfNeeded();
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	expect(download.suggestedFilename()).toBe(`ripasso-${SLUG}.apkg`);
	await expect(page.getByRole('status')).toHaveText(/Package downloaded/u);

	const files = unzipSync(readFileSync((await download.path())!));
	const db = new Database(Buffer.from(files['collection.anki2']));
	const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
	expect(count('SELECT count(*) AS n FROM notes')).toBe(exported.length);
	expect(count('SELECT count(*) AS n FROM cards')).toBe(exported.length);
	expect(count('SELECT count(*) AS n FROM revlog')).toBe(2);
	expect(count('SELECT count(*) AS n FROM cards WHERE type = 2')).toBe(1);
	const { decks } = db.prepare('SELECT decks FROM col').get() as { decks: string };
	const names = Object.values(JSON.parse(decks) as Record<string, { name: string }>).map(
		(deck) => deck.name
	);
	expect(names.filter((name) => name.startsWith('Ripasso::'))).toHaveLength(2);
	const { flds } = db.prepare('SELECT flds FROM notes LIMIT 1').get() as { flds: string };
	expect(flds.split('\x1f')[3]).toMatch(
		new RegExp(`^http://127\\.0\\.0\\.1:\\d+/read/${SLUG}#`, 'u')
	);
	db.close();
});

test('Settings downloads the vocabulary as terms and definitions with the separator chosen', async ({
	page
}) => {
	await page.goto('/settings');
	await page.getByLabel('Track').selectOption('vocab');
	await page.getByLabel('Separator').selectOption('comma');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download terms and definitions' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`ripasso-${SLUG}-vocab.csv`);
	const lines = readFileSync((await download.path())!, 'utf8')
		.trimEnd()
		.split('\r\n');
	expect(lines.length).toBeGreaterThan(200);
	expect(lines.some((line) => line.startsWith('essere,to be ('))).toBe(true);
});

test('the export refuses an unknown article and an oversized history with a clear 4xx', async ({
	request
}) => {
	const unknown = await request.post('/api/export/apkg', {
		data: { articles: ['no-such-article'], history: [] }
	});
	expect(unknown.status()).toBe(404);
	expect(await unknown.json()).toMatchObject({ code: 'unknown-article' });

	const csv = await request.get('/api/export/csv?article=no-such-article&track=facts');
	expect(csv.status()).toBe(404);

	// 400,001 reviews: gzipped, well under any body limit; unzipped, over the export's.
	const review = [Date.now(), 3, 2, 3, Date.now(), 5];
	const body = JSON.stringify({
		articles: [SLUG],
		history: [{ id: 'x', reviews: Array.from({ length: 400_001 }, () => review) }]
	});
	const oversized = await request.post('/api/export/apkg', {
		headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
		data: gzipSync(body)
	});
	expect(oversized.status()).toBe(413);
	expect(await oversized.json()).toMatchObject({ code: 'too-large' });

	const garbage = await request.post('/api/export/apkg', {
		headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
		data: Buffer.from('not gzip at all')
	});
	expect(garbage.status()).toBe(400);
});
