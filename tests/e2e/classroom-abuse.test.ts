import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	expect,
	request as requestFactory,
	test,
	type APIRequestContext,
	type APIResponse
} from '@playwright/test';
import { freePort, startServer, stopServer, type TestServer } from '../helpers/server';
import { firstEvent } from '../helpers/sse';

/**
 * A student who wants to win and a visitor who wants to break things, against a server of its
 * own with small limits (every request here comes from one address, 127.0.0.1). Bounded: a few
 * dozen requests on loopback.
 */
let server: TestServer;
let base = '';
let dataDir = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'ripasso-abuse-'));
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	server = await startServer(port, dataDir, {
		RIPASSO_PROBE_LIMIT: '5',
		RIPASSO_CREATE_LIMIT: '10',
		RIPASSO_HOST_GAMES: '5'
	});
});

test.afterAll(async () => {
	await stopServer(server);
	rmSync(dataDir, { recursive: true, force: true });
});

const client = () =>
	requestFactory.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });

/** Status and error code of a refusal (every refusal has both, and a message). */
async function refusal(response: Promise<APIResponse>) {
	const r = await response;
	const body = await r.json();
	expect(typeof body.message).toBe('string');
	return [r.status(), body.code];
}

async function newGame(host: APIRequestContext, data: Record<string, unknown> = {}) {
	const created = await host.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 2, secondsPerQuestion: 60, ...data }
	});
	expect(created.status()).toBe(201);
	return ((await created.json()) as { code: string }).code;
}

async function joined(code: string, nickname: string) {
	const phone = await client();
	const response = await phone.post(`/api/class/${code}/join`, { data: { nickname } });
	expect(response.status(), nickname).toBe(200);
	return phone;
}

test('bad requests get a 4xx with a code, never a 500', async () => {
	const host = await client();
	const code = await newGame(host, { kinds: ['multiple-choice'] });
	const phone = await joined(code, 'Anna');
	const raw = (data: string) => ({
		data: Buffer.from(data),
		headers: { 'content-type': 'application/json' }
	});
	for (const body of ['null', '[]', '"text"', '7', '{"article":1}', '{"questions":"3"}']) {
		expect(await refusal(host.post('/api/class', raw(body))), body).toEqual([400, 'bad-request']);
	}
	for (const body of ['null', '[]', '"Anna"', '{"nickname":7}']) {
		expect(await refusal(phone.post(`/api/class/${code}/join`, raw(body))), body).toEqual([
			400,
			'bad-request'
		]);
	}
	for (const body of [
		'null',
		'[]',
		'{"action":"explode"}',
		'{"action":"removePlayer","playerId":"x"}'
	]) {
		expect(await refusal(host.post(`/api/class/${code}/host`, raw(body))), body).toEqual([
			400,
			'bad-request'
		]);
	}
	// Forms, posted as a browser without JavaScript does (SvelteKit answers JSON otherwise): an
	// action that does not exist, and a form of the wrong shape.
	const page = { accept: 'text/html' };
	for (const path of ['/join?/unknown', '/class/new?/unknown']) {
		const response = await host.post(path, { form: { code }, headers: page });
		expect(response.status(), path).toBeGreaterThanOrEqual(400);
		expect(response.status(), path).toBeLessThan(500);
	}
	expect(
		(
			await host.post('/join', { form: { code, nickname: 'x'.repeat(5000) }, headers: page })
		).status()
	).toBe(400);
	// A forged 15 KB cookie is nobody, not a player id (nor a 500, nor a key the limiter keeps).
	const forged = await requestFactory.newContext({
		baseURL: base,
		extraHTTPHeaders: { origin: base, cookie: `ripasso_player_${code}=${'x'.repeat(15_000)}` }
	});
	expect(await refusal(forged.get(`/api/class/${code}/events`))).toEqual([401, 'not-joined']);
	expect(
		await refusal(
			forged.post(`/api/class/${code}/answer`, { data: { questionIndex: 0, choice: 0 } })
		)
	).toEqual([401, 'not-joined']);
});

test('look-alike and invisible nicknames are refused; removed means removed until the host undoes it', async () => {
	const host = await client();
	const code = await newGame(host);
	const anna = await joined(code, 'Anna');
	const join = async (nickname: string) =>
		refusal((await client()).post(`/api/class/${code}/join`, { data: { nickname } }));
	expect(await join('Аnna')).toEqual([400, 'taken']); // Cyrillic А
	expect(await join('Ａｎｎａ')).toEqual([400, 'taken']); // fullwidth
	expect(await join('An\u200bna')).toEqual([400, 'characters']);
	expect(await join('Ann\u0301\u0301\u0301\u0301\u0301a')).toEqual([400, 'characters']);

	const annaId = (await firstEvent(base, code, host)).view.players[0].id;
	expect(
		(
			await host.post(`/api/class/${code}/host`, {
				data: { action: 'removePlayer', playerId: annaId }
			})
		).status()
	).toBe(200);
	expect((await firstEvent(base, code, anna)).view.status).toBe('removed');
	// A fresh cookie does not bring her back under her name, nor under a look-alike.
	expect(await join('anna')).toEqual([400, 'removed']);
	expect(await join('Аnna')).toEqual([400, 'removed']);
	// The host undoes it: the same phone is in again.
	const view = (await firstEvent(base, code, host)).view;
	expect(view.removed).toEqual([{ id: annaId, nickname: 'Anna' }]);
	expect(
		(
			await host.post(`/api/class/${code}/host`, {
				data: { action: 'restorePlayer', playerId: annaId }
			})
		).status()
	).toBe(200);
	expect((await firstEvent(base, code, anna)).view.status).toBe('playing');
});

test('a number question takes numbers only, and the class sees them as the server read them', async () => {
	const host = await client();
	const code = await newGame(host, { kinds: ['numeric'], questions: 1 });
	const anna = await joined(code, 'Anna');
	const bruno = await joined(code, 'Bruno');
	await host.post(`/api/class/${code}/host`, { data: { action: 'start' } });
	const answer = (phone: APIRequestContext, given: string) =>
		phone.post(`/api/class/${code}/answer`, { data: { questionIndex: 0, given } });
	expect(await refusal(answer(anna, '<img src=x onerror=alert(1)>'))).toEqual([
		409,
		'invalid-answer'
	]);
	expect(await refusal(answer(anna, '<b>12</b>'))).toEqual([409, 'invalid-answer']);
	expect(await refusal(answer(anna, 'tanti'))).toEqual([409, 'invalid-answer']);
	expect((await answer(anna, 'diecimila')).status()).toBe(200);
	expect((await answer(bruno, '  4000 ')).status()).toBe(200);
	const { raw, view } = await firstEvent(base, code, bruno);
	expect(view.phase).toBe('reveal');
	expect(view.reveal.distribution.map((row: { given: string }) => row.given).sort()).toEqual([
		'10.000',
		'4000'
	]);
	expect(raw).not.toContain('diecimila');
	// A reveal for one phone stays small.
	expect(raw.length).toBeLessThan(3000);
});

test('phones never get another player id; classic mode keeps the question off the phones', async ({
	browser
}) => {
	const host = await client();
	const code = await newGame(host, { kinds: ['multiple-choice'], questions: 1, classic: true });
	const anna = await joined(code, 'Anna');
	const bruno = await joined(code, 'Bruno');
	const annaId = (await firstEvent(base, code, host)).view.players.find(
		(p: { nickname: string }) => p.nickname === 'Anna'
	).id;
	await host.post(`/api/class/${code}/host`, { data: { action: 'start' } });
	const onPhone = (await firstEvent(base, code, bruno)).view.question;
	const onProjector = (await firstEvent(base, code, host)).view.question;
	expect(onPhone).toMatchObject({ prompt: null, prompt_en: null, options: [], choices: 4 });
	expect(onProjector.prompt).toBeTruthy();
	expect(onProjector.options).toHaveLength(4);
	expect(onPhone.id).toBe(onProjector.id);
	expect(onPhone.id).not.toMatch(/mosca|truppe|kursk/i);

	// The phone, as a student sees it: four lettered buttons, no question.
	const context = await browser.newContext({
		storageState: await bruno.storageState(),
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	await page.goto(`${base}/class/${code}/play`);
	await expect(
		page.getByRole('heading', { name: 'Look at the projector for the question.' })
	).toBeVisible();
	for (const letter of 'ABCD') {
		await expect(page.getByRole('button', { name: `Answer ${letter}` })).toBeVisible();
	}
	for (const option of onProjector.options) await expect(page.getByText(option)).toHaveCount(0);
	await page.getByRole('button', { name: 'Answer B' }).click();
	await expect(page.getByText('Answer sent. Wait for the others…')).toBeVisible();
	await context.close();

	expect(
		(
			await anna.post(`/api/class/${code}/answer`, { data: { questionIndex: 0, choice: 0 } })
		).status()
	).toBe(200);
	const { view } = await firstEvent(base, code, host);
	expect(view.reveal.distribution.map((row: { given: string }) => row.given)).toEqual(
		onProjector.options
	);
	await host.post(`/api/class/${code}/host`, { data: { action: 'next' } });
	const end = await firstEvent(base, code, bruno);
	expect(end.view.phase).toBe('finished');
	expect(end.view.podium.length).toBe(2);
	expect(end.raw).not.toContain(annaId);
	expect(end.view.podium.filter((s: { you: boolean }) => s.you)).toHaveLength(1);
});

test('games per browser and per address are limited, with Retry-After', async () => {
	const host = await client();
	// Five open games for one browser at most.
	for (let i = 0; i < 5; i++) await newGame(host);
	const sixth = await host.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 1 }
	});
	expect(sixth.status()).toBe(429);
	expect((await sixth.json()).code).toBe('too-many-games');
	// Ten games per address in ten minutes: four made by the tests above, six tried here.
	const other = await client();
	const refused = await other.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 1 }
	});
	expect(refused.status()).toBe(429);
	expect((await refused.json()).code).toBe('rate-limited');
	expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
});

test('guessing codes is held to a person’s pace: after a few misses every code looks the same', async () => {
	const prober = await client();
	const statuses: number[] = [];
	for (const guess of ['100001', '100002', '100003', '100004']) {
		statuses.push((await prober.get(`/api/class/${guess}/events`)).status());
	}
	expect(statuses.every((s) => s === 404)).toBe(true);
	// The fifth miss; past it, every lookup from this address waits: 429, Retry-After.
	const limited = await prober.post('/api/class/100005/join', { data: { nickname: 'Bot' } });
	expect([404, 429]).toContain(limited.status());
	const after = await prober.get('/api/class/100006/events');
	expect(after.status()).toBe(429);
	expect(Number(after.headers()['retry-after'])).toBeGreaterThan(0);
	expect((await prober.get('/join?code=100006')).status()).toBe(200);
});
