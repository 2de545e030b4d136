import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

const STUDY = '/study/mosca-pyongyang/facts';

const count = (page: Page, kind: 'new' | 'learning' | 'review') =>
	page.locator(`[data-count="${kind}"]`);

/** The Italian prompt of the card on screen. */
const prompt = (page: Page) => page.locator('.card .prompt');

/** Reveals and rates the card on screen with the keyboard only; returns its prompt. */
async function studyOne(page: Page, key = '3'): Promise<string> {
	const text = (await prompt(page).textContent()) ?? '';
	// Enter reveals (on a typed card it submits the empty answer, which reveals too).
	await page.keyboard.press('Enter');
	await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
	await page.keyboard.press(key);
	await expect(prompt(page)).not.toHaveText(text);
	return text;
}

test('study five cards with the keyboard, reload, and find everything kept', async ({ page }) => {
	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('20');
	await expect(count(page, 'learning')).toHaveText('0');

	const seen: string[] = [];
	for (let i = 0; i < 5; i++) seen.push(await studyOne(page));
	await expect(count(page, 'new')).toHaveText('15');
	// The five wait for their 10-minute step, and the Learning count shows them waiting.
	await expect(count(page, 'learning')).toHaveText('5');

	await page.reload();
	await expect(count(page, 'new')).toHaveText('15');
	await expect(count(page, 'learning')).toHaveText('5');
	// None of the five comes back as new: they are in learning, due in 10 minutes.
	expect(seen).not.toContain(await prompt(page).textContent());
});

test('the rating buttons show the next interval and the answer is graded first', async ({
	page
}) => {
	await page.goto(STUDY);
	await page.getByRole('button', { name: 'Show answer' }).click();
	const ratings = page.getByRole('group', { name: 'How well did you know it?' });
	await expect(ratings.getByRole('button', { name: /Again/ })).toContainText('1m');
	await expect(ratings.getByRole('button', { name: /Good/ })).toContainText('10m');
	await expect(page.getByRole('link', { name: 'Show in the article' })).toHaveAttribute(
		'href',
		/\/read\/mosca-pyongyang#/
	);
	// Easy sends a new card to Review, due in whole days.
	await expect(ratings.getByRole('button', { name: /Easy/ })).toContainText(/^\d+d/);
});

test('the rating buttons give the intervals in Italian units in Italian', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'it-IT' });
	const page = await context.newPage();
	await page.goto(STUDY);
	await page.getByRole('button', { name: 'Mostra la risposta' }).click();
	const ratings = page.getByRole('group', { name: 'Quanto bene la sapevi?' });
	await expect(ratings.getByRole('button', { name: /Di nuovo/ })).toContainText('1min');
	await expect(ratings.getByRole('button', { name: /Bene/ })).toContainText('10min');
	// Days are giorni: "3g", not "3d".
	await expect(ratings.getByRole('button', { name: /Facile/ })).toContainText(/^\d+g/);
	await context.close();
});

test('undo brings back the last card exactly as it was', async ({ page }) => {
	await page.goto(STUDY);
	const first = await studyOne(page, '1');
	await expect(count(page, 'new')).toHaveText('19');
	// The next card is a cloze, its answer field focused: U would be typed, Ctrl+Z undoes.
	await page.keyboard.press('Control+z');
	await expect(prompt(page)).toHaveText(first);
	await expect(count(page, 'new')).toHaveText('20');
	await expect(page.getByText('Last rating undone.')).toBeVisible();
	// The undo is stored too: a reload shows the same.
	await page.reload();
	await expect(count(page, 'new')).toHaveText('20');
	await expect(prompt(page)).toHaveText(first);
});

test('export, reset and import bring the progress back; a damaged backup is refused', async ({
	page
}, testInfo) => {
	await page.goto(STUDY);
	await studyOne(page);
	await studyOne(page);
	await expect(count(page, 'new')).toHaveText('18');

	await page.goto('/settings');
	await expect(page.getByText('2 cards studied, 2 reviews')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress' }).click();
	const file = testInfo.outputPath('backup.json');
	await (await download).saveAs(file);
	expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('ripasso-progress');

	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await page.getByRole('button', { name: 'Yes, delete everything' }).click();
	await expect(page.getByText('0 cards studied, 0 reviews')).toBeVisible();

	// A damaged file is refused and changes nothing.
	await page.getByLabel('Import progress').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format":"ripasso-progress","version":1,"states":[{"id":1}]')
	});
	await expect(
		page.getByText('File refused: it is not a Ripasso backup (not valid JSON).')
	).toBeVisible();
	await page.getByLabel('Import progress').setInputFiles({
		name: 'other.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ deck: 'anki' }))
	});
	await expect(page.getByText('File refused: it is not a Ripasso backup.')).toBeVisible();
	await expect(page.getByText('0 cards studied, 0 reviews')).toBeVisible();

	await page.getByLabel('Import progress').setInputFiles(file);
	await page.getByRole('alertdialog').getByRole('button', { name: 'Replace everything' }).click();
	await page.getByRole('button', { name: 'Yes, replace everything' }).click();
	await expect(page.getByText('Progress imported: 2 cards, 2 reviews.')).toBeVisible();
	await expect(page.getByText('2 cards studied, 2 reviews')).toBeVisible();

	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('18');
});

test('settings change the daily limit, explained in one line each', async ({ page }) => {
	await page.goto('/settings');
	await expect(page.getByText(/How likely you should be to remember a card/)).toBeVisible();
	await page.getByLabel('New cards per day').first().fill('5');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();
	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('5');

	// An impossible value is stopped by the form itself and nothing is saved.
	await page.goto('/settings');
	const retention = page.getByLabel('Desired retention');
	await retention.fill('1.5');
	await page.getByRole('button', { name: 'Save settings' }).click();
	expect(await retention.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
	await page.reload();
	await expect(retention).toHaveValue('0.9');
});

test('broken data in storage gets a clear message, not a blank page', async ({ page }) => {
	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('20');
	await page.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('ripasso');
				open.onsuccess = () => {
					const tx = open.result.transaction('states', 'readwrite');
					tx.objectStore('states').put({ id: 'x', card: 'garbage' });
					tx.oncomplete = () => done();
					tx.onerror = () => fail(tx.error);
				};
			})
	);
	await page.reload();
	await expect(page.getByText(/1 saved record could not be read and is ignored/)).toBeVisible();
	await expect(count(page, 'new')).toHaveText('20');
	await expect(prompt(page)).toBeVisible();
});

test('a choice made with a number key is graded and suggests the rating', async ({ page }) => {
	await page.goto(STUDY);
	// New cards come in the article's order: first the multiple-choice card on Lavrov's visit.
	await expect(prompt(page)).toHaveText(/quale ministro russo sta visitando Pyongyang/i);
	const options = (await page.locator('.card .options button').allTextContents()).map((text) =>
		text.replace(/^\s*\d\s*/, '').trim()
	);
	const right = options.findIndex((text) => text === 'Sergey Lavrov');
	const wrong = options.findIndex((text) => text !== 'Sergey Lavrov');
	await page.keyboard.press(String(wrong + 1));
	await expect(page.locator('#verdict')).toHaveText('Not quite');
	await expect(page.getByRole('button', { name: /Again/ })).toHaveClass(/suggested/);
	expect(right).toBeGreaterThanOrEqual(0);
	// The options stay on screen, locked: the one chosen and the right one are marked.
	const chosen = page.locator('.card .options button.chosen');
	await expect(chosen).toHaveCount(1);
	await expect(chosen).toContainText(options[wrong]);
	await expect(chosen).toContainText('your choice');
	await expect(page.locator('.card .options button.right')).toContainText('Sergey Lavrov');
	await expect(page.locator('.card .options button').first()).toBeDisabled();
	// A tapped option was not written.
	await expect(page.getByText('You wrote:')).toHaveCount(0);
});

test('when the day’s cards are done, the screen says so and when the next one is due', async ({
	page
}) => {
	await page.goto('/settings');
	await page.getByLabel('New cards per day').first().fill('1');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();

	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('1');
	const first = await prompt(page).textContent();
	await page.keyboard.press('Enter');
	await page.keyboard.press('3');
	// Rated Good, the card is in its 10-minute learning step; with nothing else left it is shown
	// ahead of time, as Anki learns ahead up to 20 minutes.
	await expect(count(page, 'learning')).toHaveText('1');
	await expect(prompt(page)).toHaveText(first!);
	await page.keyboard.press('Enter');
	await page.keyboard.press('4');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	// Rated Easy, it is a review card now, due in days.
	await expect(page.getByText(/The next review is due on /)).toBeVisible();
	await expect(count(page, 'learning')).toHaveText('0');
});

test('the vocabulary track starts with the most useful words, graded by choice', async ({
	page
}) => {
	await page.goto('/study/mosca-pyongyang/vocab');
	await expect(page.getByRole('heading', { name: 'Study: Vocabulary' })).toBeVisible();
	await expect(count(page, 'new')).toHaveText('20');
	// The most frequent word of the article comes first: essere, "to be".
	await expect(prompt(page)).toHaveText('essere');
	await page.getByRole('button', { name: 'to be', exact: true }).click();
	await expect(page.locator('#verdict')).toHaveText('Right!');
	await expect(page.locator('.card .options button.chosen.right')).toContainText('to be');
	await page.keyboard.press('3');
	await expect(count(page, 'new')).toHaveText('19');
});

test('a wrong word chosen stays visible, marked, and is not called written', async ({ page }) => {
	await page.goto('/study/mosca-pyongyang/vocab');
	await expect(prompt(page)).toHaveText('essere');
	const wrong = page.locator('.card .options button').filter({ hasNotText: /^\s*\d\s*to be\s*$/ });
	const label = ((await wrong.first().textContent()) ?? '').replace(/^\s*\d\s*/, '').trim();
	await wrong.first().click();
	await expect(page.locator('#verdict')).toHaveText('Not quite');
	await expect(page.locator('.card .options button.chosen')).toContainText(label);
	await expect(page.locator('.card .options button.right')).toContainText('to be');
	await expect(page.getByText('You wrote:')).toHaveCount(0);
});

test('a word chosen in the reader is studied next; a known word leaves the queue', async ({
	page
}) => {
	await page.goto('/read/mosca-pyongyang');
	// Words answer clicks once the page runs in the browser: the legend shows when it does.
	await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
	const word = (text: string) =>
		page.locator('article').getByRole('button', { name: text, exact: true }).first();
	await expect(word('capacità')).toHaveAttribute('data-status', 'new');
	await word('capacità').click();
	await page
		.getByRole('dialog', { name: 'capacità' })
		.getByRole('button', { name: 'Study it next' })
		.click();
	await page.keyboard.press('Escape');
	await word('Russia').click();
	await page.keyboard.press('Escape');
	await word('russo').click();
	await page
		.getByRole('dialog', { name: 'russo' })
		.getByRole('button', { name: 'I know this word' })
		.click();

	await page.goto('/study/mosca-pyongyang/vocab');
	// capacità comes before essere, the most frequent word.
	await expect(prompt(page)).toHaveText('la capacità');
	await page.keyboard.press('Enter');
	await page.keyboard.press('3');
	// Known: russo never shows among the new words of the day.
	for (let i = 0; i < 3; i++) {
		await expect(prompt(page)).not.toHaveText(/^russo$/);
		await page.keyboard.press('Enter');
		await page.keyboard.press('3');
	}
});

test('a production card typed without its accent is accepted and the accent called out', async ({
	page
}) => {
	await page.clock.install({ time: new Date('2026-11-23T10:00:00') });
	await page.goto('/read/mosca-pyongyang');
	await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
	const capacita = page.locator('article').getByRole('button', { name: 'capacità', exact: true });
	await capacita.first().click();
	await page
		.getByRole('dialog', { name: 'capacità' })
		.getByRole('button', { name: 'Study it next' })
		.click();

	// Day 1: the word is introduced by recognition (a word chosen to study next is met by its
	// meaning first); Easy sends it straight to review.
	await page.goto('/study/mosca-pyongyang/vocab');
	await expect(prompt(page)).toHaveText('la capacità');
	await page.keyboard.press('Enter');
	await page.keyboard.press('4');

	// Day 3: its cloze (no voice here, so no listening card), then on day 4 its production card,
	// one sibling a day: its production card comes first among the new cards.
	await page.clock.setFixedTime(new Date('2026-11-25T10:00:00'));
	await page.reload();
	await expect(prompt(page)).toContainText('_____');
	await page.keyboard.press('Enter');
	await page.keyboard.press('4');
	await page.clock.setFixedTime(new Date('2026-11-26T10:00:00'));
	await page.reload();
	await expect(prompt(page)).toHaveText('capacity (noun, f)');
	await page.getByLabel('Your answer').fill('capacita');
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.locator('#verdict')).toHaveText('Right, with a slip');
	await expect(page.getByText('Accent: capacità (you wrote capacita)')).toBeVisible();
	await expect(page.getByRole('button', { name: /Hard/ })).toHaveClass(/suggested/);
});

test('a production card names another form of the word instead of calling it a typo', async ({
	page
}) => {
	await page.clock.install({ time: new Date('2026-11-23T10:00:00') });
	await page.goto('/read/mosca-pyongyang');
	await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
	await page
		.locator('article')
		.getByRole('button', { name: 'truppe', exact: true })
		.first()
		.click();
	await page
		.getByRole('dialog', { name: 'truppa' })
		.getByRole('button', { name: 'Study it next' })
		.click();

	// Day 1: the word is introduced by recognition (a word chosen to study next is met by its
	// meaning first); Easy sends it straight to review.
	await page.goto('/study/mosca-pyongyang/vocab');
	await expect(prompt(page)).toHaveText('la truppa');
	await page.keyboard.press('Enter');
	await page.keyboard.press('4');

	// Day 3: its cloze (no voice here, so no listening card), then on day 4 its production card,
	// one sibling a day: its production card. The plural is the word, in another form: right, and named.
	await page.clock.setFixedTime(new Date('2026-11-25T10:00:00'));
	await page.reload();
	await expect(prompt(page)).toContainText('_____');
	await page.keyboard.press('Enter');
	await page.keyboard.press('4');
	await page.clock.setFixedTime(new Date('2026-11-26T10:00:00'));
	await page.reload();
	await expect(prompt(page)).toHaveText(/\(noun, f\)$/);
	await page.getByLabel('Your answer').fill('truppe');
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.locator('#verdict')).toHaveText('Right, with a slip');
	await expect(page.getByText('Form: truppe is the plural form.')).toBeVisible();
	await expect(page.getByText('Answer: truppa')).toBeVisible();
	await expect(page.getByText('Typo')).toHaveCount(0);
});

test('the study counts, the statistics and the done screen agree on what is due and when', async ({
	page
}) => {
	await page.goto('/settings');
	await page.getByLabel('New cards per day').first().fill('3');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Settings saved.')).toBeVisible();

	await page.goto(STUDY);
	await studyOne(page, '3');
	// Rated Good, the card waits 10 minutes for its next step: it is counted, not forgotten.
	await expect(count(page, 'learning')).toHaveText('1');
	await studyOne(page, '3');
	await expect(count(page, 'new')).toHaveText('1');
	await expect(count(page, 'learning')).toHaveText('2');
	await expect(count(page, 'review')).toHaveText('0');

	// The statistics say the same: two cards are due today.
	await page.goto('/stats');
	const facts = page.getByRole('region', { name: 'Facts' });
	await expect(facts.getByTestId('due-today')).toHaveText('2');

	// Study the rest: the last new card and the two learning cards (shown ahead) rated Easy.
	await page.goto(STUDY);
	await expect(count(page, 'learning')).toHaveText('2');
	const ratings = page.getByRole('group', { name: 'How well did you know it?' });
	for (let i = 0; i < 3; i++) {
		await expect(prompt(page)).toBeVisible();
		await page.keyboard.press('Enter');
		// A learner rates what she sees: the buttons are on screen before the key is pressed.
		await expect(ratings).toBeVisible();
		await page.keyboard.press('4');
		await expect(ratings).toBeHidden();
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await expect(count(page, 'learning')).toHaveText('0');
	await expect(count(page, 'review')).toHaveText('0');
	// The next review is tomorrow's new cards (today's limit is reached): the next learner day,
	// which starts at 4 a.m. (today's 4 a.m. before it), never a day already gone.
	const tomorrow = await page.evaluate(() => {
		const d = new Date();
		if (d.getHours() >= 4) d.setDate(d.getDate() + 1);
		return d.toLocaleDateString('en', { weekday: 'long', day: 'numeric', month: 'long' });
	});
	await expect(page.getByText(`The next review is due on ${tomorrow}`)).toBeVisible();

	await page.goto('/stats');
	await expect(facts.getByTestId('due-today')).toHaveText('0');
});

test('without an Italian voice the vocabulary page says once that listening cards are skipped', async ({
	page
}) => {
	// A browser with an English voice only.
	await page.addInitScript(() => {
		const voice = { lang: 'en-US', name: 'Sam', default: true, localService: true };
		speechSynthesis.getVoices = () => [voice as unknown as SpeechSynthesisVoice];
	});
	await page.goto('/study/mosca-pyongyang/vocab');
	const notice = page.getByRole('complementary', { name: /this browser has no Italian voice/ });
	await expect(notice).toContainText('install an Italian voice in your system settings');
	for (let i = 0; i < 6; i++) {
		await expect(page.locator('section.card')).not.toHaveAttribute('data-type', 'listening');
		await studyOne(page);
	}
	await notice.getByRole('button', { name: 'Got it' }).click();
	await expect(notice).toHaveCount(0);
	// Remembered in this browser: it does not nag on the next visit.
	await page.reload();
	await expect(prompt(page)).toBeVisible();
	await expect(page.getByText(/no Italian voice/)).toHaveCount(0);
});

test('with an Italian voice the vocabulary page deals listening cards on day 1 and says nothing', async ({
	page
}) => {
	await page.addInitScript(() => {
		const voice = { lang: 'it-IT', name: 'Alice', default: false, localService: true };
		speechSynthesis.getVoices = () => [voice as unknown as SpeechSynthesisVoice];
	});
	await page.goto('/study/mosca-pyongyang/vocab');
	const types = new Set<string>();
	for (let i = 0; i < 6; i++) {
		const card = page.locator('section.card');
		await expect(card).toBeVisible();
		types.add((await card.getAttribute('data-type')) ?? '');
		const shown = await card.elementHandle();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
		await page.keyboard.press('3');
		// The next card replaces this one.
		await expect.poll(() => shown!.evaluate((node) => node.isConnected)).toBe(false);
	}
	// The first day mixes recognition, cloze and listening.
	expect([...types].sort()).toEqual(['cloze', 'listening', 'recognition']);
	await expect(page.getByText(/no Italian voice/)).toHaveCount(0);
});
