/**
 * The contract every classroom store keeps, run against each: SQLite (always) and PostgreSQL
 * (on the server in RIPASSO_TEST_DATABASE_URL: `scripts/test-postgres.sh` starts a throwaway
 * one; CI always does, so there the PostgreSQL run is never skipped).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAssignment } from '$lib/classroom/assignment';
import * as game from '$lib/classroom/game';
import type { GameState, LiveGame } from '$lib/classroom/game';
import { openSqliteStore } from '$lib/server/classroom/db';
import { ClassroomEngine } from '$lib/server/classroom/engine';
import { openPgStore } from '$lib/server/classroom/pg-store';
import { StorageError, type ClassroomStore, type NewGame } from '$lib/server/classroom/store';
import { must, T0, testCard } from '../helpers/classroom';

const pgUrl = process.env.RIPASSO_TEST_DATABASE_URL;
if (!pgUrl && process.env.CI) {
	throw new Error('CI runs the PostgreSQL store contract: set RIPASSO_TEST_DATABASE_URL.');
}
if (!pgUrl) {
	console.warn(
		'classroom store contract: PostgreSQL skipped (no RIPASSO_TEST_DATABASE_URL); ' +
			'run it with scripts/test-postgres.sh npx vitest run tests/unit/classroom-store.contract.test.ts'
	);
}

const card = testCard('a', { answer: 'Torino', options: ['Roma', 'Torino'] });
const cardIds = ['a', 'b', 'c'];
const DAY = 86_400_000;
const settings = {
	questions: 3,
	secondsPerQuestion: 20,
	speedBonus: true,
	classic: false,
	seed: 7
};

const newGame = (state: GameState, over: Partial<NewGame> = {}): NewGame => ({
	state,
	hostSecretHash: 'host-a',
	article: 'unita',
	expiresAt: T0 + DAY,
	...over
});

/** A live game with `players` joined, on its first question. */
function playing(code: string, players = ['Anna', 'Bruno']): LiveGame {
	let state = must(game.createGame(code, cardIds, settings, T0));
	for (const [i, nickname] of players.entries()) {
		state = must(game.join(state, { playerId: `p${i}`, nickname }, T0 + i));
	}
	return must(game.start(state, T0 + 1000));
}

interface Engine {
	name: string;
	open(): Promise<ClassroomStore>;
	/** Empties the tables between tests. */
	reset(): Promise<void>;
	done(): Promise<void>;
}

const sqlite: Engine = {
	name: 'SQLite',
	open: async () => openSqliteStore(':memory:'),
	reset: async () => {},
	done: async () => {}
};

/** A database of its own on the test server, dropped at the end. */
function postgres(url: string): Engine {
	const name = `ripasso_contract_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client(url);
	const target = new URL(url);
	target.pathname = `/${name}`;
	let shared: pg.Client | undefined;
	return {
		name: 'PostgreSQL',
		async open() {
			if (!shared) {
				await admin.connect();
				await admin.query(`CREATE DATABASE ${name}`);
				shared = new pg.Client(target.toString());
				await shared.connect();
			}
			return openPgStore(target.toString(), { max: 4 });
		},
		async reset() {
			await shared?.query(
				'DROP TABLE IF EXISTS game_leases, answers, players, games, ripasso_schema'
			);
		},
		async done() {
			await shared?.end();
			if (shared) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
			await admin.end();
		}
	};
}

const engines = [sqlite, ...(pgUrl ? [postgres(pgUrl)] : [])];

describe.each(engines)('the classroom store on $name', (engine) => {
	let store: ClassroomStore;
	beforeAll(async () => {
		store = await engine.open();
		await store.close();
	});
	beforeEach(async () => {
		await engine.reset();
		store = await engine.open();
		return () => store.close().catch(() => {});
	});
	afterAll(() => engine.done());

	it('gives a game back as it was stored: players, answers, scores, question and clock', async () => {
		let live = playing('123456');
		await store.createGame(
			newGame(must(game.createGame('123456', cardIds, settings, T0)), {
				choice: { tracks: ['facts'], kinds: ['multiple-choice'] }
			})
		);
		for (const player of live.players) await store.savePlayer('123456', player);
		const first = await store.advance('123456', 0, live);
		expect(first).toBe(1);
		const answered = game.answer(
			live,
			{ playerId: 'p0', questionIndex: 0, given: 'Torino' },
			card,
			T0 + 4000
		);
		if (!answered.ok) throw new Error(answered.error);
		live = answered.state;
		expect(await store.addAnswer('123456', answered.playerAnswer)).toBe(true);

		const stored = await store.loadGame('123456');
		expect(stored).toMatchObject({
			hostSecretHash: 'host-a',
			article: 'unita',
			expiresAt: T0 + DAY,
			choice: { tracks: ['facts'], kinds: ['multiple-choice'] },
			version: 1
		});
		expect(stored!.state).toEqual(live);
		expect(await store.loadGame('999999')).toBeUndefined();

		const assignment = must(
			createAssignment('654321', cardIds, { questions: 2, closesAt: T0 + 3_600_000, seed: 3 }, T0)
		);
		await store.createGame(newGame(assignment));
		expect((await store.loadGame('654321'))!.state).toEqual(assignment);
	});

	it('keeps the first answer to a question, even when two race for it, and its score with it', async () => {
		const live = playing('222222');
		await store.createGame(newGame(live));
		for (const player of live.players) await store.savePlayer('222222', player);
		const answer = {
			playerId: 'p0',
			questionIndex: 0,
			given: 'Torino',
			at: T0 + 2000,
			elapsedMs: 1000,
			correct: true,
			points: 975
		};
		const scored = { ...live.players[0], score: 975, streak: 1 };
		const raced = await Promise.all([
			store.addAnswer('222222', answer, scored),
			store.addAnswer(
				'222222',
				{ ...answer, given: 'Roma', correct: false, points: 0 },
				{
					...scored,
					score: 0,
					streak: 0
				}
			)
		]);
		expect(raced.filter(Boolean)).toHaveLength(1);
		const stored = (await store.loadGame('222222'))!.state;
		expect(stored.answers).toHaveLength(1);
		// The player's score is the one that came with the answer that was kept.
		const kept = stored.answers[0];
		expect(stored.players[0].score).toBe(kept.points);
		expect(await store.addAnswer('222222', answer, scored)).toBe(false);
	});

	it('stores every answer of a class answering at once', async () => {
		const nicknames = Array.from({ length: 60 }, (_, i) => `S${i}`);
		const live = playing('333333', nicknames);
		await store.createGame(newGame(live));
		await Promise.all(live.players.map((player) => store.savePlayer('333333', player)));
		const added = await Promise.all(
			live.players.map((player, i) =>
				store.addAnswer('333333', {
					playerId: player.id,
					questionIndex: 0,
					given: 'Torino',
					at: T0 + 2000 + i,
					elapsedMs: 1000 + i,
					correct: true,
					points: 900
				})
			)
		);
		expect(added.every(Boolean)).toBe(true);
		const stored = (await store.loadGame('333333'))!.state;
		expect(stored.players.map((p) => p.nickname)).toEqual(nicknames);
		expect(stored.answers).toHaveLength(60);
	});

	it('moves a game on only from the version it was computed from', async () => {
		const lobby = must(game.createGame('444444', cardIds, settings, T0));
		await store.createGame(newGame(lobby));
		const joined = must(game.join(lobby, { playerId: 'p0', nickname: 'Anna' }, T0));
		await store.savePlayer('444444', joined.players[0]);
		const started = must(game.start(joined, T0 + 1000));
		const finished = must(
			game.finish({ ...started, players: [{ ...started.players[0], score: 500 }] })
		);

		// Two writers read version 0 (a host's click, a deadline on another instance): one wins.
		const results = await Promise.all([
			store.advance('444444', 0, started),
			store.advance('444444', 0, finished, { players: true })
		]);
		expect(results.filter((v) => v === 1)).toHaveLength(1);
		expect(results.filter((v) => v === undefined)).toHaveLength(1);
		const stored = (await store.loadGame('444444'))!;
		expect(stored.version).toBe(1);
		const winner = results[0] === 1 ? started : finished;
		expect(stored.state.phase).toBe(winner.phase);
		// The loser wrote nothing, not even its scores.
		expect(stored.state.players[0].score).toBe(winner === finished ? 500 : 0);

		expect(await store.advance('444444', 0, started)).toBeUndefined();
		expect(await store.advance('444444', 1, finished, { players: true })).toBe(2);
		expect((await store.loadGame('444444'))!.state).toMatchObject({ phase: 'finished' });
		expect(await store.advance('000000', 0, finished)).toBeUndefined();
	});

	it("lists a host's games newest first with their players, and counts the open ones", async () => {
		const lobby = (code: string, at: number) => must(game.createGame(code, cardIds, settings, at));
		await store.createGame(newGame(lobby('111111', T0)));
		await store.createGame(newGame(lobby('222222', T0 + 2000)));
		await store.createGame(newGame(lobby('333333', T0 + 1000), { expiresAt: T0 + 1500 }));
		await store.createGame(newGame(lobby('444444', T0 + 3000), { hostSecretHash: 'host-b' }));
		const anna = must(game.join(lobby('111111', T0), { playerId: 'p1', nickname: 'Anna' }, T0));
		await store.savePlayer('111111', anna.players[0]);
		await store.savePlayer('111111', {
			...anna.players[0],
			id: 'p2',
			nickname: 'Bot',
			removed: true
		});

		const now = T0 + 5000;
		const listed = await store.gamesOf('host-a', now, 100);
		expect(listed.map((g) => [g.code, g.players, g.standing])).toEqual([
			['222222', 0, 'lobby'],
			['111111', 1, 'lobby']
		]);
		expect(listed[0]).toMatchObject({ article: 'unita', kind: 'live', questions: 3 });
		expect((await store.gamesOf('host-a', now, 1)).map((g) => g.code)).toEqual(['222222']);
		expect(await store.gamesOf('nobody', now, 100)).toEqual([]);

		expect(await store.openGamesOf('host-a', now)).toBe(2);
		await store.advance('222222', 0, must(game.finish(lobby('222222', T0 + 2000))));
		expect(await store.openGamesOf('host-a', now)).toBe(1);
	});

	it('says which games are taken and running, and forgets expired ones with their data', async () => {
		const running = playing('555555');
		await store.createGame(newGame(running));
		for (const player of running.players) await store.savePlayer('555555', player);
		await store.advance('555555', 0, running);
		await store.addAnswer('555555', {
			playerId: 'p0',
			questionIndex: 0,
			given: 'Torino',
			at: T0 + 2000,
			elapsedMs: 1000,
			correct: true,
			points: 975
		});
		await store.createGame(
			newGame(must(game.createGame('666666', cardIds, settings, T0 + 1)), {
				expiresAt: T0 + 2 * DAY
			})
		);

		expect(await store.activeCodes(T0)).toEqual(['555555', '666666']);
		expect(await store.runningCodes(T0)).toEqual(['555555']);
		expect(await store.activeCodes(T0 + DAY)).toEqual(['666666']);

		expect(await store.deleteExpired(T0 + DAY)).toBe(1);
		expect(await store.loadGame('555555')).toBeUndefined();
		// A new game under the code of an expired one starts empty: nothing of the old one is left.
		await store.createGame(newGame(must(game.createGame('555555', cardIds, settings, T0))));
		expect((await store.loadGame('555555'))!.state).toMatchObject({ players: [], answers: [] });
	});

	it('deletes every game of a deleted article, with its players and answers', async () => {
		const live = playing('777777');
		await store.createGame(newGame(live, { article: 'added-1' }));
		for (const player of live.players) await store.savePlayer('777777', player);
		await store.createGame(newGame(playing('888888'), { article: 'unita' }));
		expect(await store.deleteGamesOf('added-1')).toEqual(['777777']);
		expect(await store.loadGame('777777')).toBeUndefined();
		expect(await store.loadGame('888888')).toBeDefined();
		expect(await store.deleteGamesOf('added-1')).toEqual([]);
	});

	it('carries a class answering at once through the engine, every answer and score kept', async () => {
		const cards = new Map(
			cardIds.map((id) => [id, testCard(id, { answer: 'Torino', options: ['Roma', 'Torino'] })])
		);
		let now = T0;
		const open = () =>
			new ClassroomEngine(
				store,
				(id) => cards.get(id),
				() => now,
				() => () => {}
			);
		const engine = open();
		const created = await engine.create('unita', cardIds, { kind: 'live', settings }, 'host-a');
		if (!created.ok) throw new Error(created.error);
		const { code } = created;
		const students = Array.from({ length: 40 }, (_, i) => `p${i}`);
		const joined = await Promise.all(students.map((id) => engine.join(code, id, `S ${id}`)));
		expect(joined.every((result) => result.ok)).toBe(true);
		expect((await engine.start(code)).ok).toBe(true);
		now += 2000;
		// All at once, each also sent twice (a phone retrying): one answer each is kept.
		const sent = await Promise.all(
			[...students, ...students].map((id, i) =>
				engine.answer(code, id, 0, i % 2 ? 'Roma' : 'Torino')
			)
		);
		expect(sent.filter((result) => result.ok)).toHaveLength(40);
		// The last answer revealed the question; a new server reads the same game back.
		const reread = (await open().get(code))!;
		expect(reread).toMatchObject({ phase: 'reveal' });
		expect(reread.answers).toHaveLength(40);
		// By player: two joins in the same millisecond may come back in either order.
		const scores = (state: GameState) =>
			Object.fromEntries(state.players.map((p) => [p.id, p.score]));
		expect(scores(reread)).toEqual(scores((await engine.get(code))!));
		expect(reread.players.filter((p) => p.score > 0).length).toBeGreaterThan(0);
	});

	it('fails with a StorageError naming the operation once the database is gone', async () => {
		await store.close();
		await expect(store.loadGame('123456')).rejects.toThrow(StorageError);
		await expect(store.createGame(newGame(playing('999999')))).rejects.toThrow(/createGame/);
	});
});
