import { describe, expect, it } from 'vitest';
import { splitSentences } from '$lib/text/sentences';

const split = (text: string) =>
	splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
	it('splits ordinary Italian prose', () => {
		expect(split('Piove. Che cosa facciamo? Usciamo!')).toEqual([
			'Piove.',
			'Che cosa facciamo?',
			'Usciamo!'
		]);
	});

	it('does not end a sentence after an abbreviation or an initial', () => {
		expect(split('Il Sig. Rossi e il dott. Bianchi parlano. Poi escono.')).toEqual([
			'Il Sig. Rossi e il dott. Bianchi parlano.',
			'Poi escono.'
		]);
		expect(split("L'art. 4 del trattato vale. Lo dice J. R. Tolkien.")).toEqual([
			"L'art. 4 del trattato vale.",
			'Lo dice J. R. Tolkien.'
		]);
	});

	it('does not end a sentence at a full stop inside «…» or "…" that the sentence goes on after', () => {
		expect(
			split('Il progetto si chiama «Centro. Aperto a tutti» e prevede due parcheggi. Poi altro.')
		).toEqual([
			'Il progetto si chiama «Centro. Aperto a tutti» e prevede due parcheggi.',
			'Poi altro.'
		]);
		expect(split('Il libro "La fine. Il ritorno" è uscito. Fine.')).toHaveLength(2);
		expect(split('«Piove.» Poi esce.')).toEqual(['«Piove.»', 'Poi esce.']);
	});

	it('always ends a sentence at a line break, and skips blank lines', () => {
		expect(split('Un titolo senza punto\n\u00a0\nIl testo.')).toEqual([
			'Un titolo senza punto',
			'Il testo.'
		]);
	});

	it('keeps numbers with dots and commas inside one sentence', () => {
		expect(split('Più di 10.000 truppe, il 3,5 per cento. Fine.')).toHaveLength(2);
	});

	it('shifts spans by the offset it is given', () => {
		expect(splitSentences('Uno. Due.', 100)).toEqual([
			{ start: 100, end: 104 },
			{ start: 105, end: 109 }
		]);
	});
});
