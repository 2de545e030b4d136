/**
 * A production server of its own for a test: `scripts/start.js` on a free port with its own
 * data folder and environment, for tests that stop, restart or break the server under them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
	return new Promise((done) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => done(port));
		});
	});
}

export interface TestServer {
	process: ChildProcess;
	/** Everything it wrote to stdout and stderr so far. */
	output: () => string;
}

export async function startServer(
	port: number,
	dataDir: string,
	env: Record<string, string> = {},
	/** How many times to look whether it is up, every 200 ms. */
	tries = 150
): Promise<TestServer> {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			RIPASSO_DATA_DIR: dataDir,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const closed = new Promise((done) => child.once('close', done));
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	for (let i = 0; i < tries && child.exitCode === null; i++) {
		const up = await fetch(`http://127.0.0.1:${port}/join`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return { process: child, output: () => output };
		await new Promise((wait) => setTimeout(wait, 200));
	}
	// Exited (or hung): everything it said goes with the error, once its pipes are drained.
	child.kill();
	await closed;
	throw new Error(`The server did not start:\n${output}`);
}

export async function stopServer(server: TestServer): Promise<void> {
	if (server.process.exitCode !== null) return;
	const exited = new Promise((done) => server.process.once('exit', done));
	server.process.kill('SIGTERM');
	await exited;
}
