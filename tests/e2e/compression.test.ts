import { get, type IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, request as requestFactory, test } from '@playwright/test';

/**
 * Compression of the production server's responses (`scripts/start.js`), read as raw bytes over
 * HTTP so what travels is checked, not what a client decoded: dynamic pages and JSON compressed
 * as the client accepts, identity for a client that accepts nothing, and a live quiz's event
 * stream never compressed (a compressor would hold its events back).
 */
const READER = '/read/mosca-pyongyang';
const CARDS = '/api/cards/mosca-pyongyang';
const VOCAB_DATA = '/study/mosca-pyongyang/vocab/__data.json';
/** What a browser sends. */
const BROWSER = 'gzip, deflate, br, zstd';
/** How soon an event must reach a student after the change it reports. */
const PROMPT_MS = 2000;
/** Students in the lobby before the host's screen connects. */
const CLASS_SIZE = 40;

interface Raw {
	status: number;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

/** One GET, its body as the bytes sent (nothing decoded). */
function fetchRaw(base: string, path: string, acceptEncoding?: string): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
		get(`${base}${path}`, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
			);
			res.on('error', reject);
		}).on('error', reject);
	});
}

function decoded({ headers, body }: Raw): string {
	const coding = headers['content-encoding'];
	if (coding === 'br') return brotliDecompressSync(body).toString('utf8');
	if (coding === 'gzip') return gunzipSync(body).toString('utf8');
	expect(coding).toBeUndefined();
	return body.toString('utf8');
}

/** A page's nonce is new on every request; everything else must be the same. */
const withoutNonces = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');

test('the reader page is sent compressed and decodes to the same HTML', async ({ baseURL }) => {
	const plain = await fetchRaw(baseURL!, READER);
	expect(plain.status).toBe(200);
	expect(plain.headers['content-encoding']).toBeUndefined();
	expect(plain.headers.vary).toMatch(/accept-encoding/i);
	const html = plain.body.toString('utf8');
	expect(html).toContain('<html');

	for (const [accept, coding] of [
		[BROWSER, 'br'],
		['gzip', 'gzip'],
		['br;q=0, gzip', 'gzip']
	] as const) {
		const compressed = await fetchRaw(baseURL!, READER, accept);
		expect(compressed.status).toBe(200);
		expect(compressed.headers['content-encoding']).toBe(coding);
		expect(compressed.headers.vary).toMatch(/accept-encoding/i);
		// The point of it: the 380 KB page travels in a fraction of its size.
		expect(compressed.body.length).toBeLessThan(plain.body.length / 4);
		expect(withoutNonces(decoded(compressed))).toBe(withoutNonces(html));
	}
});

test('JSON is sent compressed and decodes to the same data', async ({ baseURL }) => {
	for (const path of [CARDS, VOCAB_DATA]) {
		const plain = await fetchRaw(baseURL!, path, '');
		expect(plain.headers['content-encoding']).toBeUndefined();
		const compressed = await fetchRaw(baseURL!, path, BROWSER);
		expect(compressed.headers['content-type']).toContain('application/json');
		expect(compressed.headers['content-encoding']).toBe('br');
		expect(compressed.body.length).toBeLessThan(plain.body.length / 4);
		expect(JSON.parse(decoded(compressed))).toEqual(JSON.parse(plain.body.toString('utf8')));
	}
});

test('a client without Accept-Encoding gets identity', async ({ baseURL }) => {
	for (const path of [READER, CARDS, VOCAB_DATA]) {
		const raw = await fetchRaw(baseURL!, path);
		expect(raw.status).toBe(200);
		expect(raw.headers['content-encoding']).toBeUndefined();
		expect(raw.headers.vary).toMatch(/accept-encoding/i);
		const text = raw.body.toString('utf8');
		if (path === READER) expect(text).toContain('<html');
		else expect(JSON.parse(text)).toBeTruthy();
	}
});

test('the event stream is not compressed and delivers each event at once', async ({ baseURL }) => {
	const base = baseURL!;
	const origin = { origin: base };
	const host = await requestFactory.newContext({ baseURL: base, extraHTTPHeaders: origin });
	const created = await host.post('/api/class', {
		data: { article: 'mosca-pyongyang', questions: 1, kinds: ['multiple-choice'] }
	});
	expect(created.status()).toBe(201);
	const { code } = await created.json();
	const cookie = (await host.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const join = async (nickname: string) => {
		const student = await requestFactory.newContext({ baseURL: base, extraHTTPHeaders: origin });
		expect((await student.post(`/api/class/${code}/join`, { data: { nickname } })).status()).toBe(
			200
		);
	};
	// A class already in the lobby, so the first event is past the compressor's 1 KB threshold:
	// a compressed stream would hold it (and the next) back.
	for (let i = 0; i < CLASS_SIZE; i++) await join(`Studente ${i}`);

	// The host's screen, with a browser's Accept-Encoding: it hears of every join.
	const events: { at: number; size: number; data: { players?: unknown[] } }[] = [];
	let buffered = '';
	// A compressor would hold back the headers too, with the first event.
	const stream = await new Promise<IncomingMessage>((resolve, reject) => {
		setTimeout(() => reject(new Error(`no response within ${PROMPT_MS} ms`)), PROMPT_MS);
		get(
			`${base}/api/class/${code}/events`,
			{ headers: { 'accept-encoding': BROWSER, cookie } },
			resolve
		).on('error', reject);
	});
	try {
		expect(stream.headers['content-type']).toContain('text/event-stream');
		expect(stream.headers['content-encoding']).toBeUndefined();
		stream.setEncoding('utf8');
		stream.on('data', (text: string) => {
			buffered += text;
			let end;
			while ((end = buffered.indexOf('\n\n')) >= 0) {
				const message = buffered.slice(0, end);
				buffered = buffered.slice(end + 2);
				if (message.startsWith('data: ')) {
					events.push({
						at: performance.now(),
						size: Buffer.byteLength(message),
						data: JSON.parse(message.slice(6))
					});
				}
			}
		});
		await expect.poll(() => events.length, { timeout: PROMPT_MS }).toBe(1);
		expect(events[0].data.players).toHaveLength(CLASS_SIZE);
		expect(events[0].size).toBeGreaterThan(1024);

		const joinedAt = performance.now();
		await join('Anna');
		await expect.poll(() => events.length, { timeout: PROMPT_MS }).toBe(2);
		expect(events[1].data.players).toHaveLength(CLASS_SIZE + 1);
		expect(events[1].at - joinedAt).toBeLessThan(PROMPT_MS);
	} finally {
		stream.destroy();
	}
});
