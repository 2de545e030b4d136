import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as requestFactory, test } from '@playwright/test';
import { buildDeck } from '$lib/deck/deck';
import { library } from '../helpers/library';
import { freePort, startServer, stopServer } from '../helpers/server';
import { firstEvent } from '../helpers/sse';

/**
 * A server restart in the middle of a question: its own server process on a free port with its
 * own data folder, stopped and started again; the game, the answers and the scores must survive.
 */
const deck = buildDeck(library);

test('a game in progress resumes after a server restart, answers and scores kept', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-restart-'));
	const emptyDir = mkdtempSync(join(tmpdir(), 'ripasso-empty-'));
	let server = await startServer(port, dataDir);
	try {
		const context = () =>
			requestFactory.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
		const host = await context();
		const created = await host.post('/api/class', {
			data: {
				article: 'mosca-pyongyang',
				questions: 2,
				secondsPerQuestion: 60,
				kinds: ['multiple-choice']
			}
		});
		const { code } = await created.json();
		const [anna, bruno] = [await context(), await context()];
		await anna.post(`/api/class/${code}/join`, { data: { nickname: 'Anna' } });
		await bruno.post(`/api/class/${code}/join`, { data: { nickname: 'Bruno' } });
		await host.post(`/api/class/${code}/host`, { data: { action: 'start' } });
		const { view: question } = await firstEvent(base, code, anna);
		const card = deck.cards.find((c) => c.prompt === question.question.prompt && c.options.length)!;
		expect(
			(
				await anna.post(`/api/class/${code}/answer`, {
					data: { questionIndex: 0, given: card.answer }
				})
			).status()
		).toBe(200);

		// Anna's phone is open on the game while the server stops mid-question and starts again
		// on the same data folder.
		const phone = await (
			await browser.newContext({ storageState: await anna.storageState() })
		).newPage();
		await phone.goto(`${base}/class/${code}/play`);
		await expect(phone.getByText('Answer sent. Wait for the others…')).toBeVisible();
		await stopServer(server);
		await expect(phone.getByText('Connection lost: reconnecting…')).toBeVisible();
		server = await startServer(port, dataDir);

		const { view: resumed } = await firstEvent(base, code, anna);
		expect(resumed).toMatchObject({
			phase: 'question',
			questionIndex: 0,
			answered: true,
			score: 0
		});
		// Anna cannot answer twice, even across the restart; Bruno's answer closes the question.
		expect(
			(
				await anna.post(`/api/class/${code}/answer`, {
					data: { questionIndex: 0, given: card.answer }
				})
			).status()
		).toBe(409);
		const wrong = card.options.find((o) => o !== card.answer)!;
		expect(
			(
				await bruno.post(`/api/class/${code}/answer`, { data: { questionIndex: 0, given: wrong } })
			).status()
		).toBe(200);
		// The phone's event stream reconnected by itself and shows the result, without a reload.
		await expect(phone.getByRole('heading', { name: /^Right! \+\d+ points$/ })).toBeVisible({
			timeout: 15_000
		});
		const { view: revealed } = await firstEvent(base, code, anna);
		expect(revealed.phase).toBe('reveal');
		expect(revealed.result).toMatchObject({ given: card.answer, correct: true });
		expect(revealed.score).toBeGreaterThan(500);
		// The same phone rejoins as the same player after the restart.
		const again = await anna.post(`/api/class/${code}/join`, { data: { nickname: 'Anna' } });
		expect((await again.json()).player.nickname).toBe('Anna');
		const { view: board } = await firstEvent(base, code, host);
		expect(board.playerCount).toBe(2);

		// A server that no longer knows the game (its data gone, as after expiry) refuses the
		// stream; the phone stops retrying and says what to do instead of waiting forever.
		await stopServer(server);
		server = await startServer(port, emptyDir);
		await expect(phone.getByRole('alert')).toHaveText(/no longer connected to the game/, {
			timeout: 15_000
		});
	} finally {
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
		rmSync(emptyDir, { recursive: true, force: true });
	}
});
