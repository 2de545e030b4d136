/**
 * Vocabulary cards learn the real words around their answer (see `$lib/lemma/forms`): grading
 * then names another form of the word or another word instead of taking it for a typo.
 */
import type { Card } from '$lib/cards/types';
import type { Deck } from '$lib/deck/deck';
import { oneEditAway, wordFormsOf, type TableLookup } from '$lib/lemma/forms';

/** Looks lemmas and words up in the lemma table (on the server: `lookupLemmas`). */
export type LemmaLookup = (lemmas: ReadonlySet<string>, words: ReadonlySet<string>) => TableLookup;

/** Typed vocabulary cards whose answer is one word: the ones other forms can be confused with. */
const TYPED: ReadonlySet<Card['type']> = new Set(['production', 'cloze', 'listening']);
const ONE_WORD = /^[\p{L}’']+$/u;

/**
 * The deck with `forms` on every typed vocabulary card of a one-word entry, from one lookup of all
 * their lemmas and of the strings one edit from their answers. Other cards are left as they are.
 */
export function withWordForms(deck: Deck, lookup: LemmaLookup): Deck {
	const entries = new Map(deck.vocab.map((entry) => [`${entry.article}:vocab:${entry.id}`, entry]));
	const entryOf = (card: Card) => {
		const entry = card.track === 'vocab' && TYPED.has(card.type) && entries.get(card.sibling);
		return entry && ONE_WORD.test(entry.lemma) && ONE_WORD.test(card.answer) ? entry : undefined;
	};
	const lemmas = new Set<string>();
	// The three cards of a word often share their answer: one set of neighbours for each.
	const nearby = new Map<string, string[]>();
	for (const card of deck.cards) {
		const entry = entryOf(card);
		if (!entry) continue;
		lemmas.add(entry.lemma);
		const answer = card.answer.toLowerCase();
		if (!nearby.has(answer)) nearby.set(answer, [...oneEditAway(answer)].sort());
	}
	if (lemmas.size === 0) return deck;
	const found = lookup(lemmas, new Set([...nearby.values()].flat()));
	const cards = deck.cards.map((card) => {
		const entry = entryOf(card);
		if (!entry) return card;
		const right = [...card.accept, ...(card.synonyms ?? [])];
		const near = nearby.get(card.answer.toLowerCase());
		return { ...card, forms: wordFormsOf(entry, card.answer, found, right, near) };
	});
	return { ...deck, cards };
}
