/**
 * What is left today in each track of one article, as Anki's deck list shows it: the study page's
 * counts (`buildQueue`), on the cards the study page would study, so both show the same numbers.
 */
import { TRACKS, type CardType, type Track } from '$lib/cards/types';
import { dayNumber } from '$lib/srs/day';
import { isHeld, type CardMark } from '$lib/srs/marks';
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
	/** Marks on cards by card id: suspended cards and cards buried until a later day are not studied. */
	marks: ReadonlyMap<string, CardMark>;
}

/**
 * The vocabulary entry a card is about (a vocabulary card's sibling is `<article>:vocab:<entry>`),
 * or `undefined` for a fact card.
 */
export function wordOf(card: QueueCard): string | undefined {
	return card.sibling.split(':vocab:')[1];
}

/**
 * The cards a learner studies, as the study page and the home page's counts both take them: not
 * the words marked known, no listening card without an Italian voice, and no card suspended or
 * buried (in the card browser) on learner day `today` (`dayNumber`).
 */
export function studiedCards<C extends CountedCard>(
	cards: readonly C[],
	words: DeckCountsInput['words'],
	voice: boolean,
	marks: DeckCountsInput['marks'],
	today: number
): C[] {
	return cards.filter(
		(card) =>
			(voice || card.type !== 'listening') &&
			words.get(wordOf(card) ?? '')?.status !== 'known' &&
			!isHeld(marks.get(card.id), today)
	);
}

/**
 * Today's counts per track (new within the daily limit, learning, due reviews), on the cards the
 * study page studies (`studiedCards`).
 */
export function deckCounts(input: DeckCountsInput): Record<Track, TrackCounts> {
	const today = dayNumber(input.now, input.settings.dayStartHour, input.timeZone);
	const cards = studiedCards(input.cards, input.words, input.voice, input.marks, today);
	const counts = {} as Record<Track, TrackCounts>;
	for (const track of TRACKS) counts[track] = buildQueue({ ...input, cards, track }).counts;
	return counts;
}

/**
 * What the statistics count, with the same cards left out as `studiedCards` leaves out by their
 * marks: the saved states without the held cards, and the deck sizes without them, so that "due
 * today" and the new cards agree with the study counts. A suspended card is in no count.
 */
export function withoutHeld<S extends { id: string; track: Track }>(
	states: ReadonlyMap<string, S>,
	totalCards: Readonly<Record<Track, number>>,
	marks: DeckCountsInput['marks'],
	today: number
): { states: Map<string, S>; totalCards: Record<Track, number> } {
	const kept = new Map(states);
	const totals = { ...totalCards };
	for (const mark of marks.values()) {
		if (!isHeld(mark, today)) continue;
		kept.delete(mark.id);
		totals[mark.track] = Math.max(0, totals[mark.track] - 1);
	}
	return { states: kept, totalCards: totals };
}
