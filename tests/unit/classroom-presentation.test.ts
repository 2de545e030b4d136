import { describe, expect, it } from 'vitest';
import { createGame, type GameState } from '$lib/classroom/game';
import { gameOptions, questionId } from '$lib/classroom/presentation';
import { must, T0, testCard } from '../helpers/classroom';

const choice = testCard('stima-4000-uccisi', {
	type: 'multiple-choice',
	answer: 'circa 4.000',
	options: ['circa 4.000', 'circa 1.000', 'circa 10.000', 'circa 400']
});
const trueFalse = testCard('kursk-vero', {
	type: 'true-false',
	answer: 'vero',
	options: ['vero', 'falso']
});

function game(seed: number, code = '654321'): GameState {
	const settings = { questions: 2, secondsPerQuestion: 20, speedBonus: true, seed };
	return must(createGame(code, [choice.id, trueFalse.id], settings, T0));
}

describe('how a game presents its questions', () => {
	it('keeps one order of options for a game, and another class gets another', () => {
		const orders = new Set<string>();
		for (let seed = 1; seed <= 40; seed++) {
			const options = gameOptions(game(seed), 0, choice);
			expect(options).toEqual(gameOptions(game(seed), 0, choice));
			expect([...options].sort()).toEqual([...choice.options].sort());
			orders.add(options.join('|'));
		}
		// 40 classes: the right answer is not always at the same letter.
		const places = new Set([...orders].map((order) => order.split('|').indexOf(choice.answer)));
		expect(places.size).toBeGreaterThanOrEqual(3);
	});

	it('leaves true or false in its order (vero, falso)', () => {
		expect(gameOptions(game(7), 1, trueFalse)).toEqual(['vero', 'falso']);
	});

	it('names questions by ids that say nothing of the card', () => {
		const id = questionId(game(7), 0);
		expect(id).toMatch(/^q1-[0-9a-z]+$/);
		expect(id).not.toContain('4000');
		expect(questionId(game(8), 0)).not.toBe(id);
		expect(questionId(game(7, '123456'), 0)).not.toBe(id);
	});
});
