/**
 * Custom study, as Anki offers it once the day's cards are done (issue 14, point 6): more new cards
 * today, review ahead, and the cards missed this week.
 *
 * Reviews made here count for scheduling, as in Anki's filtered decks ("Reschedule cards based on my
 * answers", on by default): a card reviewed ahead is rated with the days that really passed, so FSRS
 * sees a higher retrievability and grows its stability less, exactly as for any early review; the
 * optimiser then learns from these reviews too. Not counting them would throw that evidence away.
 */
import { dayKey, dayNumber, startOfDayNumber, startOfNextDay } from '$lib/srs/day';
import { dueKind } from '$lib/srs/queue';
import { State, type CardState, type ReviewLog } from '$lib/srs/scheduler';
import type { ExtraNew } from '$lib/srs/settings';

/** The two filtered sessions: cards due in the next days, or cards rated Again this week. */
export type CustomKind = 'ahead' | 'missed';

/** How far "study what I missed" looks back, in learner days (today included). */
export const MISSED_DAYS = 7;

/** Where the learner's day is: the settings' day start and the browser's zone. */
export interface LearnerDay {
	now: Date;
	dayStartHour: number;
	timeZone?: string;
}

/** The key of one study page's extra new cards: its article and track. */
export const extraKey = (article: string, track: string) => `${article}/${track}`;

/** Extra new cards added today for `key`; 0 when they were added on another learner day. */
export function extraNewToday(extra: ExtraNew | undefined, key: string, day: LearnerDay): number {
	if (!extra || extra.day !== dayKey(day.now, day.dayStartHour, day.timeZone)) return 0;
	return extra.added[key] ?? 0;
}

/**
 * Adds `count` new cards to today's limit of `key`. Other days' additions are dropped (they were for
 * that day only), other pages' of today are kept.
 */
export function addExtraNew(
	extra: ExtraNew | undefined,
	key: string,
	count: number,
	day: LearnerDay
): ExtraNew {
	const today = dayKey(day.now, day.dayStartHour, day.timeZone);
	const added = extra?.day === today ? { ...extra.added } : {};
	added[key] = Math.min(9999, (added[key] ?? 0) + Math.max(0, Math.round(count)));
	return { day: today, added };
}

/**
 * Review cards due in the next `days` learner days (tomorrow up to today + `days`), earliest due
 * first. Today's are left out: the ordinary queue has them.
 */
export function reviewAhead(
	ids: readonly string[],
	states: ReadonlyMap<string, CardState>,
	days: number,
	day: LearnerDay
): string[] {
	const { now, dayStartHour, timeZone } = day;
	const from = startOfNextDay(now, dayStartHour, timeZone).getTime();
	const until = startOfDayNumber(
		dayNumber(now, dayStartHour, timeZone) + 1 + days,
		dayStartHour,
		timeZone
	).getTime();
	const due: { id: string; at: number }[] = [];
	for (const id of ids) {
		const memory = states.get(id)?.memory;
		if (memory?.state !== State.Review) continue;
		const at = Date.parse(memory.due);
		if (at >= from && at < until) due.push({ id, at });
	}
	return due.sort((a, b) => a.at - b.at).map((card) => card.id);
}

/**
 * Cards rated Again in the last `MISSED_DAYS` learner days, most missed first (then the most
 * recently missed). Cards the ordinary queue shows today anyway (relearning, due) are left out.
 */
export function missedThisWeek(
	ids: readonly string[],
	states: ReadonlyMap<string, CardState>,
	log: readonly Pick<ReviewLog, 'cardId' | 'rating' | 'reviewedAt'>[],
	day: LearnerDay
): string[] {
	const { now, dayStartHour, timeZone } = day;
	const since = startOfDayNumber(
		dayNumber(now, dayStartHour, timeZone) - (MISSED_DAYS - 1),
		dayStartHour,
		timeZone
	).getTime();
	const dayEnd = startOfNextDay(now, dayStartHour, timeZone).getTime();
	const wanted = new Set(ids);
	const missed = new Map<string, { count: number; last: number }>();
	for (const review of log) {
		if (review.rating !== 'again' || !wanted.has(review.cardId)) continue;
		const at = Date.parse(review.reviewedAt);
		if (!(at >= since && at <= now.getTime())) continue;
		const seen = missed.get(review.cardId);
		missed.set(review.cardId, {
			count: (seen?.count ?? 0) + 1,
			last: Math.max(seen?.last ?? 0, at)
		});
	}
	return [...missed]
		.filter(([id]) => {
			const memory = states.get(id)?.memory;
			return memory !== undefined && dueKind(memory, dayEnd) === null;
		})
		.sort(([, a], [, b]) => b.count - a.count || b.last - a.last)
		.map(([id]) => id);
}

/**
 * The next card of a custom session: the first of `ids` not yet rated since it began (`rated`:
 * ids of the cards rated in it), and how many are left.
 */
export function customNext(
	ids: readonly string[],
	rated: ReadonlySet<string>
): { next: string | null; left: number } {
	const left = ids.filter((id) => !rated.has(id));
	return { next: left[0] ?? null, left: left.length };
}
