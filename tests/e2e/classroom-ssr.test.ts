import {
	expect,
	request as requestFactory,
	test,
	type APIRequestContext,
	type Browser,
	type Page
} from '@playwright/test';
import type { AssignmentView, LiveHostView, QuestionView } from '$lib/classroom/views';

/** A question as the projector (and a phone outside classic mode) shows it: with its prompt. */
type Shown = QuestionView & { prompt: string };
import { shownText, squash } from '../helpers/html';
import { firstEvent } from '../helpers/sse';

/**
 * The classroom pages as the server renders them, in every phase of a live game and of a
 * self-paced assignment. A projector reloaded mid-question, a phone that reconnects and a page
 * opened without JavaScript all get this HTML first, so code that only a browser can run
 * (`document`, `window`, `EventSource`…) must never run while it is made: that is a 500 in the
 * middle of a lesson. Pages are read with Playwright's `request` (no JavaScript at all), then
 * once each in Chromium, where hydration must throw nothing.
 */

const ARTICLE = 'mosca-pyongyang';
/** Choices only: every question has options a student can send without typing. */
const KINDS = ['multiple-choice', 'true-false'];

/** One audience's page: who reads it (their cookies) and where, with and without JavaScript. */
interface Screen {
	name: string;
	client: APIRequestContext;
	path: string;
	page: Page;
	errors: string[];
}

/** What a page must show in a phase, and what it must not. */
interface Shows {
	text: (string | RegExp)[];
	absent?: string[];
	/** Whether the page follows the game's event stream in this phase. */
	live?: boolean;
}

async function client(baseURL: string): Promise<APIRequestContext> {
	return requestFactory.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

async function screen(
	browser: Browser,
	name: string,
	client: APIRequestContext,
	path: string
): Promise<Screen> {
	const context = await browser.newContext({ storageState: await client.storageState() });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
	return { name, client, path, page, errors };
}

function expectShown(text: string, shows: Shows, label: string) {
	for (const wanted of shows.text) {
		if (typeof wanted === 'string') expect(text, label).toContain(squash(wanted));
		else expect(text, label).toMatch(wanted);
	}
	for (const unwanted of shows.absent ?? []) expect(text, label).not.toContain(squash(unwanted));
}

/**
 * Each screen in this phase: the server's HTML (status 200, what the phase shows), then the same
 * page in Chromium, hydrated, showing the same with no error thrown.
 */
async function phase(name: string, screens: [Screen, Shows][]) {
	await test.step(name, async () => {
		for (const [screen, shows] of screens) {
			const label = `${name}: ${screen.path} as ${screen.name}`;
			const response = await screen.client.get(screen.path, {
				headers: { accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), label).toBe(200);
			expect(response.headers()['content-type'], label).toContain('text/html');
			expectShown(shownText(await response.text()), shows, `${label} (server)`);

			// Errors are never cleared: one thrown while an open page followed the game into this
			// phase fails it too.
			const { page, errors } = screen;
			const stream =
				shows.live === false
					? null
					: page.waitForRequest((request) => request.url().endsWith('/events'));
			expect((await page.goto(screen.path))?.status(), label).toBe(200);
			// SvelteKit hands the page to its router once hydration is over.
			await page.waitForFunction(() => history.scrollRestoration === 'manual');
			// The page's effects have run: it opened the game's stream.
			await stream;
			// Hydration that fails is replaced by an error page: the phase must still be there.
			const main = page.locator('main');
			for (const wanted of shows.text)
				await expect(main, `${label} (browser)`).toContainText(wanted);
			expect(errors, `${label} (browser)`).toEqual([]);
		}
	});
}

test('a live game renders on the server in every phase: projector, phones and report', async ({
	baseURL,
	browser
}) => {
	test.setTimeout(120_000);
	const base = baseURL!;
	const teacher = await client(base);
	const created = await teacher.post('/api/class', {
		// A minute a question: the clock never moves the game on by itself here, the host does.
		data: { article: ARTICLE, questions: 2, secondsPerQuestion: 60, speedBonus: true, kinds: KINDS }
	});
	expect(created.status()).toBe(201);
	const { code } = (await created.json()) as { code: string };
	const students: Record<string, APIRequestContext> = {};
	for (const nickname of ['Anna', 'Bruno', 'Carla']) {
		students[nickname] = await client(base);
		const joined = await students[nickname].post(`/api/class/${code}/join`, { data: { nickname } });
		expect(joined.status()).toBe(200);
	}
	const act = async (action: string, playerId?: string) =>
		expect(
			(await teacher.post(`/api/class/${code}/host`, { data: { action, playerId } })).status(),
			action
		).toBe(200);
	const answer = async (nickname: string, questionIndex: number, given: string) =>
		expect(
			(
				await students[nickname].post(`/api/class/${code}/answer`, {
					data: { questionIndex, given }
				})
			).status()
		).toBe(200);
	const view = async () => (await firstEvent(base, code, teacher)).view as LiveHostView;

	const host = await screen(browser, 'host', teacher, `/class/${code}/host`);
	const report = await screen(browser, 'host', teacher, `/class/${code}/report`);
	const anna = await screen(browser, 'Anna', students.Anna, `/class/${code}/play`);
	const bruno = await screen(browser, 'Bruno', students.Bruno, `/class/${code}/play`);
	const carla = await screen(browser, 'Carla', students.Carla, `/class/${code}/play`);
	const meta = (students: number, played: number) =>
		`Code ${code} · students: ${students} · questions played: ${played} of 2`;
	const lobby = await view();
	const carlaId = lobby.players!.find((p) => p.nickname === 'Carla')!.id;

	await phase('lobby', [
		[
			host,
			{
				text: [`${code.slice(0, 3)} ${code.slice(3)}`, 'Players: 3', 'Anna', 'Bruno', 'Carla'],
				absent: ['End the game']
			}
		],
		[anna, { text: ['You’re in, Anna!', 'Look at the class screen: the quiz starts soon.'] }],
		[bruno, { text: ['You’re in, Bruno!'] }],
		[report, { text: ['Quiz report', meta(3, 0), 'Nothing yet'] }]
	]);

	// The teacher removes Carla before the start: her phone says so instead of showing the game.
	await act('removePlayer', carlaId);
	await phase('lobby, a player removed', [
		// Out of the players, into the list of the removed, with an undo.
		[host, { text: ['Players: 2', 'Anna', 'Bruno', 'Removed Carla Undo'], absent: ['Carla ×'] }],
		[carla, { text: ['You have left the quiz', 'The teacher removed you from this quiz.'] }]
	]);

	await act('start');
	const first = (await view()).question! as Shown;
	// Anna answers, Bruno does not: both kinds of phone during a question.
	await answer('Anna', 0, first.options[0]);
	await phase('question 1', [
		[
			host,
			{
				text: ['Question 1 of 2', first.prompt, ...first.options, 'Answers: 1 of 2'],
				absent: ['The answer:']
			}
		],
		[anna, { text: ['Question 1 of 2', first.prompt, 'Answer sent. Wait for the others…'] }],
		[bruno, { text: [first.prompt, ...first.options], absent: ['Answer sent'] }],
		[report, { text: [meta(2, 0)] }]
	]);

	await act('reveal');
	const firstReveal = (await view()).reveal!;
	await phase('reveal 1', [
		[
			host,
			{
				text: [
					first.prompt,
					`The answer: ${firstReveal.answer}`,
					firstReveal.source.text,
					'Show in the article',
					'Leaderboard'
				]
			}
		],
		[
			anna,
			{
				text: [
					firstReveal.answer === first.options[0] ? /Right! \+\d+ points/ : 'Not quite',
					`The answer: ${firstReveal.answer}`,
					firstReveal.source.text,
					/You are in place [12]\./
				]
			}
		],
		[bruno, { text: ['No answer in time', `The answer: ${firstReveal.answer}`] }],
		[report, { text: [meta(2, 1), first.prompt, firstReveal.answer, 'Anna', 'Bruno'] }]
	]);

	await act('showLeaderboard');
	const board = (await view()).leaderboard!;
	expect(board.map((s) => s.nickname).sort()).toEqual(['Anna', 'Bruno']);
	const rows = board.map((s) => `#${s.rank} ${s.nickname} ${s.score} points`);
	await phase('leaderboard', [
		[host, { text: ['Leaderboard', ...rows, 'Next question'] }],
		[anna, { text: ['Look at the screen: the next question is coming.'] }],
		[bruno, { text: ['Look at the screen: the next question is coming.'] }],
		[report, { text: [meta(2, 1)] }]
	]);

	await act('next');
	const second = (await view()).question! as Shown;
	await answer('Bruno', 1, second.options[0]);
	await phase('question 2', [
		[host, { text: ['Question 2 of 2', second.prompt, 'Answers: 1 of 2'] }],
		[anna, { text: [second.prompt, ...second.options], absent: ['Answer sent'] }],
		[bruno, { text: [second.prompt, 'Answer sent. Wait for the others…'] }],
		[report, { text: [meta(2, 1)] }]
	]);

	await act('reveal');
	const secondReveal = (await view()).reveal!;
	await phase('reveal 2', [
		[
			host,
			{ text: [`The answer: ${secondReveal.answer}`, secondReveal.source.text, 'Show the podium'] }
		],
		[anna, { text: ['No answer in time', `The answer: ${secondReveal.answer}`] }],
		[
			bruno,
			{
				text: [
					secondReveal.answer === second.options[0] ? /Right! \+\d+ points/ : 'Not quite',
					`The answer: ${secondReveal.answer}`
				]
			}
		],
		[report, { text: [meta(2, 2), first.prompt, second.prompt] }]
	]);

	await act('next');
	const podium = (await view()).podium!;
	expect(podium).toHaveLength(2);
	const place = (nickname: string) => podium.find((s) => s.nickname === nickname)!;
	const final = (nickname: string) =>
		`You finished in place ${place(nickname).rank} with ${place(nickname).score} points.`;
	const places = podium.map((s) => `#${s.rank} ${s.nickname} ${s.score} points`);
	await phase('podium', [
		[host, { text: ['Podium', ...places, 'Report'], absent: ['End the game', 'Game code:'] }],
		[anna, { text: [final('Anna'), ...places, 'Add these 2 questions to my study deck'] }],
		[bruno, { text: [final('Bruno'), ...places] }],
		// A finished game's report no longer follows the stream: nothing will change.
		[report, { text: [meta(2, 2), first.prompt, second.prompt], live: false }]
	]);
});

test('a question answered with a typed number renders on the server too', async ({
	baseURL,
	browser
}) => {
	const base = baseURL!;
	const teacher = await client(base);
	const created = await teacher.post('/api/class', {
		data: { article: ARTICLE, questions: 1, secondsPerQuestion: 60, kinds: ['numeric'] }
	});
	expect(created.status()).toBe(201);
	const { code } = (await created.json()) as { code: string };
	const student = await client(base);
	expect(
		(await student.post(`/api/class/${code}/join`, { data: { nickname: 'Anna' } })).status()
	).toBe(200);
	expect(
		(await teacher.post(`/api/class/${code}/host`, { data: { action: 'start' } })).status()
	).toBe(200);
	const question = (await firstEvent(base, code, teacher)).view.question as Shown;
	expect(question.options).toEqual([]);
	await phase('a number to type', [
		[
			await screen(browser, 'host', teacher, `/class/${code}/host`),
			{ text: [question.prompt, 'Students type a number on their phones.'] }
		],
		[
			await screen(browser, 'Anna', student, `/class/${code}/play`),
			{ text: [question.prompt, 'Your answer (a number)', 'Send'] }
		]
	]);
});

test('a self-paced assignment renders on the server open, mid-way, done and closed', async ({
	baseURL,
	browser
}) => {
	test.setTimeout(120_000);
	const base = baseURL!;
	const teacher = await client(base);
	// Assignments are created with the form (as a browser without JavaScript sends it).
	const form = new URLSearchParams({
		article: ARTICLE,
		questions: '2',
		seconds: '20',
		mode: 'assignment',
		openFor: '24',
		track: 'facts'
	});
	for (const kind of KINDS) form.append('kind', kind);
	const created = await teacher.post('/class/new', {
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		data: form.toString(),
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	const code = created.headers()['location'].match(/^\/class\/(\d{6})\/host$/)![1];

	const students: Record<string, APIRequestContext> = {};
	for (const nickname of ['Dario', 'Elena', 'Fabio']) {
		students[nickname] = await client(base);
		const joined = await students[nickname].post(`/api/class/${code}/join`, { data: { nickname } });
		expect(joined.status()).toBe(200);
	}
	const view = async (nickname: string) =>
		(await firstEvent(base, code, students[nickname])).view as AssignmentView;
	/** Sends the student's answer to the question they are on: its first option. */
	const answerNext = async (nickname: string) => {
		const { index, question } = await view(nickname);
		const response = await students[nickname].post(`/api/class/${code}/answer`, {
			data: { questionIndex: index, given: question!.options[0] }
		});
		expect(response.status()).toBe(200);
		return (await view(nickname)).last!;
	};
	const feedback = (last: NonNullable<AssignmentView['last']>) => [
		last.correct ? 'Right! +1000 points' : 'Not quite',
		`The answer: ${last.answer}`,
		last.source.text
	];

	const host = await screen(browser, 'host', teacher, `/class/${code}/host`);
	const report = await screen(browser, 'host', teacher, `/class/${code}/report`);
	const [dario, elena, fabio] = await Promise.all(
		['Dario', 'Elena', 'Fabio'].map((n) => screen(browser, n, students[n], `/class/${code}/play`))
	);
	const opening = (await view('Dario')).question! as Shown;
	const hostOpen = [
		'Self-paced assignment: 2 questions',
		/Open until .+\. Share the address and code, or the QR code\./,
		'Players: 3',
		'Results so far'
	];

	await phase('open', [
		[host, { text: [...hostOpen, 'Close now', `${code.slice(0, 3)} ${code.slice(3)}`] }],
		[dario, { text: ['Dario', 'Question 1 of 2', opening.prompt, ...opening.options] }],
		// Self-paced: every question is open to every student at once, so all count from the start.
		[report, { text: ['students: 3 · questions played: 2 of 2', 'Dario', opening.prompt] }]
	]);

	const elenaFirst = await answerNext('Elena');
	await phase('a student mid-way', [
		[host, { text: hostOpen }],
		// Back on the page, a student sees how their last answer went before moving on.
		[elena, { text: [...feedback(elenaFirst), 'Next question'] }],
		[dario, { text: ['Question 1 of 2', opening.prompt] }],
		[report, { text: ['Elena', elenaFirst.correct ? '1000' : '0'] }]
	]);

	await answerNext('Dario');
	const darioLast = await answerNext('Dario');
	await phase('a student done', [
		[host, { text: hostOpen }],
		[dario, { text: [...feedback(darioLast), 'See my result'] }],
		[fabio, { text: ['Question 1 of 2'] }],
		[report, { text: ['Dario', 'Elena', 'Fabio'] }]
	]);
	await dario.page.getByRole('button', { name: 'See my result' }).click();
	await expect(
		dario.page.getByRole('heading', { name: /^Done! \d+ points for 2 questions\.$/ })
	).toBeVisible();
	expect(dario.errors).toEqual([]);

	expect(
		(await teacher.post(`/api/class/${code}/host`, { data: { action: 'finish' } })).status()
	).toBe(200);
	await phase('closed', [
		[
			host,
			{ text: ['Closed: no more answers are taken.', 'Results so far'], absent: ['Close now'] }
		],
		[fabio, { text: ['This assignment is closed.', 'Add these 2 questions to my study deck'] }],
		[elena, { text: [...feedback(elenaFirst), 'See my result'] }],
		[dario, { text: [...feedback(darioLast), 'See my result'] }],
		[report, { text: ['Dario', 'Elena', 'Fabio'], live: false }]
	]);
});
