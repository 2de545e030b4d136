/**
 * A game as the store keeps it, and back. Both kinds share the games table: the kind and the
 * settings go into the `settings` JSON (the kind as `mode`, as assignments always had it there;
 * a live game stored before has none), an assignment's closing into `deadline`. The table's `mode` column is written too, for whoever
 * reads the database by hand, and never read back: the JSON already says it. The settings JSON
 * also keeps the tracks and kinds the questions were drawn from (`Choice`), so the quiz can be
 * started again as it was; games stored before have none.
 */
import { TRACKS, type Card, type Track } from '$lib/cards/types';
import type { Assignment, GameState, LiveGame, Phase } from '$lib/classroom/game';
import { LIVE_KINDS, type LiveKind } from '$lib/classroom/pick';
import type { StoredGame } from './store';

/** A game's row: the encoding both stores share (their tables have the same columns). */
export interface GameRow {
	code: string;
	/** SHA-256 of the host's secret (the cookie holds the secret itself). */
	hostSecretHash: string;
	article: string;
	/** JSON: the game's kind (`mode`), time per question, speed bonus… */
	settings: string;
	/** JSON array of card ids, in question order. */
	cardIds: string;
	phase: string;
	questionIndex: number;
	questionStartedAt: number | null;
	deadline: number | null;
	createdAt: number;
	expiresAt: number;
}

/**
 * A new game's row: also its kind, for the `mode` column of the first schema. The column is
 * never read back (the kind is in `settings`); dropping it would take a migration for nothing.
 */
export type NewGameRow = GameRow & { mode: 'live' | 'assignment' };

export interface PlayerRow {
	gameCode: string;
	id: string;
	nickname: string;
	joinedAt: number;
	removed: boolean;
	score: number;
	streak: number;
}

/** A game of one host as their list shows it: its row and how many players it has. */
export type HostedGameRow = GameRow & { players: number };

/** A `PlayerAnswer` as stored, with its game. */
export interface PlayerAnswerRow {
	gameCode: string;
	playerId: string;
	questionIndex: number;
	given: string;
	at: number;
	elapsedMs: number;
	correct: boolean;
	points: number;
}

/** A row as a driver returns it: the tables' snake_case columns. */
export type Columns = Record<string, unknown>;

/** A flag column: SQLite keeps 0 or 1, PostgreSQL a boolean. */
const flag = (value: unknown) => value === true || value === 1;

/** A games row as either driver returns it (a row stored before versioning is at version 0). */
export function gameRowOf(row: Columns): GameRow & { version: number } {
	return {
		code: row.code as string,
		hostSecretHash: row.host_secret_hash as string,
		article: row.article as string,
		settings: row.settings as string,
		cardIds: row.card_ids as string,
		phase: row.phase as string,
		questionIndex: row.question_index as number,
		questionStartedAt: (row.question_started_at as number | null) ?? null,
		deadline: (row.deadline as number | null) ?? null,
		createdAt: row.created_at as number,
		expiresAt: row.expires_at as number,
		version: (row.version as number | undefined) ?? 0
	};
}

export function playerRowOf(row: Columns): PlayerRow {
	return {
		gameCode: row.game_code as string,
		id: row.id as string,
		nickname: row.nickname as string,
		joinedAt: row.joined_at as number,
		removed: flag(row.removed),
		score: row.score as number,
		streak: row.streak as number
	};
}

export function answerRowOf(row: Columns): PlayerAnswerRow {
	return {
		gameCode: row.game_code as string,
		playerId: row.player_id as string,
		questionIndex: row.question_index as number,
		given: row.given as string,
		at: row.at as number,
		elapsedMs: row.elapsed_ms as number,
		correct: flag(row.correct),
		points: row.points as number
	};
}

/** What the teacher drew a game's questions from, besides its text. */
export interface Choice {
	tracks: Track[];
	kinds: LiveKind[];
}

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
	{
		choice,
		...meta
	}: Pick<GameRow, 'hostSecretHash' | 'article' | 'expiresAt'> & { choice?: Choice }
): NewGameRow {
	return {
		code: state.code,
		...meta,
		mode: state.kind,
		settings: JSON.stringify({ ...state.settings, ...choice, mode: state.kind }),
		cardIds: JSON.stringify(state.cardIds),
		...progressOf(state),
		createdAt: state.createdAt
	};
}

/** The tracks and kinds a row says its questions were drawn from (none for older games). */
export function choiceOf(row: GameRow): Choice | undefined {
	const { tracks, kinds } = JSON.parse(row.settings) as Partial<Choice>;
	return tracks && kinds ? { tracks, kinds } : undefined;
}

/** The game a row and its players' and answers' rows hold. */
export function gameOf(
	row: GameRow,
	players: readonly PlayerRow[],
	answers: readonly PlayerAnswerRow[]
): GameState {
	// The choice is not the game's: it only serves to start the quiz again (`duplicateOf`).
	const { mode, ...settings } = JSON.parse(row.settings) as LiveGame['settings'] & {
		mode?: string;
	} & Partial<Choice>;
	delete settings.tracks;
	delete settings.kinds;
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

/** A stored game from its rows, as `loadGame` hands it back. */
export function storedGameOf(
	row: GameRow & { version: number },
	players: readonly PlayerRow[],
	answers: readonly PlayerAnswerRow[]
): StoredGame {
	return {
		hostSecretHash: row.hostSecretHash,
		article: row.article,
		expiresAt: row.expiresAt,
		choice: choiceOf(row),
		version: row.version,
		state: gameOf(row, players, answers)
	};
}

/**
 * Where a game stands, as its host's list says it: a live game waits in the lobby, runs or is
 * finished; an assignment is open (until `closesAt`) or closed. An assignment whose time ran out
 * while nobody loaded it still says `question` in its row: the clock decides.
 */
export type Standing = 'lobby' | 'running' | 'finished' | 'open' | 'closed';

/** One game of a host's list ("My quizzes"). */
export interface HostedGame {
	code: string;
	article: string;
	kind: 'live' | 'assignment';
	createdAt: number;
	questions: number;
	players: number;
	standing: Standing;
	/** When an assignment closes (epoch ms); null for a live game. */
	closesAt: number | null;
}

/** A row of the host's list, as the list shows it at `now`. */
export function hostedGameOf(row: HostedGameRow, now: number): HostedGame {
	const { mode } = JSON.parse(row.settings) as { mode?: string };
	const kind = mode === 'assignment' ? 'assignment' : 'live';
	const closesAt = kind === 'assignment' ? (row.deadline ?? row.createdAt) : null;
	const standing: Standing =
		kind === 'assignment'
			? row.phase !== 'finished' && (closesAt ?? 0) > now
				? 'open'
				: 'closed'
			: row.phase === 'lobby' || row.phase === 'finished'
				? row.phase
				: 'running';
	return {
		code: row.code,
		article: row.article,
		kind,
		createdAt: row.createdAt,
		questions: (JSON.parse(row.cardIds) as string[]).length,
		players: row.players,
		standing,
		closesAt
	};
}

/** What starts a game again as it was: the form of a new quiz, filled in. */
export interface Duplicate extends Choice {
	article: string;
	cardIds: string[];
	mode: 'live' | 'assignment';
	seconds: number;
	speedBonus: boolean;
	classic: boolean;
	getReady: boolean;
	/** Hours an assignment stays open, as the original was (rounded to the hour). */
	openFor: number;
}

/**
 * The settings, text and questions of a stored game, for a new one. A game stored before the
 * choice was kept gets the tracks of its cards and every kind, a choice that holds all its
 * questions.
 *
 * @param card the deck's card with this id (cards gone from the text give no track)
 */
export function duplicateOf(row: GameRow, card: (id: string) => Card | undefined): Duplicate {
	const stored = JSON.parse(row.settings) as Partial<LiveGame['settings'] & Choice> & {
		mode?: string;
	};
	const cardIds = JSON.parse(row.cardIds) as string[];
	const cardTracks = new Set(cardIds.map((id) => card(id)?.track));
	const tracks = stored.tracks ?? TRACKS.filter((track) => cardTracks.has(track));
	const mode = stored.mode === 'assignment' ? 'assignment' : 'live';
	return {
		article: row.article,
		tracks: tracks.length > 0 ? tracks : ['facts'],
		kinds: stored.kinds ?? [...LIVE_KINDS],
		cardIds,
		mode,
		seconds: stored.secondsPerQuestion ?? 20,
		speedBonus: stored.speedBonus ?? true,
		classic: stored.classic ?? false,
		getReady: (stored.getReadySeconds ?? 0) > 0,
		openFor:
			mode === 'assignment' && row.deadline !== null
				? Math.max(1, Math.round((row.deadline - row.createdAt) / 3_600_000))
				: 24
	};
}
