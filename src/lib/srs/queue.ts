/**
 * What to review next, following Anki: learning cards when due, then today's reviews with new cards
 * spread among them, within the track's daily limits, with siblings buried until tomorrow.
 * One pass over the cards and one over today's log: it runs on 20,000 cards and 200,000 reviews.
 */
import type { Track } from '$lib/cards/types';
import { startOfDay, startOfNextDay } from '$lib/srs/day';
import { State, type CardState, type MemoryState, type ReviewLog } from '$lib/srs/scheduler';
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
	/** New cards added to today's limits by custom study ("more new cards today"). */
	extraNew?: number;
}

export interface Queue {
	/** Id of the card to show now, or `null` when nothing is left for now. */
	next: string | null;
	/**
	 * What is left today, as on Anki's deck list: learning counts every learning card due before the
	 * next learner day (waiting ones too, not only those due now); review counts due reviews within
	 * the daily limit and not buried.
	 */
	counts: { new: number; learning: number; review: number };
	/** When the queue is empty: when the next learning card becomes due ("next card at …"). */
	nextDueAt: Date | null;
	/**
	 * When the queue is empty and no learning card is left today: the start of the next learner day
	 * with a card to study (tomorrow when a limit or a buried sibling held cards back); never in the
	 * past. `null` when no card will ever be due.
	 */
	nextDay: Date | null;
}

/** Which count a card's state adds to when it is due before `dayEnd` (ms): the one rule of "due today". */
export type DueKind = 'learning' | 'review';

/**
 * Whether a saved state is due today, and as what: learning and relearning cards due before the
 * next learner day (those waiting for a later step today included), review cards due before it
 * (overdue included). The study counts and the statistics' "due today" both count with this.
 */
export function dueKind(memory: MemoryState, dayEnd: number): DueKind | null {
	if (memory.state === State.New) return null;
	if (Date.parse(memory.due) >= dayEnd) return null;
	return memory.state === State.Review ? 'review' : 'learning';
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
	const { cards, states, todaysLog, settings, now, track, timeZone, extraNew = 0 } = input;
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
	// The earliest due date from tomorrow on, for "next review on …".
	let nextDayDue = Infinity;
	for (const { id, due } of learning) {
		if (due >= dayEnd) {
			nextDayDue = Math.min(nextDayDue, due);
			continue;
		}
		learningCount++;
		if (due <= nowMs) {
			if (due < learningNextDue) [learningNext, learningNextDue] = [id, due];
		} else if (due < laterDue) [laterNext, laterDue] = [id, due];
	}

	// As in Anki, the review limit applies to new cards too: new cards studied count against it,
	// and none are introduced while due reviews fill it (a backlog is not made worse).
	// Extra new cards asked for today raise both limits, so the review limit cannot swallow them.
	const reviewsLeft = Math.max(0, limits.reviewsPerDay + extraNew - reviewsDone - newDone);
	const newLimit = Math.max(0, limits.newPerDay + extraNew - newDone);
	let firstNew: string | null = null;
	let newCount = 0;
	let reviewNext: string | null = null;
	let reviewNextDue = Infinity;
	let reviewCount = 0;
	// Cards that would be studied today but for a limit or a buried sibling: they wait for tomorrow.
	let heldBack = false;
	for (const card of cards) {
		if (card.track !== track) continue;
		const s = states.get(card.id)?.memory;
		const isNew = !s || s.state === State.New;
		if (s && s.state === State.Review && dueKind(s, dayEnd) === null) {
			nextDayDue = Math.min(nextDayDue, Date.parse(s.due));
			continue;
		}
		if (!isNew && s.state !== State.Review) continue;
		if (blocked(touched, card)) {
			heldBack = true;
		} else if (isNew) {
			if (newCount < newLimit) {
				newCount++;
				firstNew ??= card.id;
			} else if (limits.newPerDay > 0) heldBack = true;
		} else {
			const due = Date.parse(s.due);
			reviewCount++;
			if (due < reviewNextDue) [reviewNext, reviewNextDue] = [card.id, due];
		}
	}
	// The limit keeps the earliest-due reviews; only the first one is needed here.
	if (reviewCount > reviewsLeft) heldBack = true;
	reviewCount = Math.min(reviewCount, reviewsLeft);
	if (reviewCount === 0) reviewNext = null;
	if (newCount > reviewsLeft - reviewCount) heldBack = true;
	newCount = Math.min(newCount, reviewsLeft - reviewCount);
	if (newCount === 0) firstNew = null;
	const counts = { new: newCount, learning: learningCount, review: reviewCount };

	const newToday = newDone + newCount;
	const reviewsToday = reviewsDone + reviewCount;
	const newFirst =
		firstNew !== null &&
		(reviewNext === null || (newDone + 1) * reviewsToday <= reviewsDone * newToday);
	const next = learningNext ?? (newFirst ? firstNew : (reviewNext ?? firstNew));
	if (next === null && laterNext !== null && laterDue - nowMs <= LEARN_AHEAD_MS) {
		// Learning ahead, as in Anki.
		return { next: laterNext, counts, nextDueAt: null, nextDay: null };
	}
	if (next !== null) return { next, counts, nextDueAt: null, nextDay: null };
	if (laterDue !== Infinity) return { next, counts, nextDueAt: new Date(laterDue), nextDay: null };
	// A card due from tomorrow on is shown from the start of its learner day.
	const nextDay = heldBack
		? new Date(dayEnd)
		: nextDayDue === Infinity
			? null
			: startOfDay(new Date(nextDayDue), settings.dayStartHour, timeZone);
	return { next, counts, nextDueAt: null, nextDay };
}
