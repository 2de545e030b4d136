import { describe, expect, it } from 'vitest';
import { noticeHtml, noticePolicy } from '$lib/offline/notice';
import {
	cacheNames,
	dataOf,
	isStaleCache,
	isStorable,
	offlineKind,
	offlineSet,
	pageOfData,
	strategyFor
} from '$lib/offline/policy';

const ORIGIN = 'https://ripasso.example';
const ASSETS = new Set(['/_app/immutable/entry/start.abc123.js', '/favicon.svg']);

/** The strategy for a request from the app's pages. */
function strategy(path: string, options: { method?: string; mode?: string; accept?: string } = {}) {
	return strategyFor(
		{
			method: options.method ?? 'GET',
			url: new URL(path, ORIGIN),
			mode: options.mode ?? 'cors',
			accept: options.accept ?? null
		},
		ORIGIN,
		ASSETS
	);
}

const navigate = (path: string) => strategy(path, { mode: 'navigate', accept: 'text/html' });

function response(status = 200, headers: Record<string, string> = {}, type = 'basic') {
	return { status, type, headers: new Headers(headers) };
}

describe('which requests the worker answers, and how', () => {
	it('serves the files of this build from the cache', () => {
		expect(strategy('/_app/immutable/entry/start.abc123.js')).toBe('asset');
		expect(strategy('/favicon.svg')).toBe('asset');
		// A file of another build is no asset of this one: the browser fetches it.
		expect(strategy('/_app/immutable/entry/start.old999.js')).toBe('pass');
	});

	it('keeps the reader, the study pages, their data, the home page and the decks', () => {
		for (const path of ['/', '/read/mosca-pyongyang', '/study/mosca-pyongyang/facts', '/stats']) {
			expect(navigate(path), path).toBe('cached');
			expect(strategy(dataOf(path)), dataOf(path)).toBe('cached');
		}
		expect(strategy('/study/mosca-pyongyang/vocab/__data.json?x-sveltekit-invalidated=01')).toBe(
			'cached'
		);
		expect(strategy('/api/cards/mosca-pyongyang')).toBe('cached');
	});

	it('sends the class quiz and the pages of one owner to the server only', () => {
		for (const path of [
			'/join',
			'/class/123456/play',
			'/class/mine',
			'/class/new',
			'/quiz/mosca-pyongyang',
			'/texts/new',
			'/texts/abc/review'
		]) {
			expect(navigate(path), path).toBe('online');
			expect(strategy(dataOf(path)), dataOf(path)).toBe('online');
		}
		// A page whose name only starts like one of them is not one of them.
		expect(navigate('/classic')).toBe('cached');
	});

	it('never touches posts, event streams, the classroom API or other sites', () => {
		expect(strategy('/api/class/123456/answer', { method: 'POST' })).toBe('pass');
		expect(strategy('/study/mosca-pyongyang/facts', { method: 'POST', mode: 'navigate' })).toBe(
			'pass'
		);
		expect(strategy('/api/class/123456/events', { accept: 'text/event-stream' })).toBe('pass');
		expect(strategy('/api/class/123456/events')).toBe('pass');
		expect(strategy('/api/class')).toBe('pass');
		expect(navigate('https://elsewhere.example/')).toBe('pass');
		// A file fetched by script that is not a page (a report's CSV) is left alone.
		expect(strategy('/class/123456/report.csv')).toBe('pass');
	});
});

describe('what may be kept', () => {
	const page = new URL('/read/mosca-pyongyang', ORIGIN);
	const data = new URL('/read/mosca-pyongyang/__data.json?x-sveltekit-invalidated=01', ORIGIN);

	it('keeps complete answers of this site', () => {
		expect(isStorable(response(200, { 'content-type': 'text/html' }), page)).toBe(true);
		for (const status of [204, 206, 301, 404, 500, 503]) {
			expect(isStorable(response(status), page), String(status)).toBe(false);
		}
		expect(isStorable(response(0, {}, 'opaque'), page)).toBe(false);
		expect(isStorable(response(200, {}, 'opaqueredirect'), page)).toBe(false);
	});

	it('never keeps a page marked no-store, nor an event stream', () => {
		expect(isStorable(response(200, { 'cache-control': 'private, no-store' }), page)).toBe(false);
		expect(isStorable(response(200, { 'cache-control': 'no-store' }), page)).toBe(false);
		expect(isStorable(response(200, { 'cache-control': 'no-cache' }), page)).toBe(true);
		expect(isStorable(response(200, { 'content-type': 'text/event-stream' }), page)).toBe(false);
		expect(isStorable(response(200, { vary: '*' }), page)).toBe(false);
	});

	it("keeps a page's data although SvelteKit marks all data no-store", () => {
		const headers = { 'cache-control': 'private, no-store', 'content-type': 'application/json' };
		expect(isStorable(response(200, headers), data)).toBe(true);
	});
});

describe('what a learner who opened a page needs offline', () => {
	const ARTICLE = [
		'/read/mosca-pyongyang',
		'/read/mosca-pyongyang/__data.json',
		'/study/mosca-pyongyang/facts',
		'/study/mosca-pyongyang/facts/__data.json',
		'/study/mosca-pyongyang/vocab',
		'/study/mosca-pyongyang/vocab/__data.json',
		'/api/cards/mosca-pyongyang'
	];

	it('an article studied: its reader, both tracks, their data and its deck', () => {
		expect(offlineSet('/study/mosca-pyongyang/facts')).toEqual(ARTICLE);
		expect(offlineSet('/read/mosca-pyongyang')).toEqual(ARTICLE);
		expect(offlineSet('/study/mosca-pyongyang/vocab/__data.json')).toEqual(ARTICLE);
	});

	it('the placement page comes with its article', () => {
		expect(offlineSet('/study/mosca-pyongyang/vocab/placement')).toEqual([
			'/study/mosca-pyongyang/vocab/placement',
			'/study/mosca-pyongyang/vocab/placement/__data.json',
			...ARTICLE
		]);
	});

	it('any other page: itself and its data', () => {
		expect(offlineSet('/')).toEqual(['/', '/__data.json']);
		expect(offlineSet('/stats/__data.json')).toEqual(['/stats', '/stats/__data.json']);
	});

	it('data requests name their page', () => {
		expect(pageOfData('/__data.json')).toBe('/');
		expect(pageOfData('/read/x/__data.json')).toBe('/read/x');
		expect(pageOfData('/read/x')).toBeUndefined();
	});
});

describe('the offline notice', () => {
	it('calls the class pages the class quiz, and anything else a page', () => {
		expect(offlineKind('/join')).toBe('class');
		expect(offlineKind('/class/123456/play/__data.json')).toBe('class');
		expect(offlineKind('/quiz/mosca-pyongyang')).toBe('page');
	});

	it('is a page with no script, whose only style is allowed by its nonce', () => {
		const html = noticeHtml(
			{ lang: 'it', title: 'Sei <offline>', detail: 'd', retry: 'Riprova', home: 'Home' },
			'/join?code="1"',
			'n0nce'
		);
		expect(html).toContain('<html lang="it">');
		expect(html).toContain('<h1>Sei &lt;offline&gt;</h1>');
		expect(html).toContain('href="/join?code=&quot;1&quot;"');
		expect(html).toContain('<style nonce="n0nce">');
		expect(html).not.toContain('<script');
		expect(noticePolicy('n0nce')).toContain("default-src 'none'; style-src 'nonce-n0nce'");
	});
});

describe('caches', () => {
	it("belong to one version; another version's are stale, other sites' caches are not ours", () => {
		const names = cacheNames('200');
		expect(Object.values(names).some((name) => isStaleCache(name, '200'))).toBe(false);
		expect(isStaleCache(cacheNames('100').pages, '200')).toBe(true);
		expect(isStaleCache(cacheNames('100').assets, '200')).toBe(true);
		expect(isStaleCache('someone-else', '200')).toBe(false);
	});
});
