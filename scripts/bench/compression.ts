/**
 * Compression of dynamic responses by the production server (`scripts/start.js`), over loopback:
 * for the reader page, an article's cards (`/api/cards/[slug]`) and the vocabulary study data
 * (the study page's `__data.json`), the bytes sent and the time to the last byte with no
 * Accept-Encoding (what every client got before compression), gzip and brotli. Loopback has no
 * bandwidth limit, so the time there is mostly the server's work (rendering, compressing); the
 * last column adds what the bytes take on a classroom's share of Wi-Fi.
 * `benchCompression()` is called by `scripts/bench.ts`; `npx tsx scripts/bench/compression.ts`
 * runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, startServer, stopServer, type TestServer } from '../../tests/helpers/server';
import { medianOf, ms } from './timing';

const PREFERRED_PORT = 4556;
/** start.js builds first when the build is older than the sources. */
const STARTUP_TIMEOUT_MS = 180_000;
const RUNS = 15;
const WARMUPS = 3;
/** A phone's share of a classroom's Wi-Fi, in bits per second. */
const LINK_BPS = 10_000_000;

const PATHS = [
	['reader page', '/read/mosca-pyongyang'],
	['cards JSON', '/api/cards/mosca-pyongyang'],
	['vocabulary study data', '/study/mosca-pyongyang/vocab/__data.json']
] as const;
const CODINGS = [
	['identity', undefined],
	['gzip', 'gzip'],
	['br', 'gzip, deflate, br']
] as const;

/** One GET: bytes received as sent (not decoded) and ms to the last byte. */
function timed(base: string, path: string, accept: string | undefined) {
	return new Promise<{ bytes: number; ms: number; coding: string }>((resolve, reject) => {
		const start = performance.now();
		const headers = accept ? { 'accept-encoding': accept } : {};
		get(`${base}${path}`, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () =>
				resolve({
					bytes,
					ms: performance.now() - start,
					coding: String(res.headers['content-encoding'] ?? 'identity')
				})
			);
			res.on('error', reject);
		}).on('error', reject);
	});
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export async function benchCompression(): Promise<void> {
	console.log(
		`Compression of dynamic responses (loopback, production server; median of ${RUNS}; "on Wi-Fi" adds the bytes at ${LINK_BPS / 1e6} Mbit/s)`
	);
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-bench-compression-'));
	const port = await freePort(PREFERRED_PORT);
	let server: TestServer;
	try {
		server = await startServer(port, dataDir, {}, { timeoutMs: STARTUP_TIMEOUT_MS });
	} catch (error) {
		rmSync(dataDir, { recursive: true, force: true });
		console.log(`  FAILED to start the server: ${String(error).slice(-2000)}`);
		process.exitCode = 1;
		return;
	}
	const base = `http://127.0.0.1:${port}`;
	try {
		for (const [label, path] of PATHS) {
			let identityBytes = 0;
			for (const [name, accept] of CODINGS) {
				for (let i = 0; i < WARMUPS; i++) await timed(base, path, accept);
				const runs = [];
				for (let i = 0; i < RUNS; i++) runs.push(await timed(base, path, accept));
				const { bytes, coding } = runs[runs.length - 1];
				if (coding !== name) {
					console.log(`  FAILED: ${path} asked for ${name}, sent ${coding}`);
					process.exitCode = 1;
				}
				if (name === 'identity') identityBytes = bytes;
				const time = medianOf(runs.map((run) => run.ms));
				const ratio =
					name === 'identity' ? '' : ` (${(identityBytes / bytes).toFixed(1)}× smaller)`;
				console.log(
					`  ${label}, ${name}: ${kb(bytes)}${ratio}, ${ms(time)} on loopback, ${ms(time + (bytes * 8 * 1000) / LINK_BPS)} on Wi-Fi`
				);
			}
		}
	} finally {
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCompression();
