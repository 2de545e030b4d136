import type { APIResponse } from '@playwright/test';
import { expect, test } from '../helpers/csp';

/**
 * The security headers of every kind of response (pages, the API, an event stream, redirects,
 * files), and the pages working in the browser under their Content-Security-Policy.
 */
const READER = '/read/mosca-pyongyang';

type Headers = Record<string, string>;

/** The directives of a Content-Security-Policy, by name. */
function directives(csp: string | undefined): Map<string, string[]> {
	return new Map(
		(csp ?? '')
			.split(';')
			.map((part) => part.trim().split(/\s+/u))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name.toLowerCase(), values])
	);
}

function expectCommonHeaders(headers: Headers) {
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['x-frame-options']).toBe('DENY');
}

/** A page's policy: SvelteKit's, with a nonce and never 'unsafe-inline' for scripts. */
function expectPagePolicy(headers: Headers) {
	expectCommonHeaders(headers);
	const csp = directives(headers['content-security-policy']);
	const scripts = csp.get('script-src') ?? [];
	expect(scripts).toContain("'self'");
	expect(scripts.some((source) => /^'nonce-[\w+/=]+'$/u.test(source))).toBe(true);
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(csp.get('style-src')).not.toContain("'unsafe-inline'");
	expect(csp.get('default-src')).toEqual(["'self'"]);
	expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
	expect(csp.get('object-src')).toEqual(["'none'"]);
	expect(csp.get('base-uri')).toEqual(["'self'"]);
	expect(csp.get('form-action')).toEqual(["'self'"]);
	expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
	expect(csp.get('connect-src')).toEqual(["'self'"]);
	return csp;
}

/** What is not a page may load nothing if opened, and cannot be framed. */
function expectNonPagePolicy(headers: Headers) {
	expectCommonHeaders(headers);
	const csp = directives(headers['content-security-policy']);
	expect(csp.get('default-src')).toEqual(["'none'"]);
	expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
}

const headersOf = (response: APIResponse) => response.headers();

for (const path of ['/', READER, '/join', '/study/mosca-pyongyang/facts', '/settings', '/stats']) {
	test(`the page ${path} has the security headers and a strict policy`, async ({ request }) => {
		const response = await request.get(path);
		expect(response.status()).toBe(200);
		expectPagePolicy(headersOf(response));
	});
}

test('each page gets a nonce of its own', async ({ request }) => {
	const nonce = async () =>
		directives(headersOf(await request.get(READER))['content-security-policy'])
			.get('script-src')
			?.find((source) => source.startsWith("'nonce-"));
	expect(await nonce()).not.toBe(await nonce());
});

test('an error page has the page policy too', async ({ request }) => {
	const response = await request.get('/read/no-such-article');
	expect(response.status()).toBe(404);
	expectPagePolicy(headersOf(response));
});

test('the API answers with the headers and a policy that loads nothing', async ({ request }) => {
	const missing = await request.get('/api/class/123456/events');
	// No such game (404), or one this client has not joined (401): JSON either way.
	expect([401, 404]).toContain(missing.status());
	expect(missing.headers()['content-type']).toContain('application/json');
	expectNonPagePolicy(headersOf(missing));

	const created = await request.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 2, secondsPerQuestion: 20 }
	});
	expect(created.ok()).toBe(true);
	expectNonPagePolicy(headersOf(created));
});

test('a live event stream has the headers', async ({ request, baseURL }) => {
	const created = await request.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 2, secondsPerQuestion: 20 }
	});
	const { code } = await created.json();
	const cookie = (await request.storageState()).cookies
		.map(({ name, value }) => `${name}=${value}`)
		.join('; ');
	const controller = new AbortController();
	// The stream never ends: read its headers, then hang up.
	const response = await fetch(`${baseURL}/api/class/${code}/events`, {
		headers: { cookie },
		signal: controller.signal
	});
	controller.abort();
	expect(response.headers.get('content-type')).toContain('text/event-stream');
	expectNonPagePolicy(Object.fromEntries(response.headers));
});

test('a redirect has the headers', async ({ request, baseURL }) => {
	const response = await request.post('/language', {
		form: { locale: 'en', back: '/\\evil.example' },
		headers: { origin: baseURL! },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe('/');
	expectCommonHeaders(headersOf(response));
});

test.describe('files', () => {
	// Files are served by adapter-node's file server before the app's `handle` runs: the
	// production server (scripts/start.js) sets the same headers on every response first.

	test('a static file has the headers', async ({ request }) => {
		expectCommonHeaders(headersOf(await request.get('/favicon.svg')));
	});

	test('a built script has the headers', async ({ request }) => {
		const html = await (await request.get('/')).text();
		const script = html.match(/\/_app\/immutable\/[^"]+\.js/u)?.[0];
		expect(script).toBeTruthy();
		expectCommonHeaders(headersOf(await request.get(script!)));
	});
});

test.describe('pages work under their policy', () => {
	// The guard (`../helpers/csp`) fails each of these on any violation.

	test('an inline script is blocked, and the guard sees it', async ({ page, cspViolations }) => {
		await page.goto('/');
		await page.addScriptTag({ content: 'window.injected = true' }).catch(() => {});
		expect(await page.evaluate(() => 'injected' in window)).toBe(false);
		await expect.poll(() => cspViolations.join('\n')).toMatch(/script-src/u);
		// Seen, as it should be: not a failure of this test.
		cspViolations.length = 0;
	});

	test('the reader: styles from attributes, the word panel', async ({ page }) => {
		await page.goto(READER);
		await expect(page.getByRole('list', { name: 'Your words in this article' })).toBeVisible();
		// Server-rendered `style:` directive: applied, not blocked.
		await expect
			.poll(() =>
				page
					.locator('.reader')
					.evaluate((el) => getComputedStyle(el).getPropertyValue('--scale').trim())
			)
			.toBe('1');
		// The word panel is placed with `style:top` and `style:left`, set from script.
		await page
			.locator('article')
			.getByRole('button', { name: 'clausola', exact: true })
			.first()
			.click();
		await expect(page.getByRole('dialog', { name: 'clausola' })).toBeVisible();
	});

	test('study, vocabulary, statistics and settings', async ({ page }) => {
		await page.goto('/study/mosca-pyongyang/facts');
		await expect(page.locator('.card .prompt')).toBeVisible();
		await page.goto('/study/mosca-pyongyang/vocab');
		await expect(page.locator('.card .prompt')).toBeVisible();
		await page.goto('/stats');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.goto('/settings');
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		expect((await download).suggestedFilename()).toMatch(/\.json$/u);
	});

	test('the host page shows its QR code and the play page connects', async ({
		page: host,
		browser
	}) => {
		await host.goto('/class/new');
		await host.getByRole('button', { name: 'Create the quiz' }).click();
		await expect(host).toHaveURL(/\/class\/\d{6}\/host$/u);
		const code = host.url().match(/class\/(\d{6})/u)![1];
		const qr = host.getByRole('img', { name: /QR code/ });
		// A data: image that the policy blocked would be in the page, but empty.
		await expect
			.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
			.toBeGreaterThan(0);

		const phone = await (await browser.newContext()).newPage();
		await phone.goto(`/join?code=${code}`);
		await phone.getByLabel('Nickname').fill('Anna');
		await phone.getByRole('button', { name: 'Join' }).click();
		await expect(phone).toHaveURL(`/class/${code}/play`);
		// The host's screen hears of her through its EventSource.
		await expect(host.getByRole('list', { name: 'Players in the game' })).toContainText('Anna');
		await phone.context().close();
	});
});
