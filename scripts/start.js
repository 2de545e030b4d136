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
// machinery, which costs more than taking the answer itself; the app's own function decides
// (set by its start-up hook), exactly as the API route would.
const submitAnswer = globalThis[Symbol.for('ripasso.classroom.submitAnswer')];
const ANSWER = /^\/api\/class\/(\d{6})\/answer$/;
const MAX_BODY = 4096;

function reply(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'no-store'
	});
	res.end(text);
}

function cookie(header, name) {
	for (const part of (header ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at).trim() === name) {
			try {
				return decodeURIComponent(part.slice(at + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}

/** `POST /api/class/<code>/answer` with a JSON body (the only kind a page can send here). */
function answer(req, res, code) {
	let size = 0;
	const chunks = [];
	// A phone that drops mid-request must cost nothing but its own answer.
	req.on('error', () => res.destroy());
	req.on('data', (chunk) => {
		size += chunk.length;
		if (size <= MAX_BODY) chunks.push(chunk);
	});
	req.on('end', () => {
		if (size > MAX_BODY) return reply(res, 413, { message: 'Request too large.' });
		let body;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		} catch {
			return reply(res, 400, { message: 'Expected JSON.' });
		}
		const result = submitAnswer(code, cookie(req.headers.cookie, `ripasso_player_${code}`), body);
		reply(res, result.status, result.body);
	});
}

const server = createServer((req, res) => {
	// Overwrite whatever a client sent: only the socket knows how it was reached.
	if (ownProtocol) req.headers['x-ripasso-protocol'] = 'http';
	const fast =
		submitAnswer &&
		req.method === 'POST' &&
		(req.headers['content-type'] ?? '').startsWith('application/json') &&
		ANSWER.exec(req.url ?? '');
	if (fast) answer(req, res, fast[1]);
	else handler(req, res);
});
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
