/**
 * A deck: the cards of one or more articles, ready to study, quiz or export.
 */
import { withEnglishPrompt } from '$lib/cards/english';
import { notesBySentence, withSentenceNote } from '$lib/cards/notes';
import type { Card, Track } from '$lib/cards/types';
import { curatedCards } from '$lib/cards/curated';
import type { LibraryEntry } from '$lib/content/library';
import type { LemmaTable } from '$lib/lemma/types';
import { normalizeAnswer } from '$lib/grading/grade';
import { autoCardsThatFit } from './fit';
import { vocabCards } from '$lib/vocab/cards';
import type { Lexicon } from '$lib/vocab/lexicon';
import { buildVocabulary, type VocabEntry } from '$lib/vocab/vocabulary';

export type TrackChoice = Track | 'all';

export interface Deck {
	articles: { slug: string; title: string }[];
	cards: Card[];
	/** The vocabulary of each article (when the vocab track is built). */
	vocab: (VocabEntry & { article: string })[];
}

export interface DeckOptions {
	track?: TrackChoice;
	/** Seed for shuffles and choices; the same seed gives the same deck. */
	seed?: number;
	/** Add automatically generated cards (on by default). */
	auto?: boolean;
	/** The lemma table: the fact generator's part-of-speech guide (a built-in one without it). */
	lemmas?: LemmaTable;
	/** The curated lexicon: without it, there is no vocabulary track. */
	lexicon?: Lexicon;
}

/** The seed of the deck the app serves: fixed, so options stay put between visits. */
export const DEFAULT_SEED = 20261123;

/**
 * Builds the deck of some articles: curated cards from their facts, then automatic cards from their
 * text that ask something no curated card already asks about the same sentence.
 */
export function buildDeck(entries: readonly LibraryEntry[], options: DeckOptions = {}): Deck {
	const { track = 'all', seed = DEFAULT_SEED, auto = true } = options;
	const cards: Card[] = [];
	if (track === 'facts' || track === 'all') {
		for (const { article, facts, translation } of entries) {
			const curated = curatedCards(article.slug, facts, seed);
			cards.push(...curated);
			if (auto) {
				const generated = withoutDuplicates(
					autoCardsThatFit(article, seed, options.lemmas),
					curated
				);
				const notes = notesBySentence(facts);
				cards.push(
					...generated.map((card) =>
						withSentenceNote(withEnglishPrompt(card, translation.get(card.source.sentence)), notes)
					)
				);
			}
		}
	}
	const vocab: Deck['vocab'] = [];
	if ((track === 'vocab' || track === 'all') && options.lexicon) {
		for (const { article, facts } of entries) {
			const vocabulary = buildVocabulary(article, options.lexicon);
			vocab.push(...vocabulary.map((entry) => ({ ...entry, article: article.slug })));
			// A word's card shows its sentence too, so the sentence's note goes with it.
			const notes = notesBySentence(facts);
			cards.push(...vocabCards(article, vocabulary, seed).map((c) => withSentenceNote(c, notes)));
		}
	}
	return {
		articles: entries.map(({ article }) => ({ slug: article.slug, title: article.meta.title })),
		cards,
		vocab
	};
}

/**
 * Drops automatic cards whose answer, in the same sentence, is already the answer of a curated
 * card or lies inside a curated gap (the curated one was written with care; the automatic one
 * would ask the same thing again).
 */
export function withoutDuplicates(autoCards: readonly Card[], curated: readonly Card[]): Card[] {
	const taken = new Map<string, string[]>();
	for (const card of curated) {
		const answers = taken.get(card.source.sentence) ?? [];
		if (card.type === 'cloze' || card.type === 'open') answers.push(normalizeAnswer(card.answer));
		taken.set(card.source.sentence, answers);
	}
	return autoCards.filter((card) => {
		const answer = normalizeAnswer(card.answer);
		const answers = taken.get(card.source.sentence) ?? [];
		return !answers.some((other) => other === answer || other.includes(answer));
	});
}

/** The cards of one article, found by slug. */
export function cardsOf(deck: Deck, slug: string): Card[] {
	return deck.cards.filter((card) => card.source.article === slug);
}
