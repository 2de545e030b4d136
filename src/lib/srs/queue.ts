/**
 * What to review next, following Anki: learning cards when due, then today's reviews with new cards
 * spread among them, within the track's daily limits, with siblings buried until tomorrow.
 * One pass over the cards and one over today's log: it runs on 20,000 cards and 200,000 reviews.
 */
import type { Track } from '$lib/cards/types';
import { startOfDay, startOfNextDay } from '$lib/srs/day';
import { State, type CardState, type ReviewLog } from '$lib/srs/scheduler';
import type { SrsSettings } from '$lib/srs/settings';

export interface QueueCard {
	id: string;
	track: Track;
	/** Cards with the same key are siblings. */
	sibling: string;
}

export interface QueueInput {
	/** All cards, any track; new ones are introduced in this order (the caller sorts them). */
	cards: readonly QueueCard[];
	/** Saved states by card id; a card without one is new. */
	states: ReadonlyMap<string, CardState>;
	/** Reviews of the learner's current day; older entries are ignored, so a longer log is safe. */
	todaysLog: readonly ReviewLog[];
	settings: SrsSettings;
	now: Date;
	track: Track;
	/** IANA zone of the learner's day; defaults to the runtime's local zone. */
	timeZone?: string;
}

export interface Queue {
	/** Id of the card to show now, or `null` when nothing is left for now. */
	next: string | null;
	/** What is left today, as on Anki's deck screen (learning: due now). */
	counts: { new: number; learning: number; review: number };
	/** When the queue is empty: when the next learning card becomes due ("next card at …"). */
	nextDueAt: Date | null;
}

/**
 * Anki's learn-ahead limit: when nothing else is left for now, learning cards due within this
 * time are shown early rather than making the learner wait ("done" only once none is that close).
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

// A sibling group is blocked for a card unless the only card reviewed or in learning is that card.
const MANY = '\u0000many';

function mark(groups: Map<string, string>, sibling: string, id: string): void {
	const seen = groups.get(sibling);
	if (seen === undefined) groups.set(sibling, id);
	else if (seen !== id) groups.set(sibling, MANY);
}

function blocked(groups: Map<string, string>, card: QueueCard): boolean {
	const seen = groups.get(card.sibling);
	return seen !== undefined && seen !== card.id;
}

/**
 * Builds the queue of one track.
 *
 * Order: due learning cards (earliest first), then reviews due before the next learner day (earliest
 * first), with new cards mixed in so that both run out together: a new card comes next when
 * `(newDone + 1) · reviewsToday ≤ reviewsDone · newToday` (with 100 reviews and 20 new: one new card
 * after every 5 reviews). Limits: `newPerDay` and `reviewsPerDay` minus what `todaysLog` shows done;
 * as in Anki, the review limit also bounds new cards (new ones studied count against it).
 * Burying: a new or review card whose sibling was reviewed today or is in learning waits for tomorrow.
 * Learning ahead: with nothing else left, the earliest learning card due within `LEARN_AHEAD_MS`.
 */
export function buildQueue(input: QueueInput): Queue {
	const { cards, states, todaysLog, settings, now, track, timeZone } = input;
	const nowMs = now.getTime();
	const dayStart = startOfDay(now, settings.dayStartHour, timeZone).getTime();
	const dayEnd = startOfNextDay(now, settings.dayStartHour, timeZone).getTime();
	const limits = settings.limits[track];

	const byId = new Map<string, QueueCard>();
	for (const card of cards) byId.set(card.id, card);

	// Today's work, over all tracks for burying (siblings share a track anyway), per track for limits.
	const touched = new Map<string, string>();
	let newDone = 0;
	let reviewsDone = 0;
	for (const entry of todaysLog) {
		const at = Date.parse(entry.reviewedAt);
		if (!(at >= dayStart && at < dayEnd)) continue;
		const card = byId.get(entry.cardId);
		if (!card) continue;
		mark(touched, card.sibling, card.id);
		if (card.track !== track) continue;
		if (entry.previousState === State.New) newDone++;
		else if (entry.previousState === State.Review) reviewsDone++;
	}

	const learning: { id: string; due: number }[] = [];
	for (const card of cards) {
		const s = states.get(card.id)?.memory;
		if (s && (s.state === State.Learning || s.state === State.Relearning)) {
			mark(touched, card.sibling, card.id);
			if (card.track === track) learning.push({ id: card.id, due: Date.parse(s.due) });
		}
	}

	let learningNext: string | null = null;
	let learningNextDue = Infinity;
	let learningCount = 0;
	let laterNext: string | null = null;
	let laterDue = Infinity;
	let aheadCount = 0;
	for (const { id, due } of learning) {
		if (due <= nowMs) {
			learningCount++;
			if (due < learningNextDue) [learningNext, learningNextDue] = [id, due];
		} else {
			if (due - nowMs <= LEARN_AHEAD_MS) aheadCount++;
			if (due < laterDue) [laterNext, laterDue] = [id, due];
		}
	}

	// As in Anki, the review limit applies to new cards too: new cards studied count against it,
	// and none are introduced while due reviews fill it (a backlog is not made worse).
	const reviewsLeft = Math.max(0, limits.reviewsPerDay - reviewsDone - newDone);
	const newLimit = Math.max(0, limits.newPerDay - newDone);
	let firstNew: string | null = null;
	let newCount = 0;
	let reviewNext: string | null = null;
	let reviewNextDue = Infinity;
	let reviewCount = 0;
	for (const card of cards) {
		if (card.track !== track || blocked(touched, card)) continue;
		const s = states.get(card.id)?.memory;
		if (!s || s.state === State.New) {
			if (newCount < newLimit) {
				newCount++;
				firstNew ??= card.id;
			}
		} else if (s.state === State.Review) {
			const due = Date.parse(s.due);
			if (due >= dayEnd) continue;
			reviewCount++;
			if (due < reviewNextDue) [reviewNext, reviewNextDue] = [card.id, due];
		}
	}
	// The limit keeps the earliest-due reviews; only the first one is needed here.
	reviewCount = Math.min(reviewCount, reviewsLeft);
	if (reviewCount === 0) reviewNext = null;
	newCount = Math.min(newCount, reviewsLeft - reviewCount);
	if (newCount === 0) firstNew = null;

	const newToday = newDone + newCount;
	const reviewsToday = reviewsDone + reviewCount;
	const newFirst =
		firstNew !== null &&
		(reviewNext === null || (newDone + 1) * reviewsToday <= reviewsDone * newToday);
	const next = learningNext ?? (newFirst ? firstNew : (reviewNext ?? firstNew));
	if (next === null && laterNext !== null && laterDue - nowMs <= LEARN_AHEAD_MS) {
		// Learning ahead: the learning cards due within the limit count as due, as in Anki.
		return {
			next: laterNext,
			counts: { new: newCount, learning: aheadCount, review: reviewCount },
			nextDueAt: null
		};
	}

	return {
		next,
		counts: { new: newCount, learning: learningCount, review: reviewCount },
		nextDueAt: next === null && laterDue !== Infinity ? new Date(laterDue) : null
	};
}
