import type { Browser, Page, Response } from '@playwright/test';
import { expect, test } from '../helpers/csp';
import { count } from '../helpers/study';

const STUDY = '/study/mosca-pyongyang/facts';
const prompt = (page: Page) => page.locator('.card .prompt');

async function studyOne(page: Page) {
	const text = (await prompt(page).textContent()) ?? '';
	await page.keyboard.press('Enter');
	await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
	await page.keyboard.press('3');
	await expect(prompt(page)).not.toHaveText(text);
}

async function newDevice(browser: Browser) {
	const context = await browser.newContext();
	return { context, page: await context.newPage() };
}

/** A push that carries at least one review (a page that opens pushes none). */
const pushOfReviews = (response: Response) =>
	response.url().endsWith('/api/sync/push') &&
	(response.request().postDataJSON() as { reviews: unknown[] }).reviews.length > 0;

/**
 * Resolves once the page's pushes have carried `count` reviews in all, however they were split
 * (a slow machine may push between two ratings), and the pull of that sync has answered: that
 * sync is over. Start it before the ratings.
 */
function reviewsSynced(page: Page, count: number): Promise<void> {
	let sent = 0;
	return new Promise((done) => {
		const heard = (response: Response) => {
			if (sent >= count && response.url().includes('/api/sync/pull')) {
				page.off('response', heard);
				done();
			} else if (pushOfReviews(response) && response.ok()) {
				sent += (response.request().postDataJSON() as { reviews: unknown[] }).reviews.length;
			}
		};
		page.on('response', heard);
	});
}

const counts = (page: Page) =>
	Promise.all((['new', 'learning', 'review'] as const).map((k) => count(page, k).textContent()));

async function joinWith(page: Page, phrase: string) {
	await page.goto('/settings');
	await page.getByLabel('Or enter the key shown on your other device').fill(phrase);
	await page.getByRole('button', { name: 'Sync with this key' }).click();
}

test('two devices study, one offline, sync and agree; a third joins by the phrase', async ({
	browser
}) => {
	const laptop = await newDevice(browser);
	await laptop.page.goto('/settings');
	await laptop.page.getByRole('button', { name: 'Create a sync key' }).click();
	await expect(laptop.page.getByText('Synced: 0 reviews sent, 0 received.')).toBeVisible();
	const phrase = (await laptop.page.getByTestId('sync-phrase').textContent())!.trim();
	expect(phrase).toMatch(/^([a-z2-7]{5}-){5}[a-z2-7]$/);

	const phone = await newDevice(browser);
	await joinWith(phone.page, phrase);
	await expect(phone.page.getByText('Synced: 0 reviews sent, 0 received.')).toBeVisible();

	// The phone studies on the bus, with no network; the laptop studies at home, and its reviews
	// go to the server by themselves.
	await phone.page.goto(STUDY);
	await phone.context.setOffline(true);
	await studyOne(phone.page);
	await studyOne(phone.page);
	await laptop.page.goto(STUDY);
	const sent = reviewsSynced(laptop.page, 3);
	for (let i = 0; i < 3; i++) await studyOne(laptop.page);
	await sent;

	// Back online, the phone sends its queue and takes the laptop's, still on the study page.
	const phoneSent = phone.page.waitForResponse(pushOfReviews);
	await phone.context.setOffline(false);
	await phoneSent;
	await phone.page.goto('/settings');
	await laptop.page.goto('/settings');
	await expect(laptop.page.getByText(/Synced: 0 reviews sent, 2 received\./)).toBeVisible();

	// The first two cards were rated on both: 3 cards, and every one of the 5 reviews.
	for (const { page } of [laptop, phone]) {
		await expect(page.getByText('3 cards studied, 5 reviews')).toBeVisible();
		await expect(page.getByTestId('sync-last')).toContainText('Last sync:');
	}

	const tablet = await newDevice(browser);
	await joinWith(tablet.page, phrase.toUpperCase());
	await expect(tablet.page.getByText('Synced: 0 reviews sent, 5 received.')).toBeVisible();
	await expect(tablet.page.getByText('3 cards studied, 5 reviews')).toBeVisible();

	for (const device of [laptop, phone, tablet]) await device.context.close();
});

test('a review on the study page reaches the other device, which opens its study page', async ({
	browser
}) => {
	const laptop = await newDevice(browser);
	await laptop.page.goto('/settings');
	await laptop.page.getByRole('button', { name: 'Create a sync key' }).click();
	await expect(laptop.page.getByText('Synced: 0 reviews sent, 0 received.')).toBeVisible();
	const phrase = (await laptop.page.getByTestId('sync-phrase').textContent())!.trim();
	const phone = await newDevice(browser);
	await joinWith(phone.page, phrase);
	await expect(phone.page.getByText('Synced: 0 reviews sent, 0 received.')).toBeVisible();

	// From here on, Settings is never opened.
	await laptop.page.goto(STUDY);
	const sent = reviewsSynced(laptop.page, 2);
	await studyOne(laptop.page);
	await studyOne(laptop.page);
	await sent;
	const onLaptop = await counts(laptop.page);

	const pulled = phone.page.waitForResponse((r) => r.url().includes('/api/sync/pull'));
	await phone.page.goto(STUDY);
	await pulled;
	for (const [i, kind] of (['new', 'learning', 'review'] as const).entries()) {
		await expect(count(phone.page, kind)).toHaveText(onLaptop[i] ?? '');
	}
	for (const device of [laptop, phone]) await device.context.close();
});

test('a rating undone after it was synced is gone from the other device too', async ({
	browser
}) => {
	const laptop = await newDevice(browser);
	await laptop.page.goto('/settings');
	await laptop.page.getByRole('button', { name: 'Create a sync key' }).click();
	const phrase = (await laptop.page.getByTestId('sync-phrase').textContent())!.trim();
	const phone = await newDevice(browser);
	await joinWith(phone.page, phrase);
	await expect(phone.page.getByText('Synced: 0 reviews sent, 0 received.')).toBeVisible();

	await laptop.page.goto(STUDY);
	const before = await counts(laptop.page);
	const sent = reviewsSynced(laptop.page, 1);
	await studyOne(laptop.page);
	await sent;
	// The phone has the review ...
	await phone.page.goto(STUDY);
	await expect(count(phone.page, 'new')).not.toHaveText(before[0] ?? '');
	// ... until the laptop takes it back.
	const undone = laptop.page.waitForResponse(
		(r) =>
			r.url().endsWith('/api/sync/push') &&
			((r.request().postDataJSON() as { undone?: unknown[] }).undone?.length ?? 0) > 0
	);
	await laptop.page.keyboard.press('Control+z');
	await expect(laptop.page.getByText('Last rating undone.')).toBeVisible();
	await undone;
	await phone.page.reload();
	for (const [i, kind] of (['new', 'learning', 'review'] as const).entries()) {
		await expect(count(phone.page, kind)).toHaveText(before[i] ?? '');
	}
	for (const device of [laptop, phone]) await device.context.close();
});

test('a key the server never made is refused, and the reviews stay on the device', async ({
	page
}) => {
	await page.goto(STUDY);
	await studyOne(page);
	await joinWith(page, 'aaaaa-aaaaa-aaaaa-aaaaa-aaaaa-a');
	await expect(page.getByText(/Not synced: This sync key is not known here/)).toBeVisible();
	await expect(page.getByText('1 card studied, 1 review')).toBeVisible();
});
