/**
 * The load generator: one room of simulated students against a running server, each joining
 * over HTTP, listening on their own Server-Sent Events stream and answering every question when
 * their reaction time has passed, while a host opens and reveals the questions. Everything is
 * timed on this process's clock (`performance.now()`).
 */
import type { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { mulberry32, type Random } from '$lib/random/prng';
import { Client, EventStream } from './clients';
import { ARTICLE, REACTION_SEED, type Scenario } from './scenarios';

/** Longest wait for one step of a question (all answers in, everyone saw the reveal…). */
export const STEP_TIMEOUT_MS = 20_000;
/** Joins and stream openings in flight at once. */
const CONCURRENCY = 50;
const REVEALED = new Set(['reveal', 'leaderboard', 'finished']);

export interface SentAnswer {
	playerId: string;
	question: number;
	sentAt: number;
	settledAt?: number;
	status?: number;
	/** Sent twice: the first went out on a connection the server had closed (see `Client.post`). */
	retried?: boolean;
	/** The refusal's message, or the network error. */
	problem?: string;
}

interface Student {
	nickname: string;
	/** Its phone's connection (`Client.phone`), for the join and the answers. */
	phone: Agent;
	cookie: string;
	playerId: string;
	stream?: EventStream;
	events: number;
	/** When this student's stream first showed question `i`, and its reveal. */
	questionAt: (number | undefined)[];
	revealAt: (number | undefined)[];
	/** Per question: how long (ms) this student takes to answer once it is on their phone. */
	reactionMs: number[];
	/** Questions whose answer is waiting for the reaction time to pass. */
	thinking: Set<number>;
	answers: Map<number, SentAnswer>;
}

export interface RoomResult {
	/** The game's code, to look its answers up in the database. */
	code: string;
	size: number;
	scenario: Scenario;
	joinMs: number;
	streamsMs: number;
	/** Questions played to their reveal (fewer when a step timed out). */
	played: number;
	answers: SentAnswer[];
	/** `key(player, question)` of the answers the server stored (filled in by the caller). */
	stored: Set<string>;
	/** Per question: when each student saw it, relative to the first client that did. */
	questionDelays: number[][];
	revealDelays: number[][];
	/** Per question: how far the host's stream was behind the first client to see the reveal. */
	hostRevealLag: number[];
	/**
	 * Per question: from the reveal's trigger to the last student seeing it. The trigger is the
	 * host's reveal request, or, when the server revealed by itself, the moment it turned to the
	 * answer that completed the class (the last one acknowledged: its acknowledgement comes after
	 * the reveal's work), estimated as the later of the acknowledgement just before it (the
	 * server handles requests one at a time: in a burst it was still busy with the others) and
	 * its own sending (when the answers were spread out, it arrived to an idle server).
	 */
	revealEndToEnd: number[];
	/** Per question: first answer sent → last answer settled. */
	answerSpan: number[];
	/** Per question: whether the server had revealed before the host asked. */
	autoRevealed: boolean[];
	hostEvents: number;
	hostBytes: number;
	serverCpuMs: number;
	benchCpuMs: number;
	wallMs: number;
	studentEvents: number;
	streamErrors: string[];
	unexpected: string[];
	timeouts: string[];
}

export const key = (playerId: string, question: number) => `${playerId}:${question}`;

/** Runs `work` on every item, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Waits until `done()` (checked every 2 ms) or `timeoutMs`; false on timeout. */
async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = performance.now() + timeoutMs;
	while (!done()) {
		if (performance.now() > deadline) return false;
		await sleep(2);
	}
	return true;
}

/** The host view's phase and question, read from the front of its JSON (it lists every player). */
function hostPhase(data: string): { phase: string; questionIndex: number } {
	const match = /"phase":"(\w+)","questionIndex":(-?\d+)/u.exec(data.slice(0, 400));
	if (match) return { phase: match[1], questionIndex: Number(match[2]) };
	const view = JSON.parse(data) as { phase: string; questionIndex: number };
	return { phase: view.phase, questionIndex: view.questionIndex };
}

/** Delays of `times` after the earliest of them and `also`. */
function delays(times: (number | undefined)[], also: number | undefined): number[] {
	const seen = times.filter((t): t is number => t !== undefined);
	const t0 = Math.min(...seen, also ?? Infinity);
	return seen.map((t) => t - t0);
}

export async function playRoom(
	client: Client,
	size: number,
	scenario: Scenario,
	random: Random
): Promise<RoomResult> {
	const { questions } = scenario;
	const created = await client.post('/api/class', {
		article: ARTICLE,
		questions,
		secondsPerQuestion: scenario.secondsPerQuestion,
		speedBonus: true
	});
	if (created.status !== 201) {
		throw new Error(`Creating the game: HTTP ${created.status} ${created.body}`);
	}
	const { code } = JSON.parse(created.body) as { code: string };
	const hostCookie = created.cookies.find((c) => c.startsWith('ripasso_host='));
	if (!hostCookie) throw new Error('Creating the game: no host cookie');
	const api = `/api/class/${code}`;

	const result: RoomResult = {
		code,
		size,
		scenario,
		joinMs: 0,
		streamsMs: 0,
		played: 0,
		answers: [],
		stored: new Set(),
		questionDelays: [],
		revealDelays: [],
		hostRevealLag: [],
		revealEndToEnd: [],
		answerSpan: [],
		autoRevealed: [],
		hostEvents: 0,
		hostBytes: 0,
		serverCpuMs: 0,
		benchCpuMs: 0,
		wallMs: 0,
		studentEvents: 0,
		streamErrors: [],
		unexpected: [],
		timeouts: []
	};
	const hostQuestionAt: (number | undefined)[] = [];
	const hostRevealAt: (number | undefined)[] = [];
	const hostStream = client.stream(`${api}/events`, hostCookie, (data, at) => {
		result.hostEvents++;
		result.hostBytes += data.length;
		const { phase, questionIndex } = hostPhase(data);
		if (questionIndex < 0) return;
		if (phase === 'question') hostQuestionAt[questionIndex] ??= at;
		else if (REVEALED.has(phase)) hostRevealAt[questionIndex] ??= at;
	});
	await hostStream.opened;

	// Drawn up front, student by student, so they do not depend on the order events arrive in.
	const reaction = mulberry32(REACTION_SEED + size);
	const students: Student[] = Array.from({ length: size }, (_, i) => ({
		nickname: `Studente${i + 1}`,
		phone: client.phone(),
		cookie: '',
		playerId: '',
		events: 0,
		questionAt: [],
		revealAt: [],
		reactionMs: Array.from({ length: questions }, () => scenario.reactionMs(reaction)),
		thinking: new Set(),
		answers: new Map()
	}));
	// Per question: answers settled, and students who have seen the reveal (cheaper to wait on
	// than scanning the whole class every few ms).
	const settledCount = new Array<number>(questions).fill(0);
	const revealedCount = new Array<number>(questions).fill(0);
	const thinking = new Set<ReturnType<typeof setTimeout>>();
	const streams: EventStream[] = [hostStream];
	try {
		let start = performance.now();
		await pool(students, CONCURRENCY, async (student) => {
			const joined = await client.post(
				`${api}/join`,
				{ nickname: student.nickname },
				undefined,
				student.phone
			);
			if (joined.status !== 200) {
				throw new Error(`Joining as ${student.nickname}: HTTP ${joined.status} ${joined.body}`);
			}
			student.cookie = joined.cookies.find((c) => c.startsWith(`ripasso_player_${code}=`)) ?? '';
			student.playerId = (JSON.parse(joined.body) as { player: { id: string } }).player.id;
		});
		result.joinMs = performance.now() - start;

		const answer = (student: Student, question: number, options: string[]) => {
			const given = options.length > 0 ? options[Math.floor(random() * options.length)] : '10';
			const sent: SentAnswer = { playerId: student.playerId, question, sentAt: performance.now() };
			student.answers.set(question, sent);
			result.answers.push(sent);
			client
				.post(`${api}/answer`, { questionIndex: question, given }, student.cookie, student.phone)
				.then(
					(reply) => {
						sent.settledAt = performance.now();
						sent.status = reply.status;
						sent.retried = reply.retried;
						if (reply.status !== 200) sent.problem = `HTTP ${reply.status} ${reply.body}`;
						settledCount[question]++;
					},
					(error: Error) => {
						sent.settledAt = performance.now();
						sent.problem = error.message;
						settledCount[question]++;
					}
				);
		};
		/** Answers once the student's reaction time for this question has passed. */
		const think = (student: Student, question: number, options: string[]) => {
			if (student.answers.has(question) || student.thinking.has(question)) return;
			const wait = student.reactionMs[question] ?? 0;
			if (wait <= 0) {
				answer(student, question, options);
				return;
			}
			student.thinking.add(question);
			const timer = setTimeout(() => {
				thinking.delete(timer);
				student.thinking.delete(question);
				answer(student, question, options);
			}, wait);
			thinking.add(timer);
		};
		const onEvent = (student: Student) => (data: string, at: number) => {
			student.events++;
			result.studentEvents++;
			const view = JSON.parse(data) as {
				status: string;
				phase?: string;
				questionIndex?: number;
				question?: { options: string[] } | null;
			};
			if (view.status !== 'playing') {
				if (result.unexpected.length < 5) result.unexpected.push(`${student.nickname}: ${data}`);
				return;
			}
			const question = view.questionIndex ?? -1;
			if (question < 0) return;
			if (view.phase === 'question') {
				student.questionAt[question] ??= at;
				think(student, question, view.question?.options ?? []);
			} else if (REVEALED.has(view.phase ?? '') && student.revealAt[question] === undefined) {
				student.revealAt[question] = at;
				revealedCount[question]++;
			}
		};

		start = performance.now();
		await pool(students, CONCURRENCY, async (student) => {
			student.stream = client.stream(`${api}/events`, student.cookie, onEvent(student));
			streams.push(student.stream);
			await student.stream.opened;
		});
		if (!(await waitFor(() => students.every((s) => s.events > 0), STEP_TIMEOUT_MS))) {
			result.timeouts.push('first event on every stream');
		}
		result.streamsMs = performance.now() - start;

		const host = async (action: string) => {
			const reply = await client.post(`${api}/host`, { action }, hostCookie);
			return reply;
		};
		for (let q = 0; q < questions && result.timeouts.length === 0; q++) {
			const opened = await host(q === 0 ? 'start' : 'next');
			if (opened.status !== 200) throw new Error(`Question ${q + 1}: HTTP ${opened.status}`);
			const answered = await waitFor(() => settledCount[q] >= size, STEP_TIMEOUT_MS);
			if (!answered) {
				result.timeouts.push(`question ${q + 1}: ${settledCount[q]} of ${size} answers settled`);
			}
			// Refused as `wrong-phase` when the server has revealed by itself (everyone answered).
			const revealSentAt = performance.now();
			const revealed = await host('reveal');
			if (revealed.status !== 200 && !revealed.body.includes('wrong-phase')) {
				throw new Error(`Reveal ${q + 1}: HTTP ${revealed.status} ${revealed.body}`);
			}
			result.autoRevealed.push(revealed.status !== 200);
			const seen = await waitFor(
				() => hostRevealAt[q] !== undefined && revealedCount[q] >= size,
				STEP_TIMEOUT_MS
			);
			if (!seen) {
				result.timeouts.push(`reveal ${q + 1}: ${revealedCount[q]} of ${size} students saw it`);
			}
			result.played = q + 1;
			result.questionDelays.push(
				delays(
					students.map((s) => s.questionAt[q]),
					hostQuestionAt[q]
				)
			);
			result.revealDelays.push(
				delays(
					students.map((s) => s.revealAt[q]),
					hostRevealAt[q]
				)
			);
			const firstReveal = Math.min(
				...students.map((s) => s.revealAt[q] ?? Infinity),
				hostRevealAt[q] ?? Infinity
			);
			result.hostRevealLag.push((hostRevealAt[q] ?? NaN) - firstReveal);
			const mine = students.map((s) => s.answers.get(q)).filter((a) => a !== undefined);
			const acked = mine
				.filter((a) => a.settledAt !== undefined)
				.sort((a, b) => a.settledAt! - b.settledAt!);
			const completing = acked[acked.length - 1];
			const trigger =
				revealed.status === 200
					? revealSentAt
					: Math.max(acked[acked.length - 2]?.settledAt ?? -Infinity, completing?.sentAt ?? NaN);
			const lastStudent = Math.max(...students.map((s) => s.revealAt[q] ?? NaN));
			result.revealEndToEnd.push(lastStudent - trigger);
			result.answerSpan.push(
				Math.max(...mine.map((a) => a.settledAt ?? NaN)) - Math.min(...mine.map((a) => a.sentAt))
			);
		}
		await host('finish');

		for (const stream of streams) if (stream.error) result.streamErrors.push(stream.error);
	} finally {
		for (const timer of thinking) clearTimeout(timer);
		for (const stream of streams) stream.close();
		// The next room's phones are new ones; these would keep their idle connections open.
		for (const student of students) student.phone.destroy();
	}
	return result;
}
