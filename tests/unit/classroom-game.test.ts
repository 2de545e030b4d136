import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import {
	allAnswered,
	answer,
	createGame,
	finish,
	isDeadlinePassed,
	isGettingReady,
	join,
	next,
	restorePlayer,
	removePlayer,
	reveal,
	shouldReveal,
	showLeaderboard,
	start,
	MAX_PLAYERS,
	type LiveGame
} from '$lib/classroom/game';
import { leaderboard, podium } from '$lib/classroom/standings';
import { must, T0, testCard } from '../helpers/classroom';

const card = (id: string, over: Partial<Card>): Card =>
	testCard(id, {
		prompt: `Prompt ${id}`,
		prompt_en: `Prompt ${id} (en)`,
		source: {
			article: 'unita',
			sentence: 's1',
			text: 'Il Regno d’Italia nacque nel 1861 a Torino.'
		},
		...over
	});

const mc = card('mc', { answer: 'Torino', options: ['Roma', 'Torino', 'Firenze', 'Napoli'] });
const tf = card('tf', { type: 'true-false', answer: 'vero', options: ['vero', 'falso'] });
const num = card('num', {
	type: 'numeric',
	answer: '1861',
	number: { value: 1861, qualifier: 'exact' }
});

const SECONDS = 20;

/** The state of a successful transition; fails the test on an error. */

/** Reveals the running question and opens the next one. */
const skip = (state: LiveGame, now: number) => must(next(must(reveal(state)), now));

function lobby(speedBonus = true): LiveGame {
	let state = must(
		createGame(
			'123456',
			['mc', 'tf', 'num'],
			{ questions: 3, secondsPerQuestion: SECONDS, speedBonus },
			T0
		)
	);
	for (const [id, nickname] of [
		['a', 'Anna'],
		['b', 'Bruno'],
		['c', 'Chiara']
	]) {
		state = must(join(state, { playerId: id, nickname }, T0 + 100));
	}
	return state;
}

const started = (speedBonus = true) => must(start(lobby(speedBonus), T0 + 1000));
const START = T0 + 1000;
const say = (state: LiveGame, playerId: string, given: string, at: number, c = mc, q = 0) =>
	answer(state, { playerId, questionIndex: q, given }, c, at);

describe('creating a game', () => {
	it('refuses a bad code, time outside 5–120 s, or too few cards', () => {
		const settings = { questions: 2, secondsPerQuestion: 20, speedBonus: true };
		expect(createGame('012345', ['x', 'y'], settings, T0)).toEqual({
			ok: false,
			error: 'invalid-code'
		});
		for (const secondsPerQuestion of [4, 121, 10.5]) {
			expect(createGame('123456', ['x', 'y'], { ...settings, secondsPerQuestion }, T0)).toEqual({
				ok: false,
				error: 'invalid-settings'
			});
		}
		expect(createGame('123456', ['x'], settings, T0)).toEqual({
			ok: false,
			error: 'not-enough-cards'
		});
		const game = must(createGame('123456', ['x', 'y', 'z'], settings, T0));
		expect(game.cardIds).toEqual(['x', 'y']);
		expect(game.phase).toBe('lobby');
	});
});

describe('a whole game', () => {
	it('goes lobby → 3 questions → finished with 3 players and adds up the points', () => {
		let state = started();
		expect(state.phase).toBe('question');
		expect(state.questionIndex).toBe(0);
		expect(state.deadline).toBe(START + SECONDS * 1000);

		// Q1: Anna at once (1000), Bruno at half time (750), Chiara wrong.
		state = must(say(state, 'a', 'Torino', START));
		state = must(say(state, 'b', 'Torino', START + 10_000));
		expect(allAnswered(state)).toBe(false);
		state = must(say(state, 'c', 'Roma', START + 2_000));
		expect(allAnswered(state)).toBe(true);
		// Points wait for the reveal: nothing moves while the question runs.
		expect(state.players.map((p) => p.score)).toEqual([0, 0, 0]);
		state = must(reveal(state));
		expect(state.players.map((p) => p.score)).toEqual([1000, 750, 0]);
		state = must(showLeaderboard(state));
		expect(leaderboard(state).map((s) => s.nickname)).toEqual(['Anna', 'Bruno', 'Chiara']);

		// Q2: only Chiara answers, on the buzzer (500); the deadline passes.
		const q2 = START + 60_000;
		state = must(next(state, q2));
		expect(state.questionIndex).toBe(1);
		state = must(say(state, 'c', 'vero', q2 + SECONDS * 1000, tf, 1));
		expect(shouldReveal(state, q2 + SECONDS * 1000)).toBe(false);
		expect(isDeadlinePassed(state, q2 + SECONDS * 1000 + 1)).toBe(true);
		state = must(reveal(state));
		expect(state.players.map((p) => p.streak)).toEqual([0, 0, 1]);

		// Q3, typed: the number in words counts.
		const q3 = START + 120_000;
		state = must(next(state, q3));
		state = must(say(state, 'a', '1862', q3 + 1_000, num, 2));
		state = must(say(state, 'b', 'milleottocentosessantuno', q3 + 5_000, num, 2));
		state = must(say(state, 'c', ' 1861 ', q3 + 20_000, num, 2));
		state = must(reveal(state));
		state = must(next(state, q3 + 30_000));
		expect(state.phase).toBe('finished');
		expect(state.players.map((p) => p.score)).toEqual([1000, 750 + 875, 500 + 500]);
		// Anna and Chiara tie on 1000: Anna got there first (her last right answer is earlier).
		expect(podium(state).map((s) => [s.nickname, s.rank])).toEqual([
			['Bruno', 1],
			['Anna', 2],
			['Chiara', 3]
		]);
		expect(next(state, q3 + 40_000)).toEqual({ ok: false, error: 'wrong-phase' });
	});

	it('pays 1000 for every right answer when the speed bonus is off', () => {
		let state = started(false);
		state = must(say(state, 'a', 'Torino', START + SECONDS * 1000));
		state = must(reveal(state));
		expect(state.players[0].score).toBe(1000);
	});

	it('needs a player to start, and starts only from the lobby', () => {
		const empty = must(
			createGame('123456', ['mc'], { questions: 1, secondsPerQuestion: 20, speedBonus: true }, T0)
		);
		expect(start(empty, T0)).toEqual({ ok: false, error: 'no-players' });
		expect(start(started(), T0)).toEqual({ ok: false, error: 'wrong-phase' });
	});

	it('counts the running question when the host ends the game early', () => {
		let state = must(say(started(), 'a', 'Torino', START));
		state = must(finish(state));
		expect(state.phase).toBe('finished');
		expect(state.players[0].score).toBe(1000);
	});
});

describe('refused answers', () => {
	it('takes one answer per player per question', () => {
		const state = must(say(started(), 'a', 'Roma', START + 1));
		expect(say(state, 'a', 'Torino', START + 2)).toEqual({ ok: false, error: 'already-answered' });
	});

	it('refuses an answer after the deadline by the server clock, with no grace', () => {
		const state = started();
		expect(say(state, 'a', 'Torino', START + SECONDS * 1000 + 1)).toEqual({
			ok: false,
			error: 'late'
		});
		expect(say(state, 'a', 'Torino', START + SECONDS * 1000).ok).toBe(true);
	});

	it('refuses answers to another question or outside a question', () => {
		const state = started();
		expect(say(state, 'a', 'vero', START, mc, 1)).toEqual({ ok: false, error: 'wrong-question' });
		expect(say(lobby(), 'a', 'Torino', START)).toEqual({
			ok: false,
			error: 'not-a-question-phase'
		});
		const revealed = must(reveal(state));
		expect(say(revealed, 'a', 'Torino', START)).toEqual({
			ok: false,
			error: 'not-a-question-phase'
		});
	});

	it('refuses unknown and removed players', () => {
		const state = must(removePlayer(started(), 'c'));
		expect(say(state, 'zz', 'Torino', START)).toEqual({ ok: false, error: 'unknown-player' });
		expect(say(state, 'c', 'Torino', START)).toEqual({ ok: false, error: 'removed' });
	});

	it('refuses what is not an option, empty or overlong answers', () => {
		const state = started();
		expect(say(state, 'a', 'torino', START)).toEqual({ ok: false, error: 'invalid-answer' });
		expect(say(state, 'a', 42 as unknown as string, START)).toEqual({
			ok: false,
			error: 'invalid-answer'
		});
		const typed = skip(skip(state, START), START);
		expect(say(typed, 'a', '   ', START, num, 2)).toEqual({ ok: false, error: 'invalid-answer' });
		expect(say(typed, 'a', '1'.repeat(101), START, num, 2)).toEqual({
			ok: false,
			error: 'invalid-answer'
		});
	});
});

describe('joining', () => {
	it('lets a player rejoin with the same id and keep the score', () => {
		let state = must(reveal(must(say(started(), 'a', 'Torino', START))));
		const again = join(state, { playerId: 'a', nickname: 'Someone else' }, START + 5_000);
		expect(again.ok && again.player).toMatchObject({ id: 'a', nickname: 'Anna', score: 1000 });
		expect(again.ok && again.state).toBe(state);
		state = must(again);
		expect(state.players).toHaveLength(3);
	});

	it('lets a late player in with 0 points, but not into a finished game', () => {
		// Typed fullwidth, kept as NFKC: the name everyone sees is plain Dario.
		const state = must(join(started(), { playerId: 'd', nickname: 'Ｄａｒｉｏ' }, START + 3_000));
		expect(state.players[3]).toMatchObject({ nickname: 'Dario', score: 0 });
		expect(say(state, 'd', 'Torino', START + 4_000).ok).toBe(true);
		expect(join(must(finish(state)), { playerId: 'e', nickname: 'Elena' }, START)).toEqual({
			ok: false,
			error: 'finished'
		});
	});

	it('takes up to MAX_PLAYERS players, and a rejoin even when full', () => {
		let state = lobby();
		for (let i = state.players.length; i < MAX_PLAYERS; i++) {
			state = must(join(state, { playerId: `p${i}`, nickname: `Studente${i}` }, T0));
		}
		expect(join(state, { playerId: 'late', nickname: 'Ultimo' }, T0)).toEqual({
			ok: false,
			error: 'full'
		});
		expect(join(state, { playerId: 'a', nickname: 'Anna' }, T0).ok).toBe(true);
	});

	it('refuses a removed player, their nickname and a nickname in use', () => {
		let state = lobby();
		expect(join(state, { playerId: 'x', nickname: 'ANNA' }, T0)).toEqual({
			ok: false,
			error: 'taken'
		});
		// Cyrillic А: looks like Anna on the projector, so it is Anna's.
		expect(join(state, { playerId: 'x', nickname: '\u0410nna' }, T0)).toEqual({
			ok: false,
			error: 'taken'
		});
		expect(join(state, { playerId: 'x', nickname: '<b>' }, T0)).toEqual({
			ok: false,
			error: 'characters'
		});
		state = must(removePlayer(state, 'a'));
		expect(join(state, { playerId: 'a', nickname: 'Anna' }, T0)).toEqual({
			ok: false,
			error: 'removed'
		});
		// Removed means removed: a fresh cookie does not bring the name back, in any case.
		expect(join(state, { playerId: 'x', nickname: 'anna' }, T0)).toEqual({
			ok: false,
			error: 'removed'
		});
		expect(join(state, { playerId: 'y', nickname: 'Zeno' }, T0).ok).toBe(true);
	});

	it('lets the host undo a removal, score kept, unless the name was taken since', () => {
		let state = must(join(lobby(), { playerId: 'a', nickname: 'Anna' }, T0));
		state = must(removePlayer(state, 'a'));
		expect(restorePlayer(state, 'zz')).toEqual({ ok: false, error: 'unknown-player' });
		const back = must(restorePlayer(state, 'a'));
		expect(back.players.find((p) => p.id === 'a')?.removed).toBe(false);
		expect(restorePlayer(back, 'a')).toEqual({ ok: false, error: 'not-removed' });
		expect(join(back, { playerId: 'a', nickname: 'Anna' }, T0).ok).toBe(true);
	});

	it('does not wait for a removed player before revealing', () => {
		let state = must(say(must(say(started(), 'a', 'Torino', START)), 'b', 'Roma', START));
		expect(allAnswered(state)).toBe(false);
		state = must(removePlayer(state, 'c'));
		expect(allAnswered(state)).toBe(true);
	});

	it('still waits for a student when a removed one had answered (as many answers as players)', () => {
		let state = must(say(must(say(started(), 'a', 'Torino', START)), 'b', 'Roma', START));
		state = must(removePlayer(state, 'a'));
		// Two answers for two players still in the game, but Chiara has not answered.
		expect(allAnswered(state)).toBe(false);
		state = must(say(state, 'c', 'Torino', START + 1000));
		expect(allAnswered(state)).toBe(true);
	});

	it('grades each student alike when a class gives the same options', () => {
		let state = started();
		for (const [id, given] of [
			['a', 'Torino'],
			['b', 'Roma'],
			['c', 'Torino']
		] as const) {
			state = must(say(state, id, given, START));
		}
		expect(state.answers.map((a) => a.correct)).toEqual([true, false, true]);
	});
});

describe('the get-ready moment', () => {
	const ready = () => {
		let state = must(
			createGame(
				'123456',
				['mc', 'tf'],
				{ questions: 2, secondsPerQuestion: SECONDS, speedBonus: true, getReadySeconds: 3 },
				T0
			)
		);
		state = must(join(state, { playerId: 'a', nickname: 'Anna' }, T0));
		state = must(join(state, { playerId: 'b', nickname: 'Bruno' }, T0));
		return must(start(state, START));
	};

	it('opens each question 3 s after the host moves on; the clock starts then', () => {
		let state = ready();
		expect(state.questionStartedAt).toBe(START + 3000);
		expect(state.deadline).toBe(START + 3000 + SECONDS * 1000);
		expect(isGettingReady(state, START + 2999)).toBe(true);
		expect(isGettingReady(state, START + 3000)).toBe(false);
		// The next question has its own moment, from when the host moved on.
		state = skip(state, START + 40_000);
		expect(state.questionStartedAt).toBe(START + 43_000);
		expect(state.deadline).toBe(START + 43_000 + SECONDS * 1000);
	});

	it('takes no answer before the question opens, and full points right after it', () => {
		const state = ready();
		expect(say(state, 'a', 'Torino', START + 2999)).toEqual({
			ok: false,
			error: 'not-a-question-phase'
		});
		const opened = must(say(state, 'a', 'Torino', START + 3000));
		expect(opened.answers[0]).toMatchObject({ elapsedMs: 0, points: 1000 });
		// Answers are taken until the deadline, counted from the opening.
		expect(say(opened, 'b', 'Roma', START + 3000 + SECONDS * 1000).ok).toBe(true);
		expect(shouldReveal(opened, START + 3000 + SECONDS * 1000)).toBe(false);
	});

	it('refuses a get-ready moment outside 0–10 s', () => {
		for (const getReadySeconds of [-1, 11, 2.5]) {
			expect(
				createGame(
					'123456',
					['mc'],
					{ questions: 1, secondsPerQuestion: 20, speedBonus: true, getReadySeconds },
					T0
				)
			).toEqual({ ok: false, error: 'invalid-settings' });
		}
	});
});
