import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * axe-core on every main page, in the light and the dark theme (the app follows the system's
 * preference), failing on serious or critical findings: contrast, names, landmarks. The rule ids
 * and the elements they found are in the failure message, so a failure says what to fix.
 */
const ARTICLE = 'mosca-pyongyang';

async function audit(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const report = serious.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(report, `axe on ${page.url()}`).toEqual([]);
}

/** A live game with one player, on the teacher's host page and the student's phone. */
async function game(page: Page) {
	const created = await page.request.post('/api/class', {
		data: { article: ARTICLE, questions: 2, secondsPerQuestion: 60 }
	});
	const { code } = (await created.json()) as { code: string };
	return code;
}

const revealed = async (page: Page) => {
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
};

const PAGES: { name: string; path: string; then?: (page: Page) => Promise<void> }[] = [
	{ name: 'home', path: '/' },
	{
		name: 'reader',
		path: `/read/${ARTICLE}`,
		then: async (page) => {
			await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
		}
	},
	{
		name: 'reader with the word panel open',
		path: `/read/${ARTICLE}`,
		then: async (page) => {
			await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
			await page.locator('article .word').nth(12).click();
			await expect(page.getByRole('dialog')).toBeVisible();
		}
	},
	{ name: 'study facts, a question', path: `/study/${ARTICLE}/facts` },
	{ name: 'study facts, an answer', path: `/study/${ARTICLE}/facts`, then: revealed },
	{ name: 'study vocabulary, a question', path: `/study/${ARTICLE}/vocab` },
	{ name: 'study vocabulary, an answer', path: `/study/${ARTICLE}/vocab`, then: revealed },
	{ name: 'stats', path: '/stats' },
	{ name: 'settings', path: '/settings' },
	{
		name: 'card browser, a card open',
		path: '/browse',
		then: async (page) => {
			await page.locator('.row[data-card]').first().click();
			await expect(page.locator('#browse-detail-title')).toBeVisible();
		}
	},
	{ name: 'quiz', path: `/quiz/${ARTICLE}` },
	{ name: 'new text', path: '/texts/new' },
	{ name: 'new class quiz', path: '/class/new' },
	{ name: 'join', path: '/join' }
];

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.beforeEach(async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
		});

		for (const { name, path, then } of PAGES) {
			test(`${name} has no serious accessibility findings`, async ({ page }) => {
				// The reader's 847 words make axe's contrast check take many seconds on a busy machine.
				test.setTimeout(90_000);
				await page.goto(path);
				await page.waitForLoadState('networkidle');
				await then?.(page);
				await audit(page);
			});
		}

		test('a live game, host and phone, has no serious accessibility findings', async ({
			page,
			browser
		}) => {
			const code = await game(page);
			await page.goto(`/class/${code}/host`);
			await expect(page.getByText('Players: 0')).toBeVisible();
			await audit(page);

			const context = await browser.newContext({
				viewport: { width: 390, height: 844 },
				isMobile: true,
				hasTouch: true,
				colorScheme: scheme
			});
			const phone = await context.newPage();
			await phone.goto(`/join?code=${code}`);
			await phone.getByLabel('Nickname').fill('Anna');
			await phone.getByRole('button', { name: 'Join' }).click();
			await expect(phone).toHaveURL(`/class/${code}/play`);
			await audit(phone);

			await page.getByRole('button', { name: /^Start/ }).click();
			await expect(phone.getByRole('group').or(phone.locator('.options')).first()).toBeVisible();
			await audit(page);
			await audit(phone);
			await context.close();
		});
	});
}

test.describe('the reader by keyboard', () => {
	test.beforeEach(async ({ page }) => {
		await page.goto(`/read/${ARTICLE}`);
		await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
	});

	/** Where the focus is: in the article, after it, or before it. */
	const focusAt = (page: Page) =>
		page.evaluate(() => {
			const article = document.querySelector('article')!;
			const focused = document.activeElement;
			if (!focused || focused === document.body) return 'before';
			if (article.contains(focused)) return 'article';
			const after = article.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING;
			return after ? 'after' : 'before';
		});

	test('the whole article is a few tab stops, not one per word', async ({ page }) => {
		let stops = 0;
		let inArticle = 0;
		// The page ends with the article: past its last stop the focus leaves the document.
		for (; stops < 1000; stops++) {
			await page.keyboard.press('Tab');
			const at = await focusAt(page);
			if (at === 'article') inArticle++;
			else if (inArticle > 0) break;
		}
		// One per paragraph: the headline, the body's paragraphs and the end matter.
		const groups = await page.locator('article [data-words]').count();
		expect(inArticle).toBe(groups);
		expect(stops).toBeLessThan(40);
	});

	test('arrow keys move from word to word, Enter opens it, Escape gives the focus back', async ({
		page
	}) => {
		const paragraph = page.locator('article p[data-words]').first();
		const words = paragraph.locator('.word');
		const first = words.first();
		await first.focus();
		await expect(first).toHaveAttribute('tabindex', '0');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		const third = words.nth(2);
		await expect(third).toBeFocused();
		// The word focused last is now the paragraph's tab stop, and the only one.
		await expect(third).toHaveAttribute('tabindex', '0');
		await expect(paragraph.locator('.word[tabindex="0"]')).toHaveCount(1);
		await page.keyboard.press('ArrowLeft');
		await expect(words.nth(1)).toBeFocused();
		await page.keyboard.press('End');
		await expect(words.last()).toBeFocused();
		await page.keyboard.press('Home');
		await expect(first).toBeFocused();

		await page.keyboard.press('ArrowRight');
		const name = (await words.nth(1).textContent()) ?? '';
		await page.keyboard.press('Enter');
		await expect(page.getByRole('dialog')).toBeVisible();
		await expect(words.nth(1)).toHaveAttribute('aria-expanded', 'true');
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog')).toBeHidden();
		await expect(words.nth(1)).toBeFocused();
		await page.keyboard.press(' ');
		await expect(page.getByRole('dialog')).toBeVisible();
		// A screen reader hears the word, that it opens a dialog, and how to move.
		await page.keyboard.press('Escape');
		await expect(words.nth(1)).toHaveAccessibleName(name.trim());
		await expect(words.nth(1)).toHaveAttribute('aria-haspopup', 'dialog');
		await expect(words.nth(1)).toHaveAccessibleDescription(/arrow keys/);
	});
});
