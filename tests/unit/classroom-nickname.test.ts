import { describe, expect, it } from 'vitest';
import { validateNickname } from '$lib/classroom/nickname';

const reason = (raw: string, taken: string[] = []) => {
	const result = validateNickname(raw, taken);
	return result.ok ? 'ok' : result.reason;
};

describe('validateNickname', () => {
	it('accepts names in any script, with Italian accents and apostrophes', () => {
		expect(validateNickname('Niccolò', [])).toEqual({ ok: true, nickname: 'Niccolò' });
		expect(reason("D'Annunzio")).toBe('ok');
		expect(reason('D’Annunzio')).toBe('ok');
		expect(reason('Anna-Maria_2.0')).toBe('ok');
		expect(reason('Дмитрий')).toBe('ok');
		expect(reason('陈静')).toBe('ok');
	});

	it('trims, collapses spaces and composes accents', () => {
		expect(validateNickname('  Anna \u00a0  Rossi ', [])).toEqual({
			ok: true,
			nickname: 'Anna Rossi'
		});
		// `o` + combining grave: the same ò a keyboard types.
		expect(validateNickname('Niccolo\u0300', [])).toEqual({ ok: true, nickname: 'Niccolò' });
	});

	it('refuses empty names', () => {
		expect(reason('')).toBe('empty');
		expect(reason('   ')).toBe('empty');
	});

	it('allows 20 characters and refuses 21', () => {
		expect(reason('a'.repeat(20))).toBe('ok');
		expect(reason('a'.repeat(21))).toBe('too-long');
		// Counted after composing: 20 accented letters typed as letter + mark still fit.
		expect(reason('o\u0300'.repeat(20))).toBe('ok');
	});

	it('refuses markup, control characters, emoji and punctuation alone', () => {
		expect(reason('<script>')).toBe('characters');
		expect(reason('Anna<b>')).toBe('characters');
		expect(reason('Anna\nRossi')).toBe('characters');
		expect(reason('Anna\u0000')).toBe('characters');
		expect(reason('Anna\u202e')).toBe('characters');
		expect(reason('Anna 😀')).toBe('characters');
		expect(reason('=1+1')).toBe('characters');
		expect(reason('...')).toBe('characters');
	});

	it('refuses a name already in the game, whatever the case', () => {
		expect(reason('anna', ['Anna'])).toBe('taken');
		expect(reason('NICCOLÒ', ['Niccolò'])).toBe('taken');
		expect(reason("d'annunzio", ['D’Annunzio'])).toBe('taken');
		expect(reason('Anna B', ['Anna'])).toBe('ok');
	});
});
