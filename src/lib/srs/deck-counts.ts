/**
 * What is left today in each track of one article, as Anki's deck list shows it: the study page's
 * counts (`buildQueue`), on the cards the study page would study, so both show the same numbers.
 */
import { TRACKS, type CardType, type Track } from '$lib/cards/types';
import { buildQueue, type Queue, type QueueCard } from '$lib/srs/queue';
import type { CardState, ReviewLog } from '$lib/srs/scheduler';
import type { SrsSettings } from '$lib/srs/settings';

/** What counting needs of a card: the queue's fields and the type (listening needs a voice). */
export interface CountedCard extends QueueCard {
	type: CardType;
}

export type TrackCounts = Queue['counts'];

export interface DeckCountsInput {
	/** The article's cards, any track. */
	cards: readonly CountedCard[];
	states: ReadonlyMap<string, CardState>;
	/** Reviews of the learner's day (a longer log is safe, as for the queue). */
	todaysLog: readonly ReviewLog[];
	settings: SrsSettings;
	now: Date;
	timeZone?: string;
	/** Marks on vocabulary entries by entry id: words marked known are not studied. */
	words: ReadonlyMap<string, { status: 'known' | 'next' }>;
	/** Whether the browser has an Italian voice: without one, listening cards are skipped. */
	voice: boolean;
}

/**
 * The vocabulary entry a card is about (a vocabulary card's sibling is `<article>:vocab:<entry>`),
 * or `undefined` for a fact card.
 */
export function wordOf(card: QueueCard): string | undefined {
	return card.sibling.split(':vocab:')[1];
}

/**
 * Today's counts per track (new within the daily limit, learning, due reviews), leaving out what
 * the study page leaves out: words marked known, and listening cards without a voice.
 */
export function deckCounts(input: DeckCountsInput): Record<Track, TrackCounts> {
	const { words, voice } = input;
	const cards = input.cards.filter(
		(card) =>
			(voice || card.type !== 'listening') && words.get(wordOf(card) ?? '')?.status !== 'known'
	);
	const counts = {} as Record<Track, TrackCounts>;
	for (const track of TRACKS) counts[track] = buildQueue({ ...input, cards, track }).counts;
	return counts;
}
