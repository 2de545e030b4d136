/**
 * Where the time of the answer path goes: one room of 1,000 students answering at once (the
 * load bench's worst case), the server started with `--cpu-prof`, so its CPU profile is written
 * to `PROFILE_DIR` when it stops; printed: the room's figures and the server's self time by
 * function and by module. Run with `node --cpu-prof --cpu-prof-dir=<dir> --import tsx
 * scripts/bench/answer-profile.ts` to profile the load generator as well.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '$lib/random/prng';
import { freePort, startServer, stopServer } from '../../tests/helpers/server';
import { Client } from './classroom/clients';
import { key, playRoom } from './classroom/load';
import { printRoom } from './classroom/report';
import { ANSWER_SEED, SCENARIOS } from './classroom/scenarios';

const SIZE = Number(process.env.PROFILE_ROOM ?? 1000);
const PROFILE_DIR = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), 'ripasso-profile-'));
const SHOWN = 30;

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	startTime: number;
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

function cpuOf(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * Self time (ms) per function and per module of a `.cpuprofile`, counting only the samples
 * within `windows` (µs on the monotonic clock, which V8's profile and `process.hrtime` share).
 */
export function selfTimes(profile: Profile, windows: [number, number][]) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<number, number>();
	let at = profile.startTime;
	profile.samples.forEach((id, i) => {
		const delta = profile.timeDeltas[i] ?? 0;
		at += delta;
		if (windows.some(([from, to]) => at >= from && at <= to)) {
			self.set(id, (self.get(id) ?? 0) + delta / 1000);
		}
	});
	const functions = new Map<string, number>();
	const modules = new Map<string, number>();
	for (const [id, time] of self) {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		const where = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/build\//, 'build/');
		const name = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`;
		functions.set(name, (functions.get(name) ?? 0) + time);
		const module = where
			? where.startsWith('node:')
				? where
				: where
						.split('/')
						.slice(0, where.startsWith('@') ? 2 : 1)
						.join('/') +
					(where.startsWith('build/') ? `/${where.split('/').slice(1).join('/')}` : '')
			: functionName;
		modules.set(module, (modules.get(module) ?? 0) + time);
	}
	return { functions, modules };
}

function top(map: Map<string, number>, total: number, n: number) {
	return [...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(
			([name, t]) =>
				`    ${t.toFixed(0).padStart(6)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`
		)
		.join('\n');
}

// `--cpu-prof` is not allowed in NODE_OPTIONS: a preloaded inspector session does the same, and
// writes the profile as the server exits (a session on its own thread answers synchronously).
const preload = join(PROFILE_DIR, 'cpu-profile.cjs');
writeFileSync(
	preload,
	`const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.on('exit', () => session.post('Profiler.stop', (error, result) => {
	if (!error) writeFileSync(${JSON.stringify(join(PROFILE_DIR, 'server.cpuprofile'))}, JSON.stringify(result.profile));
}));
`
);
const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-profile-data-'));
const port = await freePort(4557);
const server = await startServer(
	port,
	dataDir,
	{
		RIPASSO_JOIN_LIMIT: '100000',
		RIPASSO_CREATE_LIMIT: '100000',
		NODE_OPTIONS: `--require=${preload}`
	},
	{ timeoutMs: 180_000 }
);
const client = new Client(server.port);
/** `performance.now()` (ms) to the monotonic clock (µs). */
const monotonicOffsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
const cpuSamples: [number, number][] = [];
/** The server's CPU (ms) from `from` to `to` (ms, `performance.now()`), from the samples. */
const cpuBetween = (from: number, to: number) => {
	const before = cpuSamples.filter(([at]) => at <= from).at(-1) ?? cpuSamples[0];
	const after = cpuSamples.find(([at]) => at >= to) ?? cpuSamples.at(-1)!;
	return after[1] - before[1];
};
/** Per question: first answer sent → last acknowledged, the burst the p99 is about. */
const bursts: [number, number][] = [];
try {
	const scenario = SCENARIOS[0];
	const [serverCpu, ownCpu] = [cpuOf(server.process.pid!), process.cpuUsage()];
	// The server's CPU clock, read every 10 ms, to tell its CPU within each answer burst.
	const sampler = setInterval(
		() => cpuSamples.push([performance.now(), cpuOf(server.process.pid!)]),
		10
	);
	const start = performance.now();
	const room = await playRoom(client, SIZE, scenario, mulberry32(ANSWER_SEED));
	clearInterval(sampler);
	room.wallMs = performance.now() - start;
	room.serverCpuMs = cpuOf(server.process.pid!) - serverCpu;
	const own = process.cpuUsage(ownCpu);
	room.benchCpuMs = (own.user + own.system) / 1000;
	const db = new Database(join(dataDir, 'classroom.sqlite'), { readonly: true });
	const rows = db
		.prepare('SELECT player_id, question_index FROM answers WHERE game_code = ?')
		.all(room.code) as { player_id: string; question_index: number }[];
	db.close();
	room.stored = new Set(rows.map((row) => key(row.player_id, row.question_index)));
	printRoom(room);
	for (let q = 0; q < room.played; q++) {
		const mine = room.answers.filter((a) => a.question === q);
		const from = Math.min(...mine.map((a) => a.sentAt));
		const to = Math.max(...mine.map((a) => a.settledAt ?? a.sentAt));
		bursts.push([from * 1000 + monotonicOffsetUs, to * 1000 + monotonicOffsetUs]);
		const serverMs = cpuBetween(from, to);
		console.log(
			`    question ${q + 1}: ${mine.length} answers in ${(to - from).toFixed(0)} ms, server CPU ${serverMs.toFixed(0)} ms (${((1000 * serverMs) / mine.length).toFixed(0)} µs an answer, reveal and fan-out included, ±10 ms)`
		);
	}
	console.log(
		`    server CPU per answer (joins and streams included): ${((1000 * room.serverCpuMs) / room.answers.length).toFixed(0)} µs`
	);
} finally {
	client.close();
	await stopServer(server);
	rmSync(dataDir, { recursive: true, force: true });
}
const file = readdirSync(PROFILE_DIR).find((name) => name === 'server.cpuprofile');
if (file) {
	const profile = JSON.parse(readFileSync(join(PROFILE_DIR, file), 'utf8')) as Profile;
	const { functions, modules } = selfTimes(profile, bursts);
	const total = [...modules.values()].reduce((a, b) => a + b, 0);
	const span = bursts.reduce((sum, [from, to]) => sum + (to - from) / 1000, 0);
	console.log(
		`  server profile ${join(PROFILE_DIR, file)}: within the ${bursts.length} answer bursts (${span.toFixed(0)} ms of wall time), ${total.toFixed(0)} ms sampled (idle included)`
	);
	console.log(`  self time by module:\n${top(modules, total, 15)}`);
	console.log(`  self time by function:\n${top(functions, total, SHOWN)}`);
}
