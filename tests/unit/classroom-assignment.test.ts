import { describe, expect, it } from 'vitest';
import {
	answerAssignment,
	closeAssignment,
	createAssignment,
	MIN_OPEN_MS
} from '$lib/classroom/assignment';
import { join, type Assignment } from '$lib/classroom/game';
import { report } from '$lib/classroom/report';
import { playerView } from '$lib/classroom/views';
import { must, T0, testCard } from '../helpers/classroom';

const card = (id: string, answer: string, options: string[]) =>
	testCard(id, {
		prompt: `Domanda ${id}`,
		prompt_en: `Question ${id}`,
		answer,
		options,
		source: { article: 'unita', sentence: `s-${id}`, text: `Frase segreta ${id}: ${answer}.` }
	});
const cards = [
	card('a', 'Torino', ['Roma', 'Torino']),
	card('b', 'Cavour', ['Cavour', 'Crispi']),
	card('c', '1861', ['1848', '1861'])
];
const DAY = 24 * 60 * 60 * 1000;

function open(): Assignment {
	let state = must(
		createAssignment(
			'123456',
			cards.map((c) => c.id),
			{ questions: 3, closesAt: T0 + DAY },
			T0
		)
	);
	state = must(join(state, { playerId: 'p1', nickname: 'Anna' }, T0 + 1000));
	return must(join(state, { playerId: 'p2', nickname: 'Bruno' }, T0 + 2000));
}
const say = (state: Assignment, playerId: string, index: number, given: string, at: number) =>
	answerAssignment(state, { playerId, questionIndex: index, given }, cards[index], at);

describe('self-paced assignments', () => {
	it('refuses a deadline too near or too far', () => {
		const ids = cards.map((c) => c.id);
		expect(
			createAssignment('123456', ids, { questions: 3, closesAt: T0 + MIN_OPEN_MS - 1 }, T0)
		).toEqual({
			ok: false,
			error: 'invalid-settings'
		});
		expect(createAssignment('123456', ids, { questions: 3, closesAt: T0 + 30 * DAY }, T0).ok).toBe(
			false
		);
		expect(createAssignment('123456', ids, { questions: 4, closesAt: T0 + DAY }, T0)).toEqual({
			ok: false,
			error: 'not-enough-cards'
		});
	});

	it('lets each student go at their own pace, grading at once, 1000 per right answer', () => {
		let state = open();
		state = must(say(state, 'p1', 0, 'Torino', T0 + 10_000));
		state = must(say(state, 'p1', 1, 'Crispi', T0 + 25_000));
		// Each on their own question: Anna on the third, Bruno on the first.
		expect(playerView(state, 'p1', cards)).toMatchObject({ index: 2, question: { index: 2 } });
		expect(playerView(state, 'p2', cards)).toMatchObject({ index: 0, question: { index: 0 } });
		expect(state.players.map((p) => p.score)).toEqual([1000, 0]);
		// Time per question: from joining, then from the previous answer.
		expect(state.answers.map((a) => a.elapsedMs)).toEqual([9000, 15_000]);
		state = must(say(state, 'p2', 0, 'Roma', T0 + 30_000));
		expect(state.players.map((p) => p.score)).toEqual([1000, 0]);
	});

	it('takes questions in order, once each, until the deadline by the server clock', () => {
		let state = open();
		expect(say(state, 'p1', 1, 'Cavour', T0 + 5000)).toEqual({
			ok: false,
			error: 'wrong-question'
		});
		state = must(say(state, 'p1', 0, 'Torino', T0 + 5000));
		expect(say(state, 'p1', 0, 'Roma', T0 + 6000)).toEqual({
			ok: false,
			error: 'already-answered'
		});
		expect(say(state, 'p2', 0, 'Parigi', T0 + 6000)).toEqual({
			ok: false,
			error: 'invalid-answer'
		});
		expect(say(state, 'p2', 0, 'Torino', T0 + DAY + 1)).toEqual({ ok: false, error: 'late' });
		const closed = must(closeAssignment(state));
		expect(closed.phase).toBe('finished');
		expect(say(closed, 'p2', 0, 'Torino', T0 + 7000).ok).toBe(false);
	});

	it("shows a student a question's answer and sentence only after they answered it", () => {
		let state = open();
		const before = JSON.stringify(playerView(state, 'p1', cards));
		expect(before).toContain('Domanda a');
		expect(before).not.toContain('Frase segreta');
		expect(before).not.toContain('"answer"');
		state = must(say(state, 'p1', 0, 'Roma', T0 + 5000));
		const after = playerView(state, 'p1', cards);
		expect(after).toMatchObject({
			status: 'assignment',
			index: 1,
			question: { prompt: 'Domanda b' },
			last: { index: 0, given: 'Roma', correct: false, answer: 'Torino' }
		});
		// Bruno, who has not answered, still sees nothing of it.
		expect(JSON.stringify(playerView(state, 'p2', cards))).not.toContain('Frase segreta a');
		expect(JSON.stringify(after)).not.toContain('Frase segreta b');
	});

	it('reports results as they come in', () => {
		let state = open();
		state = must(say(state, 'p1', 0, 'Torino', T0 + 5000));
		state = must(say(state, 'p1', 1, 'Cavour', T0 + 9000));
		const { students, questions } = report(state, cards);
		expect(students.map((s) => [s.nickname, s.right, s.unanswered])).toEqual([
			['Anna', 2, 1],
			['Bruno', 0, 3]
		]);
		expect(questions.map((q) => q.cardId)).toEqual(['c', 'a', 'b']);
	});
});
