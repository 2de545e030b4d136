/**
 * A game as the store keeps it, and back. Both kinds share the games table: the kind and the
 * settings go into the `settings` JSON (the kind as `mode`, as assignments always had it there;
 * a live game stored before has none), an assignment's closing into `deadline`. The table's `mode` column is written too, for whoever
 * reads the database by hand, and never read back: the JSON already says it.
 */
import type { Assignment, GameState, LiveGame, Phase } from '$lib/classroom/game';
import type { PlayerAnswerRow, GameRow, NewGameRow, PlayerRow } from './db';

/** The columns that change as a game moves on. */
export type Progress = Pick<GameRow, 'phase' | 'questionIndex' | 'questionStartedAt' | 'deadline'>;

/** Where the game is, in the store's columns. */
export function progressOf(state: GameState): Progress {
	if (state.kind === 'live') {
		const { phase, questionIndex, questionStartedAt, deadline } = state;
		return { phase, questionIndex, questionStartedAt, deadline };
	}
	// No question of its own: each student is on theirs. Open since it was made.
	return {
		phase: state.phase,
		questionIndex: -1,
		questionStartedAt: state.createdAt,
		deadline: state.closesAt
	};
}

/** The row of a new game (players and answers have rows of their own). */
export function gameRow(
	state: GameState,
	meta: Pick<GameRow, 'hostSecretHash' | 'article' | 'expiresAt'>
): NewGameRow {
	return {
		code: state.code,
		...meta,
		mode: state.kind,
		settings: JSON.stringify({ ...state.settings, mode: state.kind }),
		cardIds: JSON.stringify(state.cardIds),
		...progressOf(state),
		createdAt: state.createdAt
	};
}

/** The game a row and its players' and answers' rows hold. */
export function gameOf(
	row: GameRow,
	players: readonly PlayerRow[],
	answers: readonly PlayerAnswerRow[]
): GameState {
	const { mode, ...settings } = JSON.parse(row.settings) as LiveGame['settings'] & {
		mode?: string;
	};
	const game = {
		code: row.code,
		createdAt: row.createdAt,
		cardIds: JSON.parse(row.cardIds) as string[],
		players: players.map(({ gameCode: _code, ...player }) => player),
		answers: answers.map(({ gameCode: _code, ...answer }) => answer)
	};
	if (mode === 'assignment') {
		return {
			kind: 'assignment',
			...game,
			// Rows of the first release also hold a live game's settings, unused by an assignment.
			settings: { questions: settings.questions, seed: settings.seed },
			phase: row.phase as Assignment['phase'],
			closesAt: row.deadline ?? row.createdAt
		};
	}
	return {
		kind: 'live',
		...game,
		settings,
		phase: row.phase as Phase,
		questionIndex: row.questionIndex,
		questionStartedAt: row.questionStartedAt,
		deadline: row.deadline
	};
}
