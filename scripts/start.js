#!/usr/bin/env node
/**
 * `npm start`: builds the app when the build is missing or older than its sources, then serves
 * the production build (adapter-node's handler) on PORT (default 3000) and HOST (default 0.0.0.0).
 *
 * Why not plain `node build`: without ORIGIN set, adapter-node assumes every request came over
 * https, so form posts over plain http (a laptop in a classroom, students on the local network)
 * fail its CSRF check. Here the protocol is taken from the connection itself. Behind a proxy that
 * terminates TLS, set ORIGIN (or PROTOCOL_HEADER) as adapter-node documents; they are respected.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { constants } from 'node:zlib';
import compression from '@polka/compression';

const root = join(import.meta.dirname, '..');
const output = join(root, 'build', 'handler.js');
const inputs = [
	'src',
	'static',
	'content',
	'messages',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

/** Newest modification time under a file or folder (generated folders skipped). */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = 0;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide' || entry.startsWith('.')) continue;
		latest = Math.max(latest, newest(join(path, entry)));
	}
	return latest;
}

const stale =
	!existsSync(output) ||
	Math.max(...inputs.map((input) => newest(join(root, input)))) > statSync(output).mtimeMs;

if (stale) {
	console.log('Building Ripasso (the build is missing or older than the sources)…');
	const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = 'x-ripasso-protocol';

const { handler } = await import(join(root, 'build', 'handler.js'));

// A class answers a question within the same second. Answers skip SvelteKit's request
// machinery, which costs more than taking the answer itself. This path is only a transport: the
// app's own `directAnswer` (set by its start-up hook) owns the route, the body's size limit, the
// contract, the cookie and every reply, exactly as the API route does.
const direct = globalThis[Symbol.for('ripasso.classroom.directAnswer')];
// The app's security headers (`$lib/server/security-headers`), set on every response before
// anything else writes one: static files and direct answers carry them too, and SvelteKit's
// own (a page's Content-Security-Policy with its nonce) replace them where it sends its own.
const baseHeaders = Object.entries(globalThis[Symbol.for('ripasso.securityHeaders')] ?? {});
// The service worker fetches pages to keep them offline: its script gets a policy that allows it.
const worker = globalThis[Symbol.for('ripasso.workerHeaders')];

function reply(res, { status, body, retryAfter }) {
	const text = JSON.stringify(body);
	const headers = {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'no-store'
	};
	if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
	res.writeHead(status, headers);
	res.end(text);
}

/** `POST /api/class/<code>/answer` with a JSON body (the only kind a page can send here). */
function answer(req, res, code) {
	let size = 0;
	const chunks = [];
	// A phone that drops mid-request must cost nothing but its own answer.
	req.on('error', () => res.destroy());
	req.on('data', (chunk) => {
		size += chunk.length;
		if (size <= direct.maxBodyBytes) chunks.push(chunk);
	});
	req.on('end', async () => {
		try {
			const text = Buffer.concat(chunks).toString('utf8');
			reply(
				res,
				size > direct.maxBodyBytes
					? direct.tooLarge
					: await direct.reply(code, req.headers.cookie, text)
			);
		} catch (error) {
			// Whatever went wrong with one answer, the server stays up for the rest of the class.
			console.error('Answer failed', error);
			if (!res.headersSent) {
				reply(res, { status: 500, body: { code: 'internal', message: 'Answer not taken.' } });
			}
		}
	});
}

/**
 * What is worth compressing: text, JSON, JavaScript, XML and SVG, never `text/event-stream`.
 * A compressor holds its output back until it has a block's worth (gzip keeps up to 16 KB), so
 * a live quiz's events would reach the phones late or never; the package's default list
 * (`/text|javascript|\/json|xml/`) takes event streams too, hence this one.
 */
const COMPRESSIBLE =
	/^(?!text\/event-stream)(?:text\/|application\/(?:[\w.-]+\+)?(?:json|javascript|xml)|image\/svg\+xml)/i;

// Dynamic pages and JSON (the reader page, the study data) are hundreds of KB and shrink about
// 6× (measured in `npm run bench`). Brotli at quality 4 makes smaller files than gzip's default
// in less time; the package's default quality (11) spends 0.7 s on one reader page. Static
// assets are served from adapter-node's precompressed .br/.gz files (they carry their own
// Content-Encoding, which the compressor leaves alone). Responses under 1 KB go as they are.
const compress = compression({
	threshold: 1024,
	level: 6,
	brotli: { [constants.BROTLI_PARAM_QUALITY]: 4 },
	mimes: COMPRESSIBLE
});

/**
 * The client's acceptable codings with those it refuses (`br;q=0`) left out: the package only
 * looks for the names. Identity when the header is missing.
 */
function accepted(header) {
	if (!header) return '';
	return header
		.split(',')
		.filter((coding) => !/;\s*q\s*=\s*0(?:\.0*)?\s*$/i.test(coding))
		.join(',');
}

/**
 * Vary: Accept-Encoding on every response whose type could be compressed, sent or not, so a
 * cache in between never gives a compressed copy to a client that cannot read it (or the
 * reverse). Added at the moment the headers go out, when the type is known, to whatever Vary
 * the app set.
 */
function varyOnEncoding(res) {
	const writeHead = res.writeHead;
	res.writeHead = function (...args) {
		const type = String(this.getHeader('content-type') ?? args.find(isHeaders)?.['content-type']);
		if (COMPRESSIBLE.test(type)) {
			const vary = String(this.getHeader('vary') ?? '');
			if (!/\baccept-encoding\b|\*/i.test(vary)) {
				this.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
			}
		}
		return writeHead.apply(this, args);
	};
}
const isHeaders = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The app's own handler, its responses compressed as the client accepts. */
function serve(req, res) {
	req.headers['accept-encoding'] = accepted(req.headers['accept-encoding']);
	varyOnEncoding(res);
	compress(req, res, () => handler(req, res));
}

const server = createServer((req, res) => {
	for (const [name, value] of baseHeaders) res.setHeader(name, value);
	if (worker && (req.url ?? '').split('?')[0] === worker.path) {
		res.setHeader('content-security-policy', worker.csp);
	}
	// Overwrite whatever a client sent: only the socket knows how it was reached.
	if (ownProtocol) req.headers['x-ripasso-protocol'] = 'http';
	const fast =
		direct &&
		req.method === 'POST' &&
		(req.headers['content-type'] ?? '').startsWith('application/json') &&
		direct.pattern.exec(req.url ?? '');
	// Answers are a few bytes each way: nothing to compress on the hottest path.
	if (fast) answer(req, res, fast[1]);
	else serve(req, res);
});
// Phones (and load balancers) reuse a connection between answers: closing an idle one after
// Node's default 5 s races with an answer sent on it just then (the phone sees a reset). Keep
// idle connections longer than the usual client does, as proxies do.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// A class of hundreds connects within a second; Node's default backlog of 511 would make some
// phones wait for a one-second TCP retry.
server.listen({ port, host, backlog: 4096 }, () => {
	console.log(`Ripasso is running on http://localhost:${port} (listening on ${host}:${port})`);
});

// Live quizzes hold event streams open forever, so waiting for every connection to end would
// never stop: finish what is in flight, then close the streams (phones reconnect by themselves
// to the next server, which resumes every game from the database).
const stop = () => {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 500).unref();
	setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
