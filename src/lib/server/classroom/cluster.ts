/**
 * Several app instances serving the same games from one PostgreSQL: what each engine needs of
 * the others. Changes committed here are announced to them and theirs heard here
 * (`notify.ts`); a running question's deadline is armed only by the instance holding its lease
 * (`leases.ts`), and the games whose owner stopped renewing are taken over. With SQLite (one
 * instance) there is no cluster and the engine keeps everything in its own process.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Audience } from './hub';
import { DeadlineLeases, LEASE_MS } from './leases';
import { Coalescer, PgNotifier } from './notify';
import { types } from './pg-store';

/** What the engine asks of the other instances. */
export interface Cluster {
	/** Tells them of a change committed at `version`, for `audience`'s screens. */
	announce(code: string, version: number, audience: Audience): void;
	/** Whether this instance owns the game's deadline (claiming it if nobody does). */
	claim(code: string): Promise<boolean>;
	/** The game is gone (deleted, expired). */
	forget(code: string): void;
}

/** What the cluster asks of this instance's engine. */
export interface ClusterEngine {
	/**
	 * Reads the game again from the store and tells `audience`'s screens here; without an
	 * audience, a take-over: it also (re)arms the deadline.
	 */
	refresh(code: string, audience?: Audience): Promise<void>;
	/** Whether this instance has the game in memory or a screen listening to it. */
	listens(code: string): boolean;
	/** The games screens of this instance listen to. */
	listened(): string[];
}

export interface ClusterOptions {
	/** How often leases are renewed and dead owners' games looked for (ms). */
	renewMs?: number;
	/** How long a lease lasts unless renewed (ms). */
	leaseMs?: number;
	log?: (message: string, error?: unknown) => void;
}

export class PgCluster implements Cluster {
	readonly instance = randomUUID();
	#pool: pg.Pool;
	#ready: Promise<unknown>;
	#notifier: PgNotifier;
	#incoming: Coalescer;
	#leases: DeadlineLeases;
	#engine: ClusterEngine | undefined;
	#renewMs: number;
	#log: (message: string, error?: unknown) => void;
	#loop: ReturnType<typeof setInterval> | undefined;
	/** Whether the last round of renewals failed (logged once until it works again). */
	#failing = false;
	#keeping = false;

	/**
	 * @param ready settles once the store has migrated the schema (the lease table with it)
	 */
	constructor(url: string, ready: Promise<unknown>, options: ClusterOptions = {}) {
		const { renewMs = 1000, leaseMs = LEASE_MS } = options;
		this.#log =
			options.log ??
			((message, error) =>
				console.error(message, error instanceof Error ? error.message : (error ?? '')));
		this.#pool = new pg.Pool({ connectionString: url, max: 3, types });
		this.#pool.on('error', (error) => this.#log('Classroom cluster connection lost', error));
		this.#ready = ready.catch(() => {});
		this.#renewMs = renewMs;
		const query = async (sql: string, values: unknown[]) => {
			await this.#ready;
			return this.#pool.query(sql, values);
		};
		this.#leases = new DeadlineLeases(query, this.instance, leaseMs);
		this.#incoming = new Coalescer(
			(code, _version, audience) => this.#engine?.refresh(code, audience) ?? Promise.resolve(),
			{ log: this.#log }
		);
		this.#notifier = new PgNotifier(url, this.#pool, {
			instance: this.instance,
			log: this.#log,
			heard: (code, version, audience) => {
				if (this.#engine?.listens(code)) this.#incoming.push(code, version, audience);
			},
			// Whatever was missed while the connection was down: every screen here is brought up to date.
			resync: () => {
				for (const code of this.#engine?.listened() ?? []) {
					this.#incoming.push(code, Number.MAX_SAFE_INTEGER, 'everyone');
				}
			}
		});
	}

	/** Starts hearing the other instances and keeping this one's leases, for `engine`. */
	start(engine: ClusterEngine): void {
		this.#engine = engine;
		this.#notifier.start().catch((error: unknown) => {
			this.#log('Classroom: could not listen for other instances; retrying.', error);
			this.#notifier.close().catch(() => {});
			setTimeout(() => this.start(engine), 1000).unref();
		});
		this.#loop ??= setInterval(() => void this.#keep(), this.#renewMs);
		this.#loop.unref();
	}

	/** Renews this instance's leases, then takes over the games nobody owns any more. */
	async #keep(): Promise<void> {
		// A slow database must not stack rounds up.
		if (this.#keeping) return;
		this.#keeping = true;
		try {
			await this.#leases.renew();
			for (const code of await this.#leases.orphans(Date.now())) {
				await this.#engine?.refresh(code);
			}
			if (this.#failing) this.#log('Classroom: deadline leases renewed again.');
			this.#failing = false;
		} catch (error) {
			if (!this.#failing) this.#log('Classroom: deadline leases could not be renewed.', error);
			this.#failing = true;
		} finally {
			this.#keeping = false;
		}
	}

	announce(code: string, version: number, audience: Audience): void {
		this.#notifier.announce(code, version, audience);
	}

	claim(code: string): Promise<boolean> {
		return this.#leases.claim(code);
	}

	forget(code: string): void {
		this.#incoming.forget(code);
		this.#notifier.forget(code);
	}

	/**
	 * Stops, giving up this instance's leases so that the others take over at once; with
	 * `release` false, as a crash would (the others wait for the leases to run out).
	 */
	async close({ release = true } = {}): Promise<void> {
		clearInterval(this.#loop);
		this.#loop = undefined;
		this.#engine = undefined;
		if (release) await this.#leases.release().catch(() => {});
		await this.#notifier.close().catch(() => {});
		await this.#pool.end();
	}
}
