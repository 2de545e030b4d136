/**
 * The classroom store in PostgreSQL (`pg`), for several app instances sharing one database:
 * selected by `DATABASE_URL=postgres://…`. The same tables as SQLite's (the row encoding is
 * `rows.ts`), with PostgreSQL's types: BIGINT for epoch milliseconds, BOOLEAN for flags.
 *
 * The schema is migrated on open, under an advisory lock, so instances starting together apply
 * each migration once.
 */
import pg from 'pg';
import type { PlayerAnswer, Player } from '$lib/classroom/game';
import { StorageError } from '$lib/server/sqlite';
import {
	answerRowOf,
	gameRow,
	gameRowOf,
	hostedGameOf,
	playerRowOf,
	progressOf,
	storedGameOf
} from './rows';
import type { ClassroomStore } from './store';

/** Schema migrations, applied in order from `ripasso_schema.version`. Never edit a released one. */
export const PG_MIGRATIONS: string[] = [
	`CREATE TABLE games (
		code TEXT PRIMARY KEY,
		host_secret_hash TEXT NOT NULL,
		article TEXT NOT NULL,
		mode TEXT NOT NULL,
		settings TEXT NOT NULL,
		card_ids TEXT NOT NULL,
		phase TEXT NOT NULL,
		question_index INTEGER NOT NULL,
		question_started_at BIGINT,
		deadline BIGINT,
		created_at BIGINT NOT NULL,
		expires_at BIGINT NOT NULL,
		version INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE players (
		game_code TEXT NOT NULL REFERENCES games(code) ON DELETE CASCADE,
		id TEXT NOT NULL,
		nickname TEXT NOT NULL,
		joined_at BIGINT NOT NULL,
		removed BOOLEAN NOT NULL DEFAULT FALSE,
		score INTEGER NOT NULL DEFAULT 0,
		streak INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (game_code, id)
	);
	CREATE TABLE answers (
		game_code TEXT NOT NULL REFERENCES games(code) ON DELETE CASCADE,
		player_id TEXT NOT NULL,
		question_index INTEGER NOT NULL,
		given TEXT NOT NULL,
		at BIGINT NOT NULL,
		elapsed_ms INTEGER NOT NULL,
		correct BOOLEAN NOT NULL,
		points INTEGER NOT NULL,
		PRIMARY KEY (game_code, player_id, question_index)
	);
	CREATE INDEX games_expires_at ON games(expires_at);
	CREATE INDEX games_host ON games(host_secret_hash, created_at);
	CREATE INDEX games_article ON games(article);`,
	// v2: several instances, one game: which instance owns a running question's deadline
	// (`leases.ts`), and the running games an instance looks at when one of them died.
	`CREATE TABLE game_leases (
		game_code TEXT PRIMARY KEY REFERENCES games(code) ON DELETE CASCADE,
		owner TEXT NOT NULL,
		expires_at BIGINT NOT NULL
	);
	CREATE INDEX games_running ON games(code) WHERE phase = 'question';`
];

/** Any number, so that two apps sharing a database do not take each other's migration lock. */
const MIGRATION_LOCK = 0x7269_7061; // "ripa"

/** BIGINT comes back as a string by default; epoch milliseconds fit a double exactly. */
export const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === pg.types.builtins.INT8
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

const UPSERT_PLAYER = `INSERT INTO players (game_code, id, nickname, joined_at, removed, score, streak)
	VALUES ($1, $2, $3, $4, $5, $6, $7)
	ON CONFLICT (game_code, id) DO UPDATE SET
	  nickname = excluded.nickname, removed = excluded.removed, score = excluded.score,
	  streak = excluded.streak`;
const playerValues = (code: string, p: Player) => [
	code,
	p.id,
	p.nickname,
	p.joinedAt,
	p.removed,
	p.score,
	p.streak
];

/** Thrown inside a transaction to roll it back as a refused compare-and-set (not a failure). */
const CONFLICT = Symbol('conflict');

/** Runs `work` in one transaction on one connection of the pool. */
async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
	const client = await pool.connect();
	try {
		await client.query('BEGIN');
		const result = await work(client);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		await client.query('ROLLBACK').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

/** Creates the schema or brings it up to date; throws, with the reason, on a newer one. */
async function migrate(pool: pg.Pool): Promise<void> {
	await transaction(pool, async (client) => {
		await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await client.query(
			'CREATE TABLE IF NOT EXISTS ripasso_schema (name TEXT PRIMARY KEY, version INTEGER NOT NULL)'
		);
		const found = await client.query("SELECT version FROM ripasso_schema WHERE name = 'classroom'");
		const version = (found.rows[0]?.version as number | undefined) ?? 0;
		if (version > PG_MIGRATIONS.length) {
			throw new Error(`The classroom database is from a newer Ripasso (schema ${version}).`);
		}
		for (let v = version; v < PG_MIGRATIONS.length; v++) await client.query(PG_MIGRATIONS[v]);
		await client.query(
			`INSERT INTO ripasso_schema (name, version) VALUES ('classroom', $1)
			 ON CONFLICT (name) DO UPDATE SET version = excluded.version`,
			[PG_MIGRATIONS.length]
		);
	});
}

/**
 * Connects to PostgreSQL and migrates its schema. A server that cannot be reached or migrated
 * throws here, at start-up; once open, every failure is a `StorageError`.
 *
 * @param url `postgres://user:password@host:port/database`
 */
export async function openPgStore(url: string, { max = 10 } = {}): Promise<ClassroomStore> {
	const pool = new pg.Pool({ connectionString: url, max, types });
	// An idle connection the server dropped must not take the process down.
	pool.on('error', (error) => console.error('Classroom database connection lost', error.message));
	try {
		await migrate(pool);
	} catch (error) {
		await pool.end();
		throw error;
	}
	const query = async (sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows;

	const store: ClassroomStore = {
		async createGame({ state, choice, ...meta }) {
			const row = gameRow(state, { ...meta, choice });
			await query(
				`INSERT INTO games (code, host_secret_hash, article, mode, settings, card_ids, phase,
				   question_index, question_started_at, deadline, created_at, expires_at)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
				[
					row.code,
					row.hostSecretHash,
					row.article,
					row.mode,
					row.settings,
					row.cardIds,
					row.phase,
					row.questionIndex,
					row.questionStartedAt,
					row.deadline,
					row.createdAt,
					row.expiresAt
				]
			);
		},
		async loadGame(code) {
			// One snapshot: a reveal committed between the three reads must not mix two states.
			return transaction(pool, async (client) => {
				await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
				const game = await client.query('SELECT * FROM games WHERE code = $1', [code]);
				if (game.rows.length === 0) return undefined;
				const players = await client.query(
					'SELECT * FROM players WHERE game_code = $1 ORDER BY joined_at, id',
					[code]
				);
				const answers = await client.query(
					'SELECT * FROM answers WHERE game_code = $1 ORDER BY question_index, at, player_id',
					[code]
				);
				return storedGameOf(
					gameRowOf(game.rows[0]),
					players.rows.map(playerRowOf),
					answers.rows.map(answerRowOf)
				);
			});
		},
		activeCodes: async (now) =>
			(await query('SELECT code FROM games WHERE expires_at > $1 ORDER BY created_at', [now])).map(
				(row) => row.code as string
			),
		runningCodes: async (now) =>
			(
				await query(
					"SELECT code FROM games WHERE expires_at > $1 AND phase = 'question' ORDER BY created_at",
					[now]
				)
			).map((row) => row.code as string),
		gamesOf: async (hash, now, limit) =>
			(
				await query(
					`SELECT g.*, (SELECT COUNT(*) FROM players p WHERE p.game_code = g.code AND NOT p.removed)
					   AS player_count
					 FROM games g WHERE g.host_secret_hash = $1 AND g.expires_at > $2
					 ORDER BY g.created_at DESC, g.code LIMIT $3`,
					[hash, now, limit]
				)
			).map((row) => hostedGameOf({ ...gameRowOf(row), players: row.player_count as number }, now)),
		openGamesOf: async (hash, now) =>
			(
				await query(
					`SELECT COUNT(*) AS n FROM games
					 WHERE host_secret_hash = $1 AND expires_at > $2 AND phase != 'finished'`,
					[hash, now]
				)
			)[0].n as number,
		async savePlayer(code, player) {
			await query(UPSERT_PLAYER, playerValues(code, player));
		},
		addAnswer: (code, answer: PlayerAnswer, player) =>
			transaction(pool, async (client) => {
				// Only onto a question still open, with the game's row share-locked: a reveal taken
				// by another instance (whose UPDATE waits for this lock) then counts this answer, or
				// it committed first and this one is refused. Never stored and left out of the scores.
				const inserted = await client.query(
					`INSERT INTO answers
					   (game_code, player_id, question_index, given, at, elapsed_ms, correct, points)
					 SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM games
					 WHERE code = $1 AND phase = 'question' AND (mode = 'assignment' OR question_index = $3)
					 FOR SHARE
					 ON CONFLICT DO NOTHING`,
					[
						code,
						answer.playerId,
						answer.questionIndex,
						answer.given,
						answer.at,
						answer.elapsedMs,
						answer.correct,
						answer.points
					]
				);
				if (inserted.rowCount !== 1) {
					const twice = await client.query(
						'SELECT 1 FROM answers WHERE game_code = $1 AND player_id = $2 AND question_index = $3',
						[code, answer.playerId, answer.questionIndex]
					);
					return twice.rows.length > 0 ? false : 'closed';
				}
				if (player) await client.query(UPSERT_PLAYER, playerValues(code, player));
				return true;
			}),
		advance: (code, version, state, { players = false, answers } = {}) =>
			transaction(pool, async (client): Promise<number | undefined> => {
				const { phase, questionIndex, questionStartedAt, deadline } = progressOf(state);
				const updated = await client.query(
					`UPDATE games SET phase = $3, question_index = $4, question_started_at = $5,
					   deadline = $6, version = version + 1
					 WHERE code = $1 AND version = $2`,
					[code, version, phase, questionIndex, questionStartedAt, deadline]
				);
				if (updated.rowCount !== 1) return undefined;
				if (answers !== undefined) {
					// The row is locked now: answers in flight elsewhere have committed, later ones wait
					// and are refused. Another count means the scores were computed without some.
					const counted = await client.query(
						'SELECT COUNT(*)::int AS n FROM answers WHERE game_code = $1 AND question_index = $2',
						[code, questionIndex]
					);
					if (counted.rows[0].n !== answers) throw CONFLICT;
				}
				if (players) {
					// Scores and streaks only: a removal or a join taken by another instance meanwhile
					// is not undone by this instance's older copy of the class.
					await client.query(
						`UPDATE players p SET score = v.score, streak = v.streak
						 FROM unnest($2::text[], $3::int[], $4::int[]) AS v(id, score, streak)
						 WHERE p.game_code = $1 AND p.id = v.id`,
						[
							code,
							state.players.map((p) => p.id),
							state.players.map((p) => p.score),
							state.players.map((p) => p.streak)
						]
					);
				}
				return version + 1;
			}).catch((error: unknown) => {
				if (error === CONFLICT) return undefined;
				throw error;
			}),
		deleteExpired: async (now) =>
			(await pool.query('DELETE FROM games WHERE expires_at <= $1', [now])).rowCount ?? 0,
		deleteGamesOf: async (article) =>
			(await query('DELETE FROM games WHERE article = $1 RETURNING code', [article])).map(
				(row) => row.code as string
			),
		close: () => pool.end()
	};
	return guarded(store);
}

/** The store with every failure turned into a `StorageError` naming the method. */
function guarded(store: ClassroomStore): ClassroomStore {
	const wrapped = {} as Record<string, unknown>;
	for (const [key, method] of Object.entries(store)) {
		const call = method as (...args: unknown[]) => Promise<unknown>;
		wrapped[key] = async (...args: unknown[]) => {
			try {
				return await call(...args);
			} catch (error) {
				throw error instanceof StorageError ? error : new StorageError(`classroom.${key}`, error);
			}
		};
	}
	return wrapped as unknown as ClassroomStore;
}
