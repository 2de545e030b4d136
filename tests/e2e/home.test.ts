import { expect, test } from '@playwright/test';

test('the home page lists the article and links every track', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
	const card = page.getByRole('article', { name: /Questo allineamento tra Mosca e Pyongyang/ });
	await expect(card).toBeVisible();
	await expect(card).toContainText('by Luke Coffey, Hudson Institute');
	await expect(card).toContainText('20 paragraphs, 52 sentences');
	await expect(card.getByRole('link', { name: 'Host a class quiz' })).toHaveAttribute(
		'href',
		'/class/new?article=mosca-pyongyang'
	);
	await expect(card.getByRole('link', { name: 'Study the vocabulary' })).toBeVisible();
	await expect(card.getByRole('link', { name: 'Study the facts' })).toBeVisible();
	await expect(card.getByRole('link', { name: 'Quiz on the facts' })).toBeVisible();

	await card.getByRole('link', { name: 'Read the article' }).click();
	await expect(page).toHaveURL(/\/read\/mosca-pyongyang$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Questo allineamento');
});

test('an unknown article gets a clear 404 page', async ({ page }) => {
	const response = await page.goto('/read/no-such-article');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expect(page.getByText('There is no article called “no-such-article”.')).toBeVisible();
	await page.getByRole('link', { name: 'Back to the articles' }).click();
	await expect(page).toHaveURL(/\/$/);
});
