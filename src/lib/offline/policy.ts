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
 * The data request of a page (`/read/x` → `/read/x/__data.json`), asking for every node: what
 * SvelteKit fetches when the learner taps a link to it.
 */
export function dataOf(page: string): string {
	return page === '/' ? DATA_SUFFIX : `${page}${DATA_SUFFIX}`;
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
 *
 * SvelteKit marks every data request `private, no-store`, whatever its page says, so for those
 * the mark tells nothing: their pages' paths decide ({@link strategyFor} never caches the data
 * of the pages that need the server, which are also the only ones that belong to one owner).
 *
 * @param response its status, type and headers
 * @param url where it came from
 */
export function isStorable(response: ResponseInfo, url: URL): boolean {
	if (response.status !== 200 || (response.type !== 'basic' && response.type !== 'default')) {
		return false;
	}
	const cacheControl = response.headers.get('cache-control') ?? '';
	const isData = pageOfData(url.pathname) !== undefined;
	if (!isData && /(^|[\s,])no-store([\s,]|$)/iu.test(cacheControl)) return false;
	if ((response.headers.get('vary') ?? '').trim() === '*') return false;
	return !(response.headers.get('content-type') ?? '').includes('text/event-stream');
}

const STUDY_PATH = /^\/(?:read|study)\/([^/]+)(?:\/|$)/u;

/**
 * The pages a learner who opened `pathname` needs offline: for an article's reader or study
 * page, its reader, both study tracks and its card list (the home page's counts); for any other
 * page, the page itself. Data requests count as their page. Each page comes with its data
 * request, so that it opens both ways: loaded on its own, or by a tap on a link.
 */
export function offlineSet(pathname: string): string[] {
	const page = pageOfData(pathname) ?? pathname;
	const slug = STUDY_PATH.exec(page)?.[1];
	const pages = slug ? [`/read/${slug}`, `/study/${slug}/facts`, `/study/${slug}/vocab`] : [];
	if (!pages.includes(page)) pages.unshift(page);
	const set = pages.flatMap((path) => [path, dataOf(path)]);
	return slug ? [...set, `/api/cards/${slug}`] : set;
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
