/**
 * The classroom engine: live games in memory, every change written to the store before it is
 * announced, so a restarted server resumes each game where it was. Host actions need the host's
 * secret; the engine never trusts a client's clock.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Card } from '$lib/cards/types';
import * as game from '$lib/classroom/game';
import type { GameSettings, GameState, Player } from '$lib/classroom/game';
import { newGameCode } from '$lib/classroom/code';
import { gameOptions } from '$lib/classroom/presentation';
import {
	answerAssignment,
	closeAssignment,
	createAssignment,
	isAssignment
} from '$lib/classroom/assignment';
import { StorageError, type ClassroomStore } from './db';

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
/** Runs `work` after `ms`; returns a cancel function. */
export type Scheduler = (work: () => void, ms: number) => () => void;

const only = (playerId: string): Audience => ({ playerId });

const timers: Scheduler = (work, ms) => {
	const timer = setTimeout(work, ms);
	timer.unref?.();
	return () => clearTimeout(timer);
};

export class ClassroomEngine {
	#store: ClassroomStore;
	#card: (id: string) => Card | undefined;
	#now: () => number;
	#schedule: Scheduler;
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
	 * @param schedule runs the reveal when a question's time is up (injected by tests)
	 */
	constructor(
		store: ClassroomStore,
		card: (id: string) => Card | undefined,
		now = () => Date.now(),
		schedule: Scheduler = timers,
		log: (message: string, error?: unknown) => void = (message, error) =>
			console.error(message, error instanceof Error ? error.message : (error ?? ''))
	) {
		this.#store = store;
		this.#card = card;
		this.#now = now;
		this.#schedule = schedule;
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
	 * With `closesAt`, a self-paced assignment open until then.
	 */
	create(
		article: string,
		cardIds: string[],
		settings: GameSettings,
		hostSecretHash: string,
		closesAt?: number
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
		const created =
			closesAt === undefined
				? game.createGame(code, cardIds, settings, now)
				: createAssignment(code, cardIds, { questions: settings.questions, closesAt }, now);
		if (!created.ok) return created;
		const state: GameState = {
			...created.state,
			settings: {
				...created.state.settings,
				// Classic mode needs a projector: a self-paced student has only the phone.
				classic: closesAt === undefined && settings.classic === true,
				seed: randomInt(2 ** 31)
			}
		};
		// An assignment's results stay a week after it closes.
		const expiresAt = closesAt === undefined ? now + LIFETIME_MS : closesAt + RESULTS_MS;
		const row = {
			code,
			hostSecretHash,
			article,
			mode: closesAt === undefined ? ('live' as const) : ('assignment' as const),
			settings: JSON.stringify(state.settings),
			cardIds: JSON.stringify(state.cardIds),
			phase: state.phase,
			questionIndex: state.questionIndex,
			questionStartedAt: state.questionStartedAt,
			deadline: state.deadline,
			createdAt: now,
			expiresAt
		};
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
		const state: GameState = {
			code,
			createdAt: row.createdAt,
			settings: JSON.parse(row.settings),
			cardIds: JSON.parse(row.cardIds),
			phase: row.phase as GameState['phase'],
			questionIndex: row.questionIndex,
			questionStartedAt: row.questionStartedAt,
			deadline: row.deadline,
			players: this.#store.players(code).map(({ gameCode: _code, ...player }) => player),
			answers: this.#store.answers(code).map(({ gameCode: _code, ...answer }) => answer)
		};
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
	 * Loads the games that are running (a live question, an open assignment) after a restart, so
	 * their deadlines still fire; the others load when someone asks for them. Returns how many.
	 */
	resumeAll(): number {
		this.purgeExpired();
		const hourly = () => {
			this.purgeExpired();
			this.#schedule(hourly, HOUR_MS);
		};
		this.#schedule(hourly, HOUR_MS);
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
		if (game.allAnswered(result.state)) {
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
		answer: string | { choice: number }
	): EngineResult {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		const assignment = isAssignment(state);
		// Live: the class's current question. Self-paced: the one the student says they are on
		// (checked against their progress by `answerAssignment`).
		const index = assignment ? questionIndex : state.questionIndex;
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
		const given =
			typeof answer === 'string' ? answer : gameOptions(state, index, card)[answer.choice];
		// A place that does not exist is no answer at all.
		if (given === undefined) return { ok: false, error: 'invalid-answer' };
		const input = { playerId, questionIndex, given };
		const result = assignment
			? answerAssignment(state, input, card, this.#now())
			: game.answer(state, input, card, this.#now());
		if (!result.ok) return result;
		let added = false;
		const stored = this.#stored(code, () =>
			this.#store.transaction(() => {
				// The database refuses a second answer too (two requests racing past the check above).
				added = this.#store.addAnswer({ gameCode: code, ...result.answer });
				// Self-paced: the score moves at once, in the same transaction as the answer.
				if (added && assignment) {
					const player = result.state.players.find((p) => p.id === playerId)!;
					this.#store.upsertPlayer({ gameCode: code, ...player });
				}
			})
		);
		if (!stored) return STORAGE_FAILED;
		if (!added) return { ok: false, error: 'already-answered' };
		if (assignment) return this.#commit(code, result, only(playerId));
		this.#commit(code, result, 'hosts');
		// Everyone has answered: no need to wait for the clock (as in Kahoot!). Should the reveal
		// not be stored, the answer still is, and the deadline reveals later.
		if (game.allAnswered(result.state)) this.reveal(code);
		return result;
	}

	start(code: string): EngineResult {
		return this.#phase(code, (state) => game.start(state, this.#now()));
	}

	reveal(code: string): EngineResult {
		return this.#phase(code, game.reveal, true);
	}

	showLeaderboard(code: string): EngineResult {
		return this.#phase(code, game.showLeaderboard);
	}

	next(code: string): EngineResult {
		return this.#phase(code, (state) => game.next(state, this.#now()));
	}

	finish(code: string): EngineResult {
		const state = this.get(code);
		if (state && isAssignment(state)) return this.#phase(code, closeAssignment);
		return this.#phase(code, game.finish, true);
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
		if (isAssignment(state)) {
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
		let game = this.#subscribers.get(code);
		if (!game) {
			game = { all: new Set(), hosts: new Set(), byPlayer: new Map() };
			this.#subscribers.set(code, game);
		}
		const { all, hosts, byPlayer } = game;
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
			if (all.size === 0 && this.#subscribers.get(code) === game) this.#subscribers.delete(code);
		};
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
				this.#store.updateGame(code, {
					phase: next.phase,
					questionIndex: next.questionIndex,
					questionStartedAt: next.questionStartedAt,
					deadline: next.deadline
				});
				// Scores move at the reveal: one transaction for the whole class.
				if (savePlayers) {
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
		if (state.phase !== 'question' || state.deadline === null) return;
		const { code, questionIndex } = state;
		const cancel = this.#schedule(
			() => {
				this.#deadlines.delete(code);
				const current = this.#games.get(code);
				if (current?.phase !== 'question' || current.questionIndex !== questionIndex) return;
				if (!game.isDeadlinePassed(current, this.#now())) {
					this.#armDeadline(current); // the wall clock moved back: wait again
					return;
				}
				this.tick(code);
				const after = this.#games.get(code);
				if (after === current) this.#armDeadline(current, RETRY_MS);
			},
			Math.max(atLeastMs, state.deadline - this.#now() + 1)
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
		if (
			before?.phase !== result.state.phase ||
			before.questionIndex !== result.state.questionIndex
		) {
			this.#armDeadline(result.state);
		}
		const game = this.#subscribers.get(code);
		if (!game) return result;
		// An answer or a join reaches the host and one phone, without walking the whole class.
		const listeners =
			audience === 'everyone'
				? [...game.all]
				: audience === 'hosts'
					? [...game.hosts]
					: [...game.hosts, ...(game.byPlayer.get(audience.playerId) ?? [])];
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
