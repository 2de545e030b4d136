import { describe, expect, it } from 'vitest';
import type { Card, CardType } from '$lib/cards/types';
import { inTurns, studyOrder } from '$lib/srs/order';

const sentences = ['s0', 's1', 's2', 's3', 's4', 's5'].map((id) => ({ id }));

function card(note: string, type: CardType, sentence: string, extra: Partial<Card> = {}): Card {
	const track = ['recognition', 'production', 'listening'].includes(type) ? 'vocab' : 'facts';
	return {
		id: `${note}:${type}`,
		track,
		type,
		origin: 'curated',
		sibling: note,
		prompt: 'p',
		prompt_en: 'p',
		answer: 'a',
		accept: [],
		options: [],
		source: { article: 'a', sentence, text: 't' },
		...extra
	};
}

/** A fact of each sentence with the curated deck's four cards. */
const facts = ['s0', 's1', 's2', 's3', 's4', 's5'].flatMap((s, i) =>
	(['open', 'true-false', 'cloze', 'multiple-choice'] as const).map((type) =>
		card(`f${i}`, type, s)
	)
);

/** How far each card of a type is from its place in `expected` (the order of its type's notes). */
const shifts = (order: Card[], type: CardType, expected: string[]) =>
	order.filter((c) => c.type === type).map((c, i) => Math.abs(expected.indexOf(c.sibling) - i));

describe('studyOrder', () => {
	it('takes types in turn, keeping the article order within each type but for a sibling held back', () => {
		const order = studyOrder(facts, sentences, 4);
		expect(order.slice(0, 3).map((c) => c.type)).toEqual([
			'multiple-choice',
			'cloze',
			'true-false'
		]);
		const notes = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'];
		for (const type of ['multiple-choice', 'cloze', 'true-false', 'open'] as const) {
			expect(Math.max(...shifts(order, type, notes))).toBeLessThan(4);
		}
		expect(order.map((c) => c.id).sort()).toEqual(facts.map((c) => c.id).sort());
	});

	it('keeps siblings `spacing` cards apart while other notes are left', () => {
		// Four types: a round of turns deals four cards.
		const order = studyOrder(facts, sentences, 4);
		// Once every note is under way, the last notes' siblings can only follow each other.
		const spread = order.slice(0, 16);
		spread.forEach((c, i) => {
			const near = spread.slice(Math.max(0, i - 3), i).map((other) => other.sibling);
			expect(near).not.toContain(c.sibling);
		});
	});

	it('asks an open question only about a fact met earlier, and none among the first cards', () => {
		const order = studyOrder(facts, sentences, 4);
		expect(order.slice(0, 4).some((c) => c.type === 'open')).toBe(false);
		order.forEach((c, i) => {
			if (c.type !== 'open') return;
			expect(order.slice(0, i).some((other) => other.sibling === c.sibling)).toBe(true);
		});
	});

	it('puts curated cards before automatic ones of the same type', () => {
		const auto = card('auto', 'cloze', 's0', { origin: 'auto' });
		const order = studyOrder([auto, ...facts], sentences, 4);
		const clozes = order.filter((c) => c.type === 'cloze');
		// Last but for a curated one held back from its siblings.
		expect(clozes.indexOf(auto)).toBeGreaterThanOrEqual(clozes.length - 2);
	});

	it('keeps the vocabulary’s own order (its rank), not the sentences’', () => {
		const words = ['w0', 'w1', 'w2', 'w3'].flatMap((w, i) =>
			(['recognition', 'production', 'cloze', 'listening'] as const).map((type) =>
				card(w, type, `s${5 - i}`, { track: 'vocab' })
			)
		);
		const order = studyOrder(words, sentences, 4);
		// By sentence, w3 would come first.
		expect(Math.max(...shifts(order, 'recognition', ['w0', 'w1', 'w2', 'w3']))).toBeLessThan(4);
		// A word is typed from English only once one of its easier cards came before.
		expect(order[0].type).toBe('recognition');
		expect(order.slice(0, 4).map((c) => c.type)).not.toContain('production');
	});

	it('deals a study order without some cards again with its siblings kept apart', () => {
		const withoutCloze = inTurns(
			studyOrder(facts, sentences, 4).filter((c) => c.type !== 'cloze'),
			4
		);
		expect(withoutCloze).toHaveLength(18);
		withoutCloze.slice(0, 12).forEach((c, i) => {
			const near = withoutCloze.slice(Math.max(0, i - 3), i).map((other) => other.sibling);
			expect(near).not.toContain(c.sibling);
		});
	});
});
