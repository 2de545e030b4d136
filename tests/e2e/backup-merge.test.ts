import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

const STUDY = '/study/mosca-pyongyang/facts';

const prompt = (page: Page) => page.locator('.card .prompt');

/** Reveals and rates Good the card on screen; returns its prompt. */
async function studyOne(page: Page): Promise<string> {
	const text = (await prompt(page).textContent()) ?? '';
	await page.keyboard.press('Enter');
	await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
	await page.keyboard.press('3');
	await expect(prompt(page)).not.toHaveText(text);
	return text;
}

/** A device of its own (a browser context: its own IndexedDB) that studied `n` cards. */
async function deviceThatStudied(browser: Browser, n: number) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(STUDY);
	for (let i = 0; i < n; i++) await studyOne(page);
	await page.goto('/settings');
	return { context, page };
}

async function exportFrom(page: Page, path: string) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress' }).click();
	await (await download).saveAs(path);
}

test("importing another device's backup adds its reviews to this one's, losing none", async ({
	browser
}, testInfo) => {
	// Both devices study the same deck in the same order: their first cards are the same ones.
	const phone = await deviceThatStudied(browser, 3);
	const laptop = await deviceThatStudied(browser, 2);
	await expect(laptop.page.getByText('2 cards studied, 2 reviews')).toBeVisible();
	const file = testInfo.outputPath('phone.json');
	await exportFrom(phone.page, file);

	const dialog = laptop.page.getByRole('alertdialog');
	await laptop.page.getByLabel('Import progress').setInputFiles(file);
	await expect(dialog).toContainText(
		'3 reviews are new to this browser (the file holds 3 in all).'
	);
	await dialog.getByRole('button', { name: "Add to this browser's progress" }).click();
	await expect(laptop.page.getByText('Progress merged: 3 new reviews added.')).toBeVisible();
	// Two cards were rated on both devices: each keeps both reviews.
	await expect(laptop.page.getByText('3 cards studied, 5 reviews')).toBeVisible();

	// The same file again brings nothing new, and says so before anything is written.
	await laptop.page.getByLabel('Import progress').setInputFiles(file);
	await expect(dialog).toContainText(
		'0 reviews are new to this browser (the file holds 3 in all).'
	);
	await dialog.getByRole('button', { name: "Add to this browser's progress" }).click();
	await expect(laptop.page.getByText('Progress merged: 0 new reviews added.')).toBeVisible();
	await expect(laptop.page.getByText('3 cards studied, 5 reviews')).toBeVisible();

	// Replacing everything is a second, explicit step.
	await laptop.page.getByLabel('Import progress').setInputFiles(file);
	await dialog.getByRole('button', { name: 'Replace everything with the file…' }).click();
	await expect(dialog).toContainText('Replace all progress in this browser with this file');
	await dialog.getByRole('button', { name: 'Yes, replace everything' }).click();
	await expect(laptop.page.getByText('3 cards studied, 3 reviews')).toBeVisible();

	await phone.context.close();
	await laptop.context.close();
});

test('a backup listing one review three times is announced as one review, with the copies named', async ({
	page
}, testInfo) => {
	await page.goto(STUDY);
	await studyOne(page);
	await page.goto('/settings');
	const file = testInfo.outputPath('one.json');
	await exportFrom(page, file);
	const backup = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
	backup.reviews = [backup.reviews[0], backup.reviews[0], backup.reviews[0]];

	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await page.getByRole('button', { name: 'Yes, delete everything' }).click();
	await page.getByLabel('Import progress').setInputFiles({
		name: 'copies.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backup))
	});
	const dialog = page.getByRole('alertdialog');
	await expect(dialog).toContainText('1 review is new to this browser (the file holds 1 in all).');
	await expect(dialog).toContainText(
		'2 reviews appear more than once in the file: each is kept once.'
	);
	await dialog.getByRole('button', { name: "Add to this browser's progress" }).click();
	await expect(page.getByText('1 card studied, 1 review')).toBeVisible();
});
