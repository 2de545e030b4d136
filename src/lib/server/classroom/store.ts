/**
 * What the classroom keeps in a database, as games, players and answers: the engine never sees
 * a row or a JSON column. Two implementations: SQLite (`db.ts`, the embedded default, in the
 * data folder) and PostgreSQL (`pg-store.ts`, for several app instances sharing one database),
 * held to one contract (`tests/unit/classroom-store.contract.test.ts`).
 *
 * Every method is async (a PostgreSQL round trip) and fails with `StorageError`: the change did
 * not happen.
 */
import type { PlayerAnswer, GameState, Player } from '$lib/classroom/game';
import type { Choice, HostedGame } from './rows';

export { StorageError } from '$lib/server/sqlite';

/** What the engine keeps of each game besides its state. */
export interface GameMeta {
	/** SHA-256 of the host's secret (the cookie holds the secret itself). */
	hostSecretHash: string;
	article: string;
	/** When the code stops working and its data is deleted (epoch ms). */
	expiresAt: number;
}

/** A game to store: its state (players and answers included), who hosts it, what it was drawn from. */
export interface NewGame extends GameMeta {
	state: GameState;
	/** The tracks and kinds its questions were drawn from, to start the quiz again later. */
	choice?: Choice;
}

/** A game as stored, with the version of its row. */
export interface StoredGame extends GameMeta {
	state: GameState;
	/** Undefined for games stored before the choice was kept. */
	choice?: Choice;
	/**
	 * Bumped by every `advance`: a change computed from an older version is refused, so two
	 * writers (two instances, a deadline and a host's click) never overwrite each other.
	 */
	version: number;
}

export interface ClassroomStore {
	/** Stores a new game at version 0 (its code must be free). */
	createGame(game: NewGame): Promise<void>;
	/** The game with its players (in joining order) and answers; undefined if unknown. */
	loadGame(code: string): Promise<StoredGame | undefined>;
	/** Codes of games not yet expired at `now`, oldest first (taken codes, for a new one). */
	activeCodes(now: number): Promise<string[]>;
	/** Codes of games not yet expired with a question running: what a restart must resume. */
	runningCodes(now: number): Promise<string[]>;
	/**
	 * This host's games (by secret hash) not yet expired, newest first, at most `limit`, as the
	 * host's list shows them at `now` (removed players not counted).
	 */
	gamesOf(hostSecretHash: string, now: number, limit: number): Promise<HostedGame[]>;
	/** How many games of this host are neither finished nor expired. */
	openGamesOf(hostSecretHash: string, now: number): Promise<number>;
	/** Adds or replaces a player (a join, a removal, a restore). */
	savePlayer(code: string, player: Player): Promise<void>;
	/**
	 * Stores an answer and, with `player`, their new score in the same transaction. False (and
	 * nothing stored) when this player already answered this question: the unique key decides,
	 * whichever request or instance got there first. `'closed'` (PostgreSQL, where another
	 * instance may have revealed meanwhile) when the stored game no longer takes this answer.
	 */
	addAnswer(code: string, answer: PlayerAnswer, player?: Player): Promise<boolean | 'closed'>;
	/**
	 * Moves the game on to `state` (its phase, question, deadline; with `players`, every
	 * player's score too, in the same transaction) if its row is still at `version`. Returns the
	 * new version, or undefined when another writer got there first (nothing is written then).
	 * With `answers` (a reveal: how many answers to the question being closed `state` counted),
	 * also undefined when the store holds another number of them: scores computed without an
	 * answer another instance took are never written.
	 */
	advance(
		code: string,
		version: number,
		state: GameState,
		options?: { players?: boolean; answers?: number }
	): Promise<number | undefined>;
	/**
	 * Deletes games expired by `now`, with their players and answers: once a code has expired
	 * nobody can reach its data, so none of the students' answers is kept. Returns how many.
	 */
	deleteExpired(now: number): Promise<number>;
	/** Deletes every game played on this article, with its data; returns their codes. */
	deleteGamesOf(article: string): Promise<string[]>;
	close(): Promise<void>;
}
