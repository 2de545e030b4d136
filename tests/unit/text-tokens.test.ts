import { describe, expect, it } from 'vitest';
import { tokenize } from '$lib/text/tokens';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
	it('splits elisions after articles and prepositions, with either apostrophe', () => {
		expect(words("l’Ucraina dell'Hudson un’enorme d’occhio all’interno")).toEqual([
			'l’',
			'Ucraina',
			"dell'",
			'Hudson',
			'un’',
			'enorme',
			'd’',
			'occhio',
			'all’',
			'interno'
		]);
		expect(tokenize('l’Ucraina')[0].elided).toBe(true);
		expect(tokenize('l’Ucraina')[1].elided).toBe(false);
	});

	it('does not split an apostrophe that is not an elision', () => {
		expect(words("O'Brien po' più")).toEqual(["O'Brien", "po'", 'più']);
	});

	it('keeps Italian numbers whole and marks them as numbers', () => {
		const tokens = tokenize('più di 10.000 truppe, il 3,5% nel 2024');
		expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual([
			'10.000',
			'3,5',
			'2024'
		]);
	});

	it('splits hyphenated words and skips punctuation', () => {
		expect(words('russo-nordcoreana, know-how!')).toEqual(['russo', 'nordcoreana', 'know', 'how']);
	});

	it('gives spans that point into the text, shifted by the offset', () => {
		const text = 'Dal dispiegamento dell’artiglieria';
		for (const token of tokenize(text, 10)) {
			expect(text.slice(token.start - 10, token.end - 10)).toBe(token.text);
		}
	});
});
