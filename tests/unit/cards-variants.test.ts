import { describe, expect, it } from 'vitest';
import { containsPhrase, corrected, withSynonyms } from '$lib/cards/variants';

describe('synonyms and corrections of typed answers', () => {
	it('offer every combination of a fact’s synonyms, the forms first', () => {
		expect(
			withSynonyms(['schierando migliaia di truppe'], {
				truppe: ['soldati'],
				schierando: ['inviando']
			})
		).toEqual([
			'schierando migliaia di truppe',
			'schierando migliaia di soldati',
			'inviando migliaia di truppe',
			'inviando migliaia di soldati'
		]);
	});

	it('match whole words only, with either apostrophe', () => {
		expect(withSynonyms(['truppenhaus'], { truppe: ['soldati'] })).toEqual(['truppenhaus']);
		expect(withSynonyms(["l'anno scorso"], { 'l’anno scorso': ['lo scorso anno'] })).toContain(
			'lo scorso anno'
		);
		expect(containsPhrase('più disciplinati', 'più di')).toBe(false);
	});

	it('set the article’s typos right', () => {
		expect(corrected('riconsestare il territorio', { riconsestare: 'riconquistare' })).toBe(
			'riconquistare il territorio'
		);
	});
});
