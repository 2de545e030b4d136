/**
 * The data of a classroom quiz, live or self-paced: settings, players, their answers and the
 * state the server keeps (see `game.ts` and `assignment.ts` for the transitions).
 */
import type { NicknameError } from '$lib/classroom/nickname';

export type Phase = 'lobby' | 'question' | 'reveal' | 'leaderboard' | 'finished';

/** The settings of a live game. */
export interface LiveSettings {
	/** How many of the game's cards are played, in order. */
	questions: number;
	/** Time per question, 5–120 s. */
	secondsPerQuestion: number;
	/** Faster right answers earn more (see `score`). */
	speedBonus: boolean;
	/**
	 * Kahoot!'s classic mode: the question and its options are on the projector only; phones
	 * show lettered, coloured buttons (and a number field for numbers), so nothing on a phone
	 * can be looked up.
	 */
	classic?: boolean;
	/**
	 * A "get ready" moment before each question, in seconds (0–`MAX_GET_READY_SECONDS`): the
	 * projector counts down while phones wait, and the question's clock starts after it. Games
	 * stored before it existed have none.
	 */
	getReadySeconds?: number;
	/**
	 * Drawn by the server when the game is made: the order of each question's options and the
	 * questions' public ids follow from it, so no two classes see the same letters, and the
	 * views never name a card. Never sent to a screen.
	 */
	seed?: number;
}

/**
 * The settings of a self-paced assignment: no clock per question, so no speed bonus, and no
 * projector, so no classic mode.
 */
export interface AssignmentSettings {
	questions: number;
	/** As a live game's (`LiveSettings.seed`). */
	seed?: number;
}

export const MIN_SECONDS = 5;
export const MAX_SECONDS = 120;
export const MAX_GET_READY_SECONDS = 10;
/**
 * Players per game: a whole year group in a hall fits; a bot flood cannot fill the server's
 * memory. (Kahoot!'s largest plans allow 2,000; the load bench plays 1,000 on one machine.)
 */
export const MAX_PLAYERS = 1000;
/** Longest typed answer: no real answer is longer, and grading cost grows with length. */
export const MAX_ANSWER_LENGTH = 100;

export interface Player {
	readonly id: string;
	readonly nickname: string;
	readonly joinedAt: number;
	/** Removed by the host: hidden everywhere, cannot answer or join again. */
	readonly removed: boolean;
	/** Points of the revealed questions. */
	readonly score: number;
	/** Right answers in a row, up to the last revealed question. */
	readonly streak: number;
}

/**
 * What one player answered to one question, as the server graded and keeps it (a card's own
 * right answer is `Card.answer`).
 */
export interface PlayerAnswer {
	readonly playerId: string;
	readonly questionIndex: number;
	readonly given: string;
	/** Server time of arrival. */
	readonly at: number;
	/** `at` minus the question's start. */
	readonly elapsedMs: number;
	readonly correct: boolean;
	readonly points: number;
}

/** What every game has, live or self-paced. */
interface Game {
	/** The 6-digit PIN. */
	readonly code: string;
	/** When the game was created (lets the server expire abandoned games). */
	readonly createdAt: number;
	/** The cards played, in order (`settings.questions` of them). */
	readonly cardIds: readonly string[];
	readonly players: readonly Player[];
	readonly answers: readonly PlayerAnswer[];
}

/** A live game: the class plays together, question by question, as the projector leads. */
export interface LiveGame extends Game {
	readonly kind: 'live';
	readonly settings: LiveSettings;
	readonly phase: Phase;
	/** The current question; -1 in the lobby. */
	readonly questionIndex: number;
	/** When the current question opened, by the server's clock; null in the lobby. */
	readonly questionStartedAt: number | null;
	/** The last instant an answer is taken (`questionStartedAt + seconds × 1000`). */
	readonly deadline: number | null;
}

/**
 * A self-paced assignment: each student works through the questions in order, alone, until
 * `closesAt`, and each answer is graded at once (see `assignment.ts`).
 */
export interface Assignment extends Game {
	readonly kind: 'assignment';
	readonly settings: AssignmentSettings;
	/** `question` while open (every student on a question of their own), then `finished`. */
	readonly phase: Extract<Phase, 'question' | 'finished'>;
	/** The last instant an answer is taken, by the server's clock. */
	readonly closesAt: number;
}

/** A game the server keeps: its `kind` says which, and each kind has its own transitions. */
export type GameState = LiveGame | Assignment;

/** A transition's result: the new state (of the same kind as the old one), or why not. */
export type Outcome<E extends string, T extends object = object, S extends GameState = GameState> =
	({ ok: true; state: S } & T) | { ok: false; error: E };

export type CreateError = 'invalid-code' | 'invalid-settings' | 'not-enough-cards';
export type JoinError = 'removed' | 'finished' | 'full' | NicknameError;
export type RestoreError = 'unknown-player' | 'not-removed' | 'full' | 'taken';
export type AnswerError =
	| 'not-a-question-phase'
	| 'wrong-question'
	| 'late'
	| 'already-answered'
	| 'unknown-player'
	| 'removed'
	| 'invalid-answer';
