/**
 * The deck the app serves, built once per server process from the content library.
 */
import type { Card } from '$lib/cards/types';
import { buildDeck, type Deck } from '$lib/deck/deck';
import { withWordForms } from '$lib/deck/word-forms';
import { getLibrary } from './content';
import { lookupLemmas } from './lemmas';
import { getLexicon } from './lexicon';

let deck: Deck | undefined;
let byId: Map<string, Card> | undefined;

export function getDeck(): Deck {
	// Vocabulary cards carry the real words around their answer, for grading in the browser too.
	deck ??= withWordForms(buildDeck(getLibrary(), { lexicon: getLexicon() }), lookupLemmas);
	return deck;
}

/** A card by id, or undefined. */
export function getCard(id: string): Card | undefined {
	byId ??= new Map(getDeck().cards.map((card) => [card.id, card]));
	return byId.get(id);
}
