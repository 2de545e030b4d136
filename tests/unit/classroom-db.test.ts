import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as classroom from '$lib/classroom/game';
import { dataDir, MIGRATIONS, openSqliteStore, StorageError } from '$lib/server/classroom/db';
import type { NewGame } from '$lib/server/classroom/store';
import { must } from '../helpers/classroom';

/** What is particular to SQLite; what every store does is in classroom-store.contract.test.ts. */
const game = (code: string): NewGame => ({
	state: must(
		classroom.createGame(
			code,
			['a', 'b', 'c'],
			{ questions: 3, secondsPerQuestion: 20, speedBonus: true, classic: false, seed: 1 },
			1000
		)
	),
	hostSecretHash: 'hash',
	article: 'mosca-pyongyang',
	expiresAt: 10_000
});

describe('the classroom database', () => {
	it('creates its folder and keeps games, players and answers across a restart', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'nested', 'classroom.sqlite');
		const store = openSqliteStore(file);
		let state = must(
			classroom.join(
				game('123456').state as classroom.LiveGame,
				{ playerId: 'p1', nickname: 'Giulia' },
				1
			)
		);
		await store.createGame({ ...game('123456'), state });
		await store.savePlayer('123456', state.players[0]);
		state = must(classroom.start(state, 2000));
		expect(await store.advance('123456', 0, state)).toBe(1);
		await store.close();

		// A restart: a new connection to the same file finds everything.
		const reopened = openSqliteStore(file);
		expect(await reopened.loadGame('123456')).toMatchObject({ state, version: 1 });
		expect(await reopened.activeCodes(5000)).toEqual(['123456']);
		await reopened.close();
	});

	it('refuses a database from a newer version instead of damaging it', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'classroom.sqlite');
		const raw = new Database(file);
		raw.pragma('user_version = 99');
		raw.close();
		expect(() => openSqliteStore(file)).toThrow(/newer Ripasso \(schema 99\)/);
	});

	it('says at start when the file that held games is gone or empty, instead of starting silently', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'classroom.sqlite');
		const warnings: string[] = [];
		const warn = (message: string) => warnings.push(message);
		const first = openSqliteStore(file, { warn });
		await first.createGame(game('123456'));
		await first.close();
		expect(warnings).toEqual([]);

		rmSync(file);
		rmSync(`${file}-wal`, { force: true });
		rmSync(`${file}-shm`, { force: true });
		await openSqliteStore(file, { warn }).close();
		expect(warnings[0]).toMatch(/missing, but games were stored there before/);

		writeFileSync(file, '');
		rmSync(`${file}-wal`, { force: true });
		rmSync(`${file}-shm`, { force: true });
		await openSqliteStore(file, { warn }).close();
		expect(warnings[1]).toMatch(/empty file, but games were stored there before/);
	});

	it('refuses clearly to open a file that is not a database', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-db-')), 'classroom.sqlite');
		writeFileSync(file, 'x'.repeat(4096));
		expect(() => openSqliteStore(file, { warn: () => {} })).toThrow(/not a database/);
	});

	it('reports every failure once open as a StorageError naming the operation', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'ripasso-db-'));
		const faultFile = join(folder, 'fault');
		const store = openSqliteStore(join(folder, 'classroom.sqlite'), { faultFile });
		writeFileSync(faultFile, '');
		await expect(store.createGame(game('123456'))).rejects.toThrow(StorageError);
		await expect(store.createGame(game('123456'))).rejects.toThrow(/createGame.*readonly/i);
		rmSync(faultFile);
		await store.createGame(game('123456'));
		expect((await store.loadGame('123456'))?.state.code).toBe('123456');
	});

	it('puts the data folder where RIPASSO_DATA_DIR says', () => {
		expect(dataDir({ RIPASSO_DATA_DIR: '/srv/ripasso' })).toBe('/srv/ripasso');
		expect(dataDir({})).toBe(join(process.cwd(), 'data'));
	});

	it('brings a database of an older schema up to date, keeping its games', async () => {
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
		expect((await store.gamesOf('mine', 5000, 100)).map((row) => row.code)).toEqual(['123456']);
		// Versioned from 0, as a new game is: its next step is written.
		const stored = (await store.loadGame('123456'))!;
		expect(stored.version).toBe(0);
		expect(await store.advance('123456', 0, stored.state)).toBe(1);
		await store.close();
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
