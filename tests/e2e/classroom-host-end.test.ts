import { expect, request as requestFactory, test } from '@playwright/test';

/**
 * Ending a live game cannot be undone: on the projector, End asks first, and nothing a
 * presenter clicker sends (Page Down, →, Space, Enter) ever ends the game.
 */
test.use({ viewport: { width: 1280, height: 720 } });

test('End asks first: cancelling keeps the game, confirming ends it; clicker keys never end it', async ({
	page,
	baseURL
}) => {
	const created = await page.request.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 3, secondsPerQuestion: 60 }
	});
	const { code } = (await created.json()) as { code: string };
	const student = await requestFactory.newContext({ baseURL });
	expect(
		(await student.post(`/api/class/${code}/join`, { data: { nickname: 'Anna' } })).status()
	).toBe(200);
	// Every host action the page sends, to show that no key sent "finish".
	const actions: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().endsWith(`/api/class/${code}/host`)) {
			actions.push((request.postDataJSON() as { action: string }).action);
		}
	});

	// The clicker works once the page runs: its effects have opened the game's stream.
	const stream = page.waitForRequest((request) => request.url().endsWith('/events'));
	await page.goto(`/class/${code}/host`);
	await stream;
	await page.locator('body').press('PageDown');
	await expect(page.getByText('Question 1 of 3')).toBeVisible();

	const end = page.getByRole('button', { name: 'End the game' });
	const dialog = page.getByRole('dialog', { name: 'End the game now?' });
	const keep = dialog.getByRole('button', { name: 'Keep playing' });
	const confirm = dialog.getByRole('button', { name: 'Yes, end the game' });

	// A click on End only asks, with the safe choice focused, all of it on a 1280×720 screen.
	await end.click();
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('cannot be resumed');
	await expect(keep).toBeFocused();
	await expect(keep).toBeInViewport({ ratio: 1 });
	await expect(confirm).toBeInViewport({ ratio: 1 });
	// The dialog keeps the keyboard: Tab goes between its two buttons.
	await page.keyboard.press('Tab');
	await expect(confirm).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(keep).toBeFocused();
	// A clicker's Page Down and → do nothing while it asks; Escape cancels.
	await page.keyboard.press('PageDown');
	await page.keyboard.press('ArrowRight');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page.getByText('Question 1 of 3')).toBeVisible();

	// The focus is back on End; the clicker still moves the game on from there.
	await expect(end).toBeFocused();
	// A key is ignored while the step before it is still on its way: wait for its reply, as
	// the stream may show the answer first.
	const revealed = page.waitForResponse(
		(r) => r.url().endsWith(`/api/class/${code}/host`) && r.request().method() === 'POST'
	);
	await page.keyboard.press('PageDown');
	await expect(page.getByText('The answer:')).toBeVisible();
	await revealed;
	// Enter or Space on the focused End opens the question; the next one answers "keep playing".
	await end.focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await end.focus();
	await page.keyboard.press(' ');
	await expect(dialog).toBeVisible();
	await page.keyboard.press(' ');
	await expect(dialog).toBeHidden();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();

	// Cancelling with the mouse keeps the game too.
	await end.click();
	await keep.click();
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
	expect(actions).toEqual(['start', 'reveal', 'showLeaderboard']);

	// Confirming ends it: the podium, and no End any more.
	await end.click();
	await confirm.click();
	await expect(page.getByRole('heading', { name: 'Podium' })).toBeVisible();
	await expect(end).toBeHidden();
	expect(actions).toEqual(['start', 'reveal', 'showLeaderboard', 'finish']);
});
