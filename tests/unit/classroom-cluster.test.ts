/**
 * Several app instances on one PostgreSQL (`cluster.ts`): changes gathered per game before they
 * are sent or read back (`notify.ts`), the deadline's lease (`leases.ts`), and two engines on
 * one database as two instances run them. The PostgreSQL tests run on the server in
 * RIPASSO_TEST_DATABASE_URL (`scripts/test-postgres.sh` starts a throwaway one; CI always does).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as game from '$lib/classroom/game';
import type { GameState } from '$lib/classroom/game';
import { PgCluster } from '$lib/server/classroom/cluster';
import { ClassroomEngine } from '$lib/server/classroom/engine';
import type { Audience } from '$lib/server/classroom/hub';
import { DeadlineLeases } from '$lib/server/classroom/leases';
import { Coalescer } from '$lib/server/classroom/notify';
import { openPgStore } from '$lib/server/classroom/pg-store';
import type { ClassroomStore } from '$lib/server/classroom/store';
import { must, T0, testCard } from '../helpers/classroom';
import { testDatabase } from '../helpers/postgres';

const pgUrl = process.env.RIPASSO_TEST_DATABASE_URL;
if (!pgUrl && process.env.CI) {
	throw new Error(
		'CI runs the classroom cluster tests on PostgreSQL: set RIPASSO_TEST_DATABASE_URL.'
	);
}
if (!pgUrl) {
	console.warn(
		'classroom cluster: PostgreSQL tests skipped (no RIPASSO_TEST_DATABASE_URL); ' +
			'run them with scripts/test-postgres.sh npx vitest run tests/unit/classroom-cluster.test.ts'
	);
}

/** Timers run by hand: `advance(ms)` fires what is due. */
function manualClock() {
	let now = 0;
	const pending = new Set<{ at: number; work: () => unknown }>();
	return {
		now: () => now,
		timers: (work: () => unknown, ms: number) => {
			const timer = { at: now + ms, work };
			pending.add(timer);
			return () => pending.delete(timer);
		},
		async advance(ms: number) {
			now += ms;
			for (const timer of [...pending].sort((a, b) => a.at - b.at)) {
				if (timer.at > now) continue;
				pending.delete(timer);
				timer.work();
			}
			await new Promise((done) => setImmediate(done));
		}
	};
}

/** A delivery that stays in flight until `finish()`, as a read from the store does. */
function recorder() {
	const delivered: { code: string; version: number; audience: Audience }[] = [];
	let finish = () => {};
	const deliver = (code: string, version: number, audience: Audience) => {
		delivered.push({ code, version, audience });
		return new Promise<void>((done) => (finish = done));
	};
	return { delivered, deliver, finish: async () => (finish(), await Promise.resolve()) };
}

describe('gathering the changes of a game', () => {
	it('hands a burst of a thousand answers on a few times, always ending on the latest', async () => {
		const clock = manualClock();
		const { delivered, deliver, finish } = recorder();
		const coalescer = new Coalescer(deliver, { intervalMs: 100, ...clock });
		for (let i = 0; i < 1000; i++) {
			coalescer.push('123456', 3, 'hosts');
			if (i % 100 === 99) {
				await finish();
				await clock.advance(20);
			}
		}
		// The first at once; then one per 100 ms of the burst (200 ms here), the last with the rest.
		await finish();
		await clock.advance(100);
		await finish();
		await clock.advance(100);
		expect(delivered.length).toBeLessThanOrEqual(4);
		expect(delivered.every((d) => d.code === '123456' && d.audience === 'hosts')).toBe(true);
		const before = delivered.length;
		await clock.advance(1000);
		expect(delivered).toHaveLength(before);
	});

	it('sends a new step as soon as the read in flight is done, to everyone heard meanwhile', async () => {
		const clock = manualClock();
		const { delivered, deliver, finish } = recorder();
		const coalescer = new Coalescer(deliver, { intervalMs: 100, ...clock });
		coalescer.push('123456', 3, 'hosts');
		coalescer.push('123456', 3, { playerId: 'p1' });
		coalescer.push('123456', 3, { playerId: 'p2' });
		expect(delivered).toEqual([{ code: '123456', version: 3, audience: 'hosts' }]);
		coalescer.push('123456', 4, 'everyone');
		// One read at a time per game: the reveal waits for the read in flight, not for the interval.
		expect(delivered).toHaveLength(1);
		await finish();
		expect(delivered[1]).toEqual({ code: '123456', version: 4, audience: 'everyone' });
		await finish();
		// Phones named, without the whole class: the host and those two.
		coalescer.push('123456', 4, { playerId: 'p1' });
		coalescer.push('123456', 4, { playerIds: ['p2', 'p1'] });
		await clock.advance(100);
		expect(delivered[2].audience).toEqual({ playerIds: ['p1', 'p2'] });
		// Another game does not wait for this one.
		coalescer.push('654321', 0, 'hosts');
		expect(delivered[3].code).toBe('654321');
	});
});

const cardIds = ['a', 'b'];
const cards = new Map(
	cardIds.map((id) => [id, testCard(id, { answer: 'Torino', options: ['Roma', 'Torino'] })])
);
/** Students in the two-instance class. */
const CLASS = 1000;
const settings = { questions: 2, secondsPerQuestion: 20, speedBonus: false, classic: false };

describe.skipIf(!pgUrl)('several instances on PostgreSQL', () => {
	let database: Awaited<ReturnType<typeof testDatabase>>;
	let pool: pg.Pool;
	const closing: (() => Promise<unknown>)[] = [];
	beforeAll(async () => {
		database = await testDatabase(pgUrl!, 'ripasso_cluster');
		// The store migrates the schema, the lease table with it.
		await (await openPgStore(database.url)).close();
		pool = new pg.Pool({ connectionString: database.url, max: 2 });
		pool.on('error', () => {});
	});
	afterAll(async () => {
		for (const close of closing.reverse()) await close().catch(() => {});
		await pool.end();
		await database.drop();
	});

	/** A game stored in the question phase with Anna in it (running: its deadline needs an owner). */
	async function runningGame(store: ClassroomStore, code: string) {
		let state = must(game.createGame(code, cardIds, { ...settings, seed: 1 }, T0));
		state = must(game.start(must(game.join(state, { playerId: 'p0', nickname: 'Anna' }, T0)), T0));
		const expiresAt = Date.now() + 60_000;
		await store.createGame({ state, hostSecretHash: 'h', article: 'unita', expiresAt });
		await store.savePlayer(code, state.players[0]);
		return state;
	}

	it('lets one instance at a time own a deadline, and another take it when it stops renewing', async () => {
		const store = await openPgStore(database.url);
		closing.push(() => store.close());
		await runningGame(store, '111111');
		const query = (sql: string, values: unknown[]) => pool.query(sql, values);
		const a = new DeadlineLeases(query, 'instance-a', 300);
		const b = new DeadlineLeases(query, 'instance-b', 300);
		expect(await b.orphans(Date.now())).toContain('111111');
		const claims = await Promise.all([a.claim('111111'), b.claim('111111')]);
		expect(claims.filter(Boolean)).toHaveLength(1);
		const [owner, other] = claims[0] ? [a, b] : [b, a];
		expect(await owner.claim('111111')).toBe(true);
		expect(await other.orphans(Date.now())).not.toContain('111111');
		// Renewed for longer than a lease lasts: still the owner's.
		for (let i = 0; i < 4; i++) {
			expect(await owner.renew()).toEqual(['111111']);
			await new Promise((done) => setTimeout(done, 150));
			expect(await other.claim('111111')).toBe(false);
		}
		// The owner stops renewing (it died): once its lease ran out the other takes over.
		await new Promise((done) => setTimeout(done, 400));
		expect(await other.orphans(Date.now())).toContain('111111');
		expect(await other.claim('111111')).toBe(true);
		expect(await owner.claim('111111')).toBe(false);
		// A game no longer running is not renewed: whoever starts its next question claims it.
		await pool.query("UPDATE games SET phase = 'reveal' WHERE code = '111111'");
		expect(await other.renew()).toEqual([]);
		await other.release();
		expect(await owner.claim('111111')).toBe(true);
	});

	it('refuses an answer to a question another instance closed, and a reveal that missed one', async () => {
		const store = await openPgStore(database.url);
		closing.push(() => store.close());
		const state = await runningGame(store, '222222');
		const answered = game.answer(
			state,
			{ playerId: 'p0', questionIndex: 0, given: 'Torino' },
			cards.get('a')!,
			T0 + 1000
		);
		if (!answered.ok) throw new Error(answered.error);
		expect(await store.addAnswer('222222', answered.playerAnswer)).toBe(true);
		// Computed from a copy without Anna's answer: refused, nothing written.
		const stale = must(game.reveal(state));
		expect(await store.advance('222222', 0, stale, { players: true, answers: 0 })).toBeUndefined();
		const revealed = must(game.reveal(answered.state));
		expect(await store.advance('222222', 0, revealed, { players: true, answers: 1 })).toBe(1);
		expect((await store.loadGame('222222'))!.state.players[0].score).toBe(1000);
		const late = { ...answered.playerAnswer, playerId: 'p1' };
		expect(await store.addAnswer('222222', late)).toBe('closed');
		expect(await store.addAnswer('222222', answered.playerAnswer)).toBe(false);
	});

	/** An instance: its own store, cluster and engine, on the shared database. */
	async function instance(now: () => number) {
		const opening = openPgStore(database.url);
		const store = await opening;
		let loads = 0;
		const counted: ClassroomStore = {
			...store,
			loadGame: (code) => (loads++, store.loadGame(code))
		};
		const cluster = new PgCluster(database.url, opening, { renewMs: 100, leaseMs: 400 });
		const engine = new ClassroomEngine(
			counted,
			(id) => cards.get(id),
			now,
			undefined,
			undefined,
			cluster
		);
		cluster.start(engine);
		closing.push(
			() => store.close(),
			() => cluster.close()
		);
		return { engine, cluster, loads: () => loads };
	}

	/** Resolves with the first state a host's screen on `engine` receives that `test` accepts. */
	function seen(engine: ClassroomEngine, code: string, test: (state: GameState) => boolean) {
		return new Promise<GameState>((resolve) => {
			const stop = engine.subscribe(code, (state) => {
				if (test(state)) {
					stop();
					resolve(state);
				}
			});
		});
	}

	it('shows a class answering on another instance, reading the game back a few times only', async () => {
		let offset = 0;
		const now = () => Date.now() + offset;
		const a = await instance(now);
		const b = await instance(now);
		const created = await a.engine.create('unita', cardIds, { kind: 'live', settings }, 'host');
		if (!created.ok) throw new Error(created.error);
		const { code } = created;
		const students = Array.from({ length: CLASS }, (_, i) => `p${i}`);
		const lobby = seen(a.engine, code, (s) => s.players.length === CLASS);
		const joined = await Promise.all(students.map((id) => b.engine.join(code, id, `S${id}`)));
		expect(joined.every((r) => r.ok)).toBe(true);
		expect((await lobby).phase).toBe('lobby');
		// The host starts on A; B's phones hear of it, B's copy moves on.
		const onB = seen(b.engine, code, (s) => s.phase === 'question');
		expect((await a.engine.start(code)).ok).toBe(true);
		await onB;
		const loadsBefore = a.loads();
		// The whole class answers on B, but one: A's projector counts them all.
		const all = seen(a.engine, code, (s) => s.answers.length === CLASS - 1);
		const startedAt = performance.now();
		const sent = await Promise.all(
			students.slice(1).map((id) => b.engine.answer(code, id, 0, 'Torino'))
		);
		expect(sent.every((r) => r.ok)).toBe(true);
		await all;
		const reads = a.loads() - loadsBefore;
		console.log(
			`${CLASS - 1} answers on B seen on A after ${Math.round(performance.now() - startedAt)} ms, ` +
				`A read the game ${reads} times`
		);
		expect(reads).toBeLessThan(CLASS / 10);

		// The deadline's owner (whichever claimed it first) dies mid-question; the other takes the
		// game over and reveals at the stored deadline (the clock is moved past it), every answer
		// counted.
		const { rows } = await pool.query('SELECT owner FROM game_leases WHERE game_code = $1', [code]);
		const [owner, other] = rows[0].owner === a.cluster.instance ? [a, b] : [b, a];
		expect(rows[0].owner).toBe(owner.cluster.instance);
		await owner.cluster.close({ release: false });
		const revealed = seen(other.engine, code, (s) => s.phase === 'reveal');
		offset = 21_000;
		const reveal = await revealed;
		const scores = reveal.players.filter((p) => p.score === 1000);
		expect(scores).toHaveLength(CLASS - 1);
	}, 20_000);
});
