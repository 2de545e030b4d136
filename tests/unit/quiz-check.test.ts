import { describe, expect, it } from 'vitest';
import { gradeCard } from '$lib/quiz/check';
import { grammarSlips, vocabCards } from '$lib/vocab/cards';
import { buildVocabulary } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const [{ article }] = library;
const cards = vocabCards(article, buildVocabulary(article, lexicon), 1);
const production = (id: string) => cards.find((c) => c.id.endsWith(`${id}:production`))!;

describe('grading a production card names the grammar slip', () => {
	it('calls out a plural for a singular noun', () => {
		const result = gradeCard(production('noun:truppa'), 'truppe');
		expect(result.verdict).toBe('wrong');
		expect(result.feedback).toContainEqual({
			kind: 'grammar',
			detail: 'number',
			expected: 'truppa',
			given: 'truppe'
		});
	});

	it('accepts the noun with a wrong article but names the gender', () => {
		const result = gradeCard(production('noun:truppa'), 'il truppa');
		expect(result.verdict).toBe('close');
		expect(result.feedback).toContainEqual(
			expect.objectContaining({ kind: 'grammar', detail: 'gender' })
		);
		expect(gradeCard(production('noun:truppa'), 'la truppa').verdict).toBe('correct');
	});

	it('calls out the wrong gender of an adjective and a conjugated verb', () => {
		expect(gradeCard(production('adjective:russo'), 'russa').feedback).toContainEqual(
			expect.objectContaining({ kind: 'grammar', detail: 'gender' })
		);
		expect(gradeCard(production('verb:sostenere'), 'sostengono').feedback).toContainEqual(
			expect.objectContaining({ kind: 'grammar', detail: 'verb-form' })
		);
	});

	it('still accepts a missing accent, and reports it', () => {
		const result = gradeCard(production('noun:capacita'), 'capacita');
		expect(result.verdict).toBe('close');
		expect(result.feedback).toContainEqual({
			kind: 'accent',
			expected: 'capacità',
			given: 'capacita'
		});
	});
});

describe('grammarSlips', () => {
	it('derives the other gender and number endings', () => {
		expect(grammarSlips({ lemma: 'russo', pos: 'adjective', forms: ['russo'] })).toEqual({
			russa: 'gender',
			russi: 'number',
			russe: 'gender-number'
		});
		expect(grammarSlips({ lemma: 'strategico', pos: 'adjective', forms: [] })).toMatchObject({
			strategici: 'number',
			strategiche: 'gender-number'
		});
		expect(grammarSlips({ lemma: 'a vicenda', pos: 'expression', forms: [] })).toEqual({});
	});
});
