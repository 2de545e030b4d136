import { request as requestFactory, type Page } from '@playwright/test';
import { buildDeck } from '$lib/deck/deck';
import { expect, test } from '../helpers/csp';
import { lexicon, library } from '../helpers/library';

/**
 * The projector (issue 14, point 9) and the teacher's choice of questions (point 11), in real
 * Chromium: presentation mode at a projector's sizes with the deck's longest options, the
 * get-ready moment the server times, the reveal's letters and colours, the remembered sound
 * switch; then a preview of the questions, swapped and dropped, with and without JavaScript.
 */
const article = 'mosca-pyongyang';
const deck = buildDeck(library, { lexicon });
/** The article's choice questions with the longest options: the hardest tiles to fit. */
const longest = deck.cards
	.filter((c) => c.source.article === article && c.type === 'multiple-choice')
	.filter((c) => c.origin === 'curated')
	.sort(
		(a, b) =>
			Math.max(...b.options.map((o) => o.length)) - Math.max(...a.options.map((o) => o.length))
	)
	.filter((c, i, all) => all.findIndex((d) => d.sibling === c.sibling) === i)
	.slice(0, 2);

/** Every control and option tile lies inside the viewport; no tile's text overflows it. */
async function expectAllOnScreen(page: Page) {
	const viewport = page.viewportSize()!;
	const boxes = page.locator('.host button:visible, .host a:visible, .host .option');
	const count = await boxes.count();
	expect(count).toBeGreaterThan(2);
	for (let i = 0; i < count; i++) {
		const box = (await boxes.nth(i).boundingBox())!;
		const what = `${await boxes.nth(i).textContent()} at ${viewport.width}×${viewport.height}`;
		expect(box.x, what).toBeGreaterThanOrEqual(0);
		expect(box.y, what).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width, what).toBeLessThanOrEqual(viewport.width);
		expect(box.y + box.height, what).toBeLessThanOrEqual(viewport.height);
	}
	const overflowing = await page
		.locator('.host .option')
		.evaluateAll((tiles) =>
			tiles
				.filter((t) => t.scrollWidth > t.clientWidth || t.scrollHeight > t.clientHeight)
				.map((t) => t.textContent)
		);
	expect(overflowing).toEqual([]);
}

test('presentation mode fits the longest options at 1280×720 and 1920×1080', async ({
	page,
	baseURL
}) => {
	test.setTimeout(60_000);
	expect(longest).toHaveLength(2);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.setViewportSize({ width: 1280, height: 720 });
	const origin = { origin: baseURL! };
	const created = await page.request.post('/api/class', {
		headers: origin,
		data: {
			article,
			questions: 2,
			secondsPerQuestion: 30,
			getReadySeconds: 3,
			kinds: ['multiple-choice'],
			cardIds: longest.map((c) => c.id)
		}
	});
	expect(created.status()).toBe(201);
	const { code } = await created.json();
	const student = await requestFactory.newContext({ baseURL, extraHTTPHeaders: origin });
	expect(
		(await student.post(`/api/class/${code}/join`, { data: { nickname: 'Anna' } })).status()
	).toBe(200);

	await page.goto(`/class/${code}/host`);
	await expect(page.locator('.site-header')).toBeVisible();
	// The P key (as the button) hides the site's navigation; the button says it is on.
	await page.locator('body').press('p');
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(page.getByRole('button', { name: 'Sound' })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	// The lobby's big code and QR code leave Start on screen.
	await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled();
	await expectAllOnScreen(page);
	await page.getByRole('button', { name: /^Start/ }).click();

	// Get ready: the number and kind, and a phone cannot answer yet: the clock has not started.
	await expect(page.getByRole('heading', { name: 'Get ready: question 1 of 2' })).toBeVisible();
	await expect(page.getByText('Multiple choice')).toBeVisible();
	const early = await student.post(`/api/class/${code}/answer`, {
		data: { questionIndex: 0, given: longest[0].answer }
	});
	expect(early.status()).toBeGreaterThanOrEqual(400);
	expect((await early.json()).code).toBe('not-a-question-phase');

	// The question opens; the countdown shows the whole time, counted from the opening.
	await expect(page.locator('.prompt')).toHaveText(longest[0].prompt);
	await expect(page.getByRole('timer')).toHaveText(/^(30|29)$/);
	await expectAllOnScreen(page);
	const colours = await page
		.locator('.host .option')
		.evaluateAll((tiles) => tiles.map((t) => [t.textContent, getComputedStyle(t).backgroundColor]));
	await page.setViewportSize({ width: 1920, height: 1080 });
	await expectAllOnScreen(page);

	// The reveal: the same letters and colours, the right one marked by a sign, not colour only.
	expect(
		(
			await student.post(`/api/class/${code}/answer`, {
				data: { questionIndex: 0, given: longest[0].answer }
			})
		).status()
	).toBe(200);
	const tiles = page.getByRole('list', { name: 'How the class answered' }).locator('.option');
	await expect(tiles).toHaveCount(longest[0].options.length);
	const right = tiles.filter({ hasText: longest[0].answer });
	await expect(right).toContainText('✓');
	await expect(right).toContainText('Right answer');
	await expect(right.getByTestId('option-count')).toHaveText('1');
	const revealed = await tiles.evaluateAll((all) =>
		all.map((t) => [
			t.querySelector('.letter')?.textContent,
			t.querySelector('.text')?.textContent,
			getComputedStyle(t).backgroundColor
		])
	);
	expect(revealed.map(([letter]) => letter)).toEqual(
		['A', 'B', 'C', 'D'].slice(0, longest[0].options.length)
	);
	for (const [, text, colour] of revealed) {
		const before = colours.find(([shown]) => shown!.includes(text!));
		expect(before?.[1], text!).toBe(colour);
	}
	await expectAllOnScreen(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await expectAllOnScreen(page);

	// Sound: off by default, remembered by this browser once on, and no error without a click.
	await page.getByRole('button', { name: 'Sound' }).click();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Sound' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Next question' }).click();
	await expect(page.getByRole('heading', { name: 'Get ready: question 2 of 2' })).toBeVisible();
	await expect(page.locator('.prompt')).toHaveText(longest[1].prompt);
	expect(errors).toEqual([]);
	await student.dispose();
});

/** The previewed questions, as the page lists them. */
const previewed = (page: Page) =>
	page
		.getByRole('list', { name: 'The questions of this quiz' })
		.locator('.prompt')
		.allTextContents();

for (const javaScriptEnabled of [true, false]) {
	test(`a teacher previews the questions, swaps one and drops one (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		await page.goto(`/class/new?article=${article}`);
		await page.getByLabel('Number of questions').fill('3');
		await page.getByRole('button', { name: 'Preview the questions' }).click();
		await expect(page.getByRole('heading', { name: 'The questions of this quiz' })).toBeVisible();
		const drawn = await previewed(page);
		expect(drawn).toHaveLength(3);

		await page.getByRole('button', { name: 'Swap question 2' }).click();
		await expect.poll(() => previewed(page)).not.toEqual(drawn);
		const swapped = await previewed(page);
		expect([swapped[0], swapped[2]]).toEqual([drawn[0], drawn[2]]);
		expect(drawn).not.toContain(swapped[1]);

		await page.getByRole('button', { name: 'Drop question 1' }).click();
		await expect.poll(() => previewed(page)).toEqual(swapped.slice(1));
		// Each question is listed with its answer.
		const answers = page
			.getByRole('list', { name: 'The questions of this quiz' })
			.locator('.answer');
		await expect(answers).toHaveCount(2);

		await page.getByRole('button', { name: 'Create the quiz with these 2 questions' }).click();
		await expect(page).toHaveURL(/\/class\/[1-9]\d{5}\/host$/);
		const code = page.url().match(/class\/(\d{6})/)![1];
		// The game asks exactly those two, in that order (the quiz on paper lists them all).
		await page.goto(`/class/${code}/print`);
		const paper = (await page.locator('main').textContent())!;
		expect(paper.indexOf(swapped[1])).toBeGreaterThan(-1);
		expect(paper.indexOf(swapped[2])).toBeGreaterThan(paper.indexOf(swapped[1]));
		expect(paper).not.toContain(swapped[0]);
		await context.close();
	});
}
