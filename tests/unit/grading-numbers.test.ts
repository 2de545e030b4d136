import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumber } from '$lib/grading/numbers';

describe('parseNumber', () => {
	it('reads thousands written with dots, commas, spaces or nothing', () => {
		expect(parseNumber('10.000')).toBe(10000);
		expect(parseNumber('10000')).toBe(10000);
		expect(parseNumber('10 000')).toBe(10000);
		expect(parseNumber('10\u00a0000')).toBe(10000);
		expect(parseNumber('10\u202f000')).toBe(10000);
		expect(parseNumber('10,000')).toBe(10000);
		expect(parseNumber('1.234.567')).toBe(1234567);
		expect(parseNumber('1 234 567')).toBe(1234567);
	});

	it('tells an Italian decimal comma from an English decimal point', () => {
		expect(parseNumber('3,5')).toBe(3.5);
		expect(parseNumber('3.5')).toBe(3.5);
		expect(parseNumber('3,50')).toBe(3.5);
		expect(parseNumber('1.234,5')).toBe(1234.5);
		expect(parseNumber('1,234.5')).toBe(1234.5);
		// A zero before three digits cannot be a thousands group.
		expect(parseNumber('0,500')).toBe(0.5);
	});

	it('reads Italian number words', () => {
		const cases: [string, number][] = [
			['diecimila', 10000],
			['quattromila', 4000],
			['trentamila', 30000],
			['mille', 1000],
			['duemila', 2000],
			['cento', 100],
			['ventuno', 21],
			['ventitré', 23],
			['ventitre', 23],
			['ventotto', 28],
			['quattro', 4],
			['un milione', 1_000_000],
			['due milioni', 2_000_000],
			['centomila', 100_000],
			['duecentocinquanta', 250],
			['centottanta', 180],
			['mille e cinquecento', 1500],
			['duemilaventidue', 2022],
			['due milioni trecentomila', 2_300_000]
		];
		for (const [text, value] of cases) expect(parseNumber(text), text).toBe(value);
	});

	it('reads English number words', () => {
		const cases: [string, number][] = [
			['ten thousand', 10000],
			['four thousand', 4000],
			['thirty thousand', 30000],
			['twenty-one', 21],
			['twenty one', 21],
			['one hundred and five', 105],
			['a thousand', 1000],
			['two million', 2_000_000],
			['two thousand and twenty', 2020]
		];
		for (const [text, value] of cases) expect(parseNumber(text), text).toBe(value);
	});

	it('reads digits with a scale word', () => {
		expect(parseNumber('10k')).toBe(10000);
		expect(parseNumber('10 mila')).toBe(10000);
		expect(parseNumber('10mila')).toBe(10000);
		expect(parseNumber('dieci mila')).toBe(10000);
		expect(parseNumber('1,5 milioni')).toBe(1_500_000);
		expect(parseNumber('3,2 mila')).toBe(3200);
	});

	it('ignores the words around a number', () => {
		expect(parseNumber('più di 10.000')).toBe(10000);
		expect(parseNumber('circa 4.000 soldati')).toBe(4000);
		expect(parseNumber('about 4,000')).toBe(4000);
		expect(parseNumber('articolo 4')).toBe(4);
		expect(parseNumber('fino a 30.000.')).toBe(30000);
		expect(parseNumber('oltre diecimila soldati')).toBe(10000);
	});

	it('returns null when there is no number', () => {
		expect(parseNumber('')).toBeNull();
		expect(parseNumber('Sergey Lavrov')).toBeNull();
		expect(parseNumber('nessuno')).toBeNull();
		// Articles are not "one", and a scale word needs a count.
		expect(parseNumber('uno studente')).toBeNull();
		expect(parseNumber('migliaia di persone')).toBeNull();
		// Digits glued to letters are names, not quantities.
		expect(parseNumber('G7')).toBeNull();
		expect(parseNumber('10km')).toBeNull();
	});

	it('returns null when two different numbers are given', () => {
		expect(parseNumber('10.000 o 20.000')).toBeNull();
		expect(parseNumber('tra 4.000 e diecimila')).toBeNull();
		expect(parseNumber('due e tre')).toBeNull();
		expect(parseNumber('24/02/2022')).toBeNull();
	});

	it('accepts the same number written twice', () => {
		expect(parseNumber('10.000 (diecimila)')).toBe(10000);
	});

	it('never throws on odd input', () => {
		for (const text of ['🙂🙂', 'مرحبا ١٢٣', '...,,,', '9'.repeat(2000), 'e '.repeat(1000)]) {
			expect(() => parseNumber(text)).not.toThrow();
		}
	});
});

describe('findNumbers', () => {
	it('gives each number with its exact span in the text', () => {
		const text = 'da 4.000 a diecimila soldati';
		const found = findNumbers(text);
		expect(found.map((n) => n.value)).toEqual([4000, 10000]);
		expect(found.map((n) => text.slice(n.start, n.end))).toEqual(['4.000', 'diecimila']);
		expect(found[1].text).toBe('diecimila');
	});
});
