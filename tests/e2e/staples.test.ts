/**
 * Three of Anki's staples (issue 14, point 6): a summary of the session on the done screen, what
 * is left today on the home page, and one review when the same card is rated in two tabs.
 */
import { expect, test } from '../helpers/csp';
import { count, prompt, ratings, rate, setNewPerDay } from '../helpers/study';

const STUDY = '/study/mosca-pyongyang/facts';
const ARTICLE = /Questo allineamento tra Mosca e Pyongyang/;

test('the done screen sums up the session', async ({ page }) => {
	await setNewPerDay(page, 1);

	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('1');
	// Again: the card comes back in a minute (shown ahead, nothing else is left); then Easy.
	await rate(page, '1');
	await expect(count(page, 'learning')).toHaveText('1');
	await rate(page, '4');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();

	const summary = page.getByRole('region', { name: 'This session' });
	await expect(summary.getByText(/^1 card studied in \d+ seconds?\.$/)).toBeVisible();
	const kinds = summary.getByRole('definition');
	await expect(kinds).toHaveText(['1', '1', '0', '1', '0', '0', '1']);
	await expect(summary.getByText('Right (not Again): 50%')).toBeVisible();
	await expect(page.getByText(/The next review is due on /)).toBeVisible();

	// An undone rating leaves the summary too: rated Easy again, it is counted once.
	await page.getByRole('button', { name: /Undo last rating/ }).click();
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeHidden();
	await rate(page, '4');
	await expect(kinds).toHaveText(['1', '1', '0', '1', '0', '0', '1']);
});

test('the home page shows what is left today per track, as the study page counts it', async ({
	browser,
	page
}) => {
	// Without JavaScript (as the server sends it): "—", in boxes as tall as the numbers later.
	const bare = await browser.newContext({ javaScriptEnabled: false });
	const serverPage = await bare.newPage();
	await serverPage.goto('/');
	const unknown = serverPage.getByRole('article', { name: ARTICLE }).getByTestId(/^today-/);
	await expect(unknown.locator('[data-track="facts"] [data-count="new"]')).toHaveText(
		/—\s*not known yet/
	);
	const before = await unknown.boundingBox();
	await bare.close();

	await page.goto('/');
	const today = page.getByRole('article', { name: ARTICLE }).getByTestId(/^today-/);
	const facts = today.getByRole('definition').and(today.locator('[data-track="facts"] dd'));
	await expect(today).toHaveAttribute('data-known', 'true');
	await expect(facts).toHaveText(['20', '0', '0']);
	await expect(today.locator('[data-track="vocab"] [data-count="new"]')).toHaveText('20');
	const after = await today.boundingBox();
	expect(after?.height).toBe(before?.height);

	await page.goto(STUDY);
	await expect(count(page, 'new')).toHaveText('20');
	await rate(page, '3');
	await expect(count(page, 'new')).toHaveText('19');
	const onStudy = await Promise.all(
		(['new', 'learning', 'review'] as const).map((kind) => count(page, kind).textContent())
	);
	await page.goto('/');
	await expect(facts).toHaveText(onStudy as string[]);
	await expect(facts).toHaveText(['19', '1', '0']);
});

test('a card rated in two tabs makes one review; the second tab says so and moves on', async ({
	context
}) => {
	const [one, two] = [await context.newPage(), await context.newPage()];
	await one.goto(STUDY);
	await two.goto(STUDY);
	await expect(count(two, 'new')).toHaveText('20');
	const card = (await prompt(one).textContent()) ?? '';
	await expect(prompt(two)).toHaveText(card);

	// The second tab's learner is answering the card when the first tab rates it.
	await two.keyboard.press('Enter');
	await expect(ratings(two)).toBeVisible();
	await rate(one, '3');
	await expect(prompt(one)).not.toHaveText(card);
	// The second tab's counts follow at once; its card stays until it is rated.
	await expect(count(two, 'new')).toHaveText('19');
	await expect(count(two, 'learning')).toHaveText('1');
	await expect(prompt(two)).toHaveText(card);

	await two.keyboard.press('4');
	await expect(two.getByText('Already rated in another tab')).toBeVisible();
	await expect(prompt(two)).not.toHaveText(card);
	await expect(count(two, 'new')).toHaveText('19');

	// On disk: one review (Good, in learning), not a second one (Easy would have made it a review).
	await two.reload();
	await expect(count(two, 'new')).toHaveText('19');
	await expect(count(two, 'learning')).toHaveText('1');
	await expect(count(two, 'review')).toHaveText('0');
	await one.goto('/stats');
	await expect(
		one.getByRole('img', { name: /^Reviews in the last 30 days: 1;/ }).first()
	).toBeVisible();
});
