/**
 * Anki's card browser on a phone (issue 14, point 6): find a card by a word typed without its
 * accents, narrow by article, track and state, see its reviews, flag it, suspend it (it leaves
 * the study queue and the home page's count) and forget it (new again, its history kept).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
// The browser's page carries every card (about 2,000): on a loaded machine it may take seconds.
const LOADED = { timeout: 30_000 };
test.setTimeout(120_000);

const SLUG = 'mosca-pyongyang';
const STUDY = `/study/${SLUG}/facts`;
const ARTICLE = /Questo allineamento tra Mosca e Pyongyang/;

const studyCount = (page: Page, kind: 'new' | 'learning' | 'review') =>
	page.locator(`.counts [data-count="${kind}"]`);
const homeCount = (page: Page, kind: 'new' | 'learning' | 'review') =>
	page
		.getByRole('article', { name: ARTICLE })
		.getByTestId(/^today-/)
		.locator(`[data-track="facts"] [data-count="${kind}"]`);
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'");
const rows = (page: Page) => page.getByRole('list', { name: 'Cards found' }).getByRole('listitem');
const detail = (page: Page) =>
	page.getByRole('region').filter({ has: page.locator('#browse-detail-title') });

async function filterTo(page: Page, state: string) {
	await page.getByLabel('Article', { exact: true }).selectOption(SLUG);
	await page.getByLabel('Track', { exact: true }).selectOption('facts');
	await page.getByLabel('State', { exact: true }).selectOption(state);
}

test('a card found in the browser: history, flag, suspend (out of study and counts), forget', async ({
	page
}) => {
	// One card rated Again: it is in learning, the one learning card of the track.
	await page.goto(STUDY);
	await expect(studyCount(page, 'new')).toHaveText('20', LOADED);
	const prompt = (await page.locator('.card .prompt').innerText()).trim();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
	await page.keyboard.press('1');
	await expect(studyCount(page, 'learning')).toHaveText('1');

	await page.goto('/');
	await page.getByRole('link', { name: 'Browse' }).click();
	await expect(page.locator('#browse-count')).toHaveText(/\d+ cards/, LOADED);
	await expect(page.getByRole('heading', { name: 'Card browser', level: 1 })).toBeVisible();
	const all = Number((await page.locator('#browse-count').innerText()).match(/\d+/)![0]);
	expect(all).toBeGreaterThan(100);

	// Found by its words typed in capitals and without accents.
	await page.getByLabel('Search', { exact: true }).fill(fold(prompt).toUpperCase());
	await expect(rows(page).first()).toContainText(prompt);
	await page.getByLabel('Search', { exact: true }).fill('');
	await filterTo(page, 'learning');
	await expect(page.locator('#browse-count')).toHaveText('1 card');
	await expect(rows(page)).toHaveCount(1);
	await expect(rows(page)).toContainText('Learning');

	// The detail panel: the card's review, rated Again a moment ago, in a learning step.
	await rows(page).getByRole('button').tap();
	const panel = detail(page);
	await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(prompt);
	const history = panel.getByRole('table', { name: 'Review history' });
	await expect(history.getByRole('row')).toHaveCount(2);
	await expect(history.getByRole('row').nth(1).getByRole('cell')).toHaveText([
		/\d/,
		'Again',
		'a learning step',
		'0'
	]);
	// On a phone the panel is a sheet over the whole screen, its actions in reach.
	const box = await panel.boundingBox();
	expect(box!.width).toBeLessThanOrEqual(390);
	await expect(panel.getByRole('button', { name: 'Suspend' })).toBeInViewport();

	await panel.getByRole('radio', { name: 'Red' }).check();
	await panel.getByRole('button', { name: 'Suspend' }).tap();
	await expect(
		panel.getByText('Suspended: it is not studied until you unsuspend it.')
	).toBeVisible();
	await expect(panel.getByRole('button', { name: 'Unsuspend' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await page.getByLabel('State', { exact: true }).selectOption('flagged');
	await expect(rows(page)).toHaveCount(1);
	await expect(rows(page)).toContainText('Red');
	await page.getByLabel('State', { exact: true }).selectOption('suspended');
	await expect(rows(page)).toHaveCount(1);

	// Out of study: no learning card left, on the study page and on the home page alike.
	await page.goto(STUDY);
	await expect(studyCount(page, 'learning')).toHaveText('0', LOADED);
	await expect(page.locator('.card .prompt')).not.toHaveText(prompt);
	await page.goto('/');
	await expect(homeCount(page, 'learning')).toHaveText('0', LOADED);

	// Marks survive a reload; unsuspended, the card is studied again.
	await page.goto('/browse');
	await expect(page.locator('#browse-count')).toHaveText(/\d+ cards/, LOADED);
	await filterTo(page, 'suspended');
	await rows(page).getByRole('button').tap();
	await expect(detail(page).getByRole('radio', { name: 'Red' })).toBeChecked();
	await detail(page).getByRole('button', { name: 'Unsuspend' }).tap();
	await expect(detail(page).getByRole('button', { name: 'Suspend' })).toBeVisible();
	await page.goto('/');
	await expect(homeCount(page, 'learning')).toHaveText('1', LOADED);

	// Forget: new again, the review kept in its history.
	await page.goto('/browse');
	await expect(page.locator('#browse-count')).toHaveText(/\d+ cards/, LOADED);
	await filterTo(page, 'learning');
	await rows(page).getByRole('button').tap();
	await detail(page).getByRole('button', { name: 'Forget' }).tap();
	await expect(
		detail(page).getByText(
			'Forget this card? It becomes new again; its reviews stay in its history.'
		)
	).toBeVisible();
	await detail(page).getByRole('button', { name: 'Forget' }).tap();
	await expect(detail(page).getByTestId('browse-state')).toHaveText('New');
	await expect(
		detail(page).getByRole('table', { name: 'Review history' }).getByRole('row')
	).toHaveCount(2);
	await expect(page.locator('#browse-count')).toHaveText('0 cards');
	await page.goto('/');
	await expect(homeCount(page, 'learning')).toHaveText('0', LOADED);
});

test('the list is paged, and reached from the keyboard', async ({ page }) => {
	await page.goto('/browse');
	const count = page.locator('#browse-count');
	await expect(count).toHaveText(/\d+ cards/, LOADED);
	await expect(rows(page)).toHaveCount(50);
	await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
	await page.getByRole('button', { name: 'Next' }).tap();
	await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
	await expect(count).toBeFocused();
	// A search goes back to the first page of what it finds.
	await page.getByLabel('Search', { exact: true }).fill('MOSCA');
	await expect(rows(page).first()).toContainText(/mosca/i);
	await expect(page.getByText(/^Page 2 of/)).toBeHidden();
	// Keyboard: Tab from the search reaches the filters; Enter on a card opens it, Escape closes it.
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Article', { exact: true })).toBeFocused();
	await rows(page).first().getByRole('button').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#browse-detail-title')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(rows(page).first().getByRole('button')).toBeFocused();
});
