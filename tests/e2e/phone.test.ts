import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * A phone is a study device: on a 390×844 touch screen the four ratings are on screen after
 * every answer without scrolling, the header leaves the card its height, and in the reader the
 * word sheet never hides the word that was tapped.
 */
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

const ARTICLE = 'mosca-pyongyang';

/** Fails unless the whole element is inside the viewport as it is now (nothing scrolls it). */
async function expectOnScreen(element: Locator, what: string) {
	const box = await element.boundingBox();
	expect(box, `${what} is laid out`).not.toBeNull();
	expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
	expect(box!.x, `${what}: left`).toBeGreaterThanOrEqual(0);
	expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(PHONE.height + 0.5);
	expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(PHONE.width + 0.5);
}

const ratings = (page: Page) => page.getByRole('group', { name: 'How well did you know it?' });

/** Answers the card on screen as a thumb would: taps an option, or taps Show answer. */
async function answer(page: Page) {
	const options = page.locator('.card .options button');
	if ((await options.count()) > 0) await options.last().tap();
	else await page.getByRole('button', { name: 'Show answer' }).tap();
	await expect(ratings(page)).toBeVisible();
}

// New cards take turns by type, and a card's siblings (the other cards of its fact or word) wait
// for another day: four days of four cards each bring every kind of card to the screen, the long
// multiple choice and the typed.
const DAY = 24 * 60 * 60 * 1000;
const FIRST_DAY = new Date('2026-12-02T12:00:00').getTime();

for (const track of ['facts', 'vocab'] as const) {
	test(`${track}: after each answer the four ratings are on screen, scrolled or not`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		// An Italian voice, as a phone has, so that listening cards are dealt too.
		await page.addInitScript(() => {
			const voice = { lang: 'it-IT', name: 'Alice', default: false, localService: true };
			speechSynthesis.getVoices = () => [voice as unknown as SpeechSynthesisVoice];
		});
		// Four new cards a day, the limit the session deals the cards for: siblings a day apart.
		await page.goto('/settings');
		const limits = page.getByLabel('New cards per day');
		// One field per track, once the saved settings are read.
		await expect(limits).toHaveCount(2);
		for (const field of await limits.all()) await field.fill('4');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByText('Settings saved.')).toBeVisible();
		const types = new Set<string>();
		for (let day = 0; day < 4; day++) {
			await page.clock.setFixedTime(FIRST_DAY + day * DAY);
			await page.goto(`/study/${ARTICLE}/${track}`);
			for (let i = 0; i < 4; i++) {
				const card = page.locator('section.card');
				await expect(card).toBeVisible();
				const type = (await card.getAttribute('data-type')) ?? '';
				const shown = await card.elementHandle();
				types.add(type);
				await answer(page);
				for (const at of ['where the answer left it', 'at the top']) {
					if (at === 'at the top') await page.evaluate(() => window.scrollTo(0, 0));
					const buttons = ratings(page).getByRole('button');
					await expect(buttons).toHaveCount(4);
					for (const button of await buttons.all()) {
						const what = `day ${day + 1}, card ${i + 1} (${type}), ${at}`;
						await expectOnScreen(button, `${what}: ${await button.innerText()}`);
					}
				}
				// Easy takes the card out of learning, so its siblings come on the next day.
				await ratings(page).getByRole('button', { name: /Easy/ }).tap();
				// The next card replaces this one.
				await expect.poll(() => shown!.evaluate((node) => node.isConnected)).toBe(false);
			}
		}
		expect([...types].sort()).toEqual(
			track === 'facts'
				? ['cloze', 'multiple-choice', 'numeric', 'open', 'true-false']
				: ['cloze', 'listening', 'production', 'recognition']
		);
	});
}

test('the header on a phone is compact and its links fit the width', async ({ page }) => {
	await page.goto('/');
	const header = page.locator('header.site-header');
	const box = (await header.boundingBox())!;
	expect(box.height).toBeLessThanOrEqual(90);
	for (const name of ['Articles', 'Join a quiz', 'Statistics', 'Settings']) {
		await expectOnScreen(header.getByRole('link', { name, exact: true }), name);
	}
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test.describe('the reader on a phone', () => {
	test.beforeEach(async ({ page }) => {
		await page.goto(`/read/${ARTICLE}`);
		await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
	});

	/** The words whose box is in the band of the viewport between `from` and `to` (fractions). */
	async function wordsIn(page: Page, from: number, to: number, selector = 'article .word') {
		const words = page.locator(selector);
		const boxes = await words.evaluateAll((nodes) =>
			nodes.map((node) => {
				const box = node.getBoundingClientRect();
				return { top: box.top, bottom: box.bottom };
			})
		);
		return boxes
			.map((box, i) => ({ ...box, i }))
			.filter((b) => b.top >= from * PHONE.height && b.bottom <= to * PHONE.height)
			.map((b) => words.nth(b.i));
	}

	async function tapAndCheck(page: Page, word: Locator, what: string, marks = false) {
		await word.tap();
		const sheet = page.getByRole('dialog');
		await expect(sheet).toBeVisible();
		await expect(async () => {
			const [w, s] = [(await word.boundingBox())!, (await sheet.boundingBox())!];
			expect(w.y, `${what}: word below the top`).toBeGreaterThanOrEqual(0);
			expect(w.y + w.height, `${what}: word above the sheet`).toBeLessThanOrEqual(s.y);
		}).toPass({ timeout: 3000 });
		await expectOnScreen(sheet.getByRole('button', { name: 'Close' }), `${what}: Close`);
		const know = sheet.getByRole('button', { name: 'I know this word' });
		if (marks) await expect(know).toBeVisible();
		if ((await know.count()) > 0) {
			await expectOnScreen(know, `${what}: I know this word`);
			await expectOnScreen(sheet.getByRole('button', { name: 'Study it next' }), what);
		}
		await sheet.getByRole('button', { name: 'Close' }).tap();
		await expect(sheet).toBeHidden();
	}

	test('a word tapped near the bottom of the screen stays visible above the sheet', async ({
		page
	}) => {
		await page.evaluate(() => window.scrollTo(0, 600));
		const low = await wordsIn(page, 0.8, 0.98);
		expect(low.length).toBeGreaterThan(2);
		for (const word of [low[0], low[low.length - 1]]) await tapAndCheck(page, word, 'low word');
		// Further down the article, and the very last word, with no text below it to scroll to.
		await page.evaluate(() => window.scrollBy(0, 2500));
		const further = await wordsIn(page, 0.85, 0.98);
		expect(further.length).toBeGreaterThan(0);
		await tapAndCheck(page, further[0], 'word further down');
		// A word studied as vocabulary has buttons to mark it: they are on screen too.
		await page.evaluate(() => window.scrollTo(0, 1200));
		const studied = await wordsIn(page, 0.8, 0.98, 'article .word:not(.name, .function)');
		expect(studied.length).toBeGreaterThan(0);
		await tapAndCheck(page, studied[0], 'studied word', true);
		const last = page.locator('article .word').last();
		await last.scrollIntoViewIfNeeded();
		await tapAndCheck(page, last, 'last word');
	});
});
