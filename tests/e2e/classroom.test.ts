import type { Browser, Page } from '@playwright/test';
import { buildDeck } from '$lib/deck/deck';
import { expect, test } from '../helpers/csp';
import { lexicon, library } from '../helpers/library';

/**
 * A live class quiz in real Chromium: one teacher's projector and three students' phones, each
 * its own browser context (own cookies, own storage), from creating the quiz to the podium.
 */
const deck = buildDeck(library, { lexicon });
const cardByPrompt = (prompt: string) => {
	const card = deck.cards.find((c) => c.prompt === prompt && c.options.length > 0);
	if (!card) throw new Error(`No card with the prompt ${prompt}`);
	return card;
};

/** Records every message the page's EventSources receive, before the app sees it. */
async function recordEvents(page: Page) {
	await page.addInitScript(() => {
		const log: string[] = [];
		(window as unknown as { __events: string[] }).__events = log;
		const Original = window.EventSource;
		window.EventSource = class extends Original {
			constructor(url: string | URL, init?: EventSourceInit) {
				super(url, init);
				this.addEventListener('message', (event) => log.push((event as MessageEvent).data));
			}
		};
	});
}
const events = (page: Page) =>
	page.evaluate(() => (window as unknown as { __events: string[] }).__events.slice());

async function phone(browser: Browser, code: string, nickname: string) {
	const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
	const page = await context.newPage();
	await recordEvents(page);
	await page.goto(`/join?code=${code}`);
	await page.getByLabel('Nickname').fill(nickname);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page).toHaveURL(`/class/${code}/play`);
	await expect(page.locator('.me')).toContainText(nickname);
	return page;
}

test('a teacher hosts three questions; three students play to the podium, one reloading', async ({
	browser,
	page: host
}) => {
	test.setTimeout(90_000);
	await host.goto('/');
	await host.getByRole('link', { name: 'Host a class quiz' }).click();
	await expect(host.getByRole('heading', { name: 'Host a class quiz' })).toBeVisible();
	// Choices on the phone only (no typed numbers), three questions, a minute each.
	await host.getByLabel('Numbers').uncheck();
	await host.getByLabel('Number of questions').fill('3');
	await host.getByLabel('Time per question').selectOption('60');
	await host.getByRole('button', { name: 'Create the quiz' }).click();
	await expect(host).toHaveURL(/\/class\/[1-9]\d{5}\/host$/);
	const code = host.url().match(/class\/(\d{6})/)![1];
	await expect(host.getByTestId('game-code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
	await expect(host.getByRole('img', { name: /QR code/ })).toHaveAttribute(
		'alt',
		new RegExp(`/join\\?code=${code}`)
	);

	const [anna, bruno, chiara] = [
		await phone(browser, code, 'Anna'),
		await phone(browser, code, 'Bruno'),
		await phone(browser, code, 'Chiara')
	];
	await expect(anna.getByRole('heading', { name: 'You’re in, Anna!' })).toBeVisible();
	const players = host.getByRole('list', { name: 'Players in the game' });
	await expect(players.getByRole('listitem')).toHaveText(['Anna ×', 'Bruno ×', 'Chiara ×']);
	await expect(host.getByRole('button', { name: 'Start (3 questions)' })).toBeEnabled();
	// The teacher's presenter clicker (Page Down) starts the game.
	await expect(host.getByText(/presenter clicker moves the game on/)).toBeVisible();
	await host.locator('body').press('PageDown');

	let chiaraScore = '';
	let lastCard = deck.cards[0];
	for (let q = 0; q < 3; q++) {
		const prompt = host.locator('.prompt');
		await expect(host.getByText(`Question ${q + 1} of 3`)).toBeVisible();
		const card = cardByPrompt((await prompt.textContent())!.trim());
		lastCard = card;
		const wrong = card.options.find((o) => o !== card.answer)!;
		for (const student of [anna, bruno, chiara]) {
			await expect(student.getByText(`Question ${q + 1} of 3`)).toBeVisible();
		}

		// Nothing that reached a phone during the question holds the answer or the source sentence.
		for (const student of [anna, bruno, chiara]) {
			const seen = (await events(student))
				.filter((e) => JSON.parse(e).phase === 'question' && JSON.parse(e).questionIndex === q)
				.join('\n');
			expect(seen).toContain(card.prompt);
			expect(seen).not.toContain('"answer"');
			expect(seen).not.toContain(card.source.text);
			expect(await student.content()).not.toContain(card.source.text);
		}

		if (q === 1) {
			// Chiara's phone reloads mid-game: same player, same score, same question.
			await chiara.reload();
			await expect(chiara.locator('.me')).toContainText(chiaraScore);
			await expect(chiara.getByText('Question 2 of 3')).toBeVisible();
		}
		await anna.getByRole('button', { name: card.answer, exact: true }).click();
		await expect(anna.getByText('Answer sent. Wait for the others…')).toBeVisible();
		await chiara.getByRole('button', { name: q === 0 ? card.answer : wrong, exact: true }).click();
		if (q < 2) {
			// All three answered: the server reveals without waiting for the clock.
			await bruno.getByRole('button', { name: wrong, exact: true }).click();
		} else {
			// Bruno does not answer the last one; the teacher does not wait.
			await expect(host.getByText('Answers: 2 of 3')).toBeVisible();
			await host.getByRole('button', { name: 'Show the answer now' }).click();
		}
		await expect(host.getByText('The answer:')).toBeVisible();
		await expect(host.getByRole('list', { name: 'How the class answered' })).toBeVisible();
		await expect(host.getByText(card.source.text)).toBeVisible();
		await expect(anna.getByRole('heading', { name: /^Right! \+\d+ points$/ })).toBeVisible();
		await expect(
			bruno.getByRole('heading', { name: q < 2 ? 'Not quite' : 'No answer in time' })
		).toBeVisible();
		await expect(bruno.getByText(card.answer, { exact: true })).toBeVisible();
		if (q === 0) chiaraScore = (await chiara.locator('.me span').textContent())!;

		if (q === 1) {
			// Space moves on from the answer to the leaderboard.
			await host.locator('body').press(' ');
			await expect(
				host.getByRole('list', { name: 'Leaderboard' }).getByRole('listitem').first()
			).toContainText('Anna');
			await host.getByRole('button', { name: 'Next question' }).click();
		} else if (q < 2) {
			await host.getByRole('button', { name: 'Next question' }).click();
		} else {
			await host.getByRole('button', { name: 'Show the podium' }).click();
		}
	}

	const podium = host.getByRole('list', { name: 'Podium' });
	await expect(podium.getByRole('listitem')).toHaveCount(3);
	await expect(podium.getByRole('listitem').first()).toContainText('Anna');
	await expect(
		anna.getByRole('heading', { name: /You finished in place 1 with \d+ points/ })
	).toBeVisible();
	await expect(
		bruno.getByRole('heading', { name: 'You finished in place 3 with 0 points.' })
	).toBeVisible();

	// Class results feed each student's schedule. Anna's three right answers count as first
	// reviews (Good): the cards are in learning, not new.
	await anna.getByRole('button', { name: 'Add these 3 questions to my study deck' }).click();
	await expect(
		anna.getByText('Your 3 answers in class count as their first reviews')
	).toBeVisible();
	await anna.goto('/stats');
	const facts = anna.getByRole('region', { name: 'Facts' });
	await expect(facts.getByRole('row', { name: 'Learning 3' })).toBeVisible();
	// Bruno missed the last question: it has no review, and comes first among his new cards.
	await bruno.getByRole('button', { name: 'Add these 3 questions to my study deck' }).click();
	await expect(bruno.getByText('Your 2 answers in class count')).toBeVisible();
	await bruno.getByRole('link', { name: 'Study the facts' }).click();
	const first = (await bruno.locator('.card .prompt').textContent())!.trim();
	expect(deck.cards.find((c) => c.prompt === first)?.sibling).toBe(lastCard.sibling);

	// The report: students best first, and the CSV a spreadsheet opens.
	await host.getByRole('link', { name: 'Report' }).click();
	await expect(host.getByRole('heading', { name: 'Quiz report' })).toBeVisible();
	await expect(host.getByRole('row').nth(1)).toContainText('Anna');
	const csv = await (await host.request.get(`/class/${code}/report.csv`)).text();
	expect(csv).toContain('Rank,Nickname,Points,Right,Wrong,Unanswered');
	expect(csv).toMatch(/\r\n1,Anna,\d+,3,0,0,/);
	expect(csv).toMatch(/\r\n3,Bruno,0,0,2,1,/);
});

test('unknown codes, students on the host page and bad nicknames get clear answers', async ({
	page,
	browser
}) => {
	await page.goto('/join?code=999999');
	await page.getByLabel('Nickname').fill('Anna');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('alert')).toHaveText(/There is no quiz with the code 999999/);
	// Nothing typed is lost.
	await expect(page.getByLabel('Nickname')).toHaveValue('Anna');

	const response = await page.goto('/class/999999/play');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Quiz not found' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Join with another code' })).toBeVisible();

	// A real game: its host page refuses a student, and markup in a nickname stays text.
	const created = await page.request.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 2, secondsPerQuestion: 20 }
	});
	const { code } = await created.json();
	const student = await (await browser.newContext()).newPage();
	expect((await student.goto(`/class/${code}/host`))?.status()).toBe(403);
	await student.goto(`/join?code=${code}`);
	await student.getByLabel('Nickname').fill('<img src=x onerror=alert(1)>');
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('alert')).toHaveText(/letters, digits, spaces/);
	expect((await student.goto(`/class/${code}/print/key`))?.status()).toBe(403);
});

test('what a student types while the page is still loading is kept', async ({ page }) => {
	// A slow phone: the page is shown, its code arrives a second later.
	let release = () => {};
	const held = new Promise<void>((done) => (release = done));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/join?code=999999', { waitUntil: 'commit' });
	await page.getByLabel('Nickname').fill('Anna');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Nickname')).toHaveValue('Anna');
	await expect(page.getByLabel('Game code')).toHaveValue('999999');
});

test('the teacher removes a player during the game, from the leaderboard', async ({
	browser,
	page: host
}) => {
	const created = await host.request.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 2, secondsPerQuestion: 60 }
	});
	const { code } = await created.json();
	await host.goto(`/class/${code}/host`);
	const rude = await phone(browser, code, 'Maleducato');
	const kind = await phone(browser, code, 'Gentile');
	await expect(host.getByText('Players: 2')).toBeVisible();
	await host.getByRole('button', { name: 'Start (2 questions)' }).click();
	await host.getByRole('button', { name: 'Show the answer now' }).click();
	await host.getByRole('button', { name: 'Leaderboard' }).click();
	await host.getByRole('button', { name: 'Remove Maleducato' }).click();
	await expect(rude.getByRole('heading', { name: 'You have left the quiz' })).toBeVisible();
	await expect(host.getByRole('list', { name: 'Leaderboard' }).getByRole('listitem')).toHaveCount(
		1
	);
	await expect(kind.getByText('Look at the screen: the next question is coming.')).toBeVisible();
});

test('creating a quiz and joining it work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const teacher = await context.newPage();
	await teacher.goto('/class/new');
	await teacher.getByLabel('Number of questions').fill('2');
	await teacher.getByLabel('Self-paced assignment with a deadline').check();
	await teacher.getByRole('button', { name: 'Create the quiz' }).click();
	await expect(teacher.getByText(/^Open until /)).toBeVisible();
	const code = teacher.url().match(/class\/(\d{6})/)![1];

	const student = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await student.goto(`/join?code=${code}`);
	await student.getByLabel('Nickname').fill('Elena');
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student).toHaveURL(`/class/${code}/play`);
	await expect(student.getByText('Question 1 of 2')).toBeVisible();
});

test('the teacher prints the quiz and, separately, its answer key', async ({ page }) => {
	await page.goto('/class/new');
	await page.getByLabel('Number of questions').fill('4');
	await page.getByRole('button', { name: 'Create the quiz' }).click();
	// The form is enhanced: the host page comes after the reply, not with the click.
	await expect(page).toHaveURL(/\/class\/\d{6}\/host$/);
	const code = page.url().match(/class\/(\d{6})/)![1];
	await page.goto(`/class/${code}/print`);
	const questions = page.locator('.questions > li');
	await expect(questions).toHaveCount(4);
	const prompts = (await page.locator('.questions .prompt').allTextContents()).map((t) => t.trim());
	const answers = prompts.map((p) => deck.cards.find((c) => c.prompt === p)!);
	// The questions sheet holds no sentence from the article (those give the answers away).
	for (const card of answers) expect(await page.content()).not.toContain(card.source.text);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();

	await page.emulateMedia({ media: 'screen' });
	await page.getByRole('link', { name: 'Answer key' }).click();
	await expect(page.locator('.answers > li')).toHaveCount(4);
	// Two questions may come from one sentence.
	for (const card of answers) await expect(page.getByText(card.source.text).first()).toBeVisible();
});

test('a self-paced assignment: a student works alone, the teacher sees results come in', async ({
	browser,
	page: teacher
}) => {
	await teacher.goto('/class/new');
	await teacher.getByLabel('Numbers').uncheck();
	await teacher.getByLabel('Number of questions').fill('3');
	await teacher.getByLabel('Self-paced assignment with a deadline').check();
	await teacher.getByLabel('Open for').selectOption('72');
	await teacher.getByRole('button', { name: 'Create the quiz' }).click();
	await expect(teacher.getByText(/^Open until /)).toBeVisible();
	const code = teacher.url().match(/class\/(\d{6})/)![1];
	// The teacher's access lasts as long as the results: three days open, a week after (the
	// browser's one host cookie outlives the longest assignment).
	const hostCookie = (await teacher.context().cookies()).find((c) => c.name === 'ripasso_host');
	expect(hostCookie!.expires * 1000).toBeGreaterThan(Date.now() + 9.9 * 24 * 60 * 60_000);
	await teacher.getByRole('link', { name: 'Results so far' }).click();
	await expect(teacher.getByText('Nothing yet')).toBeVisible();

	const student = await phone(browser, code, 'Dario');
	// So does a student's: coming back days later, they are the same player.
	const playerCookie = (await student.context().cookies()).find(
		(c) => c.name === `ripasso_player_${code}`
	);
	expect(playerCookie!.expires * 1000).toBeGreaterThan(Date.now() + 9.9 * 24 * 60 * 60_000);
	for (let q = 0; q < 3; q++) {
		await expect(student.getByText(`Question ${q + 1} of 3`)).toBeVisible();
		const prompt = (await student.locator('.prompt').textContent())!.trim();
		const card = cardByPrompt(prompt);
		// Before answering, what reached the phone about this question holds neither its answer
		// nor its sentence; only earlier questions are revealed.
		const ofThis = async () =>
			(await events(student)).map((e) => JSON.parse(e)).filter((v) => v.index === q);
		// The page is drawn by the server first; wait for the stream's own message too.
		await expect.poll(async () => (await ofThis()).length).toBeGreaterThan(0);
		const current = await ofThis();
		for (const v of current) {
			expect(v.last?.index ?? -1).toBeLessThan(q);
			expect(Object.keys(v.question)).not.toContain('answer');
			expect(JSON.stringify(v.question)).not.toContain(card.source.text);
		}
		const given = q === 1 ? card.options.find((o) => o !== card.answer)! : card.answer;
		await student.getByRole('button', { name: given, exact: true }).click();
		await expect(
			student.getByRole('heading', { name: q === 1 ? 'Not quite' : 'Right! +1000 points' })
		).toBeVisible();
		await expect(student.getByText(card.source.text)).toBeVisible();
		if (q === 0) {
			// The teacher's open report updates by itself.
			await expect(teacher.getByRole('row', { name: /Dario/ })).toContainText('1000');
		}
		await student.getByRole('button', { name: q < 2 ? 'Next question' : 'See my result' }).click();
	}
	await expect(
		student.getByRole('heading', { name: 'Done! 2000 points for 3 questions.' })
	).toBeVisible();
	await expect(teacher.getByRole('row', { name: /Dario/ })).toContainText('2000');
});

test("the teacher's open report follows a live game without reloading itself", async ({
	browser,
	page: teacher
}) => {
	const created = await teacher.request.post('/api/class', {
		data: {
			article: 'mosca-pyongyang',
			questions: 2,
			secondsPerQuestion: 60,
			kinds: ['true-false']
		}
	});
	const { code } = await created.json();
	const anna = await phone(browser, code, 'Anna');
	const bruno = await phone(browser, code, 'Bruno');
	const act = (action: string) =>
		teacher.request.post(`/api/class/${code}/host`, { data: { action } });
	const say = (student: Page, questionIndex: number) =>
		student.request.post(`/api/class/${code}/answer`, { data: { questionIndex, choice: 0 } });

	const requests: string[] = [];
	teacher.on('request', (r) => requests.push(`${r.resourceType()} ${new URL(r.url()).pathname}`));
	const summaries = () => requests.filter((r) => r.endsWith('/report.json')).length;
	await teacher.goto(`/class/${code}/report`);
	await expect(teacher.getByText('questions played: 0 of 2')).toBeVisible();
	await expect.poll(() => requests.some((r) => r.endsWith('/events'))).toBe(true);

	// Answers to a question that is still open change nothing the report shows: nothing fetched.
	await act('start');
	await say(anna, 0);
	await teacher.waitForTimeout(1500);
	expect(summaries()).toBe(0);
	// The last answer reveals the question: the tables come in one small request.
	await say(bruno, 0);
	await expect(teacher.getByText('questions played: 1 of 2')).toBeVisible();
	expect(summaries()).toBe(1);
	// Moving on shows nothing new here; ending reveals the second question.
	await act('showLeaderboard');
	await act('next');
	await teacher.waitForTimeout(1500);
	expect(summaries()).toBe(1);
	await act('finish');
	await expect(teacher.getByText('questions played: 2 of 2')).toBeVisible();
	await expect(teacher.getByRole('row', { name: /Anna/ })).toBeVisible();
	expect(summaries()).toBe(2);
	// One page load: never the page's data again, never a reload.
	expect(requests.filter((r) => r.startsWith('document '))).toEqual([
		`document /class/${code}/report`
	]);
	expect(requests.filter((r) => r.includes('__data.json'))).toEqual([]);
});
