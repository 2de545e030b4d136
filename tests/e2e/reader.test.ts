import { expect, test } from '../helpers/csp';

const READER = '/read/mosca-pyongyang';

test('the reader shows every sentence of the article, each addressable', async ({ page }) => {
	await page.goto(READER);
	const sentences = page.locator('article .sentence');
	await expect(sentences).toHaveCount(54);
	const ids = await sentences.evaluateAll((nodes) => nodes.map((n) => n.id));
	expect(new Set(ids).size).toBe(54);
	await expect(page.getByText('Quella clausola è già stata testata.')).toBeVisible();
	await expect(page.locator('footer').getByText('Di Luke Coffey')).toBeVisible();
	await expect(page.locator('article')).toHaveAttribute('lang', 'it');
});

test('a sentence link scrolls to its sentence and highlights it', async ({ page }) => {
	await page.goto(READER);
	const target = page.locator('.sentence', { hasText: 'L’esito del viaggio di Lavrov' });
	const id = await target.getAttribute('id');
	expect(id).toBeTruthy();
	await expect(target).not.toBeInViewport();

	// Arriving from elsewhere, as a card's "show in article" link will.
	await page.goto('/');
	await page.goto(`${READER}#${id}`);
	const highlighted = page.locator(`[id="${id}"]`);
	await expect(highlighted).toBeInViewport();
	await expect(highlighted).toHaveClass(/highlighted/);
	await expect(highlighted).toHaveAttribute('aria-current', 'location');
	await expect(page.locator('.sentence.highlighted')).toHaveCount(1);
});

test('sentence numbers link to their sentence within the page', async ({ page }) => {
	await page.goto(READER);
	await page.getByLabel('Sentence numbers').check();
	await page.getByRole('link', { name: 'Link to sentence 49', exact: true }).click();
	const sentence = page.locator('.sentence.highlighted');
	await expect(sentence).toContainText('Questo allineamento tra Mosca e Pyongyang');
	await expect(sentence).toBeInViewport();
	await expect(page).toHaveURL(new RegExp(`#${await sentence.getAttribute('id')}$`));

	// The choice is remembered on this device.
	await page.reload();
	await expect(page.getByLabel('Sentence numbers')).toBeChecked();
});

test('text size can be changed for a projector and is remembered', async ({ page }) => {
	await page.goto(READER);
	const paragraph = page.locator('article p').first();
	const before = await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
	await page.getByRole('button', { name: 'Larger text' }).click();
	await page.getByRole('button', { name: 'Larger text' }).click();
	const size = () => paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
	await expect.poll(size).toBeGreaterThan(before * 1.2);
	const after = await size();
	await page.reload();
	await expect
		.poll(() => paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize)))
		.toBeCloseTo(after, 0);
});

test('broken reader settings in local storage are ignored, not fatal', async ({ page }) => {
	await page.goto(READER);
	await page.evaluate(() => localStorage.setItem('ripasso:reader', '{not json'));
	await page.reload();
	await expect(page.locator('article .sentence')).toHaveCount(54);
	await expect(page.getByLabel('Sentence numbers')).not.toBeChecked();
});

test('a malformed fragment in the link does not blank the reader', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	// `%E0%A4%A` is no valid escape: decodeURIComponent throws on it.
	await page.goto(`${READER}#%E0%A4%A`);
	// The legend appears only once the page runs in the browser, so it did not stop there.
	await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
	await expect(page.locator('article .sentence')).toHaveCount(54);
	await expect(page.locator('.sentence.highlighted')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the reader is readable on a phone: no horizontal scrolling', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	await page.goto(READER);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await context.close();
});

test('the English translation can be shown under each sentence', async ({ page }) => {
	await page.goto(READER);
	const sentence = page.locator('.sentence', { hasText: 'Quella clausola è già stata testata.' });
	await expect(sentence.locator('[lang="en"]')).toHaveCount(0);
	await page.getByLabel('English translation').check();
	await expect(sentence.locator('[lang="en"]')).toHaveText(/That clause has already been tested/i);
	await expect(page.locator('article .en')).toHaveCount(54);
	await page.reload();
	await expect(page.getByLabel('English translation')).toBeChecked();
});

test.describe('words in the reader', () => {
	// The legend appears once the page runs in the browser and has read this browser's progress.
	const ready = async (page: import('@playwright/test').Page) => {
		await page.goto(READER);
		await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
	};

	test('on a wide screen the word panel opens beside the word, on a phone along the bottom', async ({
		page
	}) => {
		await ready(page);
		const word = page.locator('article').getByRole('button', { name: 'clausola', exact: true });
		await word.first().click();
		const panel = page.getByRole('dialog', { name: 'clausola' });
		await expect(panel).toBeVisible();
		const [w, p] = [(await word.first().boundingBox())!, (await panel.boundingBox())!];
		// Just below the word or just above it, and overlapping it horizontally.
		const gap = Math.min(Math.abs(p.y - (w.y + w.height)), Math.abs(w.y - (p.y + p.height)));
		expect(gap).toBeLessThan(16);
		expect(p.x).toBeLessThanOrEqual(w.x + w.width);

		await page.setViewportSize({ width: 390, height: 780 });
		await expect(async () => {
			const sheet = (await panel.boundingBox())!;
			expect(sheet.x).toBe(0);
			expect(Math.round(sheet.y + sheet.height)).toBe(780);
		}).toPass();
	});

	test('a word shows its lemma, gender and gloss, and can be marked to study next', async ({
		page
	}) => {
		await ready(page);
		const truppe = page.locator('article').getByRole('button', { name: 'truppe', exact: true });
		await expect(truppe.first()).toHaveAttribute('data-status', 'new');
		await truppe.first().click();
		const panel = page.getByRole('dialog', { name: 'truppa' });
		await expect(panel).toBeVisible();
		await expect(truppe.first()).toHaveAttribute('aria-expanded', 'true');
		await expect(panel).toContainText('noun, feminine');
		await expect(panel).toContainText(/troop/);
		await expect(panel.getByRole('link', { name: /^sentence \d+$/ }).first()).toBeVisible();
		await panel.getByRole('button', { name: 'Study it next' }).click();
		await expect(panel.getByRole('button', { name: 'Study it next' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);

		await page.reload();
		await expect(truppe.first()).toHaveAttribute('data-status', 'next');
		await expect(truppe.last()).toHaveAttribute('data-status', 'next');
		const legend = page.getByRole('list', { name: 'Your words in this article' });
		await expect(legend.getByText('to study next 1')).toBeVisible();

		// The colours can be turned off, and that choice is remembered.
		await page.getByLabel('Word colours').uncheck();
		await expect(legend).toHaveCount(0);
		await page.reload();
		await expect(page.getByLabel('Word colours')).not.toBeChecked();
	});

	test('Escape closes the panel and gives the focus back to the word', async ({ page }) => {
		await ready(page);
		const word = page.locator('article').getByRole('button', { name: 'clausola', exact: true });
		await word.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('dialog', { name: 'clausola' })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('dialog')).toHaveCount(0);
		await expect(word).toBeFocused();
		await expect(word).toHaveAttribute('aria-expanded', 'false');
	});

	test('an expression is one word to click', async ({ page }) => {
		await ready(page);
		const sentence = page.locator('.sentence', { hasText: 'sostenersi a vicenda' });
		await expect(sentence.getByRole('button', { name: 'vicenda', exact: true })).toHaveCount(0);
		await sentence.getByRole('button', { name: 'a vicenda', exact: true }).click();
		const panel = page.getByRole('dialog', { name: 'a vicenda' });
		await expect(panel).toContainText('expression');
		await expect(panel).toContainText(/each other/);
		await expect(panel.getByRole('button', { name: 'I know this word' })).toBeVisible();
	});

	test('every form of essere opens essere, without an error', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await ready(page);
		const sentence = page.locator('.sentence', { hasText: 'Quella clausola è già stata testata.' });
		for (const form of ['è', 'stata']) {
			await sentence.getByRole('button', { name: form, exact: true }).click();
			const panel = page.getByRole('dialog', { name: 'essere' });
			await expect(panel).toBeVisible();
			await expect(panel).toContainText('to be');
			await expect(panel.getByRole('link', { name: /^sentence \d+$/ }).first()).toBeVisible();
			await panel.getByRole('button', { name: 'Close' }).click();
		}
		expect(errors).toEqual([]);
	});

	test('a misprint is shown as printed and opens the real word', async ({ page }) => {
		await ready(page);
		await page
			.locator('article')
			.getByRole('button', { name: 'riconsestare', exact: true })
			.click();
		const panel = page.getByRole('dialog', { name: 'riconquistare' });
		await expect(panel).toContainText('The article prints “riconsestare”, a typo');
		await expect(panel).toContainText(/to retake/);
	});

	test('an expression names its words, and each opens in the panel', async ({ page }) => {
		await ready(page);
		await page
			.locator('article')
			.getByRole('button', { name: 'l’anno scorso', exact: true })
			.click();
		const panel = page.getByRole('dialog', { name: "l'anno scorso" });
		await expect(panel).toContainText('Its words');
		await panel.getByRole('button', { name: 'anno', exact: true }).click();
		const word = page.getByRole('dialog', { name: 'anno' });
		await expect(word).toContainText('noun, masculine');
		await expect(word).toContainText("In the expressions: negli ultimi anni; l'anno scorso");
	});

	test('a name is shown as a name, with nothing to study', async ({ page }) => {
		await ready(page);
		await page
			.locator('article')
			.getByRole('button', { name: 'Lavrov', exact: true })
			.first()
			.click();
		const panel = page.getByRole('dialog', { name: 'Sergey Lavrov' });
		await expect(panel).toContainText('name of a person');
		await expect(panel).toContainText(/Russian foreign minister/);
		await expect(panel.getByRole('button', { name: 'Study it next' })).toHaveCount(0);
		await expect(panel.getByRole('button', { name: 'I know this word' })).toHaveCount(0);
	});
});

test('a sentence the article gets wrong shows its note, in the reader as on the cards', async ({
	page
}) => {
	await page.goto(READER);
	const kursk = page.locator('.sentence', { hasText: 'lo scorso settembre' });
	await expect(kursk.getByRole('note')).toContainText('had begun on 6 August 2024');
	// Sentences without a remark have none.
	await expect(
		page.locator('.sentence', { hasText: 'Quella clausola è già stata testata.' }).getByRole('note')
	).toHaveCount(0);
});
