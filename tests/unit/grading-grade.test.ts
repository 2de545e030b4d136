import { describe, expect, it } from 'vitest';
import { grade, normalizeAnswer } from '$lib/grading/grade';

const verdict = (given: string, answer: string, accept?: string[]) =>
	grade(given, answer, accept).verdict;

describe('normalizeAnswer', () => {
	it('drops case, spacing, punctuation and a leading article, keeping accents', () => {
		expect(normalizeAnswer('  La   Russia! ')).toBe('russia');
		expect(normalizeAnswer('«Perché?»')).toBe('perché');
		expect(normalizeAnswer('l’anno scorso')).toBe('anno scorso');
		expect(normalizeAnswer("dell'anno")).toBe(normalizeAnswer('dell’anno'));
		// The article alone is the answer, not noise.
		expect(normalizeAnswer('la')).toBe('la');
	});
});

describe('grade: what is ignored', () => {
	it('ignores case, spaces and punctuation', () => {
		for (const given of [
			'Sergey Lavrov',
			'sergey lavrov',
			'  Sergey   Lavrov. ',
			'"Sergey Lavrov!"'
		]) {
			const result = grade(given, 'Sergey Lavrov');
			expect(result.verdict, given).toBe('correct');
			expect(result.feedback).toEqual([]);
		}
	});

	it('ignores a leading article on either side', () => {
		expect(verdict('Russia', 'la Russia')).toBe('correct');
		expect(verdict('la Russia', 'Russia')).toBe('correct');
		expect(verdict('anno scorso', 'l’anno scorso')).toBe('correct');
		expect(verdict('the Kremlin', 'Kremlin')).toBe('correct');
	});

	it('treats both apostrophes as the same', () => {
		expect(verdict("l'anno scorso", 'l’anno scorso')).toBe('correct');
		expect(verdict('po’', "po'")).toBe('correct');
	});
});

describe('grade: accents', () => {
	it('accepts a missing accent and names the word to fix', () => {
		const cases: [string, string, string, string][] = [
			['perche', 'perché', 'perché', 'perche'],
			['piu', 'più', 'più', 'piu'],
			['la citta', 'la città', 'città', 'citta'],
			['Roma e bella', 'Roma è bella', 'è', 'e']
		];
		for (const [given, answer, expectedWord, givenWord] of cases) {
			const result = grade(given, answer);
			expect(result.verdict, given).toBe('close');
			expect(result.accepted).toBe(true);
			expect(result.feedback).toEqual([
				{ kind: 'accent', expected: expectedWord, given: givenWord }
			]);
		}
	});

	it('reports a wrong accent as well as a missing one', () => {
		expect(grade('perchè', 'perché').feedback).toEqual([
			{ kind: 'accent', expected: 'perché', given: 'perchè' }
		]);
	});

	it("reports an apostrophe written for an accent (piu')", () => {
		const result = grade("piu'", 'più');
		expect(result.verdict).toBe('close');
		expect(result.feedback).toEqual([{ kind: 'accent', expected: 'più', given: "piu'" }]);
		expect(grade("perche'", 'perché').feedback[0]).toMatchObject({ kind: 'accent' });
	});

	it('does not call quotation marks an accent', () => {
		expect(verdict("'Russia'", 'Russia')).toBe('correct');
	});
});

describe('grade: typos', () => {
	it('accepts a small typo and says which word it was in', () => {
		const lavrov = grade('Sergey Lavorv', 'Sergey Lavrov');
		expect(lavrov.verdict).toBe('close');
		expect(lavrov.feedback).toEqual([{ kind: 'typo', expected: 'Lavrov', given: 'Lavorv' }]);
		const pyongyang = grade('Pyongang', 'Pyongyang');
		expect(pyongyang.verdict).toBe('close');
		expect(pyongyang.feedback).toEqual([
			{ kind: 'typo', expected: 'Pyongyang', given: 'Pyongang' }
		]);
	});

	it('allows two typos only in answers longer than eight letters', () => {
		expect(verdict('Pyonngang', 'Pyongyang')).toBe('close');
		expect(verdict('Lavorf', 'Lavrov')).toBe('wrong');
		expect(verdict('Lvrv', 'Lavrov')).toBe('wrong');
		expect(verdict('Pjongjang', 'Pyongyang')).toBe('close');
		expect(verdict('Pjonjang', 'Pyongyang')).toBe('wrong');
	});

	it('allows no typo in words shorter than four letters', () => {
		expect(verdict('Kin', 'Kim')).toBe('wrong');
		expect(verdict('Kim', 'Kim')).toBe('correct');
	});

	it('does not let a rejected option pass as a typo', () => {
		expect(verdict('Iraq', 'Iran')).toBe('close');
		const result = grade('Iraq', 'Iran', [], { reject: ['Iraq', 'Siria'] });
		expect(result.verdict).toBe('wrong');
		expect(result.matched).toBeNull();
		// The right answer still passes when it is listed among the options.
		expect(grade('Iran', 'Iran', [], { reject: ['Iraq', 'Iran'] }).verdict).toBe('correct');
	});
});

describe('grade: numbers', () => {
	const options = { number: { value: 10000 } };

	it('accepts the same figure in any notation, reporting a different form', () => {
		const forms: [string, string | null][] = [
			['più di 10.000', null],
			['10.000', null],
			['10000', '10000'],
			['10,000', '10,000'],
			['diecimila', 'diecimila'],
			['ten thousand', 'ten thousand'],
			['circa 10 mila', '10 mila']
		];
		for (const [given, form] of forms) {
			const result = grade(given, 'più di 10.000', [], options);
			expect(result.accepted, given).toBe(true);
			if (form === null) {
				expect(result.verdict, given).toBe('correct');
			} else {
				expect(result.verdict, given).toBe('close');
				expect(result.feedback).toEqual([
					{ kind: 'number-format', expected: '10.000', given: form }
				]);
			}
		}
	});

	it('reads the figure from the answer when no value is given', () => {
		expect(grade('diecimila', 'più di 10.000').verdict).toBe('close');
		expect(grade('10.000', 'diecimila').verdict).toBe('close');
		expect(grade('articolo quattro', 'articolo 4').feedback).toEqual([
			{ kind: 'number-format', expected: '4', given: 'quattro' }
		]);
	});

	it('rejects a different figure however close it looks', () => {
		expect(verdict('40.000', 'più di 10.000')).toBe('wrong');
		expect(grade('40.000', 'più di 10.000', [], options).verdict).toBe('wrong');
		expect(verdict('4.000', '40.000')).toBe('wrong');
		expect(verdict('40.000', '4.000')).toBe('wrong');
		expect(verdict('articolo 5', 'articolo 4')).toBe('wrong');
		expect(verdict('G8', 'G7')).toBe('wrong');
		expect(verdict('10.000 o 40.000', '10.000')).toBe('wrong');
	});

	it('still checks the words that come with the figure', () => {
		expect(verdict('4000 soldati', 'circa 4.000 soldati')).toBe('close');
		expect(verdict('4000 euro', 'circa 4.000 soldati')).toBe('wrong');
		expect(grade('artcolo 4', 'articolo 4').feedback).toEqual([
			{ kind: 'typo', expected: 'articolo', given: 'artcolo' }
		]);
	});

	it('grades a sentence that merely contains a number word as words', () => {
		expect(verdict('tu sei', 'tu sei')).toBe('correct');
		expect(verdict('tu 6', 'tu sei')).toBe('wrong');
	});
});

describe('grade: accepted variants', () => {
	it('matches the answer first, then the variants, and says which matched', () => {
		expect(grade('Kiev', 'Kyiv', ['Kiev']).matched).toBe('Kiev');
		expect(grade('Kyiv', 'Kyiv', ['Kiev']).matched).toBe('Kyiv');
		expect(grade('Mosca', 'Kyiv', ['Kiev']).matched).toBeNull();
	});

	it('prefers an exact variant to a close answer', () => {
		const result = grade('Kiew', 'Kiev', ['Kiew']);
		expect(result.verdict).toBe('correct');
		expect(result.matched).toBe('Kiew');
		expect(result.expected).toBe('Kiev');
	});
});

describe('grade: result shape and hostile input', () => {
	it('calls an empty answer empty', () => {
		for (const given of ['', '   ']) {
			const result = grade(given, 'Russia');
			expect(result.verdict).toBe('wrong');
			expect(result.accepted).toBe(false);
			expect(result.feedback).toEqual([{ kind: 'empty' }]);
		}
	});

	it('trims the answer and diffs it against the matched form', () => {
		const result = grade('  Lavorv ', 'Lavrov');
		expect(result.given).toBe('Lavorv');
		const given = result.diff.filter((p) => p.op !== 'insert').map((p) => p.text);
		const expected = result.diff.filter((p) => p.op !== 'delete').map((p) => p.text);
		expect(given.join('')).toBe('Lavorv');
		expect(expected.join('')).toBe('Lavrov');
	});

	it('never throws, and never accepts garbage', () => {
		const inputs = [
			'?!…',
			'🙂🙂🙂',
			'مرحبا بالعالم',
			'\u202e\u200f',
			"''''",
			'x'.repeat(100_000),
			'1'.repeat(5000),
			'\ud800'
		];
		for (const given of inputs) {
			for (const answer of ['Russia', 'più di 10.000', '']) {
				const result = grade(given, answer, ['', '🙂'], { reject: [''] });
				expect(result.accepted, `${given.slice(0, 10)} / ${answer}`).toBe(false);
			}
		}
		expect(grade('x'.repeat(100_000), 'x'.repeat(600)).verdict).toBe('wrong');
	});
});

describe('accents on the words around a number', () => {
	it('reports a qualifier typed without its accent, and still accepts the number', () => {
		const result = grade('piu di 10.000', 'più di 10.000', [], { number: { value: 10000 } });
		expect(result.verdict).toBe('close');
		expect(result.feedback).toContainEqual({ kind: 'accent', expected: 'più', given: 'piu' });
	});
});
