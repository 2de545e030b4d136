import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { playerView } from '$lib/classroom/views';
import { buildDeck } from '$lib/deck/deck';
import { openSqliteStore } from '$lib/server/classroom/db';
import {
	ClassroomEngine,
	hostHash,
	type GamePlan,
	type Timers
} from '$lib/server/classroom/engine';
import { library } from '../helpers/library';

const cards = buildDeck(library, { track: 'facts' }).cards.filter(
	(card) => card.type === 'multiple-choice' && card.origin === 'curated'
);
const byId = new Map(cards.map((card) => [card.id, card]));
const ids = cards.slice(0, 3).map((card) => card.id);
const settings = { questions: 3, secondsPerQuestion: 20, speedBonus: true };

/** A fake clock whose timers run when it is advanced past them. */
function setup() {
	const folder = mkdtempSync(join(tmpdir(), 'ripasso-engine-'));
	const file = join(folder, 'classroom.sqlite');
	/** While this file exists, the database refuses every write (SQLite's own read-only error). */
	const faultFile = join(folder, 'fault');
	const logged: string[] = [];
	let now = 1_000_000;
	let timers: { at: number; work: () => unknown }[] = [];
	const clock = {
		now: () => now,
		/** Runs the timers now due, and waits for what they do (the engine's store is async). */
		async advance(ms: number) {
			now += ms;
			const due = timers.filter((t) => t.at <= now);
			timers = timers.filter((t) => t.at > now);
			for (const timer of due) await timer.work();
		},
		/** Moves time without running timers: a timer that fires a little late. */
		skip: (ms: number) => (now += ms)
	};
	const later: Timers = (work, ms) => {
		const timer = { at: now + ms, work };
		timers.push(timer);
		return () => (timers = timers.filter((t) => t !== timer));
	};
	const open = () =>
		new ClassroomEngine(
			openSqliteStore(file, { faultFile, warn: (message) => logged.push(message) }),
			(id) => byId.get(id),
			clock.now,
			later,
			(message) => logged.push(message)
		);
	const breakDisk = (broken: boolean) =>
		broken ? writeFileSync(faultFile, '') : rmSync(faultFile, { force: true });
	return { open, clock, file, breakDisk, logged };
}

/** A started game with Giulia (p1) and Marco (p2) on its first question. */
async function twoPlaying(engine: ClassroomEngine) {
	const created = await newGame(engine);
	await engine.join(created.code, 'p1', 'Giulia');
	await engine.join(created.code, 'p2', 'Marco');
	await engine.start(created.code);
	return created;
}

/** The host's secret of the test games (the engine keeps only its hash). */
const HOST_SECRET = 'the-teachers-secret';

/** A new game of the three cards; fails the test if the engine refuses. */
async function newGame(engine: ClassroomEngine, closesAt?: number) {
	const plan: GamePlan =
		closesAt === undefined
			? { kind: 'live', settings }
			: { kind: 'assignment', questions: settings.questions, closesAt };
	const created = await engine.create('mosca-pyongyang', ids, plan, hostHash(HOST_SECRET));
	if (!created.ok) throw new Error(created.error);
	return { ...created, hostSecret: HOST_SECRET };
}

describe('the classroom engine', () => {
	it('plays a game and resumes it, mid-question, after a server restart', async () => {
		const { open, clock } = setup();
		const engine = open();
		const created = await newGame(engine);
		const { code, hostSecret } = created;
		expect(await engine.isHost(code, hostSecret)).toBe(true);
		expect(await engine.isHost(code, 'guess')).toBe(false);

		expect((await engine.join(code, 'p1', 'Giulia')).ok).toBe(true);
		expect((await engine.join(code, 'p2', 'Marco')).ok).toBe(true);
		expect((await engine.start(code)).ok).toBe(true);
		await clock.advance(5000);
		const first = byId.get(ids[0])!;
		expect((await engine.answer(code, 'p1', 0, first.answer)).ok).toBe(true);
		expect(await engine.answer(code, 'p1', 0, first.answer)).toEqual({
			ok: false,
			error: 'already-answered'
		});
		const before = await engine.get(code);

		// The server restarts: a new engine on the same database file.
		const restarted = open();
		expect(await restarted.get(code)).toEqual(before);
		await clock.advance(1000);
		const wrong = first.options.find((option) => option !== first.answer)!;
		expect((await restarted.answer(code, 'p2', 0, wrong)).ok).toBe(true);
		// Everyone has answered: the engine reveals without waiting for the clock.
		expect((await restarted.get(code))!.phase).toBe('reveal');
		// 5 s of 20 s: round((1 - 0.25 / 2) * 1000) = 875 points for Giulia.
		const scores = Object.fromEntries(
			(await restarted.get(code))!.players.map((p) => [p.nickname, p.score])
		);
		expect(scores).toEqual({ Giulia: 875, Marco: 0 });

		// And once more: scores written at the reveal survive too.
		expect((await open().get(code))!.players.map((p) => p.score)).toEqual([875, 0]);
	});

	it('refuses late answers by the server clock, and unknown codes', async () => {
		const { open, clock } = setup();
		const engine = open();
		const created = await newGame(engine);
		await engine.join(created.code, 'p1', 'Giulia');
		await engine.start(created.code);
		clock.skip(20_001);
		expect(await engine.answer(created.code, 'p1', 0, byId.get(ids[0])!.answer)).toEqual({
			ok: false,
			error: 'late'
		});
		await engine.tick(created.code);
		expect((await engine.get(created.code))!.phase).toBe('reveal');
		expect(await engine.join('999999', 'p9', 'Nessuno')).toEqual({
			ok: false,
			error: 'unknown-code'
		});
	});

	it('ends and forgets the games of a deleted article, even after a restart', async () => {
		const { open } = setup();
		const engine = open();
		const playing = await twoPlaying(engine);
		const waiting = await newGame(engine);
		const seen: string[] = [];
		engine.subscribe(playing.code, (state) => seen.push(state.phase));
		expect(await engine.forgetArticle('another-article')).toBe(0);
		expect(await engine.forgetArticle('mosca-pyongyang')).toBe(2);
		// The screens still connected saw the game end.
		expect(seen).toEqual(['finished']);
		expect(await engine.get(playing.code)).toBeUndefined();
		expect(await engine.join(waiting.code, 'p3', 'Anna')).toEqual({
			ok: false,
			error: 'unknown-code'
		});
		const restarted = open();
		expect(await restarted.get(playing.code)).toBeUndefined();
		expect(await restarted.get(waiting.code)).toBeUndefined();
	});

	it('takes a step only on the game as stored: a second server with an older copy cannot undo it', async () => {
		const { open } = setup();
		// Two servers on one database: B read the game while it waited in the lobby.
		const a = open();
		const { code } = await newGame(a);
		await a.join(code, 'p1', 'Giulia');
		const b = open();
		expect((await b.get(code))!.phase).toBe('lobby');
		expect((await a.start(code)).ok).toBe(true);
		await a.reveal(code);
		// B's copy says lobby: its start would reopen question 1. The row has moved on, so B
		// rereads the game and refuses, as the host's own screen would.
		expect(await b.start(code)).toEqual({ ok: false, error: 'wrong-phase' });
		expect((await b.get(code))!.phase).toBe('reveal');
		// And takes the next step from what is stored.
		expect((await b.showLeaderboard(code)).ok).toBe(true);
		expect((await open().get(code))!.phase).toBe('leaderboard');
	});

	it('tells subscribers about every change, and students never get the answer early', async () => {
		const { open } = setup();
		const engine = open();
		const created = await newGame(engine);
		const seen: string[] = [];
		engine.subscribe(created.code, (state) => {
			const view = JSON.stringify(playerView(state, 'p1', cards));
			seen.push(state.phase);
			// Options include the answer's text, so look for the key that would mark it.
			if (state.phase === 'question') expect(view).not.toMatch(/"(answer|accept|correct)"/);
			if (state.phase === 'reveal') expect(view).toMatch(/"answer"/);
		});
		await engine.join(created.code, 'p1', 'Giulia');
		await engine.start(created.code);
		await engine.reveal(created.code);
		expect(seen).toEqual(['lobby', 'question', 'reveal']);
	});

	it('ends a question when its time is up, with nobody watching, also after a restart', async () => {
		const { open, clock } = setup();
		const engine = open();
		const { code } = await twoPlaying(engine);
		await clock.advance(20_000);
		expect((await engine.get(code))!.phase).toBe('question'); // the last instant is still in time
		await clock.advance(1);
		expect((await engine.get(code))!.phase).toBe('reveal');

		await engine.next(code);
		await clock.advance(3000);
		// The server restarts mid-question: the new engine finds the running game and its deadline.
		const restarted = open();
		expect(await restarted.resumeAll()).toBe(1);
		await clock.advance(17_001);
		expect((await restarted.get(code))!.phase).toBe('reveal');
		expect(await restarted.get(code)).toMatchObject({ kind: 'live', questionIndex: 1 });
	});

	it('tells a phone of phase changes and its removal only; the host of everything', async () => {
		const { open } = setup();
		const engine = open();
		const { code } = await newGame(engine);
		const heard = { host: 0, p1: 0, p2: 0 };
		engine.subscribe(code, () => heard.host++);
		engine.subscribe(code, () => heard.p1++, 'p1');
		const stop = engine.subscribe(code, () => heard.p2++, 'p2');
		await engine.join(code, 'p1', 'Giulia');
		await engine.join(code, 'p2', 'Marco');
		await engine.join(code, 'p3', 'Sara');
		expect(heard).toEqual({ host: 3, p1: 0, p2: 0 });
		await engine.start(code);
		expect(heard).toEqual({ host: 4, p1: 1, p2: 1 });
		// A live answer: the phone that sent it has the server's reply; nobody else's screen changes.
		await engine.answer(code, 'p1', 0, byId.get(ids[0])!.answer);
		expect(heard).toEqual({ host: 5, p1: 1, p2: 1 });
		await engine.removePlayer(code, 'p3');
		expect(heard).toEqual({ host: 6, p1: 1, p2: 1 });
		stop();
		await engine.reveal(code);
		expect(heard).toEqual({ host: 7, p1: 2, p2: 1 });
		await engine.removePlayer(code, 'p1');
		expect(heard).toEqual({ host: 8, p1: 3, p2: 1 });
	});

	it('reveals at once when the host removes the one student everybody was waiting for', async () => {
		const { open } = setup();
		const engine = open();
		const { code } = await twoPlaying(engine);
		await engine.answer(code, 'p1', 0, byId.get(ids[0])!.answer);
		expect((await engine.get(code))!.phase).toBe('question');
		expect((await engine.removePlayer(code, 'p2')).ok).toBe(true);
		expect((await engine.get(code))!.phase).toBe('reveal');
	});

	it('runs a self-paced assignment: answers stored as they come, closed at the deadline', async () => {
		const { open, clock } = setup();
		const engine = open();
		const created = await newGame(engine, clock.now() + 60 * 60_000);
		const { code } = created;
		await engine.join(code, 'p1', 'Giulia');
		await clock.advance(30_000);
		expect((await engine.answer(code, 'p1', 0, byId.get(ids[0])!.answer)).ok).toBe(true);
		expect(await engine.answer(code, 'p1', 2, byId.get(ids[2])!.answer)).toEqual({
			ok: false,
			error: 'wrong-question'
		});
		// Its code (and so the cookies) lasts a week beyond the deadline, for the results.
		expect(await engine.expiresAt(code)).toBe(
			clock.now() - 30_000 + 60 * 60_000 + 7 * 24 * 60 * 60_000
		);
		// A restart keeps the progress and the score.
		const restarted = open();
		expect(await restarted.resumeAll()).toBe(1);
		expect((await restarted.get(code))!.players[0].score).toBe(1000);
		await clock.advance(60 * 60_000);
		expect((await restarted.get(code))!.phase).toBe('finished');
		expect((await restarted.answer(code, 'p1', 1, byId.get(ids[1])!.answer)).ok).toBe(false);
	});

	it("takes none of a live game's steps in an assignment: it is open until closed", async () => {
		const { open, clock } = setup();
		const engine = open();
		const { code } = await newGame(engine, clock.now() + 60 * 60_000);
		await engine.join(code, 'p1', 'Giulia');
		for (const step of ['start', 'reveal', 'showLeaderboard', 'next'] as const) {
			expect(await engine[step](code)).toEqual({ ok: false, error: 'wrong-phase' });
		}
		expect(await open().get(code)).toMatchObject({ kind: 'assignment', phase: 'question' });
		expect((await engine.answer(code, 'p1', 0, byId.get(ids[0])!.answer)).ok).toBe(true);
		expect((await engine.finish(code)).ok).toBe(true);
		expect(await open().get(code)).toMatchObject({ kind: 'assignment', phase: 'finished' });
	});

	it('forgets a game when it expires, and deletes its players and answers', async () => {
		const { open, clock, file } = setup();
		const engine = open();
		const { code } = await newGame(engine);
		await engine.join(code, 'p1', 'Giulia');
		await engine.start(code);
		await engine.answer(code, 'p1', 0, byId.get(ids[0])!.answer);
		await clock.advance(24 * 60 * 60_000 - 1);
		expect(await engine.get(code)).toBeDefined();
		clock.skip(1);
		// Expired: the code is unknown at once, even before the hourly clean-up.
		expect(await engine.get(code)).toBeUndefined();
		expect(await engine.join(code, 'p2', 'Marco')).toEqual({ ok: false, error: 'unknown-code' });
		expect(await engine.purgeExpired()).toBe(1);
		const raw = new Database(file);
		const left = (table: string) =>
			(raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
		expect([left('games'), left('players'), left('answers')]).toEqual([0, 0, 0]);
		raw.close();
	});

	it('refuses a change the database cannot store, applies none of it, and keeps going', async () => {
		const { open, clock, breakDisk, logged } = setup();
		const engine = open();
		const { code } = await twoPlaying(engine);
		const card = byId.get(ids[0])!;
		const before = (await engine.get(code))!;

		breakDisk(true);
		expect(await engine.answer(code, 'p1', 0, card.answer)).toEqual({
			ok: false,
			error: 'storage'
		});
		expect(await engine.answer(code, 'p2', 0, card.answer)).toEqual({
			ok: false,
			error: 'storage'
		});
		expect(await engine.join(code, 'p3', 'Sara')).toEqual({ ok: false, error: 'storage' });
		expect(await engine.reveal(code)).toEqual({ ok: false, error: 'storage' });
		expect(await engine.removePlayer(code, 'p2')).toEqual({ ok: false, error: 'storage' });
		// Nothing half-applied: the game is the one before the failures.
		expect(await engine.get(code)).toBe(before);
		// The deadline passes while the disk is broken: no throw, the question stays open…
		await expect(clock.advance(21_000)).resolves.toBeUndefined();
		expect((await engine.get(code))?.phase).toBe('question');
		expect(await engine.purgeExpired()).toBe(0);
		// …logged once for the game, not once per phone.
		expect(logged.filter((line) => line.includes(code))).toHaveLength(1);

		breakDisk(false);
		await clock.advance(2_000); // the deadline tries again
		expect((await engine.get(code))?.phase).toBe('reveal');
		expect(logged.some((line) => line.includes('works again'))).toBe(true);
		// And what was stored survives a restart.
		expect((await open().get(code))?.phase).toBe('reveal');
	});

	it('keeps an assignment answer and its score together or not at all', async () => {
		const { open, clock, breakDisk } = setup();
		const engine = open();
		const { code } = await newGame(engine, clock.now() + 3_600_000);
		await engine.join(code, 'p1', 'Giulia');
		breakDisk(true);
		expect((await engine.answer(code, 'p1', 0, byId.get(ids[0])!.answer)).ok).toBe(false);
		breakDisk(false);
		const reopened = (await open().get(code))!;
		expect(reopened.answers).toHaveLength(0);
		expect(reopened.players[0].score).toBe(0);
		expect((await engine.answer(code, 'p1', 0, byId.get(ids[0])!.answer)).ok).toBe(true);
		expect((await open().get(code))?.players[0].score).toBe(1000);
	});

	it('starts the deadline after the get-ready moment, for the projector and the phones alike', async () => {
		const { open, clock } = setup();
		const engine = open();
		const plan: GamePlan = { kind: 'live', settings: { ...settings, getReadySeconds: 3 } };
		const created = await engine.create('mosca-pyongyang', ids, plan, hostHash(HOST_SECRET));
		if (!created.ok) throw new Error(created.error);
		const { code } = created;
		await engine.join(code, 'p1', 'Giulia');
		await engine.join(code, 'p2', 'Marco');
		const startedAt = clock.now();
		await engine.start(code);
		const view = playerView((await engine.get(code))!, 'p1', cards);
		expect(view).toMatchObject({ opensAt: startedAt + 3000, deadline: startedAt + 23_000 });
		const answer = byId.get(ids[0])!.answer;
		expect(await engine.answer(code, 'p1', 0, answer)).toMatchObject({
			ok: false,
			error: 'not-a-question-phase'
		});
		await clock.advance(3000);
		expect((await engine.answer(code, 'p1', 0, answer)).ok).toBe(true);
		// 20 s from the opening, not from the start: the timer has not revealed yet.
		await clock.advance(20_000);
		expect((await engine.get(code))!.phase).toBe('question');
		await clock.advance(1);
		expect((await engine.get(code))!.phase).toBe('reveal');
		// The stored game resumes with the same moment and deadline.
		expect((await open().get(code))!.settings).toMatchObject({ getReadySeconds: 3 });
	});
});
