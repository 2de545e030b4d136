import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * Start at your level, on a phone: an advanced learner marks the frequent words known (on the
 * placement page, or a paragraph at a time in the reader) and the vocabulary study starts with
 * words they do not know.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const ARTICLE = 'mosca-pyongyang';
const PLACEMENT = `/study/${ARTICLE}/vocab/placement`;
const STUDY = `/study/${ARTICLE}/vocab`;

const newCount = (page: Page) => page.locator('[data-count="new"]');
const prompt = (page: Page) => page.locator('.card .prompt');
const checkbox = (page: Page, lemma: string) =>
	page.getByRole('checkbox', { name: new RegExp(`^${lemma}\\b`) });

/** No daily limit in the way: every new card of the deck is counted. */
async function noLimits(page: Page) {
	await page.goto('/settings');
	await page.locator('#new-vocab').fill('9999');
	await page.locator('#reviews-vocab').fill('9999');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
}

async function newCards(page: Page): Promise<number> {
	await page.goto(STUDY);
	await expect(newCount(page)).toHaveText(/^\d+$/);
	return Number(await newCount(page).textContent());
}

test('mark the first page known: study starts after it; untick one and it is new again', async ({
	page
}) => {
	await noLimits(page);
	const before = await newCards(page);
	// Nothing studied yet: the study page offers the placement.
	await page.getByRole('link', { name: /Start at your level/ }).tap();
	await expect(page).toHaveURL(new RegExp(`${PLACEMENT}$`));

	const lemmas = await page.locator('ol.words .lemma').allTextContents();
	expect(lemmas).toHaveLength(50);
	expect(lemmas).toEqual(expect.arrayContaining(['essere', 'avere', 'non']));
	await page.getByRole('button', { name: 'I know all of these' }).tap();
	await expect(page.getByText('50 words marked known')).toBeVisible();
	await expect(checkbox(page, 'essere')).toBeChecked();
	await expect(page.getByRole('button', { name: 'Untick this page' })).toBeVisible();

	// Stored: a reload shows the same.
	await page.reload();
	await expect(checkbox(page, 'avere')).toBeChecked();

	const after = await newCards(page);
	expect(after).toBeLessThan(before);
	await expect(page.getByText('50 words marked known are not shown as new.')).toBeVisible();
	// The new cards met first are of words after the first page, never essere, avere or non.
	for (let i = 0; i < 3; i++) {
		const shown = ((await prompt(page).textContent()) ?? '').trim();
		for (const lemma of lemmas) expect(shown).not.toBe(lemma);
		await page.getByRole('button', { name: 'Show answer' }).tap();
		await page.getByRole('button', { name: /Good/ }).tap();
		await expect(prompt(page)).not.toHaveText(shown);
	}

	// Undo one: essere is studied again, its cards new once more.
	const studied = await newCards(page);
	await page.goto(PLACEMENT);
	await checkbox(page, 'essere').uncheck();
	await expect(page.getByText('49 words marked known')).toBeVisible();
	await page.goto(STUDY);
	await expect(page.getByText('49 words marked known are not shown as new.')).toBeVisible();
	expect(Number(await newCount(page).textContent())).toBeGreaterThan(studied);
});

test('the quick placement marks the words above the level, and undo takes them back', async ({
	page
}) => {
	await page.goto(PLACEMENT);
	await page.getByRole('button', { name: 'Start the quick placement' }).tap();
	// Knows the five most frequent bands, not the five rarest.
	for (let i = 1; i <= 10; i++) {
		await expect(page.getByText(`Word ${i} of 10: do you know it?`)).toBeVisible();
		await page.getByRole('button', { name: i <= 5 ? 'I know it' : 'I don’t know it' }).tap();
	}
	const offer = page.getByText(/^Ripasso will mark \d+ words known\.$/);
	await expect(offer).toBeVisible();
	const count = Number((await offer.textContent())!.match(/\d+/)![0]);
	expect(count).toBeGreaterThan(50);
	await page.getByRole('button', { name: 'Mark them known' }).tap();
	await expect(page.getByText(`${count} words marked known`, { exact: true })).toBeVisible();
	await expect(checkbox(page, 'essere')).toBeChecked();
	await page.getByRole('button', { name: 'Undo' }).tap();
	await expect(page.getByText('0 words marked known', { exact: true })).toBeVisible();
	await expect(checkbox(page, 'essere')).not.toBeChecked();
});

test('the reader’s paragraph button marks its words, by keyboard, and the study count drops', async ({
	page
}) => {
	await noLimits(page);
	const before = await newCards(page);

	await page.goto(`/read/${ARTICLE}`);
	const paragraph = page.locator('article p[data-words]').first();
	const rest = page.getByRole('button', { name: 'I know the rest of this paragraph' }).first();
	await expect(rest).toBeVisible();
	const studied = paragraph.locator('.word[data-status="new"]');
	const words = new Set(
		await studied.evaluateAll((nodes) => nodes.map((n) => n.textContent?.toLowerCase()))
	);
	expect(words.size).toBeGreaterThan(3);

	// No tab stop of its own (the paragraph stays one): the Right arrow after the last word.
	await expect(rest).toHaveAttribute('tabindex', '-1');
	await paragraph.locator('.word').first().focus();
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowRight');
	await expect(rest).toBeFocused();
	await page.keyboard.press('Enter');
	const status = page.getByText(/^\d+ words marked known\./).first();
	await expect(status).toBeVisible();
	const marked = Number((await status.textContent())!.match(/\d+/)![0]);
	await expect(paragraph.locator('.word[data-status="new"]')).toHaveCount(0);
	// The focus is on the undo that replaced the button, not lost.
	await expect(page.getByRole('button', { name: 'Undo' }).first()).toBeFocused();

	const after = await newCards(page);
	expect(after).toBeLessThan(before);
	await expect(page.getByText(`${marked} words marked known are not shown as new.`)).toBeVisible();

	// Undone in the reader: the count is back.
	await page.goto(`/read/${ARTICLE}`);
	await expect(paragraph.locator('.word[data-status="known"]').first()).toBeVisible();
	// (The reader's undo lasts while the page is open; the placement page unticks after a reload.)
	await page.goto(PLACEMENT);
	await expect(page.getByText(`${marked} words marked known`, { exact: true })).toBeVisible();
});
