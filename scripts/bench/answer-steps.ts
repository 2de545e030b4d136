/**
 * The answer path's steps, each timed alone in this process on CPU time (not wall time: the
 * machine is shared, and a busy neighbour must not move the figures): a class of `SIZE` answering
 * one question, through the engine with a real SQLite file, and each step on its own (JSON parse,
 * zod, grading, the domain's `answer` and `allAnswered`, the store's insert). A host listener
 * is subscribed as the projector's stream would be. `npx tsx scripts/bench/answer-steps.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerSchema } from '$lib/classroom/contracts';
import * as game from '$lib/classroom/game';
import { hostView } from '$lib/classroom/views';
import { buildDeck } from '$lib/deck/deck';
import { gradeCard } from '$lib/quiz/check';
import { openSqliteStore } from '$lib/server/classroom/db';
import { ClassroomEngine, hostHash } from '$lib/server/classroom/engine';
import { library } from '../../tests/helpers/library';

const SIZE = Number(process.env.STEPS_ROOM ?? 1000);
const QUESTIONS = 5;

const cards = buildDeck(library, { track: 'facts' }).cards.filter(
	(card) => card.type === 'multiple-choice' && card.origin === 'curated'
);
const byId = new Map(cards.map((card) => [card.id, card]));
const ids = cards.slice(0, QUESTIONS).map((card) => card.id);

const cpu = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};
/** CPU µs per call of `work` over `n` calls. */
function perCall(n: number, work: (i: number) => unknown): number {
	const start = cpu();
	for (let i = 0; i < n; i++) work(i);
	return ((cpu() - start) * 1000) / n;
}
const us = (value: number) => `${value.toFixed(1)} µs`;

const folder = mkdtempSync(join(tmpdir(), 'ripasso-steps-'));
try {
	const engine = new ClassroomEngine(openSqliteStore(join(folder, 'classroom.sqlite')), (id) =>
		byId.get(id)
	);
	const created = engine.create(
		'mosca-pyongyang',
		ids,
		{ kind: 'live', settings: { questions: QUESTIONS, secondsPerQuestion: 60, speedBonus: true } },
		hostHash('host')
	);
	if (!created.ok) throw new Error(created.error);
	const { code } = created;
	const players = Array.from({ length: SIZE }, (_, i) => `player-${String(i).padStart(6, '0')}`);
	players.forEach((id, i) => engine.join(code, id, `Studente${i}`));
	// The projector: its stream builds a host view at most every 250 ms; count them to be fair.
	let hostViews = 0;
	let lastView = 0;
	engine.subscribe(code, (state) => {
		if (Date.now() - lastView < 250) return;
		lastView = Date.now();
		hostViews++;
		JSON.stringify(
			hostView(
				state,
				ids.map((id) => byId.get(id)!)
			)
		);
	});

	console.log(`Answer path, CPU time per answer, a class of ${SIZE} (this process, no HTTP)`);
	const engineTimes: number[] = [];
	for (let q = 0; q < QUESTIONS; q++) {
		engine[q === 0 ? 'start' : 'next'](code);
		const card = byId.get(ids[q])!;
		engineTimes.push(
			perCall(SIZE, (i) => {
				const result = engine.answer(code, players[i], q, card.options[i % card.options.length]);
				if (!result.ok && result.error !== 'not-a-question-phase') throw new Error(result.error);
			})
		);
		if (game.stepOf(engine.get(code)!) === `question:${q}`) engine.reveal(code);
	}
	console.log(
		`  engine.answer (domain + SQLite + host listener), per question: ${engineTimes.map(us).join(', ')}; host views built: ${hostViews}`
	);

	// Each step alone, on the state of a question with every answer in but the last.
	const state = engine.get(code)! as game.LiveGame;
	const card = byId.get(ids[QUESTIONS - 1])!;
	const body = JSON.stringify({ questionIndex: QUESTIONS - 1, given: card.options[0] });
	console.log(`  JSON.parse of the body: ${us(perCall(100_000, () => JSON.parse(body)))}`);
	const value = JSON.parse(body) as unknown;
	console.log(
		`  zod answerSchema.safeParse: ${us(perCall(100_000, () => answerSchema.safeParse(value)))}`
	);
	console.log(
		`  gradeCard (a multiple-choice option): ${us(perCall(20_000, () => gradeCard(card, card.options[0])))}`
	);
	const open = { ...state, phase: 'question' as const, answers: state.answers.slice(0, -1) };
	const last = state.answers[state.answers.length - 1];
	const input = {
		playerId: last.playerId,
		questionIndex: last.questionIndex,
		given: card.options[0]
	};
	console.log(
		`  game.answer (copies the game's ${state.answers.length} answers): ${us(perCall(2000, () => game.answer(open, input, card, open.questionStartedAt! + 1)))}`
	);
	console.log(
		`  game.allAnswered (Set of ${SIZE - 1} answers, ${SIZE} players): ${us(perCall(2000, () => game.allAnswered(open)))}`
	);
	// A second connection to the same file (WAL lets it write between the engine's writes).
	const store = openSqliteStore(join(folder, 'classroom.sqlite'));
	console.log(
		`  SQLite insert of one answer in its own transaction (WAL, synchronous=NORMAL): ${us(
			perCall(5000, (i) =>
				store.transaction(() =>
					store.addAnswer({ gameCode: code, ...last, questionIndex: 100 + i })
				)
			)
		)}`
	);
} finally {
	rmSync(folder, { recursive: true, force: true });
}
