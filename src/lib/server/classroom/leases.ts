/**
 * Which app instance owns a running question's deadline, when several share one PostgreSQL: a
 * lease row per game (`game_leases`: owner, expires_at), renewed by its owner while it lives.
 * Only the owner arms the deadline's timer; when it dies its leases run out, and another
 * instance takes the game over within a few seconds and reveals at the stored deadline. Two
 * owners at once would still not reveal twice (a reveal is a compare-and-set on the game's
 * row); the lease keeps the instances from all racing for every deadline.
 *
 * Expiry is read on the database's clock, the one clock all instances share.
 */
import type pg from 'pg';

/** The database's clock, in epoch milliseconds. */
const NOW = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** How long a lease lasts unless renewed (ms): how long a dead owner's games wait at most. */
export const LEASE_MS = 4000;

type Query = (sql: string, values: unknown[]) => Promise<pg.QueryResult>;

export class DeadlineLeases {
	#query: Query;
	readonly owner: string;
	readonly ttlMs: number;

	/**
	 * @param owner this instance's id (a new one per process: a restarted instance is another)
	 */
	constructor(query: Query, owner: string, ttlMs = LEASE_MS) {
		this.#query = query;
		this.owner = owner;
		this.ttlMs = ttlMs;
	}

	/**
	 * Takes (or keeps) the game's deadline for this instance: true when this instance owns it
	 * now, false while another's lease runs.
	 */
	async claim(code: string): Promise<boolean> {
		const { rows } = await this.#query(
			`INSERT INTO game_leases (game_code, owner, expires_at) VALUES ($1, $2, ${NOW} + $3)
			 ON CONFLICT (game_code) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
			 WHERE game_leases.owner = excluded.owner OR game_leases.expires_at < ${NOW}
			 RETURNING owner`,
			[code, this.owner, this.ttlMs]
		);
		return rows.length === 1;
	}

	/**
	 * Renews this instance's leases of running games (one statement, however many); those of
	 * games no longer running are left to run out, so whoever starts the next question claims it.
	 * Returns the codes renewed.
	 */
	async renew(): Promise<string[]> {
		const { rows } = await this.#query(
			`UPDATE game_leases l SET expires_at = ${NOW} + $2 FROM games g
			 WHERE l.owner = $1 AND g.code = l.game_code AND g.phase = 'question'
			 RETURNING l.game_code`,
			[this.owner, this.ttlMs]
		);
		return rows.map((row) => row.game_code as string);
	}

	/**
	 * Running games (a live question, an open assignment) not expired at `now` whose deadline
	 * nobody owns: never claimed, or their owner stopped renewing. At most `limit`, oldest first.
	 */
	async orphans(now: number, limit = 100): Promise<string[]> {
		const { rows } = await this.#query(
			`SELECT g.code FROM games g LEFT JOIN game_leases l ON l.game_code = g.code
			 WHERE g.phase = 'question' AND g.expires_at > $1 AND (l.owner IS NULL OR l.expires_at < ${NOW})
			 ORDER BY g.created_at LIMIT $2`,
			[now, limit]
		);
		return rows.map((row) => row.code as string);
	}

	/** Gives up every lease of this instance (it is stopping): others take over at once. */
	async release(): Promise<void> {
		await this.#query('DELETE FROM game_leases WHERE owner = $1', [this.owner]);
	}
}
