/**
 * The teacher's report and the players' views of a big class, in process: a report page that
 * follows an assignment recomputes them as answers come in.
 */
import type { Card } from '$lib/cards/types';
import { answer, createGame, join, next, reveal, start, type GameState } from '$lib/classroom/game';
import { report, reportCsv } from '$lib/classroom/report';
import { hostView, playerView } from '$lib/classroom/views';
import { median, ms } from './timing';

const QUESTIONS = 10;
const T0 = Date.UTC(2026, 10, 23, 9);

const cards: Card[] = Array.from({ length: QUESTIONS }, (_, i) => ({
	id: `q${i}`,
	track: 'facts',
	type: 'multiple-choice',
	origin: 'curated',
	sibling: `q${i}`,
	prompt: `Domanda ${i}`,
	prompt_en: `Question ${i}`,
	answer: 'A',
	accept: [],
	options: ['A', 'B', 'C', 'D'],
	source: { article: 'bench', sentence: `s${i}`, text: `Frase ${i}.` }
}));

const must = (outcome: { ok: true; state: GameState } | { ok: false; error: string }) => {
	if (!outcome.ok) throw new Error(outcome.error);
	return outcome.state;
};

/** A finished game: `students` players, every one answering every question. */
function playedGame(students: number): GameState {
	const settings = { questions: QUESTIONS, secondsPerQuestion: 60, speedBonus: true };
	let state = must(
		createGame(
			'123456',
			cards.map((c) => c.id),
			settings,
			T0
		)
	);
	for (let p = 0; p < students; p++) {
		state = must(join(state, { playerId: `p${p}`, nickname: `Studente ${p}` }, T0));
	}
	let now = T0 + 1000;
	state = must(start(state, now));
	for (let q = 0; q < QUESTIONS; q++) {
		for (let p = 0; p < students; p++) {
			const given = cards[q].options[(p + q) % 4];
			state = must(
				answer(state, { playerId: `p${p}`, questionIndex: q, given }, cards[q], now + p)
			);
		}
		state = must(reveal(state));
		now += 60_000;
		state = must(next(state, now));
	}
	return state;
}

export function benchReport(): void {
	console.log(
		`Classroom report and views (in process, ${QUESTIONS} questions, every student answering)`
	);
	for (const students of [100, 1000]) {
		const state = playedGame(students);
		const time = median(5, () => report(state, cards), 1);
		const csv = median(5, () => reportCsv(report(state, cards), 'answers'), 1);
		// A fresh state object each run, as after each change: nothing cached from the last run.
		const views = median(
			3,
			() => {
				const fresh = { ...state };
				hostView(fresh, cards);
				for (let p = 0; p < students; p++) playerView(fresh, `p${p}`, cards);
			},
			1
		);
		console.log(
			`  ${students.toLocaleString('en')} students: report ${ms(time)}, CSV of every answer ${ms(csv)}, host + every player's view of one state ${ms(views)}  target report < 50 ms`
		);
	}
}
