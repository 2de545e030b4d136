import { describe, expect, it } from 'vitest';
import { guessLanguage, looksItalian } from '$lib/text/language';
import { loadRealArticle } from '../helpers/content';

describe('looksItalian', () => {
	it('recognises the article as Italian', () => {
		const { body } = loadRealArticle();
		expect(looksItalian(body)).toBe(true);
		expect(guessLanguage(body).italian).toBeGreaterThan(0.25);
	});

	it('rejects English, French and German prose', () => {
		expect(
			looksItalian(
				'The foreign minister of Russia is visiting Pyongyang for talks with the leader of North Korea, and the relationship has grown.'
			)
		).toBe(false);
		expect(
			looksItalian(
				'Le ministre russe des Affaires étrangères est en visite à Pyongyang pour des entretiens avec le dirigeant nord-coréen.'
			)
		).toBe(false);
		expect(
			looksItalian(
				'Der russische Außenminister besucht Pjöngjang für Gespräche mit dem nordkoreanischen Machthaber Kim Jong Un.'
			)
		).toBe(false);
	});

	it('needs enough words to tell', () => {
		expect(looksItalian('la casa')).toBe(false);
		expect(looksItalian('')).toBe(false);
	});
});
