/**
 * The learner's day. ts-fsrs counts days in UTC and has no "day starts at" setting (pitfall 3), so
 * daily limits and "due today" use this day instead: like Anki, it starts at `dayStartHour` local time,
 * and a review at 03:30 belongs to the previous day when the day starts at 4.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

// Building an Intl formatter is slow (tens of µs); one per time zone is enough.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
	const key = timeZone ?? '';
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(key, f);
	}
	return f;
}

/** The wall-clock time at `ms` in `timeZone` (the runtime's own zone when undefined). */
function wallClock(ms: number, timeZone: string | undefined): WallClock {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(ms)) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour % 24,
		minute: parts.minute,
		second: parts.second
	};
}

/** Calendar date (as UTC midnight ms) of the learner's day containing `now`. */
function learnerDate(now: Date, dayStartHour: number, timeZone: string | undefined): number {
	const w = wallClock(now.getTime(), timeZone);
	// Wall-clock arithmetic, not `now - dayStartHour hours`: that would be off by one on DST days.
	const date = Date.UTC(w.year, w.month - 1, w.day);
	return w.hour < dayStartHour ? date - DAY_MS : date;
}

/** The zone offset at instant `ms`, in ms (wall clock read as UTC − instant). */
function offsetAt(ms: number, timeZone: string | undefined): number {
	const w = wallClock(ms, timeZone);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - ms;
}

/**
 * The first instant of learner date `date` (UTC-midnight ms): the first instant whose wall clock in
 * `timeZone` reads `hour`:00 or later on that date. On a DST day that hour may not exist (spring
 * forward at 02:00: the day starts at 03:00, when the clock jumps) or exist twice (fall back: the
 * day starts at the first 02:00). The offset in force is the one before or the one after the
 * change, so the answer is one of two candidates: the earlier of them that already belongs to the day.
 */
function instantOf(date: number, hour: number, timeZone: string | undefined): Date {
	const target = date + hour * HOUR_MS;
	const candidates = [
		target - offsetAt(target - DAY_MS, timeZone),
		target - offsetAt(target + DAY_MS, timeZone),
		target - offsetAt(target, timeZone)
	].sort((a, b) => a - b);
	for (const c of candidates) {
		if (learnerDate(new Date(c), hour, timeZone) >= date) return new Date(c);
	}
	return new Date(candidates[candidates.length - 1]);
}

/**
 * The learner's day of `now` as `'YYYY-MM-DD'`.
 * @param timeZone IANA zone such as `'Europe/Rome'`; defaults to the runtime's local zone.
 * @example dayKey(new Date('2025-03-10T03:30+01:00'), 4, 'Europe/Rome') // '2025-03-09'
 */
export function dayKey(now: Date, dayStartHour: number, timeZone?: string): string {
	return new Date(learnerDate(now, dayStartHour, timeZone)).toISOString().slice(0, 10);
}

/** When the learner's day containing `now` started (`dayStartHour`:00 local). */
export function startOfDay(now: Date, dayStartHour: number, timeZone?: string): Date {
	return instantOf(learnerDate(now, dayStartHour, timeZone), dayStartHour, timeZone);
}

/** When the learner's next day starts: the end of "today" for due reviews and daily limits. */
export function startOfNextDay(now: Date, dayStartHour: number, timeZone?: string): Date {
	return instantOf(learnerDate(now, dayStartHour, timeZone) + DAY_MS, dayStartHour, timeZone);
}

/**
 * The learner's day of `now` as a day number (days since 1970-01-01), as Anki counts days: two
 * instants are `n` days apart when their learner days are, whatever the hours and DST in between.
 */
export function dayNumber(now: Date, dayStartHour: number, timeZone?: string): number {
	return Math.round(learnerDate(now, dayStartHour, timeZone) / DAY_MS);
}

/** When learner day number `day` (see `dayNumber`) starts. */
export function startOfDayNumber(day: number, dayStartHour: number, timeZone?: string): Date {
	return instantOf(day * DAY_MS, dayStartHour, timeZone);
}
