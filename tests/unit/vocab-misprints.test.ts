import { describe, expect, it } from 'vitest';
import { gradeCard } from '$lib/quiz/check';
import { getDeck } from '$lib/server/deck';

/**
 * The deck the server serves (with the lemma table's forms on its cards): the article's
 * misprints are never a right answer, and typing one is named as the article's typo.
 */
describe('the served vocabulary deck and the article’s misprints', () => {
	const misprinted = { dissuadere: 'dissuasire', riconquistare: 'riconsestare' };
	const cards = getDeck().cards.filter(
		(c) => c.track === 'vocab' && c.type !== 'recognition' && c.answer in misprinted
	);

	it('has typed cards of both real verbs', () => {
		expect(new Set(cards.map((c) => c.answer))).toEqual(new Set(Object.keys(misprinted)));
	});

	it('never takes the misprint as right, and says it is the article’s typo', () => {
		for (const card of cards) {
			const typed = misprinted[card.answer as keyof typeof misprinted];
			const result = gradeCard(card, typed);
			expect(result.accepted, `${card.id}: ${typed}`).toBe(false);
			expect(result.feedback, card.id).toContainEqual(
				expect.objectContaining({ kind: 'grammar', detail: 'misprint' })
			);
		}
	});
});
