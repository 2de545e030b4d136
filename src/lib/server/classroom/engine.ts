/**
 * The classroom engine: live games in memory, every change written to the store before it is
 * announced, so a restarted server resumes each game where it was. Host actions need the host's
 * secret; the engine never trusts a client's clock.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Card } from '$lib/cards/types';
import * as game from '$lib/classroom/game';
import type { GameSettings, GameState, Player } from '$lib/classroom/game';
import { newGameCode } from '$lib/classroom/code';
import {
	answerAssignment,
	closeAssignment,
	createAssignment,
	isAssignment
} from '$lib/classroom/assignment';
import type { ClassroomStore } from './db';

/** Live games are kept for a day; after that their code is unknown ("expired"). */
const LIFETIME_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** How long an assignment's results are kept after its deadline. */
const RESULTS_MS = 7 * LIFETIME_MS;

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export type EngineResult<T = object> =
	({ ok: true; state: GameState } & T) | { ok: false; error: string };
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
	/** When each game in memory expires (its code then answers as unknown). */
	#expiry = new Map<string, number>();
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
		schedule: Scheduler = timers
	) {
		this.#store = store;
		this.#card = card;
		this.#now = now;
		this.#schedule = schedule;
	}

	/**
	 * Creates a game; returns its code and the host's secret (to be kept in a cookie). With
	 * `closesAt`, a self-paced assignment open until then.
	 */
	create(
		article: string,
		cardIds: string[],
		settings: GameSettings,
		closesAt?: number
	): { ok: true; code: string; hostSecret: string } | { ok: false; error: string } {
		const now = this.#now();
		const taken = new Set(this.#store.activeGames(now));
		const code = newGameCode(Math.random, taken);
		const created =
			closesAt === undefined
				? game.createGame(code, cardIds, settings, now)
				: createAssignment(code, cardIds, { questions: settings.questions, closesAt }, now);
		if (!created.ok) return created;
		const hostSecret = randomBytes(24).toString('base64url');
		const state = created.state;
		const expiresAt = closesAt === undefined ? now + LIFETIME_MS : closesAt + RESULTS_MS;
		this.#store.createGame({
			code,
			hostSecretHash: hash(hostSecret),
			article,
			mode: closesAt === undefined ? 'live' : 'assignment',
			settings: JSON.stringify(state.settings),
			cardIds: JSON.stringify(state.cardIds),
			phase: state.phase,
			questionIndex: state.questionIndex,
			questionStartedAt: state.questionStartedAt,
			deadline: state.deadline,
			createdAt: now,
			// An assignment's results stay a week after it closes.
			expiresAt
		});
		this.#games.set(code, state);
		this.#expiry.set(code, expiresAt);
		this.#armDeadline(state);
		return { ok: true, code, hostSecret };
	}

	/** The game, from memory or rebuilt from the store (after a restart); undefined if unknown or expired. */
	get(code: string): GameState | undefined {
		const cached = this.#games.get(code);
		if (cached) return (this.#expiry.get(code) ?? 0) > this.#now() ? cached : undefined;
		const row = this.#store.getGame(code);
		if (!row || row.expiresAt <= this.#now()) return undefined;
		this.#expiry.set(code, row.expiresAt);
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
		this.#armDeadline(state);
		return state;
	}

	/** When the game's code stops working (epoch ms); undefined if unknown. */
	expiresAt(code: string): number | undefined {
		return this.#expiry.get(code) ?? this.#store.getGame(code)?.expiresAt;
	}

	/** The slug of the game's article. */
	article(code: string): string | undefined {
		return this.#store.getGame(code)?.article;
	}

	/**
	 * Forgets expired games, in memory and in the store (players and answers with them). Run at
	 * start-up and then hourly by `resumeAll`; returns how many games went.
	 */
	purgeExpired(): number {
		const now = this.#now();
		for (const [code] of this.#games) {
			if ((this.#expiry.get(code) ?? 0) <= now) {
				this.#games.delete(code);
				this.#expiry.delete(code);
				this.#deadlines.get(code)?.();
				this.#deadlines.delete(code);
			}
		}
		return this.#store.deleteExpired(now);
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
		const running = this.#store
			.activeGames(this.#now())
			.filter((code) => this.#store.getGame(code)?.phase === 'question');
		for (const code of running) this.get(code);
		return running.length;
	}

	/** Whether `secret` is this game's host secret (constant-time comparison). */
	isHost(code: string, secret: string | undefined): boolean {
		const row = this.#store.getGame(code);
		if (!row || !secret) return false;
		const a = Buffer.from(row.hostSecretHash);
		const b = Buffer.from(hash(secret));
		return a.length === b.length && timingSafeEqual(a, b);
	}

	/** Joins (or rejoins, with the same id: same player, same score). */
	join(code: string, playerId: string, nickname: string): EngineResult<{ player: Player }> {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		const result = game.join(state, { playerId, nickname }, this.#now());
		if (!result.ok) return result;
		if (result.state !== state) this.#savePlayer(code, result.player);
		return this.#commit(code, result, 'hosts');
	}

	removePlayer(code: string, playerId: string): EngineResult {
		const state = this.get(code);
		if (!state) return { ok: false, error: 'unknown-code' };
		const result = game.removePlayer(state, playerId);
		if (!result.ok) return result;
		const player = result.state.players.find((p) => p.id === playerId)!;
		this.#savePlayer(code, player);
		this.#commit(code, result, only(playerId));
		// The one student everybody was waiting for may have just left.
		return game.allAnswered(result.state) ? this.reveal(code) : result;
	}

	answer(code: string, playerId: string, questionIndex: number, given: string): EngineResult {
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
		const input = { playerId, questionIndex, given };
		const result = assignment
			? answerAssignment(state, input, card, this.#now())
			: game.answer(state, input, card, this.#now());
		if (!result.ok) return result;
		// The database refuses a second answer too (two requests racing past the check above).
		if (!this.#store.addAnswer({ gameCode: code, ...result.answer })) {
			return { ok: false, error: 'already-answered' };
		}
		if (assignment) {
			const player = result.state.players.find((p) => p.id === playerId)!;
			this.#savePlayer(code, player); // the score moves at once
			return this.#commit(code, result, only(playerId));
		}
		this.#commit(code, result, 'hosts');
		// Everyone has answered: no need to wait for the clock (as in Kahoot!).
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
		const state = this.get(code);
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
		this.#store.transaction(() => {
			this.#store.updateGame(code, {
				phase: next.phase,
				questionIndex: next.questionIndex,
				questionStartedAt: next.questionStartedAt,
				deadline: next.deadline
			});
			// Scores move at the reveal: one transaction for the whole class.
			if (savePlayers) for (const player of next.players) this.#savePlayer(code, player);
		});
		return this.#commit(code, result);
	}

	#savePlayer(code: string, player: Player): void {
		this.#store.upsertPlayer({ gameCode: code, ...player });
	}

	/** Reveals the question when its time is up, by the server's clock, whoever is watching. */
	#armDeadline(state: GameState): void {
		this.#deadlines.get(state.code)?.();
		this.#deadlines.delete(state.code);
		if (state.phase !== 'question' || state.deadline === null) return;
		const { code, questionIndex } = state;
		const cancel = this.#schedule(
			() => {
				this.#deadlines.delete(code);
				const current = this.#games.get(code);
				if (current?.phase !== 'question' || current.questionIndex !== questionIndex) return;
				if (game.isDeadlinePassed(current, this.#now())) this.tick(code);
				else this.#armDeadline(current); // the wall clock moved back: wait again
			},
			Math.max(0, state.deadline - this.#now() + 1)
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
