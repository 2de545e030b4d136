/**
 * The classroom engine: live games in memory, every change written to the store before it is
 * announced, so a restarted server resumes each game where it was. Host actions need the host's
 * secret; the engine never trusts a client's clock.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Card } from '$lib/cards/types';
import * as game from '$lib/classroom/game';
import type { PlayerAnswer, GameState, LiveGame, LiveSettings, Player } from '$lib/classroom/game';
import { newGameCode } from '$lib/classroom/code';
import { gameOptions } from '$lib/classroom/presentation';
import { answerAssignment, closeAssignment, createAssignment } from '$lib/classroom/assignment';
import { StorageError, type ClassroomStore } from './db';
import { gameOf, gameRow, progressOf, type Choice } from './rows';

/** Live games are kept for a day; after that their code is unknown ("expired"). */
const LIFETIME_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** How long an assignment's results are kept after its deadline. */
const RESULTS_MS = 7 * LIFETIME_MS;

/** SHA-256 of a host secret: the store keeps only this. */
export const hostHash = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** When a reveal could not be stored, the deadline tries again this much later. */
const RETRY_MS = 2000;

/**
 * `storage`: the database refused the change (disk full, damaged, read-only); nothing of it
 * was applied, in memory or on disk, and the caller answers 503.
 */
export type EngineResult<T = object> =
	({ ok: true; state: GameState } & T) | { ok: false; error: string };

const STORAGE_FAILED = { ok: false as const, error: 'storage' };

/**
 * The game a host asks for: a live one with its settings, or a self-paced assignment open until
 * `closesAt` (epoch ms).
 */
export type GamePlan =
	| { kind: 'live'; settings: Omit<LiveSettings, 'seed'> }
	| { kind: 'assignment'; questions: number; closesAt: number };

/** What the engine keeps of each game besides its state: read once from the store. */
interface GameMeta {
	hostSecretHash: string;
	article: string;
	expiresAt: number;
}
/**
 * Who hears of a change: everyone (a new phase), the host and one phone (a removal, a self-paced
 * answer), or the host alone (a join, a live answer: the phone that sent it has its reply).
 */
export type Audience = 'everyone' | 'hosts' | { playerId: string };
type Listener = (state: GameState) => void;
/** A game's listeners: all of them, the host's screens, and each phone's by player id. */
interface Subscribers {
	all: Set<Listener>;
	hosts: Set<Listener>;
	byPlayer: Map<string, Set<Listener>>;
}
/**
 * The engine's timers: runs `work` after `ms` and returns a cancel function (a question's
 * deadline, the hourly clean-up). Not the SRS scheduler, which plans reviews.
 */
export type Timers = (work: () => void, ms: number) => () => void;

const only = (playerId: string): Audience => ({ playerId });

const realTimers: Timers = (work, ms) => {
	const timer = setTimeout(work, ms);
	timer.unref?.();
	return () => clearTimeout(timer);
};

export class ClassroomEngine {
	#store: ClassroomStore;
	#card: (id: string) => Card | undefined;
	#now: () => number;
	/** Runs work later: a question's deadline, the hourly clean-up. */
	#after: Timers;
	#games = new Map<string, GameState>();
	/** Host, article and expiry of each game in memory (its code then answers as unknown). */
	#meta = new Map<string, GameMeta>();
	/** Games whose storage failure has been logged (once each, until a write succeeds again). */
	#failing = new Set<string>();
	#log: (message: string, error?: unknown) => void;
	#subscribers = new Map<string, Subscribers>();
	/** The pending end-of-question timer of each game. */
	#deadlines = new Map<string, () => void>();

	/**
	 * @param now the server's clock (injected by tests)
	 * @param timers run the reveal when a question's time is up (injected by tests)
	 */
	constructor(
		store: ClassroomStore,
		card: (id: string) => Card | undefined,
		now = () => Date.now(),
		timers: Timers = realTimers,
		log: (message: string, error?: unknown) => void = (message, error) =>
			console.error(message, error instanceof Error ? error.message : (error ?? ''))
	) {
		this.#store = store;
		this.#card = card;
		this.#now = now;
		this.#after = timers;
		this.#log = log;
	}

	/**
	 * Runs a write for one game. A storage failure is logged once per game (not once per phone
	 * of a class that keeps trying) and reported as `false`; the caller then changes nothing.
	 */
	#stored(code: string, work: () => void): boolean {
		try {
			work();
		} catch (error) {
			if (!(error instanceof StorageError)) throw error;
			if (!this.#failing.has(code)) {
				this.#failing.add(code);
				this.#log(`Classroom game ${code}: a change could not be stored; refused.`, error);
			}
			return false;
		}
		if (this.#failing.delete(code)) this.#log(`Classroom game ${code}: storage works again.`);
		return true;
	}

	/**
	 * Creates a game for the host whose secret hashes to `hostSecretHash`; returns its code.
	 * `choice` (the tracks and kinds drawn from) is only stored, to start the quiz again later.
	 */
	create(
		article: string,
		cardIds: string[],
		plan: GamePlan,
		hostSecretHash: string,
		choice?: Choice
	): { ok: true; code: string } | { ok: false; error: string } {
		const now = this.#now();
		let taken: Set<string>;
		try {
			taken = new Set(this.#store.activeGames(now));
		} catch (error) {
			if (error instanceof StorageError) return STORAGE_FAILED;
			throw error;
		}
		const code = newGameCode(Math.random, taken);
		const seed = randomInt(2 ** 31);
		const created =
			plan.kind === 'live'
				? game.createGame(
						code,
						cardIds,
						{ ...plan.settings, classic: plan.settings.classic === true, seed },
						now
					)
				: createAssignment(code, cardIds, { ...plan, seed }, now);
		if (!created.ok) return created;
		const state = created.state;
		// An assignment's results stay a week after it closes.
		const expiresAt = plan.kind === 'live' ? now + LIFETIME_MS : plan.closesAt + RESULTS_MS;
		const row = gameRow(state, { hostSecretHash, article, expiresAt, choice });
		if (!this.#stored(code, () => this.#store.createGame(row))) return STORAGE_FAILED;
		this.#games.set(code, state);
		this.#meta.set(code, { hostSecretHash, article, expiresAt });
		this.#armDeadline(state);
		return { ok: true, code };
	}

	/** How many games of this host are still open (for the cap per host). */
	openGamesOf(hostSecretHash: string): number {
		return this.#store.openGamesOf(hostSecretHash, this.#now());
	}

	/**
	 * The game, from memory or rebuilt from the store (after a restart); undefined if unknown or
	 * expired. A database that cannot be read throws `StorageError` (the caller answers 503).
	 */
	get(code: string): GameState | undefined {
		const cached = this.#games.get(code);
		if (cached) return (this.#meta.get(code)?.expiresAt ?? 0) > this.#now() ? cached : undefined;
		const row = this.#store.getGame(code);
		if (!row || row.expiresAt <= this.#now()) return undefined;
		const meta = {
			hostSecretHash: row.hostSecretHash,
			article: row.article,
			expiresAt: row.expiresAt
		};
		const state = gameOf(row, this.#store.players(code), this.#store.answers(code));
		this.#games.set(code, state);
		this.#meta.set(code, meta);
		this.#armDeadline(state);
		return state;
	}

	/** When the game's code stops working (epoch ms); undefined if unknown. */
	expiresAt(code: string): number | undefined {
		return this.get(code) && this.#meta.get(code)?.expiresAt;
	}

	/** The slug of the game's article. */
	article(code: string): string | undefined {
		return this.get(code) && this.#meta.get(code)?.article;
	}

	/**
	 * Forgets expired games, in memory and in the store (players and answers with them). Run at
	 * start-up and then hourly by `resumeAll`; returns how many games went.
	 */
	purgeExpired(): number {
		const now = this.#now();
		for (const [code] of this.#games) {
			if ((this.#meta.get(code)?.expiresAt ?? 0) <= now) {
				this.#games.delete(code);
				this.#meta.delete(code);
				this.#failing.delete(code);
				this.#deadlines.get(code)?.();
				this.#deadlines.delete(code);
			}
		}
		try {
			return this.#store.deleteExpired(now);
		} catch (error) {
			// Expired codes already answer as unknown; their rows go at the next sweep.
			if (!(error instanceof StorageError)) throw error;
			this.#log('Classroom: expired games could not be deleted; trying again in an hour.', error);
			return 0;
		}
	}

	/**
	 * Ends and forgets every game played on an article its owner deleted: screens still
	 * connected see the game end, then its code, players and answers are gone. Returns how many
	 * games went.
	 *
	 * @throws StorageError when the database refuses (nothing is forgotten then)
	 */
	forgetArticle(article: string): number {
		const codes = this.#store.deleteGamesOf(article);
		for (const code of codes) {
			const state = this.#games.get(code);
			if (state && state.phase !== 'finished') {
				const ended = state.kind === 'live' ? game.finish(state) : closeAssignment(state);
				if (ended.ok) this.#commit(code, ended);
			}
			this.#subscribers.delete(code);
			this.#games.delete(code);
			this.#meta.delete(code);
			this.#failing.delete(code);
			this.#deadlines.get(code)?.();
			this.#deadlines.delete(code);
		}
		return codes.length;
	}

	/**
	 * Loads the games that are running (a live question, an open assignment) after a restart, so
	 * their deadlines still fire; the others load when someone asks for them. Returns how many.
	 */
	resumeAll(): number {
		this.purgeExpired();
		const hourly = () => {
			this.purgeExpired();
			this.#after(hourly, HOUR_MS);
		};
		this.#after(hourly, HOUR_MS);
		try {
			const running = this.#store
				.activeGames(this.#now())
				.filter((code) => this.#store.getGame(code)?.phase === 'question');
			for (const code of running) this.get(code);
			return running.length;
		} catch (error) {
			// A damaged database must not keep the reader and study pages down: games load (or
			// fail with a 503) when someone asks for them.
			if (!(error instanceof StorageError)) throw error;
			this.#log('Classroom: running games could not be resumed at start-up.', error);
			return 0;
		}
	}

	/** Whether one of `secrets` is this game's host secret (constant-time comparison). */
	isHost(code: string, ...secrets: (string | undefined)[]): boolean {
		if (!this.get(code)) return false;
		const expected = Buffer.from(this.#meta.get(code)?.hostSecretHash ?? '');
		return secrets.some((secret) => {
			if (!secret || secret.length > 200) return false;
			const given = Buffer.from(hostHash(secret));
			return given.length === expected.length && timingSafeEqual(given, expected);
		});
	}

	/** Joins (or rejoins, with the same id: same player, same score). */
	join(code: string, playerId: string, nickname: string): EngineResult<{ player: Player }> {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		const result = game.join(state, { playerId, nickname }, this.#now());
		if (!result.ok) return result;
		if (result.state !== state && !this.#savePlayer(code, result.player)) return STORAGE_FAILED;
		return this.#commit(code, result, 'hosts');
	}

	removePlayer(code: string, playerId: string): EngineResult {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		const result = game.removePlayer(state, playerId);
		if (!result.ok) return result;
		const player = result.state.players.find((p) => p.id === playerId)!;
		if (!this.#savePlayer(code, player)) return STORAGE_FAILED;
		this.#commit(code, result, only(playerId));
		// The one student everybody was waiting for may have just left.
		if (result.state.kind === 'live' && game.allAnswered(result.state)) {
			const revealed = this.reveal(code);
			if (revealed.ok) return revealed;
		}
		return result;
	}

	/** Undoes a removal: the student is back, with their score. */
	restorePlayer(code: string, playerId: string): EngineResult {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		const result = game.restorePlayer(state, playerId);
		if (!result.ok) return result;
		const player = result.state.players.find((p) => p.id === playerId)!;
		if (!this.#savePlayer(code, player)) return STORAGE_FAILED;
		return this.#commit(code, result, only(playerId));
	}

	/**
	 * A student's answer: typed text, an option's text, or (from a classic-mode phone, which
	 * shows letters only) the place of an option in this game's order.
	 */
	answer(
		code: string,
		playerId: string,
		questionIndex: number,
		sent: string | { choice: number }
	): EngineResult {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		// Live: the class's current question. Self-paced: the one the student says they are on
		// (checked against their progress by `answerAssignment`).
		const index = state.kind === 'live' ? state.questionIndex : questionIndex;
		const card =
			state.phase === 'question' && Number.isInteger(index) && index >= 0
				? this.#card(state.cardIds[index] ?? '')
				: undefined;
		if (!card) {
			return {
				ok: false,
				error: state.phase === 'question' ? 'wrong-question' : 'not-a-question-phase'
			};
		}
		const given = typeof sent === 'string' ? sent : gameOptions(state, index, card)[sent.choice];
		// A place that does not exist is no answer at all.
		if (given === undefined) return { ok: false, error: 'invalid-answer' };
		const input = { playerId, questionIndex, given };
		if (state.kind === 'assignment') {
			const result = answerAssignment(state, input, card, this.#now());
			if (!result.ok) return result;
			// Self-paced: the score moves at once, in the same transaction as the answer.
			const player = result.state.players.find((p) => p.id === playerId)!;
			const refused = this.#storeAnswer(code, result.playerAnswer, player);
			return refused ?? this.#commit(code, result, only(playerId));
		}
		const result = game.answer(state, input, card, this.#now());
		if (!result.ok) return result;
		const refused = this.#storeAnswer(code, result.playerAnswer);
		if (refused) return refused;
		this.#commit(code, result, 'hosts');
		// Everyone has answered: no need to wait for the clock (as in Kahoot!). Should the reveal
		// not be stored, the answer still is, and the deadline reveals later.
		if (game.allAnswered(result.state)) this.reveal(code);
		return result;
	}

	/**
	 * Stores an answer and, with `player`, their new score in the same transaction; returns why
	 * not, or undefined once stored.
	 */
	#storeAnswer(code: string, answer: PlayerAnswer, player?: Player): EngineResult | undefined {
		let added = false;
		const stored = this.#stored(code, () =>
			this.#store.transaction(() => {
				// The database refuses a second answer too (two requests racing past the checks).
				added = this.#store.addAnswer({ gameCode: code, ...answer });
				if (added && player) this.#store.upsertPlayer({ gameCode: code, ...player });
			})
		);
		if (!stored) return STORAGE_FAILED;
		if (!added) return { ok: false, error: 'already-answered' };
		return undefined;
	}

	start(code: string): EngineResult {
		return this.#live(code, (state) => game.start(state, this.#now()));
	}

	reveal(code: string): EngineResult {
		return this.#live(code, game.reveal, true);
	}

	showLeaderboard(code: string): EngineResult {
		return this.#live(code, game.showLeaderboard);
	}

	next(code: string): EngineResult {
		return this.#live(code, (state) => game.next(state, this.#now()));
	}

	/** Ends a live game (revealing a running question), or closes an assignment early. */
	finish(code: string): EngineResult {
		return this.#phase(
			code,
			(state) => (state.kind === 'live' ? game.finish(state) : closeAssignment(state)),
			true
		);
	}

	/** Reveals every question whose time is up (called on a timer and before serving a view). */
	tick(code: string): void {
		let state: GameState | undefined;
		try {
			state = this.get(code);
		} catch (error) {
			if (error instanceof StorageError) return;
			throw error;
		}
		if (!state) return;
		if (state.kind === 'assignment') {
			if (game.isDeadlinePassed(state, this.#now())) this.finish(code);
		} else if (game.shouldReveal(state, this.#now())) this.reveal(code);
	}

	/**
	 * Calls `listener` after every change that concerns `playerId`'s phone (phase changes, their
	 * removal, their self-paced answers), or after every change when `playerId` is undefined (the
	 * host). Another student's answer changes nothing on a phone, so a class of 1,000 does not
	 * cost a million messages per question. Returns the unsubscribe function.
	 */
	subscribe(code: string, listener: Listener, playerId?: string): () => void {
		let subscribers = this.#subscribers.get(code);
		if (!subscribers) {
			subscribers = { all: new Set(), hosts: new Set(), byPlayer: new Map() };
			this.#subscribers.set(code, subscribers);
		}
		const { all, hosts, byPlayer } = subscribers;
		// Wrapped, so the same function subscribed twice (two tabs) counts twice.
		const entry: Listener = (state) => listener(state);
		const own = playerId === undefined ? hosts : (byPlayer.get(playerId) ?? new Set());
		if (playerId !== undefined) byPlayer.set(playerId, own);
		all.add(entry);
		own.add(entry);
		return () => {
			all.delete(entry);
			own.delete(entry);
			if (playerId !== undefined && own.size === 0) byPlayer.delete(playerId);
			if (all.size === 0 && this.#subscribers.get(code) === subscribers)
				this.#subscribers.delete(code);
		};
	}

	/** A step of a live game; an assignment has none of them (`wrong-phase`). */
	#live(
		code: string,
		transition: (state: LiveGame) => game.Outcome<string>,
		savePlayers = false
	): EngineResult {
		return this.#phase(
			code,
			(state) => (state.kind === 'live' ? transition(state) : { ok: false, error: 'wrong-phase' }),
			savePlayers
		);
	}

	#phase(
		code: string,
		transition: (state: GameState) => game.Outcome<string>,
		savePlayers = false
	): EngineResult {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		const result = transition(state);
		if (!result.ok) return result;
		const next = result.state;
		const stored = this.#stored(code, () =>
			this.#store.transaction(() => {
				this.#store.updateGame(code, progressOf(next));
				// A live game's scores move at the reveal: one transaction for the whole class. (An
				// assignment's were stored with each answer.)
				if (savePlayers && next.kind === 'live') {
					for (const player of next.players)
						this.#store.upsertPlayer({ gameCode: code, ...player });
				}
			})
		);
		if (!stored) return STORAGE_FAILED;
		return this.#commit(code, result);
	}

	#savePlayer(code: string, player: Player): boolean {
		return this.#stored(code, () => this.#store.upsertPlayer({ gameCode: code, ...player }));
	}

	/**
	 * Reveals the question when its time is up, by the server's clock, whoever is watching. A
	 * reveal the database refused is tried again every `RETRY_MS` until it is stored.
	 */
	#armDeadline(state: GameState, atLeastMs = 0): void {
		this.#deadlines.get(state.code)?.();
		this.#deadlines.delete(state.code);
		const due = game.dueAt(state);
		if (due === null) return;
		const { code } = state;
		const step = game.stepOf(state);
		const cancel = this.#after(
			() => {
				this.#deadlines.delete(code);
				const current = this.#games.get(code);
				if (!current || game.stepOf(current) !== step) return;
				if (!game.isDeadlinePassed(current, this.#now())) {
					this.#armDeadline(current); // the wall clock moved back: wait again
					return;
				}
				this.tick(code);
				const after = this.#games.get(code);
				if (after === current) this.#armDeadline(current, RETRY_MS);
			},
			Math.max(atLeastMs, due - this.#now() + 1)
		);
		this.#deadlines.set(code, cancel);
	}

	#commit<T extends { ok: true; state: GameState }>(
		code: string,
		result: T,
		audience: Audience = 'everyone'
	): T {
		const before = this.#games.get(code);
		this.#games.set(code, result.state);
		if (!before || game.stepOf(before) !== game.stepOf(result.state)) {
			this.#armDeadline(result.state);
		}
		const subscribers = this.#subscribers.get(code);
		if (!subscribers) return result;
		const { all, hosts, byPlayer } = subscribers;
		// An answer or a join reaches the host and one phone, without walking the whole class.
		const listeners =
			audience === 'everyone'
				? [...all]
				: audience === 'hosts'
					? [...hosts]
					: [...hosts, ...(byPlayer.get(audience.playerId) ?? [])];
		for (const listener of listeners) {
			// The change is stored: one broken stream must not undo it for the caller or the rest.
			try {
				listener(result.state);
			} catch (error) {
				console.error('Classroom listener failed', error);
			}
		}
		return result;
	}
}
