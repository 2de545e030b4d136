/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * The service worker: Ripasso opens, reads and studies with no network after one visit.
 *
 * Which request is answered how is `$lib/offline/policy` (tested in Node); this file only wires
 * it to the Cache API. Every version has its own two caches: its files, and the pages and data
 * the learner opened (a page's HTML names the files of its version). A new version waits until
 * the learner chooses to reload (`UpdatePrompt`), then fetches again the pages the old one kept,
 * so the articles studied stay available offline across updates.
 */
import { build, files, version } from '$service-worker';
import { m } from '$lib/paraglide/messages';
import { baseLocale, cookieName, isLocale, type Locale } from '$lib/paraglide/runtime';
import { noticeHtml, noticePolicy } from '$lib/offline/notice';
import {
	cacheNames,
	isStaleCache,
	isStorable,
	offlineKind,
	offlineSet,
	pageOfData,
	SHELL_PAGES,
	strategyFor,
	type Strategy
} from '$lib/offline/policy';

const sw = self as unknown as ServiceWorkerGlobalScope;
const ASSETS = new Set([...build, ...files]);
const CACHES = cacheNames(version);
/** Pages whose offline set was already checked by this worker: no need to look again. */
const warmed = new Set<string>();

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const assets = await caches.open(CACHES.assets);
			await assets.addAll([...ASSETS]);
			// The shell, and the pages open while the worker installs (the first visit's page
			// was loaded before there was a worker to keep it).
			const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const opened = [...SHELL_PAGES, ...open.map((client) => new URL(client.url).pathname)];
			await keep([...new Set(opened.flatMap(offlineSet))]);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const stale = (await caches.keys()).filter((name) => isStaleCache(name, version));
			const carried = new Set<string>();
			for (const name of stale) {
				if (!name.startsWith('ripasso-pages-')) continue;
				for (const request of await (await caches.open(name)).keys()) {
					// Fetched again from this version, with their data requests.
					for (const path of offlineSet(new URL(request.url).pathname)) carried.add(path);
				}
			}
			await keep([...carried]);
			await Promise.all(stale.map((name) => caches.delete(name)));
			await sw.clients.claim();
		})()
	);
});

// The update prompt's "Reload": the waiting version takes over, and the page reloads on it.
sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	const strategy = strategyFor(
		{ method: request.method, url, mode: request.mode, accept: request.headers.get('accept') },
		location.origin,
		ASSETS
	);
	if (strategy === 'pass' || request.headers.has('range')) return;
	event.respondWith(answer(strategy, request, url, event));
});

async function answer(strategy: Strategy, request: Request, url: URL, event: FetchEvent) {
	if (strategy === 'asset') {
		return (await caches.match(url.pathname, { cacheName: CACHES.assets })) ?? fetch(request);
	}
	if (strategy === 'online') {
		try {
			return await fetch(request);
		} catch {
			return offline(request, url);
		}
	}
	const pages = await caches.open(CACHES.pages);
	try {
		const response = await fetch(request);
		if (isStorable(response, url)) {
			event.waitUntil(pages.put(url.href, response.clone()).then(() => warm(url.pathname)));
		}
		return response;
	} catch {
		// `ignoreVary`: a page fetched to warm the cache asked with another `accept`. A data
		// request's query names the nodes to load; any saved answer for the page will do.
		const saved =
			(await pages.match(url.href, { ignoreVary: true })) ??
			(await pages.match(url.href, { ignoreVary: true, ignoreSearch: true }));
		return saved ?? offline(request, url);
	}
}

/** Keeps what a learner who opened `pathname` needs offline, once per page and worker. */
async function warm(pathname: string) {
	const page = pageOfData(pathname) ?? pathname;
	if (warmed.has(page)) return;
	warmed.add(page);
	await keep(offlineSet(page));
}

/** Fetches and keeps the given same-origin paths the cache has not got yet; failures are left. */
async function keep(paths: string[]) {
	const pages = await caches.open(CACHES.pages);
	await Promise.all(
		paths.map(async (path) => {
			const url = new URL(path, location.origin);
			const kind = strategyFor(
				{ method: 'GET', url, mode: 'navigate', accept: null },
				location.origin,
				ASSETS
			);
			const saved = await pages.match(url.href, {
				ignoreVary: true,
				ignoreSearch: pageOfData(url.pathname) !== undefined
			});
			if (kind !== 'cached' || saved) return;
			try {
				const response = await fetch(url.href);
				if (isStorable(response, url)) await pages.put(url.href, response);
			} catch {
				// Offline again, or the server failed: the page is kept the next time it opens.
			}
		})
	);
}

/** What answers a page or its data that needs the network when there is none. */
async function offline(request: Request, url: URL): Promise<Response> {
	const locale = await readerLocale();
	const kind = offlineKind(url.pathname);
	const title = (kind === 'class' ? m.offline_class_title : m.offline_page_title)({}, { locale });
	const detail = (kind === 'class' ? m.offline_class_detail : m.offline_page_detail)(
		{},
		{ locale }
	);
	const headers = { 'cache-control': 'no-store' };
	if (pageOfData(url.pathname) !== undefined) {
		// SvelteKit shows an error page with this message (a JSON string) and status.
		return new Response(JSON.stringify(detail), {
			status: 503,
			headers: { ...headers, 'content-type': 'application/json' }
		});
	}
	if (request.mode !== 'navigate') return Response.error();
	const nonce = crypto.randomUUID().replaceAll('-', '');
	const text = {
		lang: locale,
		title,
		detail,
		retry: m.offline_retry({}, { locale }),
		home: m.error_back_home({}, { locale })
	};
	return new Response(noticeHtml(text, url.pathname + url.search, nonce), {
		status: 503,
		headers: {
			...headers,
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': noticePolicy(nonce)
		}
	});
}

/** The UI language: the language cookie (read through the Cookie Store where there is one), else the browser's. */
async function readerLocale(): Promise<Locale> {
	const store = (sw as { cookieStore?: { get(name: string): Promise<{ value?: string } | null> } })
		.cookieStore;
	try {
		const value = (await store?.get(cookieName))?.value;
		if (isLocale(value)) return value;
	} catch {
		// No cookie store here, or it refused: the browser's languages decide.
	}
	for (const language of navigator.languages) {
		const base = language.split('-')[0].toLowerCase();
		if (isLocale(base)) return base;
	}
	return baseLocale;
}
