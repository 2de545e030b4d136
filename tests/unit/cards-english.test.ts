import { describe, expect, it } from 'vitest';
import { englishCandidates, englishCloze, withEnglishPrompt } from '$lib/cards/english';
import { GAP, type Card } from '$lib/cards/types';

describe('English prompts of automatic cards', () => {
	it('blank the answer, or its English name, where it stands once as a whole word', () => {
		expect(englishCloze('Moscow now produces it.', 'Mosca')).toBe(`${GAP} now produces it.`);
		expect(englishCloze('Support for Russia has grown.', 'Russia')).toBe(
			`Support for ${GAP} has grown.`
		);
		expect(englishCandidates('Ucraina')).toEqual(['Ucraina', 'Ukraine']);
		expect(englishCloze('Kim met Kim.', 'Kim')).toBeNull();
		expect(englishCloze('Kimchi is food.', 'Kim')).toBeNull();
	});

	it('fall back to an instruction, never to the Italian sentence', () => {
		const card = { type: 'cloze', answer: 'comportamento', prompt_en: 'Fill in: x' } as Card;
		expect(withEnglishPrompt(card, "Russia's behavior.").prompt_en).toBe(
			'Fill in the gap in the Italian sentence.'
		);
		expect(withEnglishPrompt({ ...card, answer: 'Russia' }, "Russia's behavior.").prompt_en).toBe(
			`${GAP}'s behavior.`
		);
	});
});
