import { describe, expect, it } from 'vitest';
import { GAP } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import {
	addedCard,
	addedFactSchema,
	addedKey,
	checkAddedFact,
	type AddedFact
} from '$lib/deck/added';
import { applyEdits, type DeckEdits } from '$lib/deck/edits';
import { textToLibraryEntry } from '$lib/deck/input';
import { livePool } from '$lib/classroom/pick';
import { studyOrder } from '$lib/srs/order';

const SLUG = 't-aaaaaaaaaaaaaaaaaaaaaaaaaa';
const ARTICLE = `Riapre la biblioteca civica di Chiavari

Di Giulia Ferraris

Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca. Il restauro è costato 2,4 milioni di euro.

Non tutti però sono soddisfatti. L'associazione Amici del Centro Storico sostiene che il progetto abbia ridotto la sala di consultazione.`;

const entry = textToLibraryEntry('biblioteca.txt', ARTICLE, { slug: SLUG });
const sentences = entry.article.sentences;
const sentence = sentences.find((s) => s.text.startsWith('Dopo due anni'))!;
const last = sentences.find((s) => s.text.startsWith("L'associazione"))!;
const fact = (over: Partial<AddedFact> = {}): AddedFact =>
	addedFactSchema.parse({
		sentence: sentence.id,
		span: 'sabato 14 settembre',
		kind: 'cloze',
		...over
	});
const codes = (text: string | undefined, added: AddedFact) =>
	checkAddedFact(text, added).map((p) => `${p.field}:${p.code}`);
const withAdded = (...facts: AddedFact[]): DeckEdits => ({
	cards: new Map(),
	glosses: new Map(),
	added: new Map(facts.map((one) => [addedKey(one), one]))
});

describe('checking an added fact as facts.yaml is checked', () => {
	it('refuses a span that is not words of its sentence', () => {
		expect(codes(sentence.text, fact({ span: 'Palazzo Ducale' }))).toEqual([
			'span:not-in-sentence'
		]);
		// Part of a word is not a gap the sentence has.
		expect(codes(sentence.text, fact({ span: 'abato 14' }))).toEqual(['span:not-in-sentence']);
		expect(codes(sentence.text, fact({ span: 'palazzo  rocca' }))).toEqual([]);
		expect(codes(undefined, fact())).toEqual(['sentence:unknown-sentence']);
	});

	it('refuses a wrong choice that is a right answer, and repeated choices', () => {
		const added = fact({ span: 'Palazzo Rocca', distractors: ['palazzo rocca', 'Palazzo Ducale'] });
		expect(codes(sentence.text, added)).toEqual(['distractors:right-answer']);
		const accepted = fact({ span: 'Palazzo Rocca', accept: ['Rocca'], distractors: ['rocca'] });
		expect(codes(sentence.text, accepted)).toEqual(['distractors:right-answer']);
		const twice = fact({ distractors: ['domenica 15 settembre', 'Domenica 15 settembre'] });
		expect(codes(sentence.text, twice)).toEqual(['distractors:repeated']);
	});

	it('asks for an open question that ends with a question mark', () => {
		expect(codes(sentence.text, fact({ kind: 'open' }))).toEqual(['question:empty']);
		const noMark = fact({ kind: 'open', question: 'Quando riapre la biblioteca' });
		expect(codes(sentence.text, noMark)).toEqual(['question:not-a-question']);
		expect(codes(sentence.text, { ...noMark, question: 'Quando riapre la biblioteca?' })).toEqual(
			[]
		);
	});
});

describe('the card an added fact makes', () => {
	it('gaps the span in its sentence, with the answer as the sentence prints it', () => {
		const card = addedCard(SLUG, sentence, fact({ span: 'palazzo rocca' }));
		expect(card.type).toBe('cloze');
		expect(card.track).toBe('facts');
		expect(card.answer).toBe('Palazzo Rocca');
		expect(card.prompt).toBe(sentence.text.replace('Palazzo Rocca', GAP));
		expect(card.source).toEqual({ article: SLUG, sentence: sentence.id, text: sentence.text });
	});

	it('becomes multiple choice with its wrong choices, the answer among them once', () => {
		const card = addedCard(
			SLUG,
			sentence,
			fact({
				kind: 'open',
				question: 'Dove ha sede la biblioteca?',
				span: 'Palazzo Rocca',
				distractors: ['Palazzo Ducale', 'Villa Rocca']
			})
		);
		expect(card.type).toBe('multiple-choice');
		expect(card.prompt).toBe('Dove ha sede la biblioteca?');
		expect([...card.options].sort()).toEqual(['Palazzo Ducale', 'Palazzo Rocca', 'Villa Rocca']);
	});
});

describe('added facts in the reviewed deck', () => {
	const deckOf = (seed: number) => buildDeck([entry], { track: 'facts', seed });
	const added = fact();

	it('are studied with the cards of their sentence, and asked in class with wrong choices', () => {
		const choices = fact({ span: 'Palazzo Rocca', distractors: ['Palazzo Ducale', 'Villa Rosa'] });
		const reviewed = applyEdits(deckOf(1), withAdded(added, choices), undefined, sentences);
		const card = addedCard(SLUG, sentence, added);
		const order = studyOrder(
			reviewed.cards.filter((c) => c.track === 'facts'),
			sentences
		);
		const at = order.findIndex((c) => c.id === card.id);
		expect(at).toBeGreaterThanOrEqual(0);
		// Every card before it is of its sentence or an earlier one.
		const index = (id: string) => sentences.findIndex((s) => s.id === id);
		for (const before of order.slice(0, at)) {
			expect(index(before.source.sentence)).toBeLessThanOrEqual(index(sentence.id));
		}
		const kinds = ['multiple-choice', 'true-false', 'numeric'] as const;
		const pool = livePool(reviewed.cards, { article: SLUG, tracks: ['facts'], kinds });
		expect(pool.map((c) => c.id)).toContain(addedCard(SLUG, sentence, choices).id);
		// The generated cards stay in the pool beside the owner's.
		expect(pool.length).toBeGreaterThan(1);
	});

	it('survive the deck made again with another seed, the same card each time', () => {
		const once = applyEdits(deckOf(1), withAdded(added), undefined, sentences);
		const again = applyEdits(deckOf(99), withAdded(added), undefined, sentences);
		const id = addedCard(SLUG, sentence, added).id;
		expect(once.cards.find((c) => c.id === id)).toEqual(again.cards.find((c) => c.id === id));
	});

	it('are left out when their sentence is gone or no longer holds the span', () => {
		const elsewhere = { ...added, sentence: last.id };
		const reviewed = applyEdits(deckOf(1), withAdded(elsewhere), undefined, sentences);
		expect(reviewed.cards.some((c) => c.id.includes(':added:'))).toBe(false);
		const gone = applyEdits(
			deckOf(1),
			withAdded({ ...added, sentence: 'nope' }),
			undefined,
			sentences
		);
		expect(gone.cards).toHaveLength(deckOf(1).cards.length);
	});
});
