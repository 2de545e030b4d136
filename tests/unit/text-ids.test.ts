import { describe, expect, it } from 'vitest';
import { fnv1a, sentenceId, slugify } from '$lib/text/ids';

describe('ids', () => {
	it('hashes with 32-bit FNV-1a (reference values)', () => {
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});

	it('slugifies Italian text to ASCII', () => {
		expect(slugify('Perché è già così?')).toBe('perche-e-gia-cosi');
		expect(slugify('L’articolo 4')).toBe('l-articolo-4');
	});

	it('makes readable sentence ids that depend only on the sentence', () => {
		const id = sentenceId('Quella clausola è già stata testata.');
		expect(id).toMatch(/^quella-clausola-e-gia-[0-9a-z]{7}$/);
		expect(sentenceId('Quella clausola è già stata testata.')).toBe(id);
		expect(sentenceId('Quella clausola è già stata provata.')).not.toBe(id);
		expect(sentenceId('…')).toMatch(/^s-[0-9a-z]{7}$/);
	});
});
