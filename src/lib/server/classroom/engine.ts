/**
 * The classroom engine: live games in memory, every change written to the store before it is
 * announced, so a restarted server resumes each game where it was. Host actions need the host's
 * secret; the engine never trusts a client's clock.
 *
 * The store is async, so the changes of one game are taken one at a time (`#serial`): two
 * answers arriving together must not both start from the state before the other. A step of the
 * game (start, reveal, next…) is written onto the version of the game's row it was computed
 * from; should another writer have moved the row on, the game is reloaded and the step tried
 * again on what is stored.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Card } from '$lib/cards/types';
import * as game from '$lib/classroom/game';
import type { PlayerAnswer, GameState, LiveGame, LiveSettings, Player } from '$lib/classroom/game';
import { newGameCode } from '$lib/classroom/code';
import { gameOptions } from '$lib/classroom/presentation';
import { answerAssignment, closeAssignment, createAssignment } from '$lib/classroom/assignment';
import type { Cluster } from './cluster';
import { EventHub, type Audience, type Listener } from './hub';
import type { Choice } from './rows';
import { StorageError, type ClassroomStore, type GameMeta } from './store';

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

/**
 * The engine's timers: runs `work` after `ms` and returns a cancel function (a question's
 * deadline, the hourly clean-up). Not the SRS scheduler, which plans reviews.
 */
export type Timers = (work: () => unknown, ms: number) => () => void;

const only = (playerId: string): Audience => ({ playerId });

/** A live game's step, refused for an assignment. */
const liveOnly =
	(transition: (state: LiveGame) => game.Outcome<string>) =>
	(state: GameState): game.Outcome<string> =>
		state.kind === 'live' ? transition(state) : { ok: false, error: 'wrong-phase' };

const finishing = (state: GameState): game.Outcome<string> =>
	state.kind === 'live' ? game.finish(state) : closeAssignment(state);

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
	/** The version of each game's row that its state in memory was read or written as. */
	#versions = new Map<string, number>();
	/** The tail of each game's queue of changes (see `#serial`). */
	#queues = new Map<string, Promise<unknown>>();
	/** Games being read from the store: concurrent requests share the one read. */
	#loading = new Map<string, Promise<GameState | undefined>>();
	/** Games whose storage failure has been logged (once each, until a write succeeds again). */
	#failing = new Set<string>();
	#log: (message: string, error?: unknown) => void;
	#hub = new EventHub();
	/** The pending end-of-question timer of each game. */
	#deadlines = new Map<string, () => void>();
	/** The other instances on the same PostgreSQL (none with SQLite: one instance). */
	#cluster: Cluster | undefined;

	/**
	 * @param now the server's clock (injected by tests)
	 * @param timers run the reveal when a question's time is up (injected by tests)
	 * @param cluster the other instances sharing the store: changes are announced to them, and a
	 *   deadline is armed only by the instance that owns it
	 */
	constructor(
		store: ClassroomStore,
		card: (id: string) => Card | undefined,
		now = () => Date.now(),
		timers: Timers = realTimers,
		log: (message: string, error?: unknown) => void = (message, error) =>
			console.error(message, error instanceof Error ? error.message : (error ?? '')),
		cluster?: Cluster
	) {
		this.#store = store;
		this.#card = card;
		this.#now = now;
		this.#after = timers;
		this.#log = log;
		this.#cluster = cluster;
	}

	/**
	 * Runs a write for one game. A storage failure is logged once per game (not once per phone
	 * of a class that keeps trying) and reported as `false`; the caller then changes nothing.
	 */
	async #stored(code: string, work: () => Promise<unknown>): Promise<boolean> {
		try {
			await work();
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
	 * Runs the changes of one game one after another, in the order they came; each sees the
	 * state the previous one left. Different games do not wait for each other.
	 */
	#serial<T>(code: string, work: () => Promise<T>): Promise<T> {
		const run = (this.#queues.get(code) ?? Promise.resolve()).then(work);
		const tail = run.then(
			() => {},
			() => {}
		);
		this.#queues.set(code, tail);
		void tail.then(() => {
			if (this.#queues.get(code) === tail) this.#queues.delete(code);
		});
		return run;
	}

	/** Drops what memory holds of a game (it expired, was deleted, or changed elsewhere). */
	#forget(code: string): void {
		this.#games.delete(code);
		this.#meta.delete(code);
		this.#versions.delete(code);
		this.#failing.delete(code);
		this.#deadlines.get(code)?.();
		this.#deadlines.delete(code);
	}

	/**
	 * Creates a game for the host whose secret hashes to `hostSecretHash`; returns its code.
	 * `choice` (the tracks and kinds drawn from) is only stored, to start the quiz again later.
	 */
	async create(
		article: string,
		cardIds: string[],
		plan: GamePlan,
		hostSecretHash: string,
		choice?: Choice
	): Promise<{ ok: true; code: string } | { ok: false; error: string }> {
		const now = this.#now();
		let taken: Set<string>;
		try {
			taken = new Set(await this.#store.activeCodes(now));
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
		const meta = { hostSecretHash, article, expiresAt };
		const stored = await this.#stored(code, () =>
			this.#store.createGame({ state, choice, ...meta })
		);
		if (!stored) return STORAGE_FAILED;
		this.#games.set(code, state);
		this.#meta.set(code, meta);
		this.#versions.set(code, 0);
		this.#armDeadline(state);
		return { ok: true, code };
	}

	/** How many games of this host are still open (for the cap per host). */
	openGamesOf(hostSecretHash: string): Promise<number> {
		return this.#store.openGamesOf(hostSecretHash, this.#now());
	}

	/**
	 * The game, from memory or rebuilt from the store (after a restart); undefined if unknown or
	 * expired. A database that cannot be read throws `StorageError` (the caller answers 503).
	 */
	async get(code: string): Promise<GameState | undefined> {
		const cached = this.#games.get(code);
		if (cached) return (this.#meta.get(code)?.expiresAt ?? 0) > this.#now() ? cached : undefined;
		let loading = this.#loading.get(code);
		if (!loading) {
			loading = this.#load(code).finally(() => this.#loading.delete(code));
			this.#loading.set(code, loading);
		}
		return loading;
	}

	async #load(code: string): Promise<GameState | undefined> {
		const stored = await this.#store.loadGame(code);
		if (!stored || stored.expiresAt <= this.#now()) return undefined;
		// A change made while the game was being read is newer: keep it.
		const cached = this.#games.get(code);
		if (cached) return cached;
		const { state, version, hostSecretHash, article, expiresAt } = stored;
		this.#games.set(code, state);
		this.#meta.set(code, { hostSecretHash, article, expiresAt });
		this.#versions.set(code, version);
		this.#armDeadline(state);
		return state;
	}

	/** The game as memory holds it now, without reading the store (an event stream's start). */
	cached(code: string): GameState | undefined {
		return this.#games.get(code);
	}

	/** When the game's code stops working (epoch ms); undefined if unknown. */
	async expiresAt(code: string): Promise<number | undefined> {
		return (await this.get(code)) && this.#meta.get(code)?.expiresAt;
	}

	/** The slug of the game's article. */
	async article(code: string): Promise<string | undefined> {
		return (await this.get(code)) && this.#meta.get(code)?.article;
	}

	/** This host's games as their list shows them, newest first (see `ClassroomStore.gamesOf`). */
	gamesOf(hostSecretHash: string, limit: number) {
		return this.#store.gamesOf(hostSecretHash, this.#now(), limit);
	}

	/** The game as stored, with what it was drawn from (to start it again). */
	stored(code: string) {
		return this.#store.loadGame(code);
	}

	/**
	 * Forgets expired games, in memory and in the store (players and answers with them). Run at
	 * start-up and then hourly by `resumeAll`; returns how many games went.
	 */
	async purgeExpired(): Promise<number> {
		const now = this.#now();
		for (const [code] of this.#games) {
			if ((this.#meta.get(code)?.expiresAt ?? 0) <= now) this.#forget(code);
		}
		try {
			return await this.#store.deleteExpired(now);
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
	async forgetArticle(article: string): Promise<number> {
		const codes = await this.#store.deleteGamesOf(article);
		for (const code of codes) {
			await this.#serial(code, async () => {
				const state = this.#games.get(code);
				if (state && state.phase !== 'finished') {
					const ended = state.kind === 'live' ? game.finish(state) : closeAssignment(state);
					if (ended.ok) this.#commit(code, ended);
				}
				this.#hub.drop(code);
				this.#forget(code);
				this.#cluster?.forget(code);
			});
		}
		return codes.length;
	}

	/**
	 * Loads the games that are running (a live question, an open assignment) after a restart, so
	 * their deadlines still fire; the others load when someone asks for them. Returns how many.
	 */
	async resumeAll(): Promise<number> {
		await this.purgeExpired();
		const hourly = async () => {
			this.#after(hourly, HOUR_MS);
			await this.purgeExpired();
		};
		this.#after(hourly, HOUR_MS);
		try {
			const running = await this.#store.runningCodes(this.#now());
			for (const code of running) await this.get(code);
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
	async isHost(code: string, ...secrets: (string | undefined)[]): Promise<boolean> {
		if (!(await this.get(code))) return false;
		const expected = Buffer.from(this.#meta.get(code)?.hostSecretHash ?? '');
		return secrets.some((secret) => {
			if (!secret || secret.length > 200) return false;
			const given = Buffer.from(hostHash(secret));
			return given.length === expected.length && timingSafeEqual(given, expected);
		});
	}

	/** Joins (or rejoins, with the same id: same player, same score). */
	join(
		code: string,
		playerId: string,
		nickname: string
	): Promise<EngineResult<{ player: Player }>> {
		return this.#serial(code, async () => {
			const state = await this.get(code);
			if (!state) return { ok: false, error: 'unknown-code' };
			const result = game.join(state, { playerId, nickname }, this.#now());
			if (!result.ok) return result;
			if (result.state !== state && !(await this.#savePlayer(code, result.player))) {
				return STORAGE_FAILED;
			}
			return this.#commit(code, result, 'hosts');
		});
	}

	removePlayer(code: string, playerId: string): Promise<EngineResult> {
		return this.#serial(code, async () => {
			const state = await this.get(code);
			if (!state) return { ok: false, error: 'unknown-code' };
			const result = game.removePlayer(state, playerId);
			if (!result.ok) return result;
			const player = result.state.players.find((p) => p.id === playerId)!;
			if (!(await this.#savePlayer(code, player))) return STORAGE_FAILED;
			this.#commit(code, result, only(playerId));
			// The one student everybody was waiting for may have just left.
			if (result.state.kind === 'live' && game.allAnswered(result.state)) {
				const revealed = await this.#step(code, liveOnly(game.reveal), true);
				if (revealed.ok) return revealed;
			}
			return result;
		});
	}

	/** Undoes a removal: the student is back, with their score. */
	restorePlayer(code: string, playerId: string): Promise<EngineResult> {
		return this.#serial(code, async () => {
			const state = await this.get(code);
			if (!state) return { ok: false, error: 'unknown-code' };
			const result = game.restorePlayer(state, playerId);
			if (!result.ok) return result;
			const player = result.state.players.find((p) => p.id === playerId)!;
			if (!(await this.#savePlayer(code, player))) return STORAGE_FAILED;
			return this.#commit(code, result, only(playerId));
		});
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
	): Promise<EngineResult> {
		return this.#serial(code, () => this.#answer(code, playerId, questionIndex, sent));
	}

	async #answer(
		code: string,
		playerId: string,
		questionIndex: number,
		sent: string | { choice: number }
	): Promise<EngineResult> {
		const state = await this.get(code);
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
			const refused = await this.#storeAnswer(code, result.playerAnswer, player);
			return refused ?? this.#commit(code, result, only(playerId));
		}
		const result = game.answer(state, input, card, this.#now());
		if (!result.ok) return result;
		const refused = await this.#storeAnswer(code, result.playerAnswer);
		if (refused) return refused;
		this.#commit(code, result, 'hosts');
		// Everyone has answered: no need to wait for the clock (as in Kahoot!). Should the reveal
		// not be stored, the answer still is, and the deadline reveals later.
		if (game.allAnswered(result.state)) await this.#step(code, liveOnly(game.reveal), true);
		return result;
	}

	/**
	 * Stores an answer and, with `player`, their new score in the same transaction; returns why
	 * not, or undefined once stored.
	 */
	async #storeAnswer(
		code: string,
		answer: PlayerAnswer,
		player?: Player
	): Promise<EngineResult | undefined> {
		let added = false as boolean | 'closed';
		// The database refuses a second answer too (two instances racing past the checks), and
		// one to a question another instance has just closed.
		const stored = await this.#stored(code, async () => {
			added = await this.#store.addAnswer(code, answer, player);
		});
		if (!stored) return STORAGE_FAILED;
		if (added === 'closed') return { ok: false, error: 'not-a-question-phase' };
		if (!added) return { ok: false, error: 'already-answered' };
		return undefined;
	}

	start(code: string): Promise<EngineResult> {
		return this.#live(code, (state) => game.start(state, this.#now()));
	}

	reveal(code: string): Promise<EngineResult> {
		return this.#live(code, game.reveal, true);
	}

	showLeaderboard(code: string): Promise<EngineResult> {
		return this.#live(code, game.showLeaderboard);
	}

	next(code: string): Promise<EngineResult> {
		return this.#live(code, (state) => game.next(state, this.#now()));
	}

	/** Ends a live game (revealing a running question), or closes an assignment early. */
	finish(code: string): Promise<EngineResult> {
		return this.#serial(code, () => this.#step(code, finishing, true));
	}

	/** Reveals every question whose time is up (called on a timer and before serving a view). */
	tick(code: string): Promise<void> {
		return this.#serial(code, () => this.#tick(code));
	}

	async #tick(code: string): Promise<void> {
		let state: GameState | undefined;
		try {
			state = await this.get(code);
		} catch (error) {
			if (error instanceof StorageError) return;
			throw error;
		}
		if (!state) return;
		if (state.kind === 'assignment') {
			if (game.isDeadlinePassed(state, this.#now())) await this.#step(code, finishing, true);
		} else if (game.shouldReveal(state, this.#now())) {
			await this.#step(code, liveOnly(game.reveal), true);
		}
	}

	/** See `EventHub.subscribe`. */
	subscribe(code: string, listener: Listener, playerId?: string): () => void {
		return this.#hub.subscribe(code, listener, playerId);
	}

	/** A step of a live game; an assignment has none of them (`wrong-phase`). */
	#live(
		code: string,
		transition: (state: LiveGame) => game.Outcome<string>,
		savePlayers = false
	): Promise<EngineResult> {
		return this.#serial(code, () => this.#step(code, liveOnly(transition), savePlayers));
	}

	/**
	 * Takes a step of the game and writes it onto the version of the row it was computed from.
	 * When another writer moved the row on first, the game is read again and the step taken on
	 * what is stored (it may then be refused: the question was already revealed).
	 */
	async #step(
		code: string,
		transition: (state: GameState) => game.Outcome<string>,
		savePlayers = false
	): Promise<EngineResult> {
		for (let attempt = 0; ; attempt++) {
			const state = await this.get(code);
			if (!state) return { ok: false, error: 'unknown-code' };
			const result = transition(state);
			if (!result.ok) return result;
			const next = result.state;
			// Closing a live question: its scores count every answer, wherever it was taken.
			const closing =
				state.kind === 'live' && state.phase === 'question' && next.phase !== 'question';
			let version: number | undefined;
			const stored = await this.#stored(code, async () => {
				// A live game's scores move at the reveal: one transaction for the whole class. (An
				// assignment's were stored with each answer.)
				version = await this.#store.advance(code, this.#versions.get(code) ?? 0, next, {
					players: savePlayers && next.kind === 'live',
					answers: closing ? game.currentAnswers(state).length : undefined
				});
			});
			if (!stored) return STORAGE_FAILED;
			if (version !== undefined) {
				this.#versions.set(code, version);
				return this.#commit(code, result);
			}
			if (attempt > 0) return { ok: false, error: 'conflict' };
			this.#forget(code);
		}
	}

	#savePlayer(code: string, player: Player): Promise<boolean> {
		return this.#stored(code, () => this.#store.savePlayer(code, player));
	}

	/**
	 * Reveals the question when its time is up, by the server's clock, whoever is watching. A
	 * reveal the database refused is tried again every `RETRY_MS` until it is stored.
	 */
	#armDeadline(state: GameState, atLeastMs = 0): void {
		this.#deadlines.get(state.code)?.();
		this.#deadlines.delete(state.code);
		if (game.dueAt(state) === null) return;
		const cluster = this.#cluster;
		if (!cluster) {
			this.#setDeadline(state, atLeastMs);
			return;
		}
		// Several instances: only the one holding the game's lease arms it (see `leases.ts`).
		const { code } = state;
		const step = game.stepOf(state);
		cluster.claim(code).then(
			(owned) => {
				const current = this.#games.get(code);
				if (owned && current && game.stepOf(current) === step && !this.#deadlines.has(code)) {
					this.#setDeadline(current, atLeastMs);
				}
			},
			(error: unknown) =>
				this.#log(`Classroom game ${code}: its deadline could not be claimed.`, error)
		);
	}

	#setDeadline(state: GameState, atLeastMs: number): void {
		const due = game.dueAt(state)!;
		const { code } = state;
		const step = game.stepOf(state);
		const cancel = this.#after(
			() =>
				this.#serial(code, async () => {
					if (this.#deadlines.get(code) === cancel) this.#deadlines.delete(code);
					const current = this.#games.get(code);
					if (!current || game.stepOf(current) !== step) return;
					if (!game.isDeadlinePassed(current, this.#now())) {
						this.#armDeadline(current); // the wall clock moved back: wait again
						return;
					}
					await this.#tick(code);
					const after = this.#games.get(code);
					if (after === current) this.#armDeadline(current, RETRY_MS);
				}).catch((error: unknown) => this.#log(`Classroom game ${code}: deadline failed.`, error)),
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
		this.#hub.publish(code, result.state, audience);
		this.#cluster?.announce(code, this.#versions.get(code) ?? 0, audience);
		return result;
	}

	/**
	 * A change another instance committed (`audience` heard of it there): the game is read
	 * again from the store and `audience`'s screens here are told. Without an audience, a
	 * take-over of a game whose deadline nobody owns any more: read again and its deadline
	 * armed here. When the class has all answered, the deadline's owner reveals.
	 */
	refresh(code: string, audience?: Audience): Promise<void> {
		return this.#serial(code, async () => {
			let stored;
			try {
				stored = await this.#store.loadGame(code);
			} catch (error) {
				if (error instanceof StorageError) return;
				throw error;
			}
			if (!stored || stored.expiresAt <= this.#now()) {
				this.#forget(code);
				return;
			}
			const before = this.#games.get(code);
			if (before && stored.version < (this.#versions.get(code) ?? 0)) return;
			const { state, version, hostSecretHash, article, expiresAt } = stored;
			this.#games.set(code, state);
			this.#meta.set(code, { hostSecretHash, article, expiresAt });
			this.#versions.set(code, version);
			if (!audience || !before || game.stepOf(before) !== game.stepOf(state)) {
				this.#armDeadline(state);
			}
			if (audience) this.#hub.publish(code, state, audience);
			if (state.kind === 'live' && this.#deadlines.has(code) && game.allAnswered(state)) {
				await this.#step(code, liveOnly(game.reveal), true);
			}
		});
	}

	/** Whether this instance has the game in memory or a screen listening to it. */
	listens(code: string): boolean {
		return this.#games.has(code) || this.#hub.has(code);
	}

	/** The games screens of this instance listen to. */
	listened(): string[] {
		return this.#hub.codes();
	}
}
