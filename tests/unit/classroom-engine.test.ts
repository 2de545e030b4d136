import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playerView } from '$lib/classroom/views';
import { buildDeck } from '$lib/deck/deck';
import { openSqliteStore } from '$lib/server/classroom/db';
import { ClassroomEngine } from '$lib/server/classroom/engine';
import { library } from '../helpers/library';

const cards = buildDeck(library, { track: 'facts' }).cards.filter(
	(card) => card.type === 'multiple-choice' && card.origin === 'curated'
);
const byId = new Map(cards.map((card) => [card.id, card]));
const ids = cards.slice(0, 3).map((card) => card.id);
const settings = { questions: 3, secondsPerQuestion: 20, speedBonus: true };

function setup() {
	const file = join(mkdtempSync(join(tmpdir(), 'ripasso-engine-')), 'classroom.sqlite');
	let now = 1_000_000;
	const clock = { now: () => now, advance: (ms: number) => (now += ms) };
	const open = () => new ClassroomEngine(openSqliteStore(file), (id) => byId.get(id), clock.now);
	return { open, clock };
}

describe('the classroom engine', () => {
	it('plays a game and resumes it, mid-question, after a server restart', () => {
		const { open, clock } = setup();
		const engine = open();
		const created = engine.create('mosca-pyongyang', ids, settings);
		if (!created.ok) throw new Error(created.error);
		const { code, hostSecret } = created;
		expect(engine.isHost(code, hostSecret)).toBe(true);
		expect(engine.isHost(code, 'guess')).toBe(false);

		expect(engine.join(code, 'p1', 'Giulia').ok).toBe(true);
		expect(engine.join(code, 'p2', 'Marco').ok).toBe(true);
		expect(engine.start(code).ok).toBe(true);
		clock.advance(5000);
		const first = byId.get(ids[0])!;
		expect(engine.answer(code, 'p1', 0, first.answer).ok).toBe(true);
		expect(engine.answer(code, 'p1', 0, first.answer)).toEqual({
			ok: false,
			error: 'already-answered'
		});
		const before = engine.get(code);

		// The server restarts: a new engine on the same database file.
		const restarted = open();
		expect(restarted.get(code)).toEqual(before);
		clock.advance(1000);
		const wrong = first.options.find((option) => option !== first.answer)!;
		expect(restarted.answer(code, 'p2', 0, wrong).ok).toBe(true);
		expect(restarted.reveal(code).ok).toBe(true);
		// 5 s of 20 s: round((1 - 0.25 / 2) * 1000) = 875 points for Giulia.
		const scores = Object.fromEntries(
			restarted.get(code)!.players.map((p) => [p.nickname, p.score])
		);
		expect(scores).toEqual({ Giulia: 875, Marco: 0 });

		// And once more: scores written at the reveal survive too.
		expect(
			open()
				.get(code)!
				.players.map((p) => p.score)
		).toEqual([875, 0]);
	});

	it('refuses late answers by the server clock, and unknown codes', () => {
		const { open, clock } = setup();
		const engine = open();
		const created = engine.create('mosca-pyongyang', ids, settings);
		if (!created.ok) throw new Error(created.error);
		engine.join(created.code, 'p1', 'Giulia');
		engine.start(created.code);
		clock.advance(20_001);
		expect(engine.answer(created.code, 'p1', 0, byId.get(ids[0])!.answer)).toEqual({
			ok: false,
			error: 'late'
		});
		engine.tick(created.code);
		expect(engine.get(created.code)!.phase).toBe('reveal');
		expect(engine.join('999999', 'p9', 'Nessuno')).toEqual({ ok: false, error: 'unknown-code' });
	});

	it('tells subscribers about every change, and students never get the answer early', () => {
		const { open } = setup();
		const engine = open();
		const created = engine.create('mosca-pyongyang', ids, settings);
		if (!created.ok) throw new Error(created.error);
		const seen: string[] = [];
		engine.subscribe(created.code, (state) => {
			const view = JSON.stringify(playerView(state, 'p1', cards));
			seen.push(state.phase);
			// Options include the answer's text, so look for the key that would mark it.
			if (state.phase === 'question') expect(view).not.toMatch(/"(answer|accept|correct)"/);
			if (state.phase === 'reveal') expect(view).toMatch(/"answer"/);
		});
		engine.join(created.code, 'p1', 'Giulia');
		engine.start(created.code);
		engine.reveal(created.code);
		expect(seen).toEqual(['lobby', 'question', 'reveal']);
	});
});
