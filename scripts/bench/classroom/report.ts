/**
 * The load bench's report: per room, the spread of each delay (percentiles), what was sent,
 * acknowledged and stored, and what went wrong; then one line per room and each target with the
 * scenarios it is met and missed in.
 */
import { ms, percentile } from '../timing';
import { key, STEP_TIMEOUT_MS, type RoomResult, type SentAnswer } from './load';
import { ACK_P99_TARGET_MS, ACK_TARGET_ROOM, NO_LOSS_ROOM, type Scenario } from './scenarios';

export const count = (n: number) => n.toLocaleString('en');
const spread = (values: number[]) =>
	values.length === 0
		? 'none'
		: `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}, max ${ms(Math.max(...values))}`;
/** The largest of each question's figures, for the line "last student per question". */
const lasts = (perQuestion: number[][]) =>
	perQuestion.map((d) => (d.length > 0 ? ms(Math.max(...d)) : 'none')).join(', ');
export const seconds = (t: number) => `${(t / 1000).toFixed(1)} s`;

/** What the summary and the target lines need from a room. */
export interface Figures {
	size: number;
	scenario: Scenario;
	ackTimes: number[];
	revealEndToEnd: number[];
	lost: number;
	complete: boolean;
}

export function printRoom(room: RoomResult): Figures {
	const { size, scenario } = room;
	const { questions } = scenario;
	console.log(
		`  ${count(size)} students, ${scenario.label}: joined in ${ms(room.joinMs)}, streams open in ${ms(room.streamsMs)}; ${room.played} of ${questions} questions played`
	);
	const acked = room.answers.filter((a) => a.status === 200);
	const ackTimes = acked.map((a) => a.settledAt! - a.sentAt);
	const p99 = percentile(ackTimes, 99);
	const ackTarget =
		size === ACK_TARGET_ROOM
			? `target p99 < ${ACK_P99_TARGET_MS} ms: ${p99 < ACK_P99_TARGET_MS ? 'met' : 'MISSED'} (${scenario.label})`
			: `(target p99 < ${ACK_P99_TARGET_MS} ms is for ${ACK_TARGET_ROOM})`;
	console.log(`    answer sent → acknowledged: ${spread(ackTimes)}  ${ackTarget}`);
	const reveal = room.revealDelays.flat();
	console.log(
		`    reveal → student received: ${spread(reveal)}; last student per question: ${lasts(room.revealDelays)}`
	);
	console.log(
		`    reveal triggered → last student received, per question: ${room.revealEndToEnd.map((t) => ms(t)).join(', ')} (max ${ms(Math.max(...room.revealEndToEnd))})`
	);
	console.log(
		`    question → student received: ${spread(room.questionDelays.flat())}; last student per question: ${lasts(room.questionDelays)}`
	);
	console.log(
		`    first answer sent → last acknowledged, per question: ${room.answerSpan.map((t) => ms(t)).join(', ')}`
	);
	const settled = (a: SentAnswer) =>
		a.status === 200 || room.stored.has(key(a.playerId, a.question));
	const lost = room.answers.filter((a) => !settled(a)).length;
	const stored = room.answers.filter((a) => room.stored.has(key(a.playerId, a.question))).length;
	const complete = room.played === questions && room.answers.length === size * room.played;
	console.log(
		`    answers sent / acknowledged / stored: ${count(room.answers.length)} / ${count(acked.length)} / ${count(stored)} (of ${count(size * questions)} expected), lost ${lost}  target 0 lost: ${lost === 0 && complete ? 'met' : 'MISSED'}`
	);
	const problems = new Map<string, number>();
	for (const a of room.answers) {
		if (a.problem) problems.set(a.problem, (problems.get(a.problem) ?? 0) + 1);
	}
	for (const [problem, n] of problems) console.log(`      ${n} × ${problem}`);
	const retried = room.answers.filter((a) => a.retried).length;
	if (retried > 0) {
		console.log(
			`    ${retried} answers sent twice: the first went out on a kept-alive connection the server had closed as idle (a browser resends these too)`
		);
	}
	console.log(
		`    students who received each reveal: ${room.revealDelays.map((d) => `${d.length}/${size}`).join(', ')}; revealed by the server before the host asked: ${room.autoRevealed.filter(Boolean).length} of ${room.autoRevealed.length}`
	);
	console.log(
		`    host's stream: ${count(room.hostEvents)} events, ${(room.hostBytes / 1e6).toFixed(1)} MB, behind the first client at the reveal by ${room.hostRevealLag.map((t) => ms(t)).join(', ')}; students' streams: ${count(room.studentEvents)} events`
	);
	console.log(
		`    room took ${seconds(room.wallMs)}: server CPU ${seconds(room.serverCpuMs)}, students' (this process) CPU ${seconds(room.benchCpuMs)}`
	);
	for (const timeout of room.timeouts)
		console.log(`    TIMED OUT (${STEP_TIMEOUT_MS / 1000} s): ${timeout}`);
	if (room.streamErrors.length > 0) {
		console.log(
			`    ${room.streamErrors.length} streams broke: ${[...new Set(room.streamErrors)].join('; ')}`
		);
	}
	for (const line of room.unexpected) console.log(`    unexpected view: ${line.slice(0, 200)}`);
	return { size, scenario, ackTimes, revealEndToEnd: room.revealEndToEnd, lost, complete };
}

/** One line per room, then each target with the scenarios it is met and missed in. */
export function printSummary(rooms: Figures[]): void {
	const width = Math.max(...rooms.map((r) => r.scenario.label.length)) + 2;
	console.log(`  Summary`);
	for (const room of rooms) {
		console.log(
			`    ${room.scenario.label.padEnd(width)}${count(room.size).padStart(5)} students: answer → ack ${spread(room.ackTimes)}; reveal → last student max ${ms(Math.max(...room.revealEndToEnd))}; lost ${room.lost}`
		);
	}
	const verdicts = (
		size: number,
		met: (room: Figures) => boolean,
		figure: (room: Figures) => string
	) =>
		rooms
			.filter((room) => room.size === size)
			.map((room) => `${met(room) ? 'met' : 'MISSED'} ${room.scenario.label} (${figure(room)})`)
			.join('; ');
	const p99 = (room: Figures) => percentile(room.ackTimes, 99);
	console.log(
		`  target p99 answer → ack < ${ACK_P99_TARGET_MS} ms at ${count(ACK_TARGET_ROOM)} students: ${verdicts(
			ACK_TARGET_ROOM,
			(room) => p99(room) < ACK_P99_TARGET_MS,
			(room) => `p99 ${ms(p99(room))}`
		)}`
	);
	console.log(
		`  target no answer lost at ${count(NO_LOSS_ROOM)} students: ${verdicts(
			NO_LOSS_ROOM,
			(room) => room.lost === 0 && room.complete,
			(room) => `${room.lost} lost${room.complete ? '' : ', incomplete'}`
		)}`
	);
}
