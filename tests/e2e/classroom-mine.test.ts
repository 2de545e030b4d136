import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * "My quizzes": a teacher finds the live quiz and the assignment made from this browser, with
 * where each stands, opens a report and starts the live quiz again with the same questions and a
 * new code (without JavaScript, as a locked-down school computer would); another browser sees
 * none of it.
 */
const article = 'mosca-pyongyang';

/** The previewed questions, as the page lists them. */
const previewed = (page: Page) =>
	page
		.getByRole('list', { name: 'The questions of this quiz' })
		.locator('.prompt')
		.allTextContents();

const codeOf = (page: Page) => page.url().match(/class\/(\d{6})\/host/)![1];

async function join(browser: Browser, code: string, nickname: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/join?code=${code}`);
	await page.getByLabel('Nickname').fill(nickname);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page).toHaveURL(`/class/${code}/play`);
	return context;
}

test('a teacher lists, reports on and duplicates their quizzes; another browser sees none', async ({
	browser,
	page: teacher
}) => {
	test.setTimeout(90_000);
	// A live quiz of three previewed questions, which one student joins.
	await teacher.goto(`/class/new?article=${article}`);
	await teacher.getByLabel('Number of questions').fill('3');
	await teacher.getByLabel('Time per question').selectOption('45');
	await teacher.getByRole('button', { name: 'Preview the questions' }).click();
	await expect.poll(() => previewed(teacher)).toHaveLength(3);
	const questions = await previewed(teacher);
	await teacher.getByRole('button', { name: 'Create the quiz with these 3 questions' }).click();
	await expect(teacher).toHaveURL(/\/class\/[1-9]\d{5}\/host$/);
	const live = codeOf(teacher);
	const student = await join(browser, live, 'Anna');

	// Then a self-paced assignment of two questions, open for three days.
	await teacher.goto(`/class/new?article=${article}`);
	await teacher.getByLabel('Number of questions').fill('2');
	await teacher.getByLabel('Self-paced assignment with a deadline').check();
	await teacher.getByLabel('Open for').selectOption('72');
	await teacher.getByRole('button', { name: 'Create the quiz' }).click();
	await expect(teacher).toHaveURL(/\/class\/[1-9]\d{5}\/host$/);
	const assignment = codeOf(teacher);

	await teacher.goto('/class/new');
	await teacher.getByRole('link', { name: 'My quizzes' }).click();
	await expect(teacher).toHaveURL('/class/mine');
	const items = teacher.locator('main li[data-code]');
	// Newest first.
	await expect(items).toHaveCount(2);
	await expect(items.nth(0)).toHaveAttribute('data-code', assignment);
	await expect(items.nth(1)).toHaveAttribute('data-code', live);
	const title = 'Questo allineamento tra Mosca e Pyongyang';
	await expect(items.nth(0)).toContainText(title);
	await expect(items.nth(0)).toContainText('Self-paced');
	await expect(items.nth(0)).toContainText('2 questions');
	await expect(items.nth(0)).toContainText('0 players');
	await expect(items.nth(0).locator('.standing')).toHaveText(/^Open until /);
	await expect(items.nth(1)).toContainText('Live');
	await expect(items.nth(1)).toContainText('3 questions');
	await expect(items.nth(1)).toContainText('1 player');
	await expect(items.nth(1).locator('.standing')).toHaveText('In the lobby');

	// The live quiz's report, then back to its projector.
	await items.nth(1).getByRole('link', { name: 'Report' }).click();
	await expect(teacher).toHaveURL(`/class/${live}/report`);
	await expect(teacher.getByRole('heading', { name: 'Quiz report' })).toBeVisible();
	await teacher.goBack();
	await items.nth(1).getByRole('link', { name: 'Reopen' }).click();
	await expect(teacher).toHaveURL(`/class/${live}/host`);

	// Without JavaScript, in the same browser (same host cookie): duplicate the live quiz.
	const plain = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await teacher.context().storageState()
	});
	const page = await plain.newPage();
	await page.goto('/class/mine');
	await page.getByRole('button', { name: `Duplicate quiz ${live}` }).click();
	await expect(page).toHaveURL(`/class/new?from=${live}`);
	await expect(page.getByText(`A copy of quiz ${live}`)).toBeVisible();
	expect(await previewed(page)).toEqual(questions);
	await expect(page.getByLabel('Time per question')).toHaveValue('45');
	await expect(page.getByLabel('Live in class, question by question')).toBeChecked();
	await page.getByRole('button', { name: 'Create the quiz with these 3 questions' }).click();
	await expect(page).toHaveURL(/\/class\/[1-9]\d{5}\/host$/);
	const copy = codeOf(page);
	expect(copy).not.toBe(live);
	// The copy asks exactly the same questions, in the same order.
	await page.goto(`/class/${copy}/print`);
	const paper = (await page.locator('main').textContent())!;
	const at = questions.map((prompt) => paper.indexOf(prompt));
	expect(at.every((i) => i > -1)).toBe(true);
	expect([...at].sort((a, b) => a - b)).toEqual(at);
	await page.goto('/class/mine');
	await expect(page.locator('main li[data-code]').first()).toHaveAttribute('data-code', copy);
	await expect(page.locator('main li[data-code]')).toHaveCount(3);

	// Another browser: no list, and no copy of someone else's quiz.
	const other = await browser.newContext();
	const stranger = await other.newPage();
	await stranger.goto('/class/mine');
	await expect(stranger.getByText('No quiz created from this browser yet')).toBeVisible();
	await expect(stranger.locator('main li[data-code]')).toHaveCount(0);
	await stranger.goto(`/class/new?from=${live}`);
	await expect(
		stranger.getByText('This quiz cannot be duplicated from this browser')
	).toBeVisible();
	await expect(stranger.getByRole('list', { name: 'The questions of this quiz' })).toHaveCount(0);

	await Promise.all([student.close(), plain.close(), other.close()]);
});
