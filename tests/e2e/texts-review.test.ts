import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * The owner reviews the cards of a text they added: drops one, corrects another, and study uses
 * the reviewed cards; nobody else may open the review page.
 */
const TITLE = 'Riapre la biblioteca civica di Chiavari dopo due anni di lavori';
const BODY = [
	'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca. Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria e per metà dal Comune.',
	'La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi, tra cui una raccolta di 1.200 manoscritti del XVII secolo. Al piano terra è nata una sala per i ragazzi con 40 posti a sedere e un laboratorio di lettura per le scuole.',
	'«Volevamo un luogo aperto a tutti, non soltanto agli studiosi», ha dichiarato la sindaca Anna Repetto durante la presentazione. Secondo l’assessora alla cultura, Marta Podestà, gli orari saranno più lunghi di prima: la biblioteca resterà aperta dal lunedì al sabato, dalle 9 alle 20.',
	'Non tutti però sono soddisfatti. L’associazione Amici del Centro Storico sostiene che il progetto abbia ridotto lo spazio della sala di consultazione, che passa da 60 a 35 posti.'
];

/** Adds a text through the form; returns its id. `extra` makes it a text of its own. */
async function addText(page: Page, extra: string): Promise<string> {
	await page.goto('/texts/new');
	await page
		.getByLabel('Text', { exact: true })
		.fill([TITLE, 'Di Giulia Ferraris', ...BODY, extra].join('\n\n'));
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page).toHaveURL(/\/read\/t-[a-z2-7]{26}$/u);
	return new URL(page.url()).pathname.split('/').pop()!.slice(2);
}

const cards = (page: Page) => page.locator('.review-card');
const prompt = (page: Page) => page.locator('.card .prompt');

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('drop one card and correct another: study shows the corrected one and not the dropped one', async ({
		page,
		browser
	}) => {
		const id = await addText(page, 'La biblioteca chiude la domenica.');
		await page.goto(`/texts/${id}`);
		await page.getByRole('link', { name: 'Review cards' }).click();
		await expect(page).toHaveURL(`/texts/${id}/review`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Review the cards of');
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);

		// The first card of the second sentence goes.
		const second = page
			.locator('section')
			.filter({ hasText: 'Sentence 2' })
			.locator('.review-card')
			.first();
		const dropped = (await second.locator('.prompt').textContent())!;
		await second.getByRole('button', { name: 'Drop' }).click();
		await expect(second).toHaveAttribute('data-status', 'dropped');
		await expect(second.getByText('Dropped')).toBeVisible();

		// The first card's answer: a wrong one is refused and what was typed stays.
		const first = cards(page).first();
		const original = (await first.locator('.prompt').textContent())!;
		expect(original).toContain('_____');
		await first.getByText('Edit', { exact: true }).click();
		await first.getByLabel('Answer', { exact: true }).fill('Palazzo Ducale');
		await first.getByRole('button', { name: 'Save' }).click();
		await expect(first.getByText('The answer must be words of its sentence.')).toBeVisible();
		await expect(first.getByLabel('Answer', { exact: true })).toHaveValue('Palazzo Ducale');
		await expect(first).toHaveAttribute('data-status', 'generated');

		// Then a right one, with its question and wrong choices to match.
		const edited = 'Dove riapre la biblioteca civica di Chiavari? Nella sede di Palazzo _____.';
		await first.getByLabel('Question').fill(edited);
		await first.getByLabel('Answer', { exact: true }).fill('Rocca');
		await first.getByLabel('Wrong choices (one per line)').fill('Ducale\nSpinola\nGrimaldi');
		await first.getByRole('button', { name: 'Save' }).click();
		await expect(first).toHaveAttribute('data-status', 'edited');
		await expect(first.locator('.prompt')).toHaveText(edited);
		await expect(first.locator('.answer b')).toHaveText('Rocca');

		// Kept on the server: a reload shows both.
		await page.reload();
		await expect(cards(page).first()).toHaveAttribute('data-status', 'edited');
		await expect(page.locator('.review-card[data-status="dropped"] .prompt')).toHaveText(dropped);

		// Study: the corrected card first (the text's order), then every other card but the dropped one.
		await page.goto(`/study/t-${id}/facts`);
		await expect(prompt(page)).toHaveText(edited);
		for (const choice of ['Rocca', 'Ducale', 'Spinola', 'Grimaldi']) {
			await expect(page.getByRole('button', { name: choice, exact: true })).toBeVisible();
		}
		const seen: string[] = [];
		for (let i = 0; i < 40; i++) {
			if (await page.getByRole('heading', { name: 'Done for today' }).isVisible()) break;
			const text = (await prompt(page).textContent())!;
			seen.push(text);
			await page.keyboard.press('Enter');
			await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
			await page.keyboard.press('4');
			await expect(
				prompt(page).or(page.getByRole('heading', { name: 'Done for today' }))
			).not.toHaveText(text);
		}
		expect(seen.length).toBeGreaterThan(5);
		expect(seen).toContain(edited);
		expect(seen).not.toContain(dropped);
		expect(seen).not.toContain(original);

		// Someone else with the share link: the text, but no review link and no review page.
		const other = await browser.newPage();
		await other.goto(`/texts/${id}`);
		await expect(other.getByRole('heading', { level: 1 })).toHaveText(TITLE);
		await expect(other.getByRole('link', { name: 'Review cards' })).toHaveCount(0);
		const response = await other.goto(`/texts/${id}/review`);
		expect(response?.status()).toBe(403);
		await expect(
			other.getByText('Only the browser that added this text can review its cards.')
		).toBeVisible();
		const post = await other.request.post(`/texts/${id}/review?/drop`, {
			form: { card: 'x' },
			headers: { origin: new URL(other.url()).origin }
		});
		expect(post.status()).toBe(403);
		await other.close();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a card is dropped and restored, a word given a gloss, with plain forms', async ({
		page
	}) => {
		const id = await addText(page, 'La biblioteca apre anche il sabato.');
		await page.goto(`/texts/${id}/review`);
		const first = cards(page).first();
		await first.getByRole('button', { name: 'Drop' }).click();
		await expect(cards(page).first()).toHaveAttribute('data-status', 'dropped');
		await cards(page).first().getByRole('button', { name: 'Restore' }).click();
		await expect(cards(page).first()).toHaveAttribute('data-status', 'generated');

		const words = page.locator('details.words').first();
		await words.locator('summary').first().click();
		const gloss = words.getByRole('textbox').first();
		await gloss.fill('a gloss of my own');
		await words.getByRole('button', { name: 'Save meaning' }).first().click();
		await expect(page.locator('details.words').first().getByRole('textbox').first()).toHaveValue(
			'a gloss of my own'
		);
	});
});

test.describe('adding a card and dropping a word, on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

	test('a card made by tapping two words is listed, refused when wrong, and studied; a dropped word leaves vocabulary study', async ({
		page
	}) => {
		// A whole journey (add, review, refuse, add, study, drop a word, study again): many pages.
		test.setTimeout(90_000);
		const id = await addText(page, 'La biblioteca ospita anche una mostra.');
		await page.goto(`/texts/${id}/review`);
		const sentence = page.locator('section').filter({ hasText: 'Sentence 1' });
		const form = sentence.locator('details.add-fact');
		await form.locator('summary').tap();

		// Tap the first and the last word of the answer: the span fills in.
		await form.getByRole('button', { name: 'Palazzo', exact: true }).tap();
		await form.getByRole('button', { name: 'Rocca', exact: true }).tap();
		const span = form.getByLabel('Answer (words of the sentence)');
		await expect(span).toHaveValue('Palazzo Rocca');
		await form.getByLabel('a question').check();
		const question = 'In quale palazzo ha sede la biblioteca di Chiavari?';
		await form.getByLabel('Question (in Italian, ending with ?)').fill(question);
		const wrong = form.getByLabel(/^Wrong choices, one per line/u);

		// A wrong choice that is the answer is refused, and nothing typed is lost.
		await wrong.fill('Palazzo Ducale\npalazzo rocca');
		await form.getByRole('button', { name: 'Add card' }).tap();
		await expect(
			form.getByText('“palazzo rocca” is a right answer, not a wrong choice.')
		).toBeVisible();
		await expect(wrong).toHaveValue('Palazzo Ducale\npalazzo rocca');
		await expect(form.getByLabel('Question (in Italian, ending with ?)')).toHaveValue(question);

		// So is an answer that is not words of the sentence.
		await span.fill('Palazzo Ducale');
		await wrong.fill('Palazzo Spinola');
		await form.getByRole('button', { name: 'Add card' }).tap();
		await expect(
			form.getByText('The answer must be words of this sentence, as written in it.')
		).toBeVisible();
		await expect(span).toHaveValue('Palazzo Ducale');
		await expect(sentence.locator('.review-card[data-status="added"]')).toHaveCount(0);

		await span.fill('Palazzo Rocca');
		await wrong.fill('Palazzo Ducale\nPalazzo Spinola\nVilla Grimaldi');
		await form.getByRole('button', { name: 'Add card' }).tap();
		const mine = sentence.locator('.review-card[data-status="added"]');
		await expect(mine).toHaveCount(1);
		await expect(mine.locator('.prompt')).toHaveText(question);
		await expect(mine.getByText('Added by you')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);

		// A word of the sentence dropped: its cards leave vocabulary study.
		const words = sentence.locator('details.words');
		await words.locator('summary').first().tap();
		const word = words.locator('.review-word').first();
		const entry = (await word.getAttribute('data-entry'))!;
		const vocabCards = async () =>
			(await (await page.request.get(`/study/t-${id}/vocab/__data.json`)).text()).includes(
				`:vocab:${entry}:`
			);
		expect(await vocabCards()).toBe(true);
		await word.getByRole('button', { name: 'Drop word' }).tap();
		await expect(words.locator(`[data-entry="${entry}"]`)).toHaveClass(/dropped/u);
		expect(await vocabCards()).toBe(false);

		// Kept on the server: after a reload, the card and the dropped word are still there.
		await page.reload();
		await expect(page.locator('.review-card[data-status="added"] .prompt')).toHaveText(question);

		// Study meets the added card among the text's fact cards, with its choices.
		await page.goto(`/study/t-${id}/facts`);
		let found = false;
		for (let i = 0; i < 40 && !found; i++) {
			if (await page.getByRole('heading', { name: 'Done for today' }).isVisible()) break;
			const text = (await prompt(page).textContent())!;
			if (text === question) {
				found = true;
				for (const choice of ['Palazzo Rocca', 'Palazzo Ducale', 'Villa Grimaldi']) {
					await expect(page.getByRole('button', { name: choice, exact: true })).toBeVisible();
				}
				break;
			}
			await page.keyboard.press('Enter');
			await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
			await page.keyboard.press('4');
			await expect(
				prompt(page).or(page.getByRole('heading', { name: 'Done for today' }))
			).not.toHaveText(text);
		}
		expect(found).toBe(true);

		// Removed, it is gone from the list.
		await page.goto(`/texts/${id}/review`);
		await page
			.locator('.review-card[data-status="added"]')
			.getByRole('button', { name: 'Remove' })
			.tap();
		await expect(page.locator('.review-card[data-status="added"]')).toHaveCount(0);
	});
});
