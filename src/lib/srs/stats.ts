/**
 * Statistics as Anki shows them: what is due today and tomorrow, a 30-day due forecast, reviews per
 * day, true retention and cards by state. Pure: the clock, the settings and the time zone come in,
 * and "a day" is the learner's day (it starts at `settings.dayStartHour`, see `day.ts`).
 *
 * One pass over the states and one over the log. Day boundaries are computed once (60 instants,
 * DST-safe) and each date is placed by a binary search among them, so no `Intl` call is made per
 * card or per review: it runs on 20,000 cards and 200,000 reviews well inside a frame budget.
 */
import { TRACKS, type Track } from '$lib/cards/types';
import { dayKey, startOfDay, startOfNextDay } from '$lib/srs/day';
import { dueKind } from '$lib/srs/queue';
import { State, type Rating } from '$lib/srs/scheduler';
import type { SrsSettings } from '$lib/srs/settings';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';

/** Days shown by the forecast and by the reviews-per-day history. */
export const STATS_DAYS = 30;

/** Anki calls a review card mature once its interval reaches 21 days. */
export const MATURE_DAYS = 21;

export interface StatsInput {
	/** Saved states by card id (as `ProgressStore.load` returns them). */
	states: ReadonlyMap<string, StateRecord>;
	/** The review log, any order. */
	reviews: readonly ReviewRecord[];
	settings: SrsSettings;
	now: Date;
	/** IANA zone of the learner's day; defaults to the runtime's local zone. */
	timeZone?: string;
	/** One track, or every track when undefined. */
	track?: Track;
	/** Cards in the deck per track: the ones without a saved state are new. */
	totalCards?: Partial<Record<Track, number>>;
}

/** Reviews of one learner day, split by rating. */
export interface ReviewDay extends Record<Rating, number> {
	/** The learner's day, `'YYYY-MM-DD'`. */
	day: string;
	total: number;
}

export interface StateCounts {
	/** Cards of the deck never reviewed (from `totalCards`, so 0 when it is not given). */
	new: number;
	learning: number;
	/** Every card in the Review state, mature ones included. */
	review: number;
	relearning: number;
	/** Review cards with an interval of at least 21 days (a part of `review`). */
	mature: number;
}

export interface Stats {
	/**
	 * Cards in learning, relearning or review due before the next learner day starts (overdue too):
	 * the rule the study counts use (`dueKind`), before daily limits and burying.
	 */
	dueToday: number;
	dueTomorrow: number;
	/** Cards falling due on each of the next 30 learner days; day 0 is today, overdue included. */
	forecast: number[];
	/** The learner days of `forecast`, `'YYYY-MM-DD'`. */
	forecastDays: string[];
	/** The last 30 learner days, oldest first, today last. */
	reviewsPerDay: ReviewDay[];
	/**
	 * Anki's true retention over the last 30 days: among reviews of cards that were in the Review
	 * state, the share not rated Again; `null` when there were none.
	 */
	trueRetention: { rate: number; reviews: number } | null;
	byState: StateCounts;
	/** Reviews in the whole log (of the track). */
	totalReviews: number;
}

/**
 * Start instants of learner days `-STATS_DAYS + 1` … `STATS_DAYS` relative to today (today is at
 * index `STATS_DAYS - 1`), as epoch ms, ascending. Walked day by day, so a 23- or 25-hour DST day is
 * exactly as long as it is.
 */
function dayStarts(now: Date, hour: number, timeZone: string | undefined): number[] {
	const today = startOfDay(now, hour, timeZone).getTime();
	const past: number[] = [today];
	for (let i = 1; i < STATS_DAYS; i++) {
		past.push(startOfDay(new Date(past[i - 1] - 1), hour, timeZone).getTime());
	}
	const starts = past.reverse();
	for (let i = 0; i < STATS_DAYS; i++) {
		starts.push(startOfNextDay(new Date(starts[starts.length - 1]), hour, timeZone).getTime());
	}
	return starts;
}

/** Index `i` with `starts[i] ≤ t < starts[i + 1]`; -1 before the first, `length - 1` from the last. */
function slot<T>(starts: readonly T[], t: T): number {
	let lo = 0;
	let hi = starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (starts[mid] <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

/**
 * Whether `iso` is in the form `Date.prototype.toISOString` writes (`2025-01-15T09:00:00.000Z`),
 * the form the app stores. Such strings sort as their instants do, so a string comparison can skip
 * a review outside the window without `Date.parse`, which would cost more than everything else here.
 */
function canonical(iso: string): boolean {
	// 90 is 'Z', 84 is 'T'.
	return iso.length === 24 && iso.charCodeAt(23) === 90 && iso.charCodeAt(10) === 84;
}

/** `slot` of a stored date, by string comparison when it is canonical, else by its instant. */
function slotOf(iso: string, starts: readonly number[], startsIso: readonly string[]): number {
	return canonical(iso) ? slot(startsIso, iso) : slot(starts, Date.parse(iso));
}

/**
 * Computes the statistics of one track (or all) at `now`.
 *
 * - Forecast and due counts use saved states in learning, relearning or review; a card overdue
 *   counts today. Cards due more than 30 days ahead are outside the forecast.
 * - Reviews per day and true retention use reviews from the start of the learner day 29 days ago
 *   up to the end of today.
 *
 * @see https://docs.ankiweb.net/stats.html
 */
export function computeStats(input: StatsInput): Stats {
	const { states, reviews, settings, now, timeZone, track } = input;
	const starts = dayStarts(now, settings.dayStartHour, timeZone);
	const startsIso = starts.map((t) => new Date(t).toISOString());
	const today = STATS_DAYS - 1;
	const lastSlot = starts.length - 1;

	const forecast = new Array<number>(STATS_DAYS).fill(0);
	const byState: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, mature: 0 };
	let started = 0;
	let dueToday = 0;
	for (const record of states.values()) {
		if (track !== undefined && record.track !== track) continue;
		const memory = record.memory;
		if (memory.state === State.New) continue;
		started++;
		if (dueKind(memory, starts[today + 1]) !== null) dueToday++;
		if (memory.state === State.Learning) byState.learning++;
		else if (memory.state === State.Relearning) byState.relearning++;
		else {
			byState.review++;
			if (memory.scheduled_days >= MATURE_DAYS) byState.mature++;
		}
		// Slots run to the start of day +30; a card due on or after it is outside the forecast.
		const i = slotOf(memory.due, starts, startsIso);
		if (i < lastSlot) forecast[Math.max(0, i - today)]++;
	}
	let total = 0;
	for (const t of track === undefined ? TRACKS : [track]) total += input.totalCards?.[t] ?? 0;
	// Saved states of cards no longer in the deck must not make the count negative.
	byState.new = Math.max(0, total - started);

	const reviewsPerDay: ReviewDay[] = [];
	for (let i = 0; i < STATS_DAYS; i++) {
		const day = dayKey(new Date(starts[i]), settings.dayStartHour, timeZone);
		reviewsPerDay.push({ day, total: 0, again: 0, hard: 0, good: 0, easy: 0 });
	}
	// The window runs from the start of day −29 to the start of tomorrow.
	const windowStart = startsIso[0];
	const windowEnd = startsIso[today + 1];
	let totalReviews = 0;
	let retained = 0;
	let judged = 0;
	for (const review of reviews) {
		if (track !== undefined && review.track !== track) continue;
		totalReviews++;
		const iso = review.reviewedAt;
		// Most of a long log is older than the window: two string comparisons skip it.
		if (canonical(iso) && (iso < windowStart || iso >= windowEnd)) continue;
		const i = slotOf(iso, starts, startsIso);
		if (i < 0 || i > today) continue;
		const entry = reviewsPerDay[i];
		entry.total++;
		entry[review.rating]++;
		if (review.previousState === State.Review) {
			judged++;
			if (review.rating !== 'again') retained++;
		}
	}

	const forecastDays: string[] = [];
	for (let i = 0; i < STATS_DAYS; i++) {
		forecastDays.push(dayKey(new Date(starts[today + i]), settings.dayStartHour, timeZone));
	}

	return {
		dueToday,
		dueTomorrow: forecast[1],
		forecast,
		forecastDays,
		reviewsPerDay,
		trueRetention: judged === 0 ? null : { rate: retained / judged, reviews: judged },
		byState,
		totalReviews
	};
}
