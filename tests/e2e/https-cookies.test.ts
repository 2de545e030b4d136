import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startServer, stopServer } from '../helpers/server';

/**
 * Behind a proxy that terminates https (ORIGIN=https://…), every cookie the app sets is Secure;
 * on a classroom laptop serving plain http (the default) none is, or nothing would work.
 */
test('every cookie is Secure when the app is served over https', async () => {
	// A server of its own starts first (up to 30 s on a loaded machine), as in the other tests
	// that start one.
	test.setTimeout(90_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-https-'));
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const origin = 'https://ripasso.test';
	const server = await startServer(port, dataDir, { ORIGIN: origin });
	try {
		const setCookie = async (path: string, init: RequestInit = {}) => {
			const response = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
			return response.headers.getSetCookie();
		};
		const json = (body: unknown, cookie = '') => ({
			method: 'POST',
			headers: { 'content-type': 'application/json', origin, cookie },
			body: JSON.stringify(body)
		});
		const host = await setCookie('/api/class', json({ article: 'mosca-pyongyang', questions: 2 }));
		const created = await fetch(
			`${base}/api/class`,
			json({ article: 'mosca-pyongyang', questions: 2 }, host[0].split(';')[0])
		);
		const { code } = (await created.json()) as { code: string };
		const player = await setCookie(`/api/class/${code}/join`, json({ nickname: 'Anna' }));
		const visitor = await setCookie('/quiz/mosca-pyongyang');
		const language = await setCookie('/language', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
			body: 'locale=it&back=/'
		});
		const all = [...host, ...player, ...visitor, ...language];
		expect(all.map((c) => c.split('=')[0]).sort()).toEqual(
			expect.arrayContaining(['PARAGLIDE_LOCALE', 'ripasso_host', `ripasso_player_${code}`])
		);
		expect(visitor.length).toBeGreaterThan(0);
		for (const cookie of all) expect(cookie, cookie).toMatch(/;\s*Secure/i);
	} finally {
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
});
