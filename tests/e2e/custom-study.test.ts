/**
 * Custom study and Optimise (issue 14, points 6 and 7), on a phone: more new cards today and
 * review ahead from the done screen; Settings → Optimise on a seeded review log.
 */
import { createScheduler, type Rating } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '$lib/storage/records';
import { expect, test } from '../helpers/csp';
import { count, mergeBackup, rate, setNewPerDay } from '../helpers/study';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const STUDY = '/study/mosca-pyongyang/facts';

test('more new cards today, and reviewing ahead, from the done screen', async ({ page }) => {
	await setNewPerDay(page, 1);

	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('1');
	await rate(page, '4');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	const custom = page.getByRole('region', { name: 'Custom study' });
	await expect(custom.getByText(/These reviews count: each card is rescheduled/)).toBeVisible();

	// The Easy card is due in days, not today: reviewing a month ahead finds it.
	await custom.getByLabel('Cards due in the next days').fill('30');
	await custom.getByRole('button', { name: 'Review 1 card ahead' }).tap();
	await expect(page.getByText('Custom study: reviewing ahead.')).toBeVisible();
	await expect(count(page, 'review')).toHaveText('1');
	await rate(page, '3');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await expect(page.getByText('Custom study: reviewing ahead.')).toBeHidden();

	await custom.getByLabel('New cards to add').fill('3');
	await custom.getByRole('button', { name: 'Add new cards' }).tap();
	await expect(count(page, 'new')).toHaveText('3');
	// Kept for today: a reload still has them, and the study page says why.
	await page.reload();
	await expect(count(page, 'new')).toHaveText('3');
	await page.locator('summary', { hasText: 'Custom study' }).tap();
	await expect(page.getByText('3 extra new cards today.')).toBeVisible();
	// The panel fits a phone's width: nothing to scroll sideways to.
	const add = await page.getByRole('button', { name: 'Add new cards' }).boundingBox();
	expect((add?.x ?? 0) + (add?.width ?? Infinity)).toBeLessThanOrEqual(390);
});

test('what I missed this week: a card forgotten days ago comes back from the done screen', async ({
	page
}) => {
	// One real card of the article, forgotten four days ago and relearnt since.
	const { cards } = (await (await page.request.get('/api/cards/mosca-pyongyang')).json()) as {
		cards: { id: string; track: string }[];
	};
	const id = cards.find((card) => card.track === 'facts')!.id;
	const scheduler = createScheduler(DEFAULT_SETTINGS, { timeZone: 'UTC' });
	const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
	const day = 86_400_000;
	let at = Date.now() - 6 * day;
	let state = scheduler.newState(id, new Date(at));
	const reviews: Backup['reviews'] = [];
	for (const [rating, next] of [
		['good', 2 * day],
		['again', 10 * 60_000],
		['good', day],
		['easy', 0]
	] as const) {
		const result = scheduler.rate(state, rating, new Date(at));
		state = result.state;
		reviews.push({ ...result.log, ...where });
		at += next;
	}
	// Due on a later learner day: today's queue does not show it.
	expect(Date.parse(state.memory.due)).toBeGreaterThan(Date.now());
	const backup: Backup = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date().toISOString(),
		settings: DEFAULT_SETTINGS,
		states: [{ ...state, ...where }],
		reviews
	};
	await page.goto('/settings');
	await mergeBackup(page, backup, 'missed.json');
	await expect(page.getByText('Progress merged: 4 new reviews added.')).toBeVisible();
	await setNewPerDay(page, 0);

	await page.goto(STUDY);
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	const custom = page.getByRole('region', { name: 'Custom study' });
	await custom.getByRole('button', { name: 'Study 1 card' }).tap();
	await expect(page.getByText('Custom study: what you missed this week.')).toBeVisible();
	await rate(page, '3');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	// The review counted: the log has one more.
	await page.goto('/settings');
	await expect(page.getByText(/studied, 5 reviews/u)).toBeVisible();
});

/** A backup whose log is `cards` cards reviewed over two months, ratings drawn from a seed. */
function seededBackup(cards: number): Backup {
	const scheduler = createScheduler(DEFAULT_SETTINGS, { timeZone: 'UTC' });
	const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
	const start = Date.parse('2026-09-01T08:00:00Z');
	let seed = 7;
	const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const states: Backup['states'] = [];
	const reviews: Backup['reviews'] = [];
	for (let i = 0; i < cards; i++) {
		let state = scheduler.newState(`seed-${i}`, new Date(start));
		let at = start + (i % 10) * 86_400_000;
		for (let n = 0; n < 4; n++) {
			const rating: Rating = random() < 0.8 ? 'good' : random() < 0.5 ? 'hard' : 'again';
			const result = scheduler.rate(state, rating, new Date(at));
			state = result.state;
			reviews.push({ ...result.log, ...where });
			at = Math.max(Date.parse(state.memory.due), at + 60_000);
		}
		states.push({ ...state, ...where });
	}
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date().toISOString(),
		settings: DEFAULT_SETTINGS,
		states,
		reviews
	};
}

test('Optimise fits the parameters to a seeded log, keeps them and goes back to defaults', async ({
	page
}) => {
	await page.goto('/settings');
	const panel = page.getByRole('region', { name: 'Optimise FSRS' });
	await expect(panel.getByTestId('optimise-count')).toHaveText(/^Reviews: 0\. .*: 0\.$/);
	await expect(panel.getByRole('button', { name: 'Optimise' })).toBeDisabled();
	await expect(panel.getByText(/Optimising needs at least 100 usable reviews/)).toBeVisible();

	const backup = seededBackup(120);
	await mergeBackup(page, backup, 'seeded.json');
	await expect(page.getByText('Progress merged: 480 new reviews added.')).toBeVisible();
	await expect(panel.getByTestId('optimise-count')).toHaveText(/^Reviews: 480\. .*: \d+\.$/);
	await expect(panel.getByText("In use: FSRS's default parameters.")).toBeVisible();

	await panel.getByRole('button', { name: 'Optimise' }).tap();
	const table = panel.getByRole('table', { name: /Evaluated on your reviews/ });
	await expect(table).toBeVisible({ timeout: 30_000 });
	const before = Number(await panel.getByTestId('before-log-loss').textContent());
	const after = Number(await panel.getByTestId('after-log-loss').textContent());
	expect(after).toBeLessThan(before);

	await panel.getByRole('button', { name: 'Use these parameters' }).tap();
	await expect(panel.getByText('In use: parameters fitted to your reviews.')).toBeVisible();
	// Kept in the settings: there after a reload, and saving the settings form keeps them.
	await page.reload();
	await page.getByRole('button', { name: 'Save settings' }).click();
	await page.reload();
	await expect(panel.getByText('In use: parameters fitted to your reviews.')).toBeVisible();

	await panel.getByRole('button', { name: 'Back to defaults' }).tap();
	await expect(panel.getByText("FSRS's default parameters are in use again.")).toBeVisible();
	await expect(panel.getByText("In use: FSRS's default parameters.")).toBeVisible();
});
