import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * Adding one's own Italian text, in real Chromium: paste or upload, the reader, study, the quiz
 * and a class quiz on it, refusals that keep what was typed, the share link and deleting.
 */
const TITLE = 'Riapre la biblioteca civica di Chiavari dopo due anni di lavori';
const LAST = 'La biblioteca prevede di registrare almeno 10.000 visitatori entro dicembre.';
const BODY = [
	'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca. Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria e per metà dal Comune.',
	'La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi, tra cui una raccolta di 1.200 manoscritti del XVII secolo. Al piano terra è nata una sala per i ragazzi con 40 posti a sedere e un laboratorio di lettura per le scuole.',
	'«Volevamo un luogo aperto a tutti, non soltanto agli studiosi», ha dichiarato la sindaca Anna Repetto durante la presentazione. Secondo l’assessora alla cultura, Marta Podestà, gli orari saranno più lunghi di prima: la biblioteca resterà aperta dal lunedì al sabato, dalle 9 alle 20.',
	'I lavori hanno riguardato soprattutto il tetto e gli impianti. Gli ingegneri hanno rinforzato le travi in legno e installato un sistema di climatizzazione che protegge i libri antichi dall’umidità. Durante il cantiere, i volumi sono stati conservati in un magazzino a Genova.',
	'Non tutti però sono soddisfatti. L’associazione Amici del Centro Storico sostiene che il progetto abbia ridotto lo spazio della sala di consultazione, che passa da 60 a 35 posti. Il Comune risponde che altri 30 posti saranno disponibili entro la fine dell’anno nell’ex convento di San Francesco.',
	`Nel primo mese l’ingresso sarà libero anche per chi non ha la tessera. ${LAST}`
];
const ARTICLE = [TITLE, 'Di Giulia Ferraris', ...BODY].join('\n\n');

/** Adds a text through the form as a person would; returns its slug (`t-…`). */
async function addText(page: Page, text = ARTICLE): Promise<string> {
	await page.goto('/texts/new');
	await page.getByLabel('Text', { exact: true }).fill(text);
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page).toHaveURL(/\/read\/t-[a-z2-7]{26}$/u);
	return new URL(page.url()).pathname.split('/').pop()!;
}

const idOf = (slug: string) => slug.slice(2);

for (const [device, viewport] of [
	['a phone', { width: 390, height: 844 }],
	['a desktop', { width: 1280, height: 800 }]
] as const) {
	test.describe(`on ${device}`, () => {
		test.use({ viewport });

		test('paste a text: its reader shows its sentences and its fact cards can be studied', async ({
			page
		}) => {
			await page.goto('/');
			await page.getByRole('link', { name: 'Add a text' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Add a text' })).toBeVisible();
			await expect(page.getByText('At most 20,000 words.')).toBeVisible();
			await page.getByLabel('Text', { exact: true }).fill(ARTICLE);
			await expect(page.getByText(/^About 2\d\d of 20,000 words$/u)).toBeVisible();
			await page.getByRole('button', { name: 'Add' }).click();

			await expect(page).toHaveURL(/\/read\/t-[a-z2-7]{26}$/u);
			const slug = new URL(page.url()).pathname.split('/').pop()!;
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
			await expect(page.getByText(LAST)).toBeVisible();
			await expect(page.locator('footer').getByText('Di Giulia Ferraris')).toBeVisible();
			// Nothing of the page is wider than the phone.
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(viewport.width);

			await page.goto(`/study/${slug}/facts`);
			const prompt = page.locator('.card .prompt');
			await expect(prompt).toBeVisible();
			// A question on the text itself (its words), not on the headline or the byline.
			expect((await prompt.textContent())?.trim().length).toBeGreaterThan(10);
			expect(Number(await page.locator('[data-count="new"]').textContent())).toBeGreaterThan(0);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
			await expect(page.getByRole('link', { name: 'Show in the article' })).toHaveAttribute(
				'href',
				new RegExp(`/read/${slug}#`, 'u')
			);
		});
	});
}

test('upload a Markdown file: its heading is the title and its marks are gone', async ({
	page
}) => {
	const markdown = [
		`# ${TITLE}`,
		'',
		'*di Giulia Ferraris*',
		'',
		...BODY.map((p) => p.replace('biblioteca civica', '**biblioteca civica**')),
		'',
		'[Leggi sul sito](https://example.org/biblioteca)'
	].join('\n\n');
	await page.goto('/texts/new');
	await page.getByLabel('Or upload a file (.txt, .md)').setInputFiles({
		name: 'biblioteca.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from(markdown, 'utf8')
	});
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page).toHaveURL(/\/read\/t-[a-z2-7]{26}$/u);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.locator('footer').getByText('Di Giulia Ferraris')).toBeVisible();
	const text = await page.locator('article').innerText();
	expect(text).toContain('la biblioteca civica di Chiavari riapre');
	expect(text).not.toMatch(/\*|\]\(|#/u);
});

test('what is typed before the page has loaded its script is kept once it has', async ({
	page
}) => {
	// A slow phone: the page is there, its script comes a second later.
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.goto('/texts/new', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Title (optional)').fill('La biblioteca');
	await page.getByLabel('Author (optional)').fill('Giulia Ferraris');
	await page.getByLabel('Text', { exact: true }).fill('La biblioteca riapre sabato.');
	// SvelteKit hands the page to its router once hydration is over.
	await page.waitForFunction(() => history.scrollRestoration === 'manual');
	await expect(page.getByLabel('Title (optional)')).toHaveValue('La biblioteca');
	await expect(page.getByLabel('Author (optional)')).toHaveValue('Giulia Ferraris');
	await expect(page.getByLabel('Text', { exact: true })).toHaveValue(
		'La biblioteca riapre sabato.'
	);
});

test.describe('refusals keep everything typed', () => {
	const ENGLISH =
		'The municipal library of Chiavari reopens on Saturday after two years of work. The restoration cost 2.4 million euros, paid for by the region and the town, and the new library holds about 85,000 books.';

	test('a text that is not Italian, with and without JavaScript', async ({ browser }) => {
		for (const javaScriptEnabled of [true, false]) {
			const context = await browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			await page.goto('/texts/new');
			await page.getByLabel('Text', { exact: true }).fill(ENGLISH);
			await page.getByLabel('Title (optional)').fill('The library');
			await page.getByLabel('Source address (optional)').fill('https://example.org/library');
			await page.getByRole('button', { name: 'Add' }).click();
			await expect(page.getByRole('alert')).toHaveText(
				'This does not look like Italian. Ripasso makes cards from Italian texts only.'
			);
			await expect(page).toHaveURL(/\/texts\/new$/u);
			await expect(page.getByLabel('Text', { exact: true })).toHaveValue(ENGLISH);
			await expect(page.getByLabel('Title (optional)')).toHaveValue('The library');
			await expect(page.getByLabel('Source address (optional)')).toHaveValue(
				'https://example.org/library'
			);
			await context.close();
		}
	});

	test('a text over 20,000 words says how long it is and what the limit is', async ({ page }) => {
		const sentence = 'La biblioteca civica di Chiavari riapre dopo due anni di lavori. ';
		const long = sentence.repeat(1820); // 11 words each: 20,020 words
		await page.goto('/texts/new');
		await page.getByLabel('Text', { exact: true }).fill(long);
		await expect(page.getByText('About 20,020 of 20,000 words')).toBeVisible();
		await page.getByRole('button', { name: 'Add' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'The text has 20,020 words; the limit is 20,000. Shorten it or add it in parts.'
		);
		expect(await page.getByLabel('Text', { exact: true }).inputValue()).toBe(long);
	});

	test('the same text twice is recognised, with a link to the first', async ({ page }) => {
		const slug = await addText(page);
		await page.goto('/texts/new');
		// The same prose laid out otherwise (one line per paragraph) is the same text.
		await page.getByLabel('Text', { exact: true }).fill(ARTICLE.replace(/\n\n/gu, '\n'));
		await page.getByRole('button', { name: 'Add' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('You already added this text:');
		await alert.getByRole('link', { name: TITLE }).click();
		await expect(page).toHaveURL(new RegExp(`/read/${slug}$`, 'u'));
	});
});

test('the owner deletes a text after confirming, and it is gone', async ({ page }) => {
	const slug = await addText(page);
	await page.goto('/');
	const own = page.getByRole('region', { name: 'Your texts' });
	const card = own.getByRole('article', { name: TITLE });
	await expect(card).toContainText('by Giulia Ferraris');
	await card.getByRole('link', { name: 'Share or delete' }).click();
	await expect(page).toHaveURL(`/texts/${idOf(slug)}`);

	await page.getByRole('link', { name: 'Delete…' }).click();
	await expect(page.getByRole('heading', { name: `Delete “${TITLE}”?` })).toBeVisible();
	await page.getByRole('link', { name: 'Keep it' }).click();
	await expect(page).toHaveURL(`/texts/${idOf(slug)}`);

	await page.getByRole('link', { name: 'Delete…' }).click();
	await page.getByRole('button', { name: 'Delete the text' }).click();
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('status')).toHaveText(`The text “${TITLE}” was deleted.`);
	// Said once.
	await page.reload();
	await expect(page.getByRole('status')).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Your texts' })).toHaveCount(0);
	for (const path of [`/read/${slug}`, `/texts/${idOf(slug)}`]) {
		expect((await page.goto(path))?.status(), path).toBe(404);
	}
	// Study renders in the browser: its data is refused there.
	await page.goto(`/study/${slug}/facts`);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

/** A second browser (its own cookies) with the share link. */
async function student(browser: Browser, share: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(new URL(share).pathname);
	return { context, page };
}

test('anyone with the share link can read and study the text, but not delete it', async ({
	browser,
	page
}) => {
	const slug = await addText(page);
	await page.goto(`/texts/${idOf(slug)}`);
	const share = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
	expect(share).toMatch(new RegExp(`^http://[^/]+/texts/${idOf(slug)}$`, 'u'));
	await expect(page.getByRole('img', { name: /QR code of the share link/u })).toBeVisible();

	const other = await student(browser, share);
	await expect(other.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	await expect(other.page.getByRole('link', { name: 'Delete…' })).toHaveCount(0);
	await other.page.getByRole('link', { name: 'Read the article' }).click();
	await expect(other.page.getByText(LAST)).toBeVisible();

	// The text is on this browser's home page too, as shared with it.
	await other.page.goto('/');
	const shared = other.page.getByRole('region', { name: 'Shared with you' });
	await expect(shared.getByRole('article', { name: TITLE })).toBeVisible();
	await expect(other.page.getByRole('region', { name: 'Your texts' })).toHaveCount(0);

	// Neither the confirmation page nor the action itself lets it delete.
	expect((await other.page.goto(`/texts/${idOf(slug)}/delete`))?.status()).toBe(403);
	const origin = new URL(other.page.url()).origin;
	const refused = await other.context.request.post(`/texts/${idOf(slug)}/delete`, {
		form: {},
		headers: { origin },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);
	expect((await page.goto(`/read/${slug}`))?.status()).toBe(200);
	await other.context.close();
});

test('the practice quiz and a class quiz run on an added text', async ({ page }) => {
	const slug = await addText(page);
	await page.goto(`/quiz/${slug}?track=facts`);
	await expect(page.getByText(/^Question 1 of \d+$/u)).toBeVisible();

	await page.goto(`/texts/${idOf(slug)}`);
	await page.getByRole('link', { name: 'Host a class quiz' }).click();
	await expect(page.getByRole('combobox', { name: 'Article' })).toHaveValue(slug);
	// The vocabulary of the text: its fact cards are automatic ones, which classes do not play yet.
	await page.getByLabel('Vocabulary (what a word means)').check();
	await page.getByLabel('Facts of the article').uncheck();
	await page.getByLabel('Number of questions').fill('3');
	await page.getByRole('button', { name: 'Create the quiz' }).click();
	await expect(page).toHaveURL(/\/class\/[1-9]\d{5}\/host$/u);
	await expect(page.getByText(TITLE)).toBeVisible();
});
