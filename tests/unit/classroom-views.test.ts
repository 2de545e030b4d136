import { describe, expect, it } from 'vitest';
import type { Card, CardType } from '$lib/cards/types';
import {
	answer,
	createGame,
	finish,
	join,
	removePlayer,
	reveal,
	showLeaderboard,
	start,
	type LiveGame
} from '$lib/classroom/game';
import { gameOptions, questionId } from '$lib/classroom/presentation';
import { hostView, playerView, type LiveHostView } from '$lib/classroom/views';

/** The projector of a live game. */
const projector = (state: LiveGame, all: Card[]) => hostView(state, all) as LiveHostView;
import { must, T0 } from '../helpers/classroom';

const card = (type: CardType, over: Partial<Card>): Card => ({
	id: type,
	track: 'facts',
	type,
	origin: 'curated',
	sibling: type,
	prompt: '',
	prompt_en: '',
	answer: '',
	accept: [],
	options: [],
	note: { it: 'Nota segreta', en: 'Secret note' },
	source: { article: 'unita', sentence: 's7', text: '' },
	...over
});

/** One card of every type; answers, accepted forms and sentences are easy to spot in JSON. */
const cards: Card[] = [
	card('multiple-choice', {
		prompt: 'Dove nacque il Regno?',
		answer: 'Torino',
		options: ['Roma', 'Torino', 'Firenze', 'Napoli'],
		source: { article: 'unita', sentence: 's1', text: 'Il Regno nacque a Torino nel 1861.' }
	}),
	card('true-false', {
		prompt: 'Il Regno nacque nel 1861.',
		answer: 'vero',
		options: ['vero', 'falso'],
		source: { article: 'unita', sentence: 's2', text: 'Era il marzo del 1861, una data vera.' }
	}),
	card('numeric', {
		prompt: 'In che anno nacque il Regno?',
		answer: 'nel 1861',
		accept: ['milleottocentosessantuno'],
		number: { value: 1861, qualifier: 'exact' },
		source: { article: 'unita', sentence: 's3', text: 'Il Regno nacque nel 1861.' }
	}),
	card('cloze', {
		prompt: 'Il primo re fu _____ II.',
		answer: 'Vittorio Emanuele',
		accept: ['V. Emanuele'],
		source: { article: 'unita', sentence: 's4', text: 'Il primo re fu Vittorio Emanuele II.' }
	}),
	card('open', {
		prompt: 'Chi guidò il governo?',
		answer: 'Cavour',
		accept: ['Camillo Benso'],
		source: { article: 'unita', sentence: 's5', text: 'Guidava il governo Cavour.' }
	}),
	card('recognition', {
		track: 'vocab',
		prompt: 'regno',
		answer: 'kingdom',
		options: ['crown', 'kingdom', 'reign of terror', 'rule'],
		source: { article: 'unita', sentence: 's6', text: 'Il regno, cioè il kingdom.' }
	}),
	card('production', {
		track: 'vocab',
		prompt: 'kingdom (noun)',
		answer: 'reame',
		accept: ['il reame'],
		slips: { reami: 'number' },
		source: { article: 'unita', sentence: 's7', text: 'Un reame antico.' }
	}),
	card('listening', {
		track: 'vocab',
		prompt: 'sovrano',
		answer: 'sovrano',
		source: { article: 'unita', sentence: 's8', text: 'Il sovrano parlò.' }
	})
];

/** A game of one card with two players, started (or still in the lobby). */
function gameOf(c: Card, phase: 'lobby' | 'question' = 'question'): LiveGame {
	const settings = { questions: 1, secondsPerQuestion: 30, speedBonus: true };
	let state = must(createGame('654321', [c.id], settings, T0));
	state = must(join(state, { playerId: 'p1', nickname: 'Anna' }, T0));
	state = must(join(state, { playerId: 'p2', nickname: 'Bruno' }, T0));
	return phase === 'lobby' ? state : must(start(state, T0 + 1000));
}

/** Everything a view says, except the options a choice card has to show. */
function secretsVisible(view: object, c: Card): string[] {
	const json = JSON.stringify(view, (key, value: unknown) => (key === 'options' ? [] : value));
	const secrets = [
		c.answer,
		...c.accept,
		c.source.text,
		c.note?.it ?? '',
		...Object.keys(c.slips ?? {}),
		...(c.number ? [String(c.number.value)] : [])
	].filter((s) => s && !c.prompt.includes(s));
	const keys = [
		'"answer":',
		'"accept":',
		'"number":',
		'"source":',
		'"sentence":',
		'"note":',
		'"correct":'
	];
	return [...secrets.filter((s) => json.includes(s)), ...keys.filter((k) => json.includes(k))];
}

describe('before the reveal', () => {
	it.each(cards.map((c) => [c.type, c] as const))(
		'no view of a %s card carries the answer key',
		(_type, c) => {
			let state = gameOf(c);
			const given = c.options.length > 0 ? c.answer : c.answer.toUpperCase();
			const before = [hostView(state, cards), playerView(state, 'p1', cards)];
			state = must(answer(state, { playerId: 'p1', questionIndex: 0, given }, c, T0 + 2000));
			const after = [hostView(state, cards), playerView(state, 'p1', cards)];
			for (const view of [...before, ...after]) expect(secretsVisible(view, c)).toEqual([]);
			const mine = playerView(state, 'p1', cards);
			expect(mine).toMatchObject({ status: 'playing', answered: true, score: 0, result: null });
			expect(mine.status === 'playing' && mine.question?.options).toEqual(c.options);
			expect(playerView(state, 'p2', cards)).toMatchObject({ answered: false });
		}
	);

	it('shows the prompt of every card but the listening one, whose prompt is the word', () => {
		for (const c of cards) {
			const view = playerView(gameOf(c), 'p1', cards);
			expect(view.status === 'playing' && view.question?.prompt).toBe(
				c.type === 'listening' ? '' : c.prompt
			);
		}
	});
});

describe('a question on the screens of one game', () => {
	const c = cards[0];
	const playing = (settings: object) => {
		let state = must(
			createGame(
				'654321',
				[c.id],
				{ questions: 1, secondsPerQuestion: 30, speedBonus: true, ...settings },
				T0
			)
		);
		state = must(join(state, { playerId: 'p1', nickname: 'Anna' }, T0));
		return must(start(state, T0 + 1000));
	};

	it("is named by the game's id and shows the options in the game's order", () => {
		const state = playing({ seed: 11 });
		const view = playerView(state, 'p1', cards);
		const question = view.status === 'playing' ? view.question! : null;
		expect(question?.id).toBe(questionId(state, 0));
		expect(question?.id).not.toContain(c.id);
		expect(question?.options).toEqual(gameOptions(state, 0, c));
		// Neither screen is sent the seed the order follows from.
		for (const screen of [view, projector(state, cards)]) {
			expect(JSON.stringify(screen)).not.toMatch(/"seed"|"settings"/);
		}
	});

	it('in classic mode, reaches a phone as letters only: the projector has the text', () => {
		const state = playing({ classic: true, seed: 11 });
		const phone = playerView(state, 'p1', cards);
		expect(phone.status === 'playing' && phone.question).toMatchObject({
			prompt: null,
			prompt_en: null,
			options: [],
			choices: 4
		});
		for (const text of [c.prompt, ...c.options]) expect(JSON.stringify(phone)).not.toContain(text);
		expect(projector(state, cards).question).toMatchObject({ prompt: c.prompt, choices: 4 });
	});
});

describe('after the reveal', () => {
	it.each(cards.map((c) => [c.type, c] as const))(
		'a %s card shows the answer, sentence, result, points and rank',
		(_type, c) => {
			let state = gameOf(c);
			const given = c.options.length > 0 ? c.answer : c.answer.toUpperCase();
			state = must(answer(state, { playerId: 'p1', questionIndex: 0, given }, c, T0 + 1000));
			state = must(reveal(state));
			const mine = playerView(state, 'p1', cards);
			// A number is shown as the server read it, never as the student typed it.
			const shown = c.type === 'numeric' ? '1861' : given;
			expect(mine).toMatchObject({
				score: 1000,
				rank: 1,
				result: { given: shown, correct: true, points: 1000 },
				reveal: { answer: c.answer, source: c.source }
			});
			expect(playerView(state, 'p2', cards)).toMatchObject({
				rank: 2,
				result: { given: null, correct: false, points: 0 }
			});
			expect(projector(state, cards).reveal?.distribution).toContainEqual({
				given: shown,
				count: 1
			});
		}
	);

	it('counts every option in the distribution, chosen or not', () => {
		const c = cards[0];
		let state = gameOf(c);
		state = must(answer(state, { playerId: 'p1', questionIndex: 0, given: 'Roma' }, c, T0 + 1000));
		state = must(answer(state, { playerId: 'p2', questionIndex: 0, given: 'Roma' }, c, T0 + 1000));
		state = must(showLeaderboard(must(reveal(state))));
		const host = projector(state, cards);
		expect(host.reveal?.distribution).toEqual([
			{ given: 'Roma', count: 2 },
			{ given: 'Torino', count: 0 },
			{ given: 'Firenze', count: 0 },
			{ given: 'Napoli', count: 0 }
		]);
		expect(host.leaderboard?.map((s) => [s.nickname, s.rank])).toEqual([
			['Anna', 1],
			['Bruno', 1]
		]);
	});
});

describe('at the end', () => {
	it("gives each student the game's cards with their own results, for their study deck", () => {
		const c = cards[0];
		let state = gameOf(c);
		state = must(
			answer(state, { playerId: 'p1', questionIndex: 0, given: c.answer }, c, T0 + 2000)
		);
		expect(playerView(state, 'p1', cards)).toMatchObject({ studyCards: null });
		state = must(finish(state));
		expect(playerView(state, 'p1', cards)).toMatchObject({
			studyCards: [
				{ id: c.id, track: 'facts', article: c.source.article, correct: true, at: T0 + 2000 }
			]
		});
		expect(playerView(state, 'p2', cards)).toMatchObject({
			studyCards: [{ id: c.id, correct: null, at: null }]
		});
	});
});

describe('who may look', () => {
	it('tells a removed or unknown player so, and hides the removed from the host', () => {
		const state = must(removePlayer(gameOf(cards[0]), 'p2'));
		expect(playerView(state, 'p2', cards)).toEqual({ status: 'removed' });
		expect(playerView(state, 'nobody', cards)).toEqual({ status: 'unknown' });
		expect(hostView(state, cards).playerCount).toBe(1);
		const lobby = must(removePlayer(gameOf(cards[0], 'lobby'), 'p2'));
		expect(projector(lobby, cards).players?.map((p) => p.nickname)).toEqual(['Anna']);
	});
});

describe('the size of what a class receives', () => {
	it('keeps one phone’s reveal small in a class of 1,000 that typed 1,000 different numbers', () => {
		const c = cards.find((x) => x.type === 'numeric')!;
		const settings = { questions: 1, secondsPerQuestion: 30, speedBonus: true };
		let state = must(createGame('654321', [c.id], settings, T0));
		for (let i = 0; i < 1000; i++) {
			state = must(join(state, { playerId: `p${i}`, nickname: `Studente ${i}` }, T0));
		}
		state = must(start(state, T0 + 1000));
		for (let i = 0; i < 1000; i++) {
			const given = String(1000 + i);
			state = must(answer(state, { playerId: `p${i}`, questionIndex: 0, given }, c, T0 + 2000));
		}
		state = must(reveal(state));
		const phone = JSON.stringify(playerView(state, 'p7', cards));
		expect(phone.length).toBeLessThan(3000);
		expect(JSON.stringify(hostView(state, cards)).length).toBeLessThan(3000);
		const rows = projector(state, cards).reveal!.distribution;
		expect(rows).toHaveLength(9);
		expect(rows.at(-1)).toEqual({ given: '', count: 992, others: true });
	});
});
