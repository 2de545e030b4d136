import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as requestFactory, test, type Browser } from '@playwright/test';
import { buildDeck } from '$lib/deck/deck';
import { library } from '../helpers/library';
import { testDatabase } from '../helpers/postgres';
import { freePort, startServer, stopServer, type TestServer } from '../helpers/server';

/**
 * Two app instances on two ports, one PostgreSQL (the throwaway server of
 * `scripts/test-postgres.sh`, in RIPASSO_TEST_DATABASE_URL): the teacher's projector on A,
 * students on A and B, a game played to the podium while B crashes mid-question and starts
 * again. Every answer a phone was told was sent counts on the podium.
 */
const pgUrl = process.env.RIPASSO_TEST_DATABASE_URL;
if (!pgUrl && process.env.CI) {
	throw new Error('CI runs the two-instance test on PostgreSQL: set RIPASSO_TEST_DATABASE_URL.');
}
const deck = buildDeck(library);
const cardByPrompt = (prompt: string) =>
	deck.cards.find((c) => c.prompt === prompt && c.options.length > 0)!;

/** Kills the server as a crash would: no time to finish anything, nothing released. */
async function kill(server: TestServer) {
	const exited = new Promise((done) => server.process.once('exit', done));
	process.kill(-server.process.pid!, 'SIGKILL');
	await exited;
}

async function phone(browser: Browser, base: string, code: string, nickname: string) {
	const page = await (
		await browser.newContext({ viewport: { width: 390, height: 800 } })
	).newPage();
	await page.goto(`${base}/join?code=${code}`);
	await page.getByLabel('Nickname').fill(nickname);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page).toHaveURL(`${base}/class/${code}/play`);
	await expect(page.locator('.me')).toContainText(nickname);
	return page;
}

test('two instances serve one game to the podium; one crashes mid-question, nothing is lost', async ({
	browser
}) => {
	test.skip(
		!pgUrl,
		'No RIPASSO_TEST_DATABASE_URL: run it with scripts/test-postgres.sh npx playwright test ' +
			'tests/e2e/classroom-multi-instance.test.ts'
	);
	test.setTimeout(120_000);
	const database = await testDatabase(pgUrl!, 'ripasso_e2e');
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-multi-'));
	const env = {
		DATABASE_URL: database.url,
		RIPASSO_CREATE_LIMIT: '10000',
		RIPASSO_PROBE_LIMIT: '10000'
	};
	const [portA, portB] = [await freePort(), await freePort()];
	// One after the other: the first builds the app if the build is stale.
	const a = await startServer(portA, join(dataDir, 'a'), env, { timeoutMs: 180_000 });
	let b = await startServer(portB, join(dataDir, 'b'), env);
	const [baseA, baseB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
	try {
		const teacher = await requestFactory.newContext({
			baseURL: baseA,
			extraHTTPHeaders: { origin: baseA }
		});
		const created = await teacher.post('/api/class', {
			data: {
				article: 'mosca-pyongyang',
				questions: 2,
				secondsPerQuestion: 60,
				speedBonus: false,
				kinds: ['multiple-choice']
			}
		});
		expect(created.status()).toBe(201);
		const { code } = await created.json();
		const host = await (
			await browser.newContext({ storageState: await teacher.storageState() })
		).newPage();
		await host.goto(`${baseA}/class/${code}/host`);

		// Anna plays on A, Bruno and Carla on B: the projector on A sees all three join.
		const anna = await phone(browser, baseA, code, 'Anna');
		const bruno = await phone(browser, baseB, code, 'Bruno');
		const carla = await phone(browser, baseB, code, 'Carla');
		const players = host.getByRole('list', { name: 'Players in the game' });
		await expect(players.getByRole('listitem')).toHaveText(['Anna ×', 'Bruno ×', 'Carla ×']);
		await host.getByRole('button', { name: 'Start (2 questions)' }).click();

		const question = async (n: number) => {
			await expect(host.getByText(`Question ${n} of 2`)).toBeVisible();
			for (const student of [anna, bruno, carla]) {
				await expect(student.getByText(`Question ${n} of 2`)).toBeVisible();
			}
			const card = cardByPrompt((await host.locator('.prompt').textContent())!.trim());
			return { card, wrong: card.options.find((o) => o !== card.answer)! };
		};
		const answer = async (student: typeof anna, option: string) => {
			await student.getByRole('button', { name: option, exact: true }).click();
		};

		// Question 1: Anna and Bruno right, Carla wrong; the last answer reveals, on whichever
		// instance took it, and every screen shows it.
		const first = await question(1);
		await answer(anna, first.card.answer);
		await answer(bruno, first.card.answer);
		await answer(carla, first.wrong);
		await expect(host.getByText('The answer:')).toBeVisible();
		await expect(bruno.getByRole('heading', { name: 'Right! +1000 points' })).toBeVisible();
		await expect(carla.getByRole('heading', { name: 'Not quite' })).toBeVisible();
		await host.getByRole('button', { name: 'Next question' }).click();

		// Question 2: Bruno's right answer is taken by B, which then crashes.
		const second = await question(2);
		await answer(bruno, second.card.answer);
		await expect(bruno.getByText('Answer sent. Wait for the others…')).toBeVisible();
		await kill(b);
		await expect(carla.getByText('Connection lost: reconnecting…')).toBeVisible();
		await answer(anna, second.wrong);
		await expect(anna.getByText('Answer sent. Wait for the others…')).toBeVisible();

		// B starts again; Carla's phone reconnects by itself and she answers last.
		b = await startServer(portB, join(dataDir, 'b'), env);
		await expect(carla.getByText('Connection lost: reconnecting…')).toBeHidden({ timeout: 15_000 });
		await answer(carla, second.wrong);
		await expect(host.getByText('The answer:')).toBeVisible();
		await expect(bruno.getByRole('heading', { name: 'Right! +1000 points' })).toBeVisible();

		await host.getByRole('button', { name: 'Show the podium' }).click();
		const podium = host.getByRole('list', { name: 'Podium' }).getByRole('listitem');
		await expect(podium).toHaveCount(3);
		await expect(podium.nth(0)).toContainText(/Bruno.*2000/);
		await expect(podium.nth(1)).toContainText(/Anna.*1000/);
		await expect(podium.nth(2)).toContainText(/Carla.*\b0\b/);
		await expect(
			bruno.getByRole('heading', { name: /You finished in place 1 with 2000 points/ })
		).toBeVisible();
	} finally {
		await stopServer(b);
		await stopServer(a);
		await database.drop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
