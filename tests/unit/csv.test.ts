import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '$lib/csv/csv';

describe('csvField', () => {
	it('leaves plain text alone', () => {
		expect(csvField('semplice')).toBe('semplice');
		expect(csvField('Niccolò Machiavelli')).toBe('Niccolò Machiavelli');
		expect(csvField('')).toBe('');
	});

	it('writes nothing for an empty cell', () => {
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
	});

	it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
		expect(csvField('a, b')).toBe('"a, b"');
		expect(csvField('Dice "sì"')).toBe('"Dice ""sì"""');
		expect(csvField('due\nrighe')).toBe('"due\nrighe"');
		expect(csvField('due\r\nrighe')).toBe('"due\r\nrighe"');
	});

	it.each(['=', '+', '-', '@', '\t', '\r'])(
		'neutralises a cell beginning with %j: a leading quote, and quoted',
		(start) => {
			expect(csvField(`${start}SUM(A1)`)).toBe(`"'${start}SUM(A1)"`);
		}
	);

	it.each([';', ','])('neutralises a formula after %j inside a cell', (separator) => {
		for (const start of ['=', '+', '-', '@', '\t', '\r']) {
			expect(csvField(`ok${separator}${start}1+1`)).toBe(`"'ok${separator}${start}1+1"`);
		}
	});

	it('neutralises the classic payloads', () => {
		expect(csvField('=cmd|/C calc')).toBe(`"'=cmd|/C calc"`);
		expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvField('ok;=HYPERLINK("http://x")')).toBe(`"'ok;=HYPERLINK(""http://x"")"`);
		expect(csvField('a,=1+1')).toBe(`"'a,=1+1"`);
		expect(csvField("-D'Annunzio")).toBe(`"'-D'Annunzio"`);
	});

	it('leaves a formula character alone where no cell can begin with it', () => {
		expect(csvField('1 + 1 = 2')).toBe('1 + 1 = 2');
		expect(csvField('nord-est')).toBe('nord-est');
		expect(csvField('anna@example.org')).toBe('anna@example.org');
		expect(csvField('a; b')).toBe('a; b');
		expect(csvField('a, -1')).toBe('"a, -1"');
	});

	it('writes numbers as numbers, negative ones too', () => {
		expect(csvField(-3)).toBe('-3');
		expect(csvField(2.5)).toBe('2.5');
		expect(csvField(0)).toBe('0');
		// A number typed as text (an answer, a cell of a numeric column) stays that number.
		expect(csvField('-3')).toBe('-3');
		expect(csvField('-2.5')).toBe('-2.5');
		expect(csvField('-3,5')).toBe('"-3,5"');
	});

	it('neutralises text that only looks like a number at first', () => {
		expect(csvField('+1')).toBe(`"'+1"`);
		expect(csvField('-3+A1')).toBe(`"'-3+A1"`);
		expect(csvField('-1,-2')).toBe(`"'-1,-2"`);
		expect(csvField('-')).toBe(`"'-"`);
	});
});

describe('toCsv', () => {
	it('ends every line, the last too, with CRLF', () => {
		expect(
			toCsv([
				['Nome', 'Punti'],
				['Anna', 950],
				['=1+1', null]
			])
		).toBe(`Nome,Punti\r\nAnna,950\r\n"'=1+1",\r\n`);
	});

	it('writes nothing for no rows', () => {
		expect(toCsv([])).toBe('');
	});

	it('begins with a byte-order mark when asked', () => {
		expect(toCsv([['Niccolò']], { bom: true })).toBe('\uFEFFNiccolò\r\n');
		expect(toCsv([['Niccolò']])).toBe('Niccolò\r\n');
	});
});
