/**
 * The classroom store in SQLite (better-sqlite3), the embedded default: one file in the data
 * folder, for one app instance. Its queries are synchronous; the store's async methods wrap
 * them, so the engine runs the same on PostgreSQL (`pg-store.ts`).
 *
 * The database lives in a data folder created on first start (`RIPASSO_DATA_DIR`, default
 * `./data`); its schema is created and migrated on open.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlayerAnswer, GameState, Player } from '$lib/classroom/game';
import { dataDir, guardedStore, openDatabase, StorageError } from '$lib/server/sqlite';
import {
	answerRowOf,
	gameRow,
	gameRowOf,
	hostedGameOf,
	playerRowOf,
	progressOf,
	storedGameOf,
	type Columns,
	type GameRow,
	type HostedGameRow,
	type NewGameRow,
	type PlayerAnswerRow,
	type PlayerRow
} from './rows';
import type { ClassroomStore } from './store';

export { dataDir, StorageError };

/**
 * Schema migrations, applied in order from the stored `user_version`. Never edit a released one:
 * add the next. Plain SQL that PostgreSQL also accepts (INTEGER, TEXT, composite keys).
 */
export const MIGRATIONS: string[] = [
	`CREATE TABLE games (
		code TEXT PRIMARY KEY,
		host_secret_hash TEXT NOT NULL,
		article TEXT NOT NULL,
		mode TEXT NOT NULL,
		settings TEXT NOT NULL,
		card_ids TEXT NOT NULL,
		phase TEXT NOT NULL,
		question_index INTEGER NOT NULL,
		question_started_at INTEGER,
		deadline INTEGER,
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL
	);
	CREATE TABLE players (
		game_code TEXT NOT NULL REFERENCES games(code) ON DELETE CASCADE,
		id TEXT NOT NULL,
		nickname TEXT NOT NULL,
		joined_at INTEGER NOT NULL,
		removed INTEGER NOT NULL DEFAULT 0,
		score INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (game_code, id)
	);
	CREATE TABLE answers (
		game_code TEXT NOT NULL REFERENCES games(code) ON DELETE CASCADE,
		player_id TEXT NOT NULL,
		question_index INTEGER NOT NULL,
		given TEXT NOT NULL,
		at INTEGER NOT NULL,
		correct INTEGER NOT NULL,
		points INTEGER NOT NULL,
		PRIMARY KEY (game_code, player_id, question_index)
	);
	CREATE INDEX games_expires_at ON games(expires_at);`,
	// v2: what a restarted server needs to rebuild a game exactly (tie-breaks, streaks).
	`ALTER TABLE answers ADD COLUMN elapsed_ms INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE players ADD COLUMN streak INTEGER NOT NULL DEFAULT 0;`,
	// v3: a host's list of their games ("My quizzes") reads by host, newest first.
	`CREATE INDEX games_host ON games(host_secret_hash, created_at);`,
	// v4: optimistic versioning: a change is written only onto the version it was computed from.
	`ALTER TABLE games ADD COLUMN version INTEGER NOT NULL DEFAULT 0;`
];

const COLUMNS: Record<keyof Omit<GameRow, 'code'>, string> = {
	hostSecretHash: 'host_secret_hash',
	article: 'article',
	settings: 'settings',
	cardIds: 'card_ids',
	phase: 'phase',
	questionIndex: 'question_index',
	questionStartedAt: 'question_started_at',
	deadline: 'deadline',
	createdAt: 'created_at',
	expiresAt: 'expires_at'
};

/** The SQLite queries, synchronous and row-shaped: what the async store below is made of. */
interface Rows {
	createGame(game: NewGameRow): void;
	getGame(code: string): (GameRow & { version: number }) | undefined;
	codes(now: number, phase?: string): string[];
	gamesOf(hostSecretHash: string, now: number, limit: number): HostedGameRow[];
	openGamesOf(hostSecretHash: string, now: number): number;
	advance(
		code: string,
		version: number,
		changes: Partial<GameRow>,
		players: PlayerRow[],
		answers?: number
	): boolean;
	upsertPlayer(player: PlayerRow): void;
	players(code: string): PlayerRow[];
	addAnswer(answer: PlayerAnswerRow, player?: PlayerRow): boolean;
	answers(code: string): PlayerAnswerRow[];
	deleteExpired(now: number): number;
	deleteGamesOf(article: string): string[];
	close(): void;
}

export interface StoreOptions {
	/**
	 * Test hook (`RIPASSO_FAULT_FILE`): while this file exists, the connection is switched to
	 * read-only before each write, so writes fail with SQLite's own SQLITE_READONLY, exactly as
	 * a database that turned read-only under a running server would. Unset in production.
	 */
	faultFile?: string;
	/** Where start-up warnings go (default: the console). */
	warn?: (message: string) => void;
}

/**
 * Says so, loudly, when the database file that held games is gone or empty: SQLite would
 * silently start a new one and the teacher would find every quiz gone without a word. A marker
 * written beside the database when it is first created tells "never existed" from "lost".
 */
function checkExisting(file: string, warn: (message: string) => void): void {
	const marker = `${file}.created`;
	const size = existsSync(file) ? statSync(file).size : -1;
	const walSize = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
	if (size === -1 && existsSync(marker)) {
		warn(
			`The classroom database ${file} is missing, but games were stored there before: ` +
				'starting with an empty one (restore the file from a backup to get them back).'
		);
	} else if (size === 0 && walSize === 0) {
		warn(
			`The classroom database ${file} is an empty file` +
				(existsSync(marker) ? ', but games were stored there before' : '') +
				': starting with an empty database.'
		);
	}
	if (!existsSync(marker)) writeFileSync(marker, `${new Date().toISOString()}\n`);
}

/**
 * Opens (creating the folder and the schema if needed) the SQLite classroom database. A file
 * that cannot be opened or migrated throws here, at start-up, with the reason; once open,
 * every failure of the store is a `StorageError`.
 *
 * @param file a path, or `:memory:` for tests
 */
export function openSqliteStore(
	file = join(dataDir(), 'classroom.sqlite'),
	{ faultFile = process.env.RIPASSO_FAULT_FILE, warn = console.error }: StoreOptions = {}
): ClassroomStore {
	if (file !== ':memory:') {
		mkdirSync(dirname(file), { recursive: true });
		checkExisting(file, warn);
	}
	const db = openDatabase(file, 'classroom', MIGRATIONS, { foreignKeys: true });

	const insertGame = db.prepare(
		`INSERT INTO games (code, mode, ${Object.values(COLUMNS).join(', ')})
		 VALUES (@code, @mode, ${Object.keys(COLUMNS)
				.map((key) => `@${key}`)
				.join(', ')})`
	);
	const selectGame = db.prepare('SELECT * FROM games WHERE code = ?');
	const selectActive = db
		.prepare('SELECT code FROM games WHERE expires_at > ? ORDER BY created_at')
		.pluck();
	const selectInPhase = db
		.prepare('SELECT code FROM games WHERE expires_at > ? AND phase = ? ORDER BY created_at')
		.pluck();
	const countOpen = db.prepare(
		`SELECT COUNT(*) AS n FROM games
		 WHERE host_secret_hash = ? AND expires_at > ? AND phase != 'finished'`
	);
	const selectHosted = db.prepare(
		`SELECT g.*, (SELECT COUNT(*) FROM players p WHERE p.game_code = g.code AND p.removed = 0)
		   AS player_count
		 FROM games g WHERE g.host_secret_hash = ? AND g.expires_at > ?
		 ORDER BY g.created_at DESC, g.code LIMIT ?`
	);
	const upsertPlayer = db.prepare(
		`INSERT INTO players (game_code, id, nickname, joined_at, removed, score, streak)
		 VALUES (@gameCode, @id, @nickname, @joinedAt, @removed, @score, @streak)
		 ON CONFLICT (game_code, id) DO UPDATE SET
		   nickname = excluded.nickname, removed = excluded.removed, score = excluded.score,
		   streak = excluded.streak`
	);
	const selectPlayers = db.prepare('SELECT * FROM players WHERE game_code = ? ORDER BY joined_at');
	const insertAnswer = db.prepare(
		`INSERT INTO answers (game_code, player_id, question_index, given, at, elapsed_ms, correct, points)
		 VALUES (@gameCode, @playerId, @questionIndex, @given, @at, @elapsedMs, @correct, @points)
		 ON CONFLICT DO NOTHING`
	);
	// Children first: the schema's cascades hold only where foreign keys are enforced.
	const deleteExpiredAnswers = db.prepare(
		'DELETE FROM answers WHERE game_code IN (SELECT code FROM games WHERE expires_at <= ?)'
	);
	const deleteExpiredPlayers = db.prepare(
		'DELETE FROM players WHERE game_code IN (SELECT code FROM games WHERE expires_at <= ?)'
	);
	const deleteExpiredGames = db.prepare('DELETE FROM games WHERE expires_at <= ?');
	const selectGamesOf = db.prepare('SELECT code FROM games WHERE article = ?').pluck();
	const deleteGameAnswers = db.prepare('DELETE FROM answers WHERE game_code = ?');
	const deleteGamePlayers = db.prepare('DELETE FROM players WHERE game_code = ?');
	const deleteGame = db.prepare('DELETE FROM games WHERE code = ?');
	const countAnswers = db
		.prepare('SELECT COUNT(*) FROM answers WHERE game_code = ? AND question_index = ?')
		.pluck();
	const selectAnswers = db.prepare(
		'SELECT * FROM answers WHERE game_code = ? ORDER BY question_index, at'
	);

	const savePlayer = (player: PlayerRow) =>
		upsertPlayer.run({ ...player, removed: player.removed ? 1 : 0 });
	const rows: Rows = {
		createGame: (game) => void insertGame.run(game),
		getGame(code) {
			const row = selectGame.get(code) as Columns | undefined;
			return row && gameRowOf(row);
		},
		codes: (now, phase) =>
			(phase === undefined ? selectActive.all(now) : selectInPhase.all(now, phase)) as string[],
		gamesOf: (hash, now, limit) =>
			(selectHosted.all(hash, now, limit) as Columns[]).map((row) => ({
				...gameRowOf(row),
				players: row.player_count as number
			})),
		openGamesOf: (hash, now) => (countOpen.get(hash, now) as { n: number }).n,
		advance: (code, version, changes, players, answers) =>
			db.transaction(() => {
				// One writer: the count always matches here; kept so both stores keep one contract.
				if (answers !== undefined && countAnswers.get(code, changes.questionIndex) !== answers) {
					return false;
				}
				const keys = Object.keys(changes) as (keyof typeof COLUMNS)[];
				const set = keys.map((key) => `${COLUMNS[key]} = @${key}`).join(', ');
				const updated = db
					.prepare(
						`UPDATE games SET ${set}${set ? ', ' : ''}version = version + 1
						 WHERE code = @code AND version = @version`
					)
					.run({ ...changes, code, version });
				if (updated.changes !== 1) return false;
				for (const player of players) savePlayer(player);
				return true;
			})(),
		upsertPlayer: (player) => void savePlayer(player),
		players: (code) => (selectPlayers.all(code) as Columns[]).map(playerRowOf),
		addAnswer: (answer, player) =>
			db.transaction(() => {
				const added =
					insertAnswer.run({ ...answer, correct: answer.correct ? 1 : 0 }).changes === 1;
				if (added && player) savePlayer(player);
				return added;
			})(),
		answers: (code) => (selectAnswers.all(code) as Columns[]).map(answerRowOf),
		deleteExpired: (now) =>
			db.transaction(() => {
				deleteExpiredAnswers.run(now);
				deleteExpiredPlayers.run(now);
				return deleteExpiredGames.run(now).changes;
			})(),
		deleteGamesOf: (article) =>
			db.transaction(() => {
				const codes = selectGamesOf.all(article) as string[];
				for (const code of codes) {
					deleteGameAnswers.run(code);
					deleteGamePlayers.run(code);
					deleteGame.run(code);
				}
				return codes;
			})(),
		close: () => db.close()
	};
	return storeOf(guardedStore(rows, { db, name: 'classroom', writes: WRITES, faultFile }));
}

const WRITES = new Set<keyof Rows>([
	'createGame',
	'advance',
	'upsertPlayer',
	'addAnswer',
	'deleteExpired',
	'deleteGamesOf'
]);

/** The game's state and rows, for the queries. */
const playerRow = (code: string, player: Player): PlayerRow => ({ gameCode: code, ...player });
const answerRow = (code: string, answer: PlayerAnswer): PlayerAnswerRow => ({
	gameCode: code,
	...answer
});

/**
 * The async store on the synchronous queries. Each method runs its query at once, in the
 * caller's turn (a reveal's transaction is one synchronous block, as before), and hands back a
 * settled promise: a failure is a rejected `StorageError`, never a throw.
 */
function storeOf(rows: Rows): ClassroomStore {
	const run = async <T>(work: () => T): Promise<T> => work();
	return {
		createGame: ({ state, choice, ...meta }) =>
			// A new game has no players nor answers yet: its row is all of it.
			run(() => rows.createGame(gameRow(state, { ...meta, choice }))),
		loadGame: (code) =>
			run(() => {
				const row = rows.getGame(code);
				return row && storedGameOf(row, rows.players(code), rows.answers(code));
			}),
		activeCodes: (now) => run(() => rows.codes(now)),
		runningCodes: (now) => run(() => rows.codes(now, 'question')),
		gamesOf: (hash, now, limit) =>
			run(() => rows.gamesOf(hash, now, limit).map((row) => hostedGameOf(row, now))),
		openGamesOf: (hash, now) => run(() => rows.openGamesOf(hash, now)),
		savePlayer: (code, player) => run(() => rows.upsertPlayer(playerRow(code, player))),
		addAnswer: (code, answer, player) =>
			run(() => rows.addAnswer(answerRow(code, answer), player && playerRow(code, player))),
		advance: (code, version, state: GameState, { players = false, answers } = {}) =>
			run(() => {
				const saved = players ? state.players.map((player) => playerRow(code, player)) : [];
				return rows.advance(code, version, progressOf(state), saved, answers)
					? version + 1
					: undefined;
			}),
		deleteExpired: (now) => run(() => rows.deleteExpired(now)),
		deleteGamesOf: (article) => run(() => rows.deleteGamesOf(article)),
		close: () => run(() => rows.close())
	};
}
