/**
 * The load generator's transport: JSON posts over a kept-alive connection pool (the answers) and
 * Server-Sent Events streams, one socket each (one phone per student), on loopback.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export const HOST = '127.0.0.1';
const REQUEST_TIMEOUT_MS = 30_000;

export interface Reply {
	status: number;
	body: string;
	/** `name=value` of each Set-Cookie. */
	cookies: string[];
	/** Sent again on a new connection: the server had closed the idle one it first went on. */
	retried: boolean;
}

/** Errors of a request sent on a kept-alive connection the server closed in the meantime. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

export class Client {
	readonly #agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
	readonly #phones = new Set<http.Agent>();
	readonly #origin: string;
	constructor(readonly port: number) {
		this.#origin = `http://${HOST}:${port}`;
	}

	/**
	 * Posts JSON. Like a browser, sends it once more when it went out on a kept-alive connection
	 * the server had just closed as idle (it closes them after 5 s; the agent drops them after
	 * 4 s, but a busy process can be late): the server never read it.
	 */
	post(
		path: string,
		body: unknown,
		cookie?: string,
		agent: http.Agent = this.#agent,
		retry = true
	): Promise<Reply> {
		const payload = JSON.stringify(body);
		return new Promise((resolve, reject) => {
			let responded = false;
			const req = http.request(
				{
					host: HOST,
					port: this.port,
					path,
					method: 'POST',
					agent,
					headers: {
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(payload),
						origin: this.#origin,
						...(cookie ? { cookie } : {})
					}
				},
				(res) => {
					responded = true;
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => (text += chunk));
					res.on('error', reject);
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							body: text,
							cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
							retried: !retry
						})
					);
				}
			);
			req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
			req.on('error', (error: NodeJS.ErrnoException) => {
				if (retry && req.reusedSocket && !responded && STALE_CONNECTION.has(error.code ?? '')) {
					this.post(path, body, cookie, agent, false).then(resolve, reject);
				} else {
					reject(error);
				}
			});
			req.end(payload);
		});
	}

	/**
	 * One phone's connection for its posts: opened by its join and kept for its answers, as a
	 * browser keeps it. (Through the shared pool, warmed by only as many joins as run at once,
	 * the first question's answers would open hundreds of connections inside the timed burst.)
	 */
	phone(): http.Agent {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		this.#phones.add(agent);
		return agent;
	}

	/** Opens an event stream; `onData` gets each event's data and when its last chunk arrived. */
	stream(path: string, cookie: string, onData: (data: string, at: number) => void): EventStream {
		return new EventStream(this.port, path, cookie, onData);
	}

	close(): void {
		this.#agent.destroy();
		for (const phone of this.#phones) phone.destroy();
		this.#phones.clear();
	}
}

export class EventStream {
	/** Resolves once the response's headers are in (rejects on an error or a status other than 200). */
	readonly opened: Promise<void>;
	/** Why the stream broke, if it did before `close()`. */
	error: string | undefined;
	#req: http.ClientRequest;
	#closed = false;

	constructor(
		port: number,
		path: string,
		cookie: string,
		onData: (data: string, at: number) => void
	) {
		let settle: (error?: Error) => void = () => {};
		this.opened = new Promise((resolve, reject) => {
			settle = (error) => (error ? reject(error) : resolve());
		});
		// One socket per stream, outside the pool the answers use (as one phone per student).
		this.#req = http.get(
			{ host: HOST, port, path, agent: false, headers: { cookie, accept: 'text/event-stream' } },
			(res) => {
				if (res.statusCode !== 200) {
					res.resume();
					settle(new Error(`events: HTTP ${res.statusCode}`));
					return;
				}
				settle();
				let buffer = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					const at = performance.now();
					buffer += chunk;
					let end: number;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const data = block
							.split('\n')
							.filter((line) => line.startsWith('data:'))
							.map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
							.join('\n');
						if (data) onData(data, at); // `: keep-alive` comments carry no data
					}
				});
				res.on('error', (error) => this.#fail(error));
				res.on('end', () => this.#fail(new Error('closed by the server')));
			}
		);
		this.#req.on('error', (error) => {
			settle(error);
			this.#fail(error);
		});
	}

	#fail(error: Error): void {
		if (!this.#closed && this.error === undefined) this.error = error.message;
	}

	close(): void {
		this.#closed = true;
		this.#req.destroy();
	}
}
