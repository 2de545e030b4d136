import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * Adds records to the app's own progress database (created by the page on its first visit), as the
 * study screen would have written them, then reloads.
 */
async function seed(page: Page) {
	await page.evaluate(async () => {
		const now = Date.now();
		const HOUR = 3_600_000;
		const iso = (ms: number) => new Date(ms).toISOString();
		const memory = (due: number, state: number) => ({
			due: iso(due),
			stability: 10,
			difficulty: 5,
			elapsed_days: 5,
			scheduled_days: 5,
			learning_steps: 0,
			reps: 4,
			lapses: 0,
			state,
			last_review: iso(now - 5 * 24 * HOUR)
		});
		const review = (cardId: string, rating: string, previousState: number) => ({
			cardId,
			track: 'facts',
			article: 'mosca-pyongyang',
			rating,
			reviewedAt: iso(now - HOUR),
			previousState,
			previousDue: iso(now - 2 * HOUR),
			elapsedDays: 5,
			scheduledDays: 5,
			stability: 10,
			difficulty: 5
		});
		const db = await new Promise<IDBDatabase>((done, fail) => {
			const request = indexedDB.open('ripasso');
			request.onsuccess = () => done(request.result);
			request.onerror = () => fail(request.error);
		});
		const tx = db.transaction(['states', 'reviews'], 'readwrite');
		const states = tx.objectStore('states');
		const reviews = tx.objectStore('reviews');
		// State 2 is Review, 1 is Learning.
		states.put({
			id: 'due-now',
			track: 'facts',
			article: 'mosca-pyongyang',
			memory: memory(now - HOUR, 2)
		});
		states.put({
			id: 'due-tomorrow',
			track: 'facts',
			article: 'mosca-pyongyang',
			memory: memory(now + 24 * HOUR, 2)
		});
		reviews.add(review('due-now', 'good', 2));
		reviews.add(review('due-tomorrow', 'good', 2));
		reviews.add(review('due-now', 'again', 2));
		// A learning step says nothing about retention: it must not lower it.
		reviews.add(review('due-now', 'again', 1));
		// A damaged record: reported, not used.
		reviews.add({ cardId: 'broken', rating: 'maybe' });
		await new Promise((done, fail) => {
			tx.oncomplete = done;
			tx.onerror = () => fail(tx.error);
		});
		db.close();
	});
	await page.reload();
}

test('with no progress, the page says so and links to the articles', async ({ page }) => {
	await page.goto('/stats');
	await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
	await expect(page.getByText('No reviews yet.')).toBeVisible();
	await expect(page.getByRole('img')).toHaveCount(0);
	await page.getByRole('link', { name: 'Choose an article to study' }).click();
	await expect(page).toHaveURL(/\/$/);
});

test('shows due cards, true retention and accessible charts per track', async ({ page }) => {
	await page.goto('/stats');
	await expect(page.getByText('No reviews yet.')).toBeVisible();
	await seed(page);

	await expect(page.getByText('1 saved record could not be read')).toBeVisible();
	const facts = page.getByRole('region', { name: 'Facts' });
	await expect(facts.getByTestId('due-today')).toHaveText('1');
	await expect(facts.getByTestId('due-tomorrow')).toHaveText('1');
	// 2 of the 3 reviews of cards in Review were not "Again"; the learning step is left out.
	await expect(facts.getByTestId('retention')).toHaveText('66.7%');
	await expect(facts.getByText('Reviews counted: 3')).toBeVisible();

	await expect(
		facts.getByRole('img', { name: 'Cards due in the next 30 days: 2; busiest day: 1.' })
	).toBeVisible();
	const reviews = facts.getByRole('img', {
		name: 'Reviews in the last 30 days: 4; days studied: 1 of 30.'
	});
	await expect(reviews).toBeVisible();
	// One bar per day, each with its figures for a pointer, and the same figures in a table.
	await expect(reviews.locator('g')).toHaveCount(30);
	await expect(facts.getByRole('table').filter({ hasText: 'Reviews per day' })).toBeAttached();

	const vocab = page.getByRole('region', { name: 'Vocabulary' });
	await expect(vocab.getByText('Nothing studied in this track yet.')).toBeVisible();
});
