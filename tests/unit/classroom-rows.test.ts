import { describe, expect, it } from 'vitest';
import { createAssignment } from '$lib/classroom/assignment';
import { answer, createGame, join, start, type GameState } from '$lib/classroom/game';
import {
	duplicateOf,
	gameOf,
	gameRow,
	hostedGameOf,
	type PlayerAnswerRow,
	type GameRow,
	type PlayerRow
} from '$lib/server/classroom/rows';
import { must, T0, testCard } from '../helpers/classroom';

const card = testCard('a', { answer: 'Torino', options: ['Roma', 'Torino'] });
const meta = { hostSecretHash: 'hash', article: 'unita', expiresAt: T0 + 86_400_000 };

/** What the store gives back for a game stored as `row`: its rows of players and answers too. */
function reread(state: GameState, row = gameRow(state, meta)) {
	const players: PlayerRow[] = state.players.map((p) => ({ gameCode: state.code, ...p }));
	const answers: PlayerAnswerRow[] = state.answers.map((a) => ({ gameCode: state.code, ...a }));
	return gameOf(row, players, answers);
}

describe('a game in the store', () => {
	it('comes back as it was stored, live or self-paced', () => {
		let live = must(
			createGame(
				'123456',
				['a'],
				{ questions: 1, secondsPerQuestion: 20, speedBonus: true, classic: true, seed: 7 },
				T0
			)
		);
		live = must(join(live, { playerId: 'p1', nickname: 'Anna' }, T0));
		live = must(start(live, T0));
		live = must(answer(live, { playerId: 'p1', questionIndex: 0, given: 'Torino' }, card, T0));
		expect(reread(live)).toEqual(live);

		const assignment = must(
			createAssignment('654321', ['a'], { questions: 1, closesAt: T0 + 3_600_000, seed: 7 }, T0)
		);
		expect(reread(assignment)).toEqual(assignment);
		// The table's own `mode` column says the kind too, for whoever reads the database.
		expect([gameRow(live, meta).mode, gameRow(assignment, meta).mode]).toEqual([
			'live',
			'assignment'
		]);
	});

	it('reads the games stored before there were kinds', () => {
		const row = (settings: object, deadline: number | null): GameRow => ({
			code: '123456',
			...meta,
			settings: JSON.stringify(settings),
			cardIds: '["a"]',
			phase: 'question',
			questionIndex: -1,
			questionStartedAt: T0,
			deadline,
			createdAt: T0
		});
		const live = gameOf(
			row(
				{ questions: 1, secondsPerQuestion: 20, speedBonus: true, classic: false, seed: 3 },
				null
			),
			[],
			[]
		);
		expect(live).toMatchObject({ kind: 'live', settings: { secondsPerQuestion: 20, seed: 3 } });
		const assignment = gameOf(
			row(
				{
					questions: 1,
					secondsPerQuestion: 0,
					speedBonus: false,
					mode: 'assignment',
					classic: false,
					seed: 3
				},
				T0 + 3_600_000
			),
			[],
			[]
		);
		expect(assignment).toEqual({
			kind: 'assignment',
			code: '123456',
			createdAt: T0,
			settings: { questions: 1, seed: 3 },
			cardIds: ['a'],
			phase: 'question',
			closesAt: T0 + 3_600_000,
			players: [],
			answers: []
		});
	});
});

describe("a game in its host's list", () => {
	const live = must(
		createGame(
			'123456',
			['a', 'b'],
			{ questions: 2, secondsPerQuestion: 30, speedBonus: false },
			T0
		)
	);
	const assignment = must(
		createAssignment('654321', ['a'], { questions: 1, closesAt: T0 + 72 * 3_600_000 }, T0)
	);
	const choice = { tracks: ['vocab' as const], kinds: ['numeric' as const] };

	it('says where each kind stands: lobby, running, finished; open until it closes, then closed', () => {
		const hosted = (state: GameState, now = T0) =>
			hostedGameOf({ ...gameRow(state, meta), players: 3 }, now);
		expect(hosted(live)).toMatchObject({ kind: 'live', standing: 'lobby', questions: 2 });
		expect(hosted({ ...live, phase: 'reveal' }).standing).toBe('running');
		expect(hosted({ ...live, phase: 'finished' }).standing).toBe('finished');
		expect(hosted(assignment)).toMatchObject({
			kind: 'assignment',
			standing: 'open',
			closesAt: T0 + 72 * 3_600_000,
			players: 3
		});
		// Its time ran out while no one loaded it: the row still says open, the clock does not.
		expect(hosted(assignment, T0 + 73 * 3_600_000).standing).toBe('closed');
		expect(hosted({ ...assignment, phase: 'finished' }).standing).toBe('closed');
	});

	it('starts again with the same text, choice, settings and questions, and no choice in the game', () => {
		const row = gameRow(live, { ...meta, choice });
		expect(duplicateOf(row, () => undefined)).toEqual({
			article: 'unita',
			...choice,
			cardIds: ['a', 'b'],
			mode: 'live',
			seconds: 30,
			speedBonus: false,
			classic: false,
			getReady: false,
			openFor: 24
		});
		expect(reread(live, row)).toEqual(live);
		expect(duplicateOf(gameRow(assignment, { ...meta, choice }), () => undefined)).toMatchObject({
			mode: 'assignment',
			openFor: 72
		});
	});

	it('takes the tracks of its cards, and every kind, for a game stored without its choice', () => {
		const vocab = { ...card, track: 'vocab' as const };
		expect(
			duplicateOf(gameRow(live, meta), (id) => (id === 'a' ? vocab : undefined))
		).toMatchObject({ tracks: ['vocab'], kinds: ['multiple-choice', 'true-false', 'numeric'] });
	});
});
