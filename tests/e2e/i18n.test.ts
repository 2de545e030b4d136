import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** The UI's own Italian strings (simple messages only), so headings are not copied by hand. */
const it = JSON.parse(readFileSync('messages/it.json', 'utf8')) as Record<string, unknown>;
const t = (key: string) => {
	const value = it[key];
	if (typeof value !== 'string') throw new Error(`${key} is not a simple message`);
	return value;
};

const ARTICLE = 'mosca-pyongyang';

/**
 * English words that have no business in the Italian UI. Whole words only; none of them is an
 * Italian word either ("due" is Italian for "two", so it is left out: the article's numbers
 * would trip it). Not Found is SvelteKit's own English for an unknown address.
 */
const ENGLISH = [
	'the',
	'not found',
	'card',
	'cards',
	'study',
	'settings',
	'review',
	'reviews',
	'day',
	'days',
	'words',
	'loading',
	'back',
	'questions',
	'answer',
	'undo',
	'new',
	'page',
	'error',
	'you',
	'your',
	'with',
	'and',
	'of'
];
const ENGLISH_RE = new RegExp(`\\b(${ENGLISH.join('|').replace(/ /g, '\\s+')})\\b`, 'i');
/** A code's name shown as if it were words: `multiple-choice`, `limits.facts.newPerDay`. */
const IDENTIFIER_RE = /^[a-z]+(?:[-_.][a-zA-Z]+)+$/;
const leaks = (texts: string[]) =>
	texts.filter((text) => ENGLISH_RE.test(text) || IDENTIFIER_RE.test(text));

/**
 * What the UI says on this page: visible text, accessible names and hints (aria-label, title,
 * alt, placeholder) and the document title. Left out: anything inside an element that declares
 * its own language (`lang` on the article, a card's Italian prompt, an English translation) –
 * that is content, not the UI – and the nicknames students typed.
 */
async function uiText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const content = (node: Element | null) => !!node?.closest('[lang]:not(html), .name');
		const out: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			const text = node.textContent?.trim();
			if (!text || !parent || content(parent)) continue;
			if (!parent.checkVisibility({ visibilityProperty: true })) continue;
			out.push(text);
		}
		for (const el of document.body.querySelectorAll(
			'[aria-label], [title], [alt], [placeholder]'
		)) {
			if (content(el)) continue;
			for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
				const value = el.getAttribute(name);
				if (value) out.push(value);
			}
		}
		return out;
	});
}

async function expectNoEnglish(page: Page) {
	const english = leaks(await uiText(page));
	expect(english, `English in the Italian UI of ${page.url()}`).toEqual([]);
}

test.describe('the Italian UI', () => {
	test.use({ locale: 'it-IT' });

	// Each page: where, and what shows that it rendered (in Italian) before the scan.
	const pages: [string, (page: Page) => Promise<void>][] = [
		['/', (p) => expect(p.getByRole('heading', { level: 1, name: t('home_title') })).toBeVisible()],
		[
			`/read/${ARTICLE}`,
			(p) => expect(p.getByRole('link', { name: `← ${t('reader_back')}` })).toBeVisible()
		],
		[
			`/study/${ARTICLE}/facts`,
			async (p) => {
				await expect(p.getByRole('heading', { level: 1, name: 'Studio: Fatti' })).toBeVisible();
				await expect(p.locator('[data-count="new"]')).toBeVisible();
			}
		],
		[
			`/study/${ARTICLE}/vocab`,
			async (p) => {
				await expect(p.getByRole('heading', { level: 1, name: 'Studio: Lessico' })).toBeVisible();
				await expect(p.locator('[data-count="new"]')).toBeVisible();
			}
		],
		[
			'/stats',
			(p) => expect(p.getByRole('heading', { level: 1, name: t('stats_title') })).toBeVisible()
		],
		[
			'/settings',
			async (p) => {
				await expect(p.getByRole('heading', { level: 1, name: t('settings_title') })).toBeVisible();
				await expect(p.getByLabel(t('settings_retention'))).toBeVisible();
			}
		],
		[
			`/quiz/${ARTICLE}`,
			(p) =>
				expect(p.getByRole('heading', { level: 1, name: t('quiz_setup_heading') })).toBeVisible()
		],
		[
			'/texts/new',
			(p) => expect(p.getByRole('heading', { level: 1, name: t('texts_new_title') })).toBeVisible()
		],
		[
			'/class/new',
			(p) => expect(p.getByRole('heading', { level: 1, name: t('class_new_title') })).toBeVisible()
		],
		[
			'/join',
			(p) => expect(p.getByRole('heading', { level: 1, name: t('class_join_title') })).toBeVisible()
		],
		[
			'/no-such-page',
			(p) => expect(p.getByRole('heading', { level: 1, name: t('error_not_found') })).toBeVisible()
		],
		[
			`/study/nessuno/facts`,
			(p) => expect(p.getByRole('heading', { level: 1, name: t('error_not_found') })).toBeVisible()
		]
	];

	for (const [path, rendered] of pages) {
		test(`${path} has no English`, async ({ page }) => {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'it');
			await rendered(page);
			await expectNoEnglish(page);
		});
	}

	test('statistics after a review, with their charts and dates, have no English', async ({
		page
	}) => {
		await page.goto(`/study/${ARTICLE}/facts`);
		await expect(page.locator('[data-count="new"]')).toHaveText(/\d+/);
		const before = Number(await page.locator('[data-count="new"]').textContent());
		// Space shows the answer, 3 rates it Good: one review in this browser's progress.
		await page.locator('body').press('Space');
		await page.locator('body').press('3');
		await expect(page.locator('[data-count="new"]')).toHaveText(String(before - 1));
		await page.goto('/stats');
		await expect(page.getByRole('heading', { level: 2, name: 'Fatti' })).toBeVisible();
		await expectNoEnglish(page);
	});

	test('a class quiz, on the teacher’s screen and a student’s phone, has no English', async ({
		page: host,
		browser
	}) => {
		await host.goto('/class/new');
		await host.getByRole('button', { name: t('class_new_submit') }).click();
		await expect(host).toHaveURL(/\/class\/\d{6}\/host$/);
		await expect(host.getByText(t('class_host_waiting'))).toBeVisible();
		await expectNoEnglish(host);

		const code = host.url().match(/class\/(\d{6})/)![1];
		const context = await browser.newContext({ locale: 'it-IT' });
		const phone = await context.newPage();
		await phone.goto(`/join?code=${code}`);
		await phone.getByLabel(t('class_join_nickname')).fill('Anna');
		await phone.getByRole('button', { name: t('class_join_submit') }).click();
		await expect(phone.getByRole('heading', { name: 'Ci sei, Anna!' })).toBeVisible();
		await expectNoEnglish(phone);
		await context.close();
	});

	test('the word list catches English (the scan is not vacuous)', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: t('home_title') })).toBeVisible();
		await page.evaluate(() => {
			const p = document.createElement('p');
			p.textContent = '3 cards due';
			// Outside the app's root, so hydrating the page cannot take it away again.
			document.body.append(p);
		});
		expect(leaks(await uiText(page))).toEqual(['3 cards due']);
	});
});

test.describe('settings that cannot be saved', () => {
	for (const [locale, newCards, save, problem] of [
		[
			'it',
			'Nuove schede al giorno',
			'Salva le impostazioni',
			'Non salvate: Nuove schede al giorno (fatti): serve un numero intero da 0 a 9999.'
		],
		[
			'en',
			'New cards per day',
			'Save settings',
			'Not saved: New cards per day (facts) must be a whole number from 0 to 9,999.'
		]
	] as const) {
		test(`are explained in ${locale} with the field's label`, async ({ browser }) => {
			const context = await browser.newContext({ locale: locale === 'it' ? 'it-IT' : 'en-US' });
			const page = await context.newPage();
			await page.goto('/settings');
			const facts = page.getByRole('group', { name: locale === 'it' ? 'Fatti' : 'Facts' });
			await facts.getByLabel(newCards).fill('');
			await page.getByRole('button', { name: save, exact: true }).click();
			await expect(page.getByRole('status')).toHaveText(problem);
			await context.close();
		});
	}
});

/** Addresses that name nothing: a real 404 status, with a page in the visitor's language. */
const MISSING = [
	`/study/nessuno/facts`,
	`/study/${ARTICLE}/grammatica`,
	'/read/nessuno',
	'/quiz/nessuno',
	'/texts/nessuno',
	'/no-such-page'
];

for (const [locale, heading] of [
	['en', 'Page not found'],
	['it', t('error_not_found')]
] as const) {
	test.describe(`unknown addresses in ${locale}`, () => {
		test.use({ locale: locale === 'it' ? 'it-IT' : 'en-US' });

		for (const path of MISSING) {
			test(`${path} answers 404`, async ({ page, request }) => {
				const raw = await request.get(path, { headers: { cookie: `PARAGLIDE_LOCALE=${locale}` } });
				expect(raw.status()).toBe(404);

				const response = await page.goto(path);
				expect(response?.status()).toBe(404);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
				if (locale === 'it') await expect(page.getByText('Not Found')).toHaveCount(0);
			});
		}
	});
}
