import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import { withWordForms } from '$lib/deck/word-forms';
import { gradeCard } from '$lib/quiz/check';
import { lookupLemmas } from '$lib/server/lemmas';
import { grammarSlips, vocabCards } from '$lib/vocab/cards';
import { buildVocabulary } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const root = join(import.meta.dirname, '..', '..');
const [{ article }] = library;
// The cards as the server serves them: with the real words around each answer.
const deck = withWordForms(buildDeck(library, { lexicon, track: 'vocab' }), (lemmas, words) =>
	lookupLemmas(lemmas, words, root)
);
// The same cards without the lemma table: what grading falls back on.
const bare = vocabCards(article, buildVocabulary(article, lexicon), 1);

const cardOf = (cards: readonly Card[], entry: string, type: Card['type']) => {
	const card = cards.find((c) => c.sibling.endsWith(`:vocab:${entry}`) && c.type === type);
	if (!card) throw new Error(`no ${type} card for ${entry}`);
	return card;
};
const production = (entry: string) => cardOf(deck.cards, entry, 'production');
const kinds = (card: Card, given: string) => gradeCard(card, given).feedback.map((f) => f.kind);

describe('a production card asks for the word: another form of it is named, and accepted', () => {
	it('accepts nordcoreani for North Korean, naming the plural', () => {
		const card = production('adjective:nordcoreano');
		expect(card.prompt).toMatch(/North Korean/);
		const result = gradeCard(card, 'nordcoreani');
		expect(result.verdict).toBe('close');
		expect(result.feedback).toEqual([
			{
				kind: 'form',
				slip: 'plural',
				lemma: 'nordcoreano',
				expected: 'nordcoreano',
				given: 'nordcoreani'
			}
		]);
		expect(gradeCard(card, 'nordcoreane').feedback[0]).toMatchObject({ slip: 'feminine-plural' });
	});

	it('names a plural noun and a conjugated verb, and accepts them as the word', () => {
		const truppe = gradeCard(production('noun:truppa'), 'truppe');
		expect(truppe.verdict).toBe('close');
		expect(truppe.feedback).toEqual([expect.objectContaining({ kind: 'form', slip: 'plural' })]);
		const sostengono = gradeCard(production('verb:sostenere'), 'sostengono');
		expect(sostengono.verdict).toBe('close');
		expect(sostengono.feedback).toEqual([
			expect.objectContaining({ kind: 'form', slip: 'verb-form' })
		]);
	});

	it('no longer lets the non-words esseri, guerri and forzi pass as typos', () => {
		// esseri is a real word, but the noun (beings), not the verb to be.
		const esseri = gradeCard(production('verb:essere'), 'esseri');
		expect(esseri.verdict).toBe('wrong');
		expect(esseri.feedback).toEqual([expect.objectContaining({ kind: 'form', slip: 'noun' })]);
		// guerri is one letter from guerre, the plural: a botched form, not a typo of guerra.
		const guerri = gradeCard(production('noun:guerra'), 'guerri');
		expect(guerri.verdict).toBe('wrong');
		expect(guerri.feedback).toEqual([
			expect.objectContaining({ kind: 'near-form', form: 'guerre', slip: 'plural' })
		]);
		// forzi is a form of forzare.
		const forzi = gradeCard(production('noun:forza'), 'forzi');
		expect(forzi.verdict).toBe('wrong');
		expect(forzi.feedback).toEqual([
			expect.objectContaining({ kind: 'other-word', lemma: 'forzare' })
		]);
	});

	it('still accepts a real typo and a missing accent', () => {
		expect(kinds(production('noun:guerra'), 'gurra')).toEqual(['typo']);
		const result = gradeCard(production('noun:capacita'), 'capacita');
		expect(result.verdict).toBe('close');
		expect(result.feedback).toEqual([{ kind: 'accent', expected: 'capacità', given: 'capacita' }]);
	});

	it('accepts the noun with a wrong article but names the gender', () => {
		const result = gradeCard(production('noun:truppa'), 'il truppa');
		expect(result.verdict).toBe('close');
		expect(result.feedback).toContainEqual(
			expect.objectContaining({ kind: 'grammar', detail: 'gender' })
		);
		expect(gradeCard(production('noun:truppa'), 'la truppa').verdict).toBe('correct');
	});
});

describe('a gap and a word heard ask for one form: another is wrong, and named', () => {
	it('refuses the singular in the gap of truppe, which used to pass as a typo', () => {
		const cloze = deck.cards.find(
			(c) => c.sibling.endsWith(':vocab:noun:truppa') && c.type === 'cloze'
		)!;
		expect(cloze.answer).toBe('truppe');
		const result = gradeCard(cloze, 'truppa');
		expect(result.verdict).toBe('wrong');
		expect(result.feedback).toEqual([expect.objectContaining({ kind: 'form', slip: 'singular' })]);
	});

	it('accepts a homophone heard, named, but not a single consonant for a double', () => {
		const listening = cardOf(deck.cards, 'verb:essere', 'listening');
		expect(listening.answer).toBe('è');
		const e = gradeCard(listening, 'e');
		expect(e.verdict).toBe('close');
		expect(e.feedback).toEqual([{ kind: 'homophone', expected: 'è', given: 'e' }]);
		const truppe = cardOf(deck.cards, 'noun:truppa', 'listening');
		expect(gradeCard(truppe, 'trupe').verdict).toBe('wrong');
		expect(kinds(truppe, 'trupe')).toEqual(['double']);
		// The same slip typed from the English is a spelling slip, named as such.
		expect(kinds(production('noun:truppa'), 'trupa')).toEqual(['double']);
		expect(gradeCard(production('noun:truppa'), 'trupa').verdict).toBe('close');
	});
});

describe('without the lemma table, the card’s own slips still name the form', () => {
	it('calls out a plural for a singular noun', () => {
		const result = gradeCard(cardOf(bare, 'noun:truppa', 'production'), 'truppe');
		expect(result.verdict).toBe('wrong');
		expect(result.feedback).toContainEqual({
			kind: 'grammar',
			detail: 'number',
			expected: 'truppa',
			given: 'truppe'
		});
	});

	it('calls out the wrong gender of an adjective and a conjugated verb', () => {
		expect(
			gradeCard(cardOf(bare, 'adjective:russo', 'production'), 'russa').feedback
		).toContainEqual(expect.objectContaining({ kind: 'grammar', detail: 'gender' }));
		expect(
			gradeCard(cardOf(bare, 'verb:sostenere', 'production'), 'sostengono').feedback
		).toContainEqual(expect.objectContaining({ kind: 'grammar', detail: 'verb-form' }));
	});
});

describe('synonyms on a card', () => {
	it('accepts a synonym as right and names the article’s word', () => {
		const card = { ...production('noun:sostegno'), synonyms: ['supporto'] };
		const result = gradeCard(card, 'il supporto');
		expect(result.verdict).toBe('correct');
		expect(result.feedback).toEqual([{ kind: 'synonym', expected: 'sostegno', given: 'supporto' }]);
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
