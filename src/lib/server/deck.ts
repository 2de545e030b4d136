/**
 * The decks the app serves: the curated articles' deck, built once per server process, and each
 * added text's own, built when first asked for and kept with the text (`$lib/server/texts/cache`).
 */
import type { Card } from '$lib/cards/types';
import type { LibraryEntry } from '$lib/content/library';
import { buildDeck, DEFAULT_SEED, type Deck } from '$lib/deck/deck';
import { withWordForms } from '$lib/deck/word-forms';
import { getLibrary, isCurated } from './content';
import type { LemmaTable } from '$lib/lemma/types';
import { loadDictionary } from './dictionary';
import { loadLemmaTable, lookupLemmas } from './lemmas';
import { getLexicon } from './lexicon';
import { cachedText } from './texts/cache';
import { textIdOf } from './texts/store';
import { loadEdits } from './texts/edits';
import { applyEdits } from '$lib/deck/edits';
import { notesBySentence, withSentenceNote } from '$lib/cards/notes';
import { vocabCards } from '$lib/vocab/cards';

let deck: Deck | undefined;
let byId: Map<string, Card> | undefined;
const curatedDecks = new Map<string, Deck>();

const generate = (entries: readonly LibraryEntry[], lemmas?: LemmaTable) =>
	buildDeck(entries, {
		lexicon: getLexicon(),
		lemmas,
		// A text the lexicon was not written for gets a vocabulary of its own words, as with
		// `deck --input`: lemmas from the table, glosses from the lexicon, then the dictionary.
		generate: lemmas ? { lemmas, dictionary: loadDictionary() } : undefined
	});
// Vocabulary cards carry the real words around their answer, for grading in the browser too.
const build = (entries: readonly LibraryEntry[], lemmas?: LemmaTable) =>
	withWordForms(generate(entries, lemmas), lookupLemmas);

let guide: LemmaTable | null | undefined;

/**
 * Loads what added texts need (the lemma table, about 2 s and 200 MB; the dictionary) before the
 * server takes requests, so the first added text does not stall a class running on this server.
 */
export function prepareForAddedTexts(): void {
	if (lemmaGuide()) loadDictionary();
}

/**
 * The lemma table, the fact generator's guide for an added text as for `deck --input` (so both
 * make the same deck); loaded on the first added text. Without a table (never built here) the
 * generator uses its built-in guide, and the log says so once.
 */
function lemmaGuide(): LemmaTable | undefined {
	if (guide === undefined) {
		try {
			guide = loadLemmaTable();
		} catch (failure) {
			console.warn(`Added texts: ${(failure as Error).message}; facts use the built-in guide`);
			guide = null;
		}
	}
	return guide ?? undefined;
}

const EMPTY: Deck = { articles: [], cards: [], vocab: [] };

/**
 * Without a slug, the deck of every curated article. With one, the deck of that one text (a
 * curated article, or an added text); empty for a slug that names neither.
 *
 * @throws StorageError when an added text's database cannot be read
 */
export function getDeck(slug?: string): Deck {
	deck ??= build(getLibrary());
	if (slug === undefined) return deck;
	if (isCurated(slug)) {
		let one = curatedDecks.get(slug);
		if (!one) {
			const all = deck;
			one = {
				articles: all.articles.filter((article) => article.slug === slug),
				cards: all.cards.filter((card) => card.source.article === slug),
				vocab: all.vocab.filter((entry) => entry.article === slug)
			};
			curatedDecks.set(slug, one);
		}
		return one;
	}
	const text = cachedText(slug);
	if (!text) return EMPTY;
	if (!text.deck) {
		const { entry } = text;
		const edits = (text.edits ??= loadEdits(textIdOf(slug)!));
		// A gloss edit makes the word's cards again, as the generator would with that gloss.
		const notes = notesBySentence(entry.facts);
		const remake = (vocab: Deck['vocab']) =>
			vocabCards(entry.article, vocab, DEFAULT_SEED, 'auto').map((card) =>
				withSentenceNote(card, notes)
			);
		text.deck = withWordForms(
			applyEdits(generatedDeck(slug), edits, remake, entry.article.sentences),
			lookupLemmas
		);
	}
	return text.deck;
}

/**
 * An added text's deck as the generator made it, before the owner's edits: what the review page
 * lists and checks edits against. Empty for a slug that is not an added text's.
 *
 * @throws StorageError when the database cannot be read
 */
export function generatedDeck(slug: string): Deck {
	const text = cachedText(slug);
	if (!text) return EMPTY;
	text.generated ??= generate([text.entry], lemmaGuide());
	return text.generated;
}

/**
 * A card by id, or undefined: a curated card, or one of an added text (its id starts with the
 * text's slug).
 */
export function getCard(id: string): Card | undefined {
	byId ??= new Map(getDeck().cards.map((card) => [card.id, card]));
	const curated = byId.get(id);
	if (curated) return curated;
	const slug = id.slice(0, Math.max(id.indexOf(':'), 0));
	const text = slug ? cachedText(slug) : undefined;
	if (!text) return undefined;
	text.cards ??= new Map(getDeck(slug).cards.map((card) => [card.id, card]));
	return text.cards.get(id);
}
