import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
	dataDir,
	MIGRATIONS,
	openSqliteStore,
	StorageError,
	type NewGameRow
} from '$lib/server/classroom/db';

const game = (code: string): NewGameRow => ({
	code,
	hostSecretHash: 'hash',
	article: 'mosca-pyongyang',
	mode: 'live',
	settings: JSON.stringify({ secondsPerQuestion: 20, speedBonus: true }),
	cardIds: JSON.stringify(['a', 'b', 'c']),
	phase: 'lobby',
	questionIndex: 0,
	questionStartedAt: null,
	deadline: null,
	createdAt: 1000,
	expiresAt: 10_000
});

describe('the classroom database', () => {
	it('creates its folder and keeps games, players and answers across a restart', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'nested', 'classroom.sqlite');
		const store = openSqliteStore(file);
		store.createGame(game('123456'));
		store.upsertPlayer({
			gameCode: '123456',
			id: 'p1',
			nickname: 'Giulia',
			joinedAt: 1,
			removed: false,
			score: 0,
			streak: 0
		});
		store.updateGame('123456', { phase: 'question', questionStartedAt: 2000, deadline: 22_000 });
		expect(
			store.addAnswer({
				gameCode: '123456',
				playerId: 'p1',
				questionIndex: 0,
				given: 'Kursk',
				at: 5000,
				elapsedMs: 3000,
				correct: true,
				points: 925
			})
		).toBe(true);
		const giulia = {
			gameCode: '123456',
			id: 'p1',
			nickname: 'Giulia',
			joinedAt: 1,
			removed: false,
			score: 925,
			streak: 1
		};
		store.upsertPlayer(giulia);
		store.close();

		// A restart: a new connection to the same file finds everything.
		const reopened = openSqliteStore(file);
		expect(reopened.getGame('123456')).toMatchObject({ phase: 'question', deadline: 22_000 });
		expect(reopened.players('123456')).toEqual([giulia]);
		expect(reopened.answers('123456')).toHaveLength(1);
		expect(reopened.activeGames(5000)).toEqual(['123456']);
		expect(reopened.activeGames(20_000)).toEqual([]);
		reopened.close();
	});

	it('refuses a second answer to the same question at the database level too', () => {
		const store = openSqliteStore(':memory:');
		store.createGame(game('222222'));
		const answer = {
			gameCode: '222222',
			playerId: 'p',
			questionIndex: 0,
			given: 'x',
			at: 1,
			elapsedMs: 1,
			correct: false,
			points: 0
		};
		expect(store.addAnswer(answer)).toBe(true);
		expect(store.addAnswer({ ...answer, given: 'y', correct: true, points: 1000 })).toBe(false);
		expect(store.answers('222222')).toMatchObject([{ given: 'x', points: 0 }]);
	});

	it('refuses a database from a newer version instead of damaging it', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'classroom.sqlite');
		const raw = new Database(file);
		raw.pragma('user_version = 99');
		raw.close();
		expect(() => openSqliteStore(file)).toThrow(/newer Ripasso \(schema 99\)/);
	});

	it('says at start when the file that held games is gone or empty, instead of starting silently', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'classroom.sqlite');
		const warnings: string[] = [];
		const warn = (message: string) => warnings.push(message);
		const first = openSqliteStore(file, { warn });
		first.createGame(game('123456'));
		first.close();
		expect(warnings).toEqual([]);

		rmSync(file);
		rmSync(`${file}-wal`, { force: true });
		rmSync(`${file}-shm`, { force: true });
		openSqliteStore(file, { warn }).close();
		expect(warnings[0]).toMatch(/missing, but games were stored there before/);

		writeFileSync(file, '');
		rmSync(`${file}-wal`, { force: true });
		rmSync(`${file}-shm`, { force: true });
		openSqliteStore(file, { warn }).close();
		expect(warnings[1]).toMatch(/empty file, but games were stored there before/);
	});

	it('refuses clearly to open a file that is not a database', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'classroom.sqlite');
		writeFileSync(file, 'x'.repeat(4096));
		expect(() => openSqliteStore(file, { warn: () => {} })).toThrow(/not a database/);
	});

	it('reports every failure once open as a StorageError naming the operation', () => {
		const folder = mkdtempSync(join(tmpdir(), 'ripasso-db-'));
		const faultFile = join(folder, 'fault');
		const store = openSqliteStore(join(folder, 'classroom.sqlite'), { faultFile });
		writeFileSync(faultFile, '');
		expect(() => store.createGame(game('123456'))).toThrow(StorageError);
		expect(() => store.createGame(game('123456'))).toThrow(/createGame.*readonly/i);
		rmSync(faultFile);
		store.createGame(game('123456'));
		expect(store.getGame('123456')?.code).toBe('123456');
	});

	it('puts the data folder where RIPASSO_DATA_DIR says', () => {
		expect(dataDir({ RIPASSO_DATA_DIR: '/srv/ripasso' })).toBe('/srv/ripasso');
		expect(dataDir({})).toBe(join(process.cwd(), 'data'));
	});

	it("lists a host's games newest first with their players, and never another host's", () => {
		const store = openSqliteStore(':memory:');
		const mine = (code: string, createdAt: number, expiresAt = 10_000) => ({
			...game(code),
			hostSecretHash: 'mine',
			createdAt,
			expiresAt
		});
		store.createGame(mine('111111', 1000));
		store.createGame(mine('222222', 3000));
		store.createGame(mine('333333', 2000, 2500)); // expired by 5000: its report is gone
		store.createGame({ ...game('444444'), hostSecretHash: 'theirs', createdAt: 4000 });
		const player = { gameCode: '111111', joinedAt: 1, score: 0, streak: 0 };
		store.upsertPlayer({ ...player, id: 'p1', nickname: 'Anna', removed: false });
		store.upsertPlayer({ ...player, id: 'p2', nickname: 'Bea', removed: false });
		store.upsertPlayer({ ...player, id: 'p3', nickname: 'Bot', removed: true });

		const listed = store.gamesOf('mine', 5000, 100);
		expect(listed.map((row) => [row.code, row.players])).toEqual([
			['222222', 0],
			['111111', 2]
		]);
		expect(listed[1]).toMatchObject({ article: 'mosca-pyongyang', phase: 'lobby' });
		expect(store.gamesOf('mine', 5000, 1).map((row) => row.code)).toEqual(['222222']);
		expect(store.gamesOf('theirs', 5000, 100).map((row) => row.code)).toEqual(['444444']);
		expect(store.gamesOf('nobody', 5000, 100)).toEqual([]);
	});

	it('adds the index by host to a database of the previous schema, keeping its games', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'classroom.sqlite');
		const old = new Database(file);
		for (const migration of MIGRATIONS.slice(0, 2)) old.exec(migration);
		old.pragma('user_version = 2');
		old
			.prepare(
				`INSERT INTO games (code, host_secret_hash, article, mode, settings, card_ids, phase,
				 question_index, created_at, expires_at) VALUES ('123456', 'mine', 'a', 'live', '{}',
				 '["x"]', 'finished', 0, 1000, 10000)`
			)
			.run();
		old.close();

		const store = openSqliteStore(file, { warn: () => {} });
		expect(store.gamesOf('mine', 5000, 100).map((row) => row.code)).toEqual(['123456']);
		store.close();
		const raw = new Database(file);
		expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
		const plan = raw
			.prepare(
				'EXPLAIN QUERY PLAN SELECT code FROM games WHERE host_secret_hash = ? ORDER BY created_at DESC'
			)
			.all('mine') as { detail: string }[];
		expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX games_host/);
		raw.close();
	});
});
