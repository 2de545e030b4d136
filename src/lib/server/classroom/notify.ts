/**
 * Changes committed on one app instance, heard on the others: PostgreSQL LISTEN/NOTIFY on one
 * channel, a notification per game saying its code, the version of its row and who must hear of
 * it. The receiving instance reads the game again from the store and tells its own screens, with
 * the same audience the sender's screens had (`hub.ts`).
 *
 * A class answering at once commits a thousand answers in a second: both ends gather them per
 * game (`Coalescer`), so an instance sends, and reads the game back, a few times a second, not a
 * thousand. A new step of the game (a newer version) goes at once.
 */
import pg from 'pg';
import type { Audience } from './hub';
import type { Timers } from './engine';

/** The channel every instance listens on. */
export const CHANNEL = 'ripasso_games';

/** How often, at most, the changes of one game within one step are sent or read back. */
export const GATHER_MS = 100;

/** Who must hear of the changes gathered so far (the host's screens always do). */
interface Heard {
	everyone: boolean;
	players: Set<string>;
}

/** Phones named in one notification at most (a payload is under 8,000 bytes): then everyone. */
const MAX_NAMED = 100;

function hear(heard: Heard, audience: Audience): void {
	if (heard.everyone || audience === 'hosts') return;
	if (audience === 'everyone') heard.everyone = true;
	else if ('playerId' in audience) heard.players.add(audience.playerId);
	else for (const id of audience.playerIds) heard.players.add(id);
	if (heard.players.size > MAX_NAMED) heard.everyone = true;
}

function audienceOf({ everyone, players }: Heard): Audience {
	if (everyone) return 'everyone';
	return players.size === 0 ? 'hosts' : { playerIds: [...players] };
}

interface Pending {
	heard: Heard | null;
	/** The newest version pushed, and the newest handed on. */
	version: number;
	delivered: number;
	lastAt: number;
	running: boolean;
	cancel?: () => void;
}

const realTimers: Timers = (work, ms) => {
	const timer = setTimeout(work, ms);
	timer.unref?.();
	return () => clearTimeout(timer);
};

/**
 * Gathers the changes of each game and hands them on (`deliver`) one at a time per game: the
 * first at once, the next at most once per `intervalMs` with every audience heard meanwhile,
 * always ending on the latest. A newer version (a new step) is handed on as soon as the one
 * being handed on is done.
 */
export class Coalescer {
	#games = new Map<string, Pending>();
	#deliver: (code: string, version: number, audience: Audience) => Promise<void>;
	#intervalMs: number;
	#now: () => number;
	#after: Timers;
	#log: (message: string, error?: unknown) => void;

	constructor(
		deliver: (code: string, version: number, audience: Audience) => Promise<void>,
		{
			intervalMs = GATHER_MS,
			now = () => Date.now(),
			timers = realTimers,
			log = (message: string, error?: unknown) => console.error(message, error)
		} = {}
	) {
		this.#deliver = deliver;
		this.#intervalMs = intervalMs;
		this.#now = now;
		this.#after = timers;
		this.#log = log;
	}

	/** A change of `code`, committed at `version`, for `audience`. */
	push(code: string, version: number, audience: Audience): void {
		let pending = this.#games.get(code);
		if (!pending) {
			pending = { heard: null, version, delivered: -1, lastAt: -Infinity, running: false };
			this.#games.set(code, pending);
		}
		pending.heard ??= { everyone: false, players: new Set() };
		hear(pending.heard, audience);
		pending.version = Math.max(pending.version, version);
		this.#schedule(code, pending);
	}

	/** Forgets a game (deleted, expired): what was pending for it is dropped. */
	forget(code: string): void {
		this.#games.get(code)?.cancel?.();
		this.#games.delete(code);
	}

	#schedule(code: string, pending: Pending): void {
		if (pending.running || !pending.heard) return;
		const urgent = pending.version > pending.delivered;
		const wait = urgent ? 0 : pending.lastAt + this.#intervalMs - this.#now();
		if (wait <= 0) {
			pending.cancel?.();
			pending.cancel = undefined;
			void this.#run(code, pending);
		} else {
			pending.cancel ??= this.#after(() => {
				pending.cancel = undefined;
				this.#schedule(code, pending);
			}, wait);
		}
	}

	async #run(code: string, pending: Pending): Promise<void> {
		const heard = pending.heard!;
		const version = pending.version;
		pending.heard = null;
		pending.running = true;
		pending.lastAt = this.#now();
		try {
			await this.#deliver(code, version, audienceOf(heard));
		} catch (error) {
			this.#log(`Classroom game ${code}: a change could not be handed on.`, error);
		} finally {
			pending.running = false;
			pending.delivered = Math.max(pending.delivered, version);
			if (this.#games.get(code) === pending) this.#schedule(code, pending);
		}
	}
}

/** What one notification carries: the sending instance, the game, its version, who hears. */
interface Message {
	i: string;
	c: string;
	v: number;
	a: Audience;
}

function parse(payload: string | undefined): Message | undefined {
	try {
		const message = JSON.parse(payload ?? '') as Message;
		const audience = message.a;
		const valid =
			typeof message.i === 'string' &&
			typeof message.c === 'string' &&
			Number.isInteger(message.v) &&
			(audience === 'everyone' ||
				audience === 'hosts' ||
				typeof (audience as { playerId?: unknown }).playerId === 'string' ||
				Array.isArray((audience as { playerIds?: unknown }).playerIds));
		return valid ? message : undefined;
	} catch {
		return undefined;
	}
}

export interface NotifierOptions {
	/** This instance's id: its own notifications are not read back. */
	instance: string;
	/** A change committed by another instance. */
	heard: (code: string, version: number, audience: Audience) => void;
	/** The listening connection was lost and is back: notifications may have been missed. */
	resync: () => void;
	log: (message: string, error?: unknown) => void;
	/** Wait before connecting again after the listening connection was lost (ms). */
	reconnectMs?: number;
}

/**
 * LISTEN on a connection of its own (a pool's connections come and go), connecting again while
 * it is lost; NOTIFY through `pool`. Outgoing changes are gathered per game (`Coalescer`).
 */
export class PgNotifier {
	#url: string;
	#pool: pg.Pool;
	#options: NotifierOptions;
	#client: pg.Client | undefined;
	#closed = false;
	#outgoing: Coalescer;

	constructor(url: string, pool: pg.Pool, options: NotifierOptions) {
		this.#url = url;
		this.#pool = pool;
		this.#options = options;
		this.#outgoing = new Coalescer(
			(code, version, audience) => this.#send(code, version, audience),
			{
				log: options.log
			}
		);
	}

	/** Listens; resolves once listening (throws when the server cannot be reached at all). */
	async start(): Promise<void> {
		const client = new pg.Client({ connectionString: this.#url });
		const lost = (error?: Error) => {
			if (this.#client !== client) return;
			this.#client = undefined;
			client.end().catch(() => {});
			if (this.#closed) return;
			this.#options.log('Classroom: the notification connection was lost; reconnecting.', error);
			this.#reconnect();
		};
		client.on('error', lost);
		client.on('end', () => lost());
		client.on('notification', ({ payload }) => {
			const message = parse(payload);
			if (message && message.i !== this.#options.instance) {
				this.#options.heard(message.c, message.v, message.a);
			}
		});
		await client.connect();
		await client.query(`LISTEN ${CHANNEL}`);
		this.#client = client;
	}

	#reconnect(): void {
		const retry = setTimeout(() => {
			this.start().then(
				() => this.#options.resync(),
				() => this.#reconnect()
			);
		}, this.#options.reconnectMs ?? 1000);
		retry.unref();
	}

	/** Tells the other instances of a change committed at `version` (gathered, see above). */
	announce(code: string, version: number, audience: Audience): void {
		this.#outgoing.push(code, version, audience);
	}

	forget(code: string): void {
		this.#outgoing.forget(code);
	}

	async #send(code: string, version: number, audience: Audience): Promise<void> {
		const message: Message = { i: this.#options.instance, c: code, v: version, a: audience };
		await this.#pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
	}

	async close(): Promise<void> {
		this.#closed = true;
		const client = this.#client;
		this.#client = undefined;
		await client?.end();
	}
}
