/**
 * What the study e2e tests read and do on a study page: the counts, the card's prompt, the
 * rating buttons, a card revealed and rated by key, the daily new-card limit set in Settings, and
 * a backup added to the browser's progress.
 */
import { expect, type Page } from '@playwright/test';

export const count = (page: Page, kind: 'new' | 'learning' | 'review') =>
	page.locator(`.counts [data-count="${kind}"]`);
export const prompt = (page: Page) => page.locator('.card .prompt');
export const ratings = (page: Page) =>
	page.getByRole('group', { name: 'How well did you know it?' });

/** Reveals the card on screen (Enter: a typed card submits the empty answer) and rates it by key. */
export async function rate(page: Page, key: string) {
	await page.keyboard.press('Enter');
	await expect(ratings(page)).toBeVisible();
	await page.keyboard.press(key);
}

/** Sets the new cards per day of the first track in Settings. */
export async function setNewPerDay(page: Page, cards: number) {
	await page.goto('/settings');
	await page.getByLabel('New cards per day').first().fill(String(cards));
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
}

/**
 * Imports `backup` in Settings and adds it to this browser's progress (the merge), leaving the
 * page on Settings with the outcome announced.
 */
export async function mergeBackup(page: Page, backup: unknown, name = 'backup.json') {
	await page.getByLabel('Import progress').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backup))
	});
	await page
		.getByRole('alertdialog')
		.getByRole('button', { name: "Add to this browser's progress" })
		.click();
}
