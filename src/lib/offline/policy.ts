/**
 * What the service worker (`src/service-worker.ts`) does with each request, decided here as pure
 * functions so that the rules can be read and tested without a browser.
 *
 * - The app's own hashed files and `static/` are cached when the worker installs and served from
 *   the cache ever after (their names change with their content).
 * - Pages and their data (`…/__data.json`, fetched by SvelteKit on a client-side navigation) and
 *   the decks' card lists are fetched from the network first and kept, so what a learner opened
 *   works again with no network; the cached copy answers only when the network does not.
 * - The class quiz, joining it, the practice quiz (graded on the server), adding and managing
 *   texts need the server: never cached, and answered offline with a page that says so.
 * - Anything else (posts, event streams, other sites, the classroom API) is left to the browser.
 */

/** How one request is answered. */
export type Strategy =
	/** A file of this build: cache first. */
	| 'asset'
	/** A page, its data or a deck: network first, cached copy when offline. */
	| 'cached'
	/** A page that needs the server: network only, and a notice when offline. */
	| 'online'
	/** Not the worker's business: the browser fetches it as if there were no worker. */
	| 'pass';

/** What of a request the policy looks at. */
export interface RequestInfo {
	method: string;
	url: URL;
	/** `request.mode`: `navigate` for a page load. */
	mode: string;
	/** The `accept` header, if any. */
	accept: string | null;
}

/** What of a response the policy looks at. */
export interface ResponseInfo {
	status: number;
	/** `response.type`: `basic` for this origin; `opaque` and `error` are never kept. */
	type: string;
	headers: { get(name: string): string | null };
}

/** Pages that need the server, by path prefix: each path, and everything under it. */
const ONLINE_ONLY = ['/class', '/join', '/quiz', '/texts', '/language'];
/** Of those, the ones the offline notice calls the class quiz. */
const CLASS_PAGES = ['/class', '/join'];

const DATA_SUFFIX = '/__data.json';

function under(pathname: string, prefixes: readonly string[]): boolean {
	return prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * The page a SvelteKit data request belongs to (`/read/x/__data.json` → `/read/x`,
 * `/__data.json` → `/`), or undefined when the path is not a data request.
 */
export function pageOfData(pathname: string): string | undefined {
	if (!pathname.endsWith(DATA_SUFFIX)) return undefined;
	return pathname.slice(0, -DATA_SUFFIX.length) || '/';
}

/**
 * How the worker answers a request.
 *
 * @param request the request's method, address, mode and `accept` header
 * @param origin the app's origin (`location.origin` in the worker)
 * @param assets the paths of this build's files (`build` and `files` of `$service-worker`)
 */
export function strategyFor(request: RequestInfo, origin: string, assets: ReadonlySet<string>) {
	const { url } = request;
	if (request.method !== 'GET' || url.origin !== origin) return 'pass' satisfies Strategy;
	if (request.accept?.includes('text/event-stream')) return 'pass' satisfies Strategy;
	if (assets.has(url.pathname)) return 'asset' satisfies Strategy;
	if (url.pathname.startsWith('/api/')) {
		return (url.pathname.startsWith('/api/cards/') ? 'cached' : 'pass') satisfies Strategy;
	}
	const data = pageOfData(url.pathname);
	const page = data ?? url.pathname;
	const isPage = data !== undefined || request.mode === 'navigate';
	if (!isPage) return 'pass' satisfies Strategy;
	return (under(page, ONLINE_ONLY) ? 'online' : 'cached') satisfies Strategy;
}

/** What the offline notice says a page is: part of the class quiz, or any other. */
export function offlineKind(pathname: string): 'class' | 'page' {
	return under(pageOfData(pathname) ?? pathname, CLASS_PAGES) ? 'class' : 'page';
}

/**
 * True when a response may be kept for offline use: a complete answer of this origin that does
 * not forbid storing (`no-store`: the pages of one owner or one quiz) and is not an event stream.
 */
export function isStorable(response: ResponseInfo): boolean {
	if (response.status !== 200 || (response.type !== 'basic' && response.type !== 'default')) {
		return false;
	}
	const cacheControl = response.headers.get('cache-control') ?? '';
	if (/(^|[\s,])no-store([\s,]|$)/iu.test(cacheControl)) return false;
	if ((response.headers.get('vary') ?? '').trim() === '*') return false;
	return !(response.headers.get('content-type') ?? '').includes('text/event-stream');
}

const STUDY_PATH = /^\/(?:read|study)\/([^/]+)(?:\/|$)/u;

/**
 * The pages a learner who opened `pathname` needs offline: for an article's reader or study
 * page, its reader, both study tracks and its card list (the home page's counts); for any other
 * page, the page itself. Data requests count as their page.
 */
export function offlineSet(pathname: string): string[] {
	const page = pageOfData(pathname) ?? pathname;
	const match = STUDY_PATH.exec(page);
	if (!match) return [page];
	const slug = match[1];
	const set = [
		`/read/${slug}`,
		`/study/${slug}/facts`,
		`/study/${slug}/vocab`,
		`/api/cards/${slug}`
	];
	return set.includes(page) ? set : [page, ...set];
}

/** The pages cached when the worker installs: the home page and the two pages without a deck. */
export const SHELL_PAGES = ['/', '/stats', '/settings'] as const;

/** The names of this version's caches. */
export function cacheNames(version: string) {
	return { assets: `ripasso-assets-${version}`, pages: `ripasso-pages-${version}` };
}

/** True for a cache this app made that belongs to another version (removed when it activates). */
export function isStaleCache(name: string, version: string): boolean {
	const own = Object.values(cacheNames(version));
	return name.startsWith('ripasso-') && !own.includes(name);
}
