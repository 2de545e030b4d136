/**
 * Load on the live classroom quiz, over loopback: the production server (`scripts/start.js`,
 * started by the same launcher as the e2e tests) in a child process, rooms of 300 and 1,000
 * simulated students, each on its own Server-Sent Events stream, in two scenarios
 * (`classroom/scenarios.ts`):
 * - all at once (worst case): every student answers the moment the question reaches them, so a
 *   whole class's answers arrive within a few tens of ms;
 * - spread like a class: each student answers after a human reaction time, drawn for every
 *   student and question from a seeded PRNG, uniformly between 1 and 6 s after the question
 *   reached their phone (questions last 20 s, so none is cut off).
 * `benchClassroom()` is called by `scripts/bench.ts`; `npx tsx scripts/bench/classroom.ts` runs it
 * alone.
 *
 * Figures, all on this process's clock (`performance.now()`):
 * - answer sent → acknowledged: from the answer's POST to its `200 { received: true }`;
 * - reveal → student received: from the reveal instant to each student's first event showing the
 *   question revealed. The reveal instant is the first client to see it (the host's stream, or a
 *   student's if the host's is behind), so it works whether the server reveals by itself once
 *   everyone has answered or the host's `reveal` does it;
 * - answers sent / acknowledged / stored (read from the server's database): lost = sent answers
 *   neither acknowledged nor stored.
 *
 * The students run in this process and share the machine's cores with the server, so the figures
 * include their own work (a phone's would not load the server's machine).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '$lib/random/prng';
import { freePort, startServer, stopServer, type TestServer } from '../../tests/helpers/server';
import { Client } from './classroom/clients';
import { key, playRoom } from './classroom/load';
import { count, printRoom, printSummary, seconds, type Figures } from './classroom/report';
import {
	ACK_P99_TARGET_MS,
	ACK_TARGET_ROOM,
	ANSWER_SEED,
	NO_LOSS_ROOM,
	ROOMS,
	SCENARIOS
} from './classroom/scenarios';

const PREFERRED_PORT = 4555;
/** start.js builds first when the build is older than the sources. */
const STARTUP_TIMEOUT_MS = 180_000;
/** How much of the server's output a failure shows. */
const OUTPUT_SHOWN = 4000;

/** CPU time (user + system, ms) a process has used so far; NaN where /proc is not there. */
function cpuOf(pid: number): number {
	try {
		// Fields after the command's closing parenthesis: state is 3rd, utime 14th, stime 15th.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
	} catch {
		return NaN;
	}
}

const ownCpu = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

/** The answers of game `code` the server stored, read while it still has the database open (WAL). */
function storedAnswers(dataDir: string, code: string): Set<string> {
	const db = new Database(join(dataDir, 'classroom.sqlite'), {
		readonly: true,
		fileMustExist: true
	});
	try {
		const rows = db
			.prepare('SELECT player_id, question_index FROM answers WHERE game_code = ?')
			.all(code) as { player_id: string; question_index: number }[];
		return new Set(rows.map((row) => key(row.player_id, row.question_index)));
	} finally {
		db.close();
	}
}

export async function benchClassroom(): Promise<void> {
	const sectionStart = performance.now();
	console.log(
		`Live classroom (loopback: production server, rooms of ${ROOMS.map(count).join(' and ')} students in ${SCENARIOS.length} scenarios; targets: p99 answer ack < ${ACK_P99_TARGET_MS} ms at ${ACK_TARGET_ROOM}, no answer lost at ${count(NO_LOSS_ROOM)})`
	);
	let start = performance.now();
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-bench-'));
	let server: TestServer;
	try {
		const port = await freePort(Number(process.env.BENCH_CLASSROOM_PORT) || PREFERRED_PORT);
		server = await startServer(
			port,
			dataDir,
			{ RIPASSO_JOIN_LIMIT: '100000', RIPASSO_CREATE_LIMIT: '100000' },
			{ timeoutMs: STARTUP_TIMEOUT_MS }
		);
	} catch (error) {
		rmSync(dataDir, { recursive: true, force: true });
		const message = error instanceof Error ? error.message : String(error);
		console.log(`  FAILED to start the server: ${message.slice(-OUTPUT_SHOWN)}`);
		process.exitCode = 1;
		return;
	}
	// Ctrl-C exits through the launcher's exit hook, which stops the server (its own process group
	// would outlive this process otherwise).
	const interrupted = () => process.exit(130);
	process.once('SIGINT', interrupted);
	const startupMs = performance.now() - start;
	const rebuilt = server.output().includes('Building Ripasso');
	console.log(
		`  server ready in ${seconds(startupMs)}${rebuilt ? ' (rebuilt first: the build was older than the sources)' : ''}, port ${server.port}`
	);
	const pid = server.process.pid!;
	const client = new Client(server.port);
	const random = mulberry32(ANSWER_SEED);
	const rooms: Figures[] = [];
	try {
		for (const scenario of SCENARIOS) {
			console.log(
				`  Scenario "${scenario.label}": ${scenario.detail}; ${scenario.questions} questions of ${scenario.secondsPerQuestion} s`
			);
			for (const size of ROOMS) {
				start = performance.now();
				const [serverCpu, benchCpu] = [cpuOf(pid), ownCpu()];
				const room = await playRoom(client, size, scenario, random);
				room.wallMs = performance.now() - start;
				room.serverCpuMs = cpuOf(pid) - serverCpu;
				room.benchCpuMs = ownCpu() - benchCpu;
				room.stored = storedAnswers(dataDir, room.code);
				rooms.push(printRoom(room));
			}
		}
		printSummary(rooms);
	} catch (error) {
		console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
		const output = server.output().slice(-OUTPUT_SHOWN).trim();
		if (output) console.log(`  server output (last lines):\n${output}`);
		process.exitCode = 1;
	} finally {
		client.close();
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
		process.off('SIGINT', interrupted);
	}
	const sectionMs = performance.now() - sectionStart;
	console.log(
		`  classroom section took ${seconds(sectionMs)}${rebuilt ? ` (${seconds(sectionMs - startupMs)} without the server's start and build)` : ''}`
	);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchClassroom();
