import { describe, expect, it } from 'vitest';
import { diffChars, type DiffPart } from '$lib/grading/diff';

const side = (parts: DiffPart[], op: 'delete' | 'insert') =>
	parts
		.filter((p) => p.op === 'equal' || p.op === op)
		.map((p) => p.text)
		.join('');

const changed = (parts: DiffPart[]) =>
	parts.filter((p) => p.op !== 'equal').reduce((n, p) => n + Array.from(p.text).length, 0);

describe('diffChars', () => {
	const pairs: [string, string][] = [
		['Lavorv', 'Lavrov'],
		['perche', 'perché'],
		['10000', '10.000'],
		['', 'Russia'],
		['Russia', ''],
		['la russia', 'Russia'],
		['🙂 città', 'citta 🙂'],
		['abc', 'xyz'],
		['x'.repeat(300), 'y'.repeat(250)]
	];

	it('reconstructs both strings: equal + delete is the answer, equal + insert the expected', () => {
		for (const [given, expected] of pairs) {
			const parts = diffChars(given, expected);
			expect(side(parts, 'delete'), given).toBe(given);
			expect(side(parts, 'insert'), expected).toBe(expected);
		}
	});

	it('marks only what differs', () => {
		expect(diffChars('perche', 'perché')).toEqual([
			{ op: 'equal', text: 'perch' },
			{ op: 'delete', text: 'e' },
			{ op: 'insert', text: 'é' }
		]);
		expect(diffChars('10000', '10.000')).toEqual([
			{ op: 'equal', text: '10' },
			{ op: 'insert', text: '.' },
			{ op: 'equal', text: '000' }
		]);
		expect(diffChars('Lavrov', 'Lavrov')).toEqual([{ op: 'equal', text: 'Lavrov' }]);
		// A swap of two letters costs two changed characters, not a rewrite of the word.
		expect(changed(diffChars('Lavorv', 'Lavrov'))).toBe(2);
	});

	it('merges neighbours of the same kind and never emits empty parts', () => {
		for (const [given, expected] of pairs) {
			const parts = diffChars(given, expected);
			expect(parts.every((p) => p.text.length > 0)).toBe(true);
			expect(parts.every((p, i) => i === 0 || parts[i - 1].op !== p.op)).toBe(true);
		}
		expect(diffChars('', '')).toEqual([]);
	});

	it('falls back to one delete and one insert for very long input', () => {
		expect(diffChars('a'.repeat(201), 'ab')).toEqual([
			{ op: 'delete', text: 'a'.repeat(201) },
			{ op: 'insert', text: 'ab' }
		]);
	});
});
