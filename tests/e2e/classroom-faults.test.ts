import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as requestFactory, test } from '@playwright/test';
import { freePort, startServer, stopServer } from '../helpers/server';
import { firstEvent } from '../helpers/sse';

/**
 * The database fails under a running server: the server stays up for everyone, refuses each
 * change it cannot store with a 503 that says so, applies none of it, logs it once for the game,
 * and carries on where it was when the database works again. The failure is real SQLite's: the
 * test hook (`RIPASSO_FAULT_FILE`) turns the connection read-only while the file exists.
 */
test('a database that refuses writes never stops the server nor half-applies a change', async () => {
	test.setTimeout(90_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-faults-'));
	const faultFile = join(dataDir, 'fault');
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = await startServer(port, dataDir, { RIPASSO_FAULT_FILE: faultFile });
	try {
		const context = () =>
			requestFactory.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
		const host = await context();
		const created = await host.post('/api/class', {
			data: {
				article: 'mosca-pyongyang',
				questions: 2,
				secondsPerQuestion: 5,
				kinds: ['multiple-choice']
			}
		});
		const { code } = await created.json();
		const [anna, bruno, late] = [await context(), await context(), await context()];
		for (const [student, nickname] of [
			[anna, 'Anna'],
			[bruno, 'Bruno']
		] as const) {
			await student.post(`/api/class/${code}/join`, { data: { nickname } });
		}
		await host.post(`/api/class/${code}/host`, { data: { action: 'start' } });

		writeFileSync(faultFile, '');
		const refusal = async (response: Promise<import('@playwright/test').APIResponse>) => {
			const r = await response;
			return { status: r.status(), code: (await r.json()).code, retry: r.headers()['retry-after'] };
		};
		const answer = { questionIndex: 0, choice: 0 };
		const storage = { status: 503, code: 'storage', retry: expect.any(String) };
		// The direct answer path (JSON) and SvelteKit's route (any other body type) alike.
		expect(await refusal(anna.post(`/api/class/${code}/answer`, { data: answer }))).toEqual(
			storage
		);
		expect(
			await refusal(
				anna.post(`/api/class/${code}/answer`, {
					data: Buffer.from(JSON.stringify(answer)),
					headers: { 'content-type': 'text/plain' }
				})
			)
		).toEqual(storage);
		expect(
			await refusal(late.post(`/api/class/${code}/join`, { data: { nickname: 'Carla' } }))
		).toEqual(storage);
		expect(
			await refusal(host.post(`/api/class/${code}/host`, { data: { action: 'reveal' } }))
		).toEqual(storage);
		// The question's time runs out while nothing can be stored: the server is still up,
		// pages still served, and the game is as it was (nobody answered, nobody new).
		await new Promise((wait) => setTimeout(wait, 6000));
		expect(server.process.exitCode).toBeNull();
		expect((await fetch(`${base}/read/mosca-pyongyang`)).status).toBe(200);
		const during = (await firstEvent(base, code, host)).view;
		expect(during).toMatchObject({ phase: 'question', answeredCount: 0, playerCount: 2 });
		expect(
			server.output().split(`Classroom game ${code}: a change could not be stored`)
		).toHaveLength(2);

		// The disk works again: the deadline's retry reveals the question by itself.
		rmSync(faultFile);
		await expect
			.poll(async () => (await firstEvent(base, code, host)).view.phase, { timeout: 10_000 })
			.toBe('reveal');
		expect(
			(await host.post(`/api/class/${code}/host`, { data: { action: 'next' } })).status()
		).toBe(200);
		expect(
			(
				await anna.post(`/api/class/${code}/answer`, { data: { questionIndex: 1, choice: 0 } })
			).status()
		).toBe(200);
	} finally {
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('start-up says so when the database that held games is empty, and still serves', async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-faults-'));
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(join(dataDir, 'classroom.sqlite.created'), '2026-11-30T08:00:00.000Z\n');
	writeFileSync(join(dataDir, 'classroom.sqlite'), '');
	const port = await freePort();
	const server = await startServer(port, dataDir);
	try {
		expect(server.output()).toMatch(/classroom\.sqlite is an empty file, but games were stored/);
		expect((await fetch(`http://127.0.0.1:${port}/class/new`)).status).toBe(200);
	} finally {
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('start-up refuses, with the reason, a database it cannot open', async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-faults-'));
	writeFileSync(join(dataDir, 'classroom.sqlite'), 'not a database '.repeat(400));
	const port = await freePort();
	await expect(startServer(port, dataDir)).rejects.toThrow(/not a database/);
	rmSync(dataDir, { recursive: true, force: true });
});
