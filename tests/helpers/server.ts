/**
 * A production server of its own: `scripts/start.js` on a port of its own with its own data
 * folder and environment, for e2e tests that stop, restart or break the server under them, and
 * for the load bench (`scripts/bench/classroom.ts`).
 *
 * It runs in a process group of its own, so stopping it also stops a build that start.js began
 * (it builds first when the build is older than the sources); a server still running when this
 * process exits is stopped with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(import.meta.dirname, '..', '..');
const HOST = '127.0.0.1';
/** Path whose 200 says the server is up: a page, so the app itself answered. */
const READY_PATH = '/join';
/** The end of what it printed that is kept (a long bench run must not grow without bound). */
const OUTPUT_LIMIT = 1_000_000;

function listenOn(port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(port, HOST, () => {
			const { port: chosen } = probe.address() as { port: number };
			probe.close(() => resolve(chosen));
		});
	});
}

/** `preferred` if it is free on loopback, else any free port. */
export async function freePort(preferred?: number): Promise<number> {
	return preferred ? listenOn(preferred).catch(() => listenOn(0)) : listenOn(0);
}

export interface TestServer {
	process: ChildProcess;
	port: number;
	/** Everything it wrote to stdout and stderr so far (the last megabyte of it). */
	output: () => string;
}

export interface StartOptions {
	/** How long to wait for it to answer (ms); a build start.js runs first counts too. */
	timeoutMs?: number;
}

/** Servers started here and not yet exited, stopped if this process exits first. */
const running = new Set<ChildProcess>();
let cleanupInstalled = false;

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Signals the server's whole process group (the server and any build it started). */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
	try {
		process.kill(-child.pid!, name);
	} catch {
		// already gone
	}
}

function installCleanup(): void {
	if (cleanupInstalled) return;
	cleanupInstalled = true;
	process.once('exit', () => {
		for (const child of running) signal(child, 'SIGKILL');
	});
}

async function answers(port: number): Promise<boolean> {
	try {
		const response = await fetch(`http://${HOST}:${port}${READY_PATH}`, {
			signal: AbortSignal.timeout(5000)
		});
		await response.body?.cancel();
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * Starts the server on `HOST:port` with `dataDir` as its data folder and `env` on top of this
 * process's environment, and resolves once it serves pages.
 *
 * @throws Error with everything it printed when it exits or does not answer in time
 */
export async function startServer(
	port: number,
	dataDir: string,
	env: Record<string, string> = {},
	{ timeoutMs = 30_000 }: StartOptions = {}
): Promise<TestServer> {
	installCleanup();
	const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.js')], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST, RIPASSO_DATA_DIR: dataDir, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	running.add(child);
	const closed = new Promise((done) => child.once('close', done));
	child.once('exit', () => running.delete(child));
	let output = '';
	const keep = (chunk: Buffer) => {
		output += chunk.toString();
		if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const server: TestServer = { process: child, port, output: () => output };
	const deadline = Date.now() + timeoutMs;
	while (isRunning(child) && Date.now() < deadline) {
		if (await answers(port)) return server;
		await sleep(200);
	}
	// Exited (or hung): everything it said goes with the error, once its pipes are drained.
	const exited = !isRunning(child);
	await stopServer(server);
	await closed;
	throw new Error(
		exited
			? `The server did not start (exit code ${child.exitCode}):\n${output}`
			: `The server did not answer GET ${READY_PATH} within ${timeoutMs / 1000} s:\n${output}`
	);
}

/**
 * Stops the server as a deployment would (SIGTERM: it finishes what is in flight and closes the
 * event streams), or kills it after 5 s; resolves once it has exited.
 */
export async function stopServer(server: TestServer): Promise<void> {
	const child = server.process;
	if (!isRunning(child)) return;
	const exited = new Promise((done) => child.once('exit', done));
	signal(child, 'SIGTERM');
	await Promise.race([exited, sleep(5000)]);
	if (isRunning(child)) {
		signal(child, 'SIGKILL');
		await exited;
	}
}
