import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import {
	applyEdits,
	cardEditSchema,
	checkCardEdit,
	minimalEdit,
	orphanedEdits,
	type CardEdit,
	type DeckEdits
} from '$lib/deck/edits';
import { textToLibraryEntry } from '$lib/deck/input';
import { livePool } from '$lib/classroom/pick';

const SLUG = 't-aaaaaaaaaaaaaaaaaaaaaaaaaa';
const ARTICLE = `Riapre la biblioteca civica di Chiavari dopo due anni di lavori

Di Giulia Ferraris

Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca. Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria e per metà dal Comune.

La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi, tra cui una raccolta di 1.200 manoscritti del XVII secolo. Al piano terra è nata una sala per i ragazzi con 40 posti a sedere.

Non tutti però sono soddisfatti. L'associazione Amici del Centro Storico sostiene che il progetto abbia ridotto la sala di consultazione, che passa da 60 a 35 posti.`;

const entry = textToLibraryEntry('biblioteca.txt', ARTICLE, { slug: SLUG });
const deckOf = (seed?: number) => buildDeck([entry], { track: 'facts', seed });
const deck = deckOf();
const first = (type: Card['type'], test: (card: Card) => boolean = () => true) => {
	const card = deck.cards.find((c) => c.type === type && test(c));
	if (!card) throw new Error(`no ${type} card`);
	return card;
};
// A choice of the sentence that names Palazzo Rocca (the date: the text names no other palazzo).
const choice = first('multiple-choice', (c) => c.source.text.includes('Palazzo Rocca'));
const numeric = first('numeric', (c) => c.answer === '85.000');
const cloze = first('cloze');
const edits = (cards: Record<string, CardEdit>): DeckEdits => ({
	cards: new Map(Object.entries(cards)),
	glosses: new Map()
});
const codes = (card: Card, edit: CardEdit) => checkCardEdit(card, edit).map((p) => p.code);

describe('checking an edit as facts.yaml is checked', () => {
	it('refuses a gap answer that is not in its sentence', () => {
		expect(codes(cloze, { answer: 'Amici del Porto' })).toEqual(['not-in-sentence']);
		expect(codes(choice, { answer: 'Palazzo Ducale' })).toContain('not-in-sentence');
		// Words that are in the sentence are a gap it can have.
		expect(codes(cloze, { answer: 'Centro Storico' })).toEqual([]);
	});

	it('refuses a gapped prompt that lost its gap or has two', () => {
		expect(codes(cloze, { prompt: 'Chi sostiene che il progetto abbia ridotto la sala?' })).toEqual(
			['gap-missing']
		);
		expect(codes(cloze, { prompt: '_____ e _____' })).toEqual(['gap-twice']);
	});

	it('refuses a distractor equal to the answer or to an accepted variant, in any case', () => {
		const [, ...others] = choice.options.filter((o) => o !== choice.answer);
		expect(
			checkCardEdit(choice, { distractors: [choice.answer.toUpperCase(), ...others] }).map((p) =>
				'value' in p ? p.value : p.code
			)
		).toEqual([choice.answer.toUpperCase()]);
		expect(
			codes(choice, {
				accept: ['Palazzo Rocca di Chiavari'],
				distractors: ['Palazzo Rocca di chiavari', 'Villa Rocca']
			})
		).toEqual(['right-answer']);
		expect(codes(choice, { distractors: ['Villa Rocca', 'villa rocca'] })).toEqual(['repeated']);
		expect(codes(choice, { distractors: [] })).toEqual(['too-few']);
	});

	it('refuses an empty prompt or answer (the form trims what is typed)', () => {
		expect(cardEditSchema.safeParse({ prompt: '   ' }).success).toBe(false);
		expect(codes(cloze, { prompt: '' })).toContain('empty');
		expect(codes(cloze, { answer: '' })).toContain('empty');
	});

	it('keeps a true/false answer to vero or falso, and a number answer a number', () => {
		const statement = first('true-false');
		expect(codes(statement, { answer: 'forse' })).toEqual(['not-true-false']);
		expect(codes(statement, { answer: 'Falso' })).toEqual([]);
		expect(codes(numeric, { answer: 'molti' })).toContain('not-a-number');
	});

	it('lets a dropped card go without other checks', () => {
		expect(codes(cloze, { drop: true, answer: '' })).toEqual([]);
	});

	it('reads accepted variants and distractors typed one per line', () => {
		const parsed = cardEditSchema.parse({ accept: ' a \n\n b\r\n', distractors: ['x'] });
		expect(parsed).toEqual({ accept: ['a', 'b'], distractors: ['x'] });
	});
});

describe('applying edits to a deck', () => {
	it('drops a card from the deck and so from the study and class pools', () => {
		const kinds = ['multiple-choice', 'true-false', 'numeric'] as const;
		const before = livePool(deck.cards, { article: SLUG, tracks: ['facts'], kinds });
		expect(before.map((c) => c.id)).toContain(choice.id);
		const reviewed = applyEdits(
			deck,
			edits({ [choice.id]: { drop: true }, [cloze.id]: { drop: true } })
		);
		expect(reviewed.cards.map((c) => c.id)).not.toContain(cloze.id);
		expect(reviewed.cards).toHaveLength(deck.cards.length - 2);
		const pool = livePool(reviewed.cards, { article: SLUG, tracks: ['facts'], kinds });
		expect(pool.map((c) => c.id)).not.toContain(choice.id);
		expect(pool).toHaveLength(before.length - 1);
	});

	it('overrides the prompt, the answer and the options, keeping the answer where it stood', () => {
		const at = choice.options.indexOf(choice.answer);
		const reviewed = applyEdits(
			deck,
			edits({
				[choice.id]: {
					prompt: 'Dove riapre la biblioteca civica di Chiavari? _____',
					answer: 'Rocca',
					distractors: ['Villa Rocca', 'Palazzo Ducale', 'Villa Grimaldi']
				},
				[numeric.id]: { answer: '1.200' }
			})
		);
		const card = reviewed.cards.find((c) => c.id === choice.id)!;
		expect(card.prompt).toBe('Dove riapre la biblioteca civica di Chiavari? _____');
		expect(card.answer).toBe('Rocca');
		expect(card.options).toHaveLength(4);
		expect(card.options[at]).toBe('Rocca');
		expect(new Set(card.options)).toEqual(
			new Set(['Rocca', 'Villa Rocca', 'Palazzo Ducale', 'Villa Grimaldi'])
		);
		const number = reviewed.cards.find((c) => c.id === numeric.id)!;
		expect(number.answer).toBe('1.200');
		expect(number.number?.value).toBe(1200);
	});

	it('does not apply an edit that no longer passes its check, and keeps the card', () => {
		const reviewed = applyEdits(deck, edits({ [cloze.id]: { answer: 'Amici del Porto' } }));
		expect(reviewed.cards.find((c) => c.id === cloze.id)).toEqual(cloze);
	});

	it('keeps edits through a regeneration with another seed, and reports the orphaned ones', () => {
		const kept = edits({
			[cloze.id]: { drop: true },
			[choice.id]: { answer: 'Rocca' },
			[`${SLUG}:auto:gone:x:cloze`]: { answer: 'x' }
		});
		const again = applyEdits(deckOf(7), kept);
		expect(again.cards.map((c) => c.id)).not.toContain(cloze.id);
		expect(again.cards.find((c) => c.id === choice.id)?.answer).toBe('Rocca');
		expect(orphanedEdits(deckOf(7), kept)).toEqual([`${SLUG}:auto:gone:x:cloze`]);
	});

	it('replaces a gloss and remakes the vocabulary cards from it', () => {
		const vocabDeck = {
			...deck,
			vocab: [{ ...fakeEntry(), article: SLUG }]
		};
		let remade: string | null = null;
		const reviewed = applyEdits(
			vocabDeck,
			{ cards: new Map(), glosses: new Map([['noun:biblioteca', { gloss: 'library' }]]) },
			(vocab) => {
				remade = vocab[0].gloss;
				return [];
			}
		);
		expect(reviewed.vocab[0].gloss).toBe('library');
		expect(remade).toBe('library');
	});
});

describe('saving only what changed', () => {
	it('keeps the fields that differ from the generated card, nothing when none does', () => {
		const same: CardEdit = {
			prompt: choice.prompt,
			answer: choice.answer,
			accept: choice.accept,
			distractors: choice.options.filter((o) => o !== choice.answer)
		};
		expect(minimalEdit(choice, same)).toBeUndefined();
		expect(minimalEdit(choice, { ...same, answer: 'Rocca' })).toEqual({ answer: 'Rocca' });
		expect(minimalEdit(cloze, { distractors: ['x'] })).toBeUndefined();
	});
});

function fakeEntry() {
	return {
		id: 'noun:biblioteca',
		lemma: 'biblioteca',
		pos: 'noun',
		gender: 'f' as const,
		gloss: null,
		other: [],
		forms: ['biblioteca'],
		count: 3,
		sentences: [deck.cards[0].source.sentence],
		rank: 1,
		expressions: [],
		synonyms: []
	};
}
