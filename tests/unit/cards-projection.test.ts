import { describe, expect, it } from 'vitest';
import { cardBack, cardFront } from '$lib/cards/projection';
import type { Card, CardType } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import { lexicon, library } from '../helpers/library';

/** A card of `type` with every field a card can have, each easy to spot in JSON. */
const full = (type: CardType, over: Partial<Card> = {}): Card => ({
	id: `art:segreto-${type}:${type}`,
	track: 'facts',
	type,
	origin: 'curated',
	sibling: 'segreto',
	prompt: 'Dove nacque il Regno?',
	prompt_en: 'Where was the Kingdom born?',
	answer: 'Torino',
	accept: ['a Torino'],
	options: [],
	number: { value: 1861, qualifier: 'exact' },
	slips: { Torini: 'number' },
	forms: { lemma: 'Torino', other: { plural: ['Torinesi'] }, neighbours: { Tolino: 'tolino' } },
	synonyms: ['capitale sabauda'],
	gender: 'm',
	note: { it: 'Nota segreta', en: 'Secret note' },
	source: { article: 'art', sentence: 's-segreta', text: 'Il Regno nacque a Torino nel 1861.' },
	...over
});

const TYPES: CardType[] = [
	'multiple-choice',
	'cloze',
	'true-false',
	'numeric',
	'open',
	'recognition',
	'production',
	'listening'
];
const withOptions = (type: CardType) =>
	type === 'true-false'
		? { answer: 'vero', options: ['vero', 'falso'] }
		: type === 'multiple-choice' || type === 'recognition'
			? { options: ['Roma', 'Torino', 'Firenze', 'Napoli'] }
			: {};

/** What the front of `card` shows that it must not, options aside (a choice shows its answer). */
function secretsIn(front: object, card: Card): string[] {
	const json = JSON.stringify(front, (key, value: unknown) => (key === 'options' ? [] : value));
	const secrets = [
		card.id,
		card.answer,
		...card.accept,
		String(card.number?.value),
		...Object.keys(card.slips ?? {}),
		...Object.values(card.forms?.other ?? {}).flat(),
		...Object.keys(card.forms?.neighbours ?? {}),
		...(card.synonyms ?? []),
		card.note?.it ?? '',
		card.note?.en ?? '',
		card.source.sentence,
		card.source.text
	];
	return secrets.filter((secret) => secret && json.includes(secret));
}

describe('the front of a card', () => {
	it.each(TYPES)('of a %s card holds its question and nothing of its answer', (type) => {
		const card = full(type, withOptions(type));
		const front = cardFront(card);
		expect(Object.keys(front).sort()).toEqual(['options', 'prompt', 'prompt_en', 'type']);
		expect(secretsIn(front, card)).toEqual([]);
	});

	it("never shows a listening card's prompt: it is the word to be heard", () => {
		const card = full('listening', { prompt: 'Torino' });
		expect(cardFront(card).prompt).toBe('');
		expect(cardFront(full('open')).prompt).toBe('Dove nacque il Regno?');
	});

	it('keeps the order of the options it is given, and only an order of its own options', () => {
		const card = full('multiple-choice', withOptions('multiple-choice'));
		const order = ['Napoli', 'Torino', 'Roma', 'Firenze'];
		expect(cardFront(card, order).options).toEqual(order);
		expect(cardFront(card).options).toEqual(card.options);
		expect(() => cardFront(card, ['Napoli', 'Torino', 'Roma'])).toThrow();
		expect(() => cardFront(card, ['Napoli', 'Torino', 'Roma', 'Milano'])).toThrow();
	});

	// Built as every screen builds it, the front of each card of the deck gives nothing away.
	const deck = buildDeck(library, { lexicon }).cards;

	it('of no card in the deck holds its sentence or its note', () => {
		for (const card of deck) {
			const { prompt, prompt_en } = cardFront(card);
			const text = `${prompt}\n${prompt_en}`;
			// A true statement may be the sentence itself: its truth is what is asked.
			const trueAsWritten = card.type === 'true-false' && card.answer === 'vero';
			if (!trueAsWritten) expect(text, card.id).not.toContain(card.source.text);
			if (card.note) expect(text, card.id).not.toContain(card.note.it);
		}
	});

	it("of no choice in the deck tells the right option by its place (the quiz keeps the card's order)", () => {
		for (const type of ['multiple-choice', 'recognition'] as const) {
			const places = new Set(
				deck.filter((c) => c.type === type).map((c) => cardFront(c).options.indexOf(c.answer))
			);
			expect(places, type).toEqual(new Set([0, 1, 2, 3]));
		}
	});
});

describe('the back of a card', () => {
	it('holds the answer, its sentence and the note, and nothing else of the card', () => {
		const card = full('open');
		expect(cardBack(card)).toEqual({
			answer: 'Torino',
			source: card.source,
			note: card.note
		});
		expect(cardBack(full('open', { note: undefined }))).not.toHaveProperty('note');
	});
});
