import { expect, test } from '@playwright/test';

test('the language switch changes the UI and is remembered', async ({ page }) => {
	await page.goto('/read/mosca-pyongyang');
	await expect(page.getByRole('link', { name: '← All articles' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await page.getByRole('button', { name: 'Italiano' }).click();
	// Back on the same page, now in Italian.
	await expect(page).toHaveURL(/\/read\/mosca-pyongyang$/);
	await expect(page.getByRole('link', { name: '← Tutti gli articoli' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'it');
	await expect(page.getByRole('button', { name: 'Italiano' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Articoli' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Organizza un quiz in classe' })).toBeVisible();

	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
});

test('the browser language is the default until the learner chooses', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'it-IT' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Articoli' })).toBeVisible();
	await context.close();
});

test('the language switch works from the keyboard alone', async ({ page }) => {
	await page.goto('/');
	const italiano = page.getByRole('button', { name: 'Italiano' });
	for (let i = 0; i < 10 && !(await italiano.evaluate((b) => b === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(italiano).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Articoli' })).toBeVisible();
});
