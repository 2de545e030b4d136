/**
 * FSRS scheduling of one card, as pure functions of the card's state, the rating and `now`.
 * Wraps ts-fsrs and keeps its pitfalls inside: states are plain JSON (snake_case fields, ISO dates),
 * fuzz is seeded by the card id. Undo is the caller's: it keeps the state from before the review.
 * @see https://github.com/open-spaced-repetition/ts-fsrs
 */
import {
	createEmptyCard,
	fsrs,
	generatorParameters,
	GenSeedStrategyWithCardId,
	Rating as FsrsRating,
	State,
	StrategyMode,
	type Card as FsrsCard,
	type Grade,
	type StepUnit
} from 'ts-fsrs';
import { dayNumber, startOfDayNumber } from '$lib/srs/day';
import type { SrsSettings } from '$lib/srs/settings';

export { State };

/** The four ratings, named as on the buttons. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];
const GRADES: Record<Rating, Grade> = {
	again: FsrsRating.Again,
	hard: FsrsRating.Hard,
	good: FsrsRating.Good,
	easy: FsrsRating.Easy
};

/**
 * A card's FSRS memory state (ts-fsrs calls it a `Card`; here a card is what is reviewed), as
 * stored: the library's own snake_case names (a renamed field silently loses the history,
 * pitfall 1) and ISO dates, so it survives JSON and IndexedDB unchanged.
 */
export interface MemoryState {
	due: string;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: State;
	/** `null`, not `undefined`, so a JSON round trip keeps the field. */
	last_review: string | null;
}

/** What the app stores per card: its id and its FSRS memory state. */
export interface CardState {
	id: string;
	memory: MemoryState;
}

/** One review, JSON-safe; enough to count today's work and, later, to optimise FSRS parameters. */
export interface ReviewLog {
	cardId: string;
	rating: Rating;
	/** When the review happened (ISO). */
	reviewedAt: string;
	/** State of the card before this review (New here means "introduced today"). */
	previousState: State;
	/** Due date before this review (ISO). */
	previousDue: string;
	/**
	 * Learner days since the previous review (days as `day.ts` counts them, in the learner's zone
	 * and from the day start hour, as FSRS was given them); 0 for a new card.
	 */
	elapsedDays: number;
	/** Interval this review gave, in whole days (0 while in learning steps). */
	scheduledDays: number;
	/** Memory state after the review. */
	stability: number;
	difficulty: number;
}

/** An interval in the unit Anki would print it in, for a label in the UI language. */
export interface IntervalSpan {
	/** Whole for seconds to days, one decimal for months and years. */
	count: number;
	unit: 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';
}

export interface PreviewItem {
	due: Date;
	/** The interval as Anki prints it above the button: `'1m'`, `'10m'`, `'1d'`, `'2.1mo'`. */
	interval: string;
	/** The same interval as a count and unit; a review interval is in learner days. */
	span: IntervalSpan;
}

export interface RateResult {
	state: CardState;
	log: ReviewLog;
}

export interface Scheduler {
	newState(cardId: string, now: Date): CardState;
	preview(state: CardState, now: Date): Record<Rating, PreviewItem>;
	rate(state: CardState, rating: Rating, now: Date): RateResult;
}

// The seed strategy reads the id from this field of the card handed to ts-fsrs.
const ID_FIELD = 'card_id';
type SeededCard = FsrsCard & { [ID_FIELD]: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Anki's natural units: a month is a twelfth of a year.
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

/**
 * The learner's days as ts-fsrs sees them. ts-fsrs counts elapsed days in UTC calendar days and
 * schedules `now + N × 24 h` (pitfall 3), so it is handed a virtual clock in which each learner day
 * is one UTC day: an instant maps to the UTC midnight of its learner day number plus the time since
 * that day started (kept inside the virtual day: a 25-hour DST day is clamped). Elapsed days are then
 * learner days, in the learner's zone, whatever the UTC offset or DST.
 */
interface LearnerClock {
	toVirtual(real: Date): Date;
	day(real: Date): number;
	startOf(day: number): Date;
}

function learnerClock(dayStartHour: number, timeZone: string | undefined): LearnerClock {
	// Day starts cost several `Intl` calls each; a scheduler sees few distinct days, so they are
	// kept (bounded), and an instant is placed by comparing it with the starts around it.
	const starts = new Map<number, number>();
	const startOf = (n: number): number => {
		let t = starts.get(n);
		if (t === undefined) {
			if (starts.size > 4096) starts.clear();
			t = startOfDayNumber(n, dayStartHour, timeZone).getTime();
			starts.set(n, t);
		}
		return t;
	};
	const day = (real: Date): number => {
		const t = real.getTime();
		// Zone offsets lie within −12 h … +14 h, so the learner day is one of three around this guess.
		const guess = Math.floor((t - dayStartHour * HOUR) / DAY);
		for (let n = guess - 1; n <= guess + 1; n++) {
			if (startOf(n) <= t && t < startOf(n + 1)) return n;
		}
		return dayNumber(real, dayStartHour, timeZone);
	};
	return {
		day,
		startOf: (n) => new Date(startOf(n)),
		toVirtual(real) {
			const n = day(real);
			const since = real.getTime() - startOf(n);
			return new Date(n * DAY + Math.min(Math.max(0, since), DAY - 1));
		}
	};
}

function toFsrs(state: CardState, clock: LearnerClock): SeededCard {
	const c = state.memory;
	return {
		...c,
		due: clock.toVirtual(new Date(c.due)),
		last_review: c.last_review === null ? undefined : clock.toVirtual(new Date(c.last_review)),
		[ID_FIELD]: state.id
	};
}

// Fields are picked one by one so that nothing else (the seed id, future library fields) leaks in.
// `due` and `lastReview` are real instants (ts-fsrs's are virtual).
function fromFsrs(id: string, c: FsrsCard, due: Date, lastReview: Date | null): CardState {
	return {
		id,
		memory: {
			due: due.toISOString(),
			stability: c.stability,
			difficulty: c.difficulty,
			elapsed_days: c.elapsed_days,
			scheduled_days: c.scheduled_days,
			learning_steps: c.learning_steps,
			reps: c.reps,
			lapses: c.lapses,
			state: c.state,
			last_review: lastReview ? lastReview.toISOString() : null
		}
	};
}

/**
 * Formats a span like Anki's answer buttons: seconds, minutes, hours and days rounded to whole units,
 * months and years to one decimal (`45s`, `10m`, `3h`, `12d`, `2.1mo`, `1.5y`).
 */
export function formatInterval(ms: number): string {
	const { count, unit } = intervalSpan(ms);
	return `${count}${SHORT_UNITS[unit]}`;
}

const SHORT_UNITS: Record<IntervalSpan['unit'], string> = {
	second: 's',
	minute: 'm',
	hour: 'h',
	day: 'd',
	month: 'mo',
	year: 'y'
};

/** `formatInterval` as a count and a unit, for labels in the UI language. */
export function intervalSpan(ms: number): IntervalSpan {
	const span = Math.max(0, ms);
	const decimal = (x: number) => Math.round(x * 10) / 10;
	if (span < MINUTE) return { count: Math.round(span / 1000), unit: 'second' };
	if (span < HOUR) return { count: Math.round(span / MINUTE), unit: 'minute' };
	if (span < DAY) return { count: Math.round(span / HOUR), unit: 'hour' };
	if (span < MONTH) return { count: Math.round(span / DAY), unit: 'day' };
	if (span < YEAR) return { count: decimal(span / MONTH), unit: 'month' };
	return { count: decimal(span / YEAR), unit: 'year' };
}

/**
 * ts-fsrs parameters for our settings: fuzz always on, as in Anki; short-term steps on; the
 * learner's fitted `w` when Optimise has saved one (ts-fsrs's defaults otherwise).
 */
export function fsrsParameters(settings: SrsSettings) {
	return generatorParameters({
		...(settings.parameters ? { w: settings.parameters } : {}),
		request_retention: settings.desiredRetention,
		learning_steps: settings.learningSteps as StepUnit[],
		relearning_steps: settings.relearningSteps as StepUnit[],
		enable_fuzz: true,
		enable_short_term: true
	});
}

/** What one rating would do: the memory state after it and its real due date. */
interface Outcome {
	card: FsrsCard;
	due: Date;
	/** Whole learner days when the card is in Review after the rating, else `null` (a step). */
	days: number | null;
}

export interface SchedulerOptions {
	/** IANA zone of the learner's day (the browser's); defaults to the runtime's local zone. */
	timeZone?: string;
}

/**
 * Creates the scheduler for the given settings (fuzz always on, as in Anki; short-term steps on).
 * The fuzz seed is the card id plus its review count, so a card's interval never depends on when
 * the button preview was computed, and two cards with the same history still spread apart.
 *
 * Days are the learner's (see `LearnerClock`): a card in Review is due on a learner day number, as
 * in Anki, from the start of that day, so a DST change never moves it by a day; learning steps stay
 * in real minutes. Easy always gives a longer interval than Good, and Good than Hard: ts-fsrs keeps
 * that order for Review cards only, and its fuzz can break it when a learning card graduates.
 */
export function createScheduler(settings: SrsSettings, options: SchedulerOptions = {}): Scheduler {
	const f = fsrs(fsrsParameters(settings)).useStrategy(
		StrategyMode.SEED,
		GenSeedStrategyWithCardId(ID_FIELD)
	);
	const clock = learnerClock(settings.dayStartHour, options.timeZone);

	function outcomes(state: CardState, now: Date): Record<Rating, Outcome> {
		const virtualNow = clock.toVirtual(now);
		const today = clock.day(now);
		const all = f.repeat(toFsrs(state, clock), virtualNow);
		const result = {} as Record<Rating, Outcome>;
		// Each rating above Again must bring the card back later than the one below it.
		let shortest = 0;
		let after = -Infinity;
		for (const rating of RATINGS) {
			const card = all[GRADES[rating]].card;
			let due: Date;
			let days: number | null = null;
			if (card.state !== State.Review) {
				// A step in minutes: real time, as long as ts-fsrs made it.
				due = new Date(now.getTime() + (card.due.getTime() - virtualNow.getTime()));
			} else {
				days = Math.max(card.scheduled_days, shortest, 1);
				due = clock.startOf(today + days);
				// Minutes before the day start, "1 day" starts sooner than a 10-minute step ends.
				while (due.getTime() <= after) due = clock.startOf(today + ++days);
				card.scheduled_days = days;
				if (rating !== 'again') shortest = days + 1;
			}
			if (rating !== 'again') after = due.getTime();
			result[rating] = { card, due, days };
		}
		return result;
	}

	return {
		newState(cardId, now) {
			return fromFsrs(cardId, createEmptyCard(now), now, null);
		},

		preview(state, now) {
			const all = outcomes(state, now);
			const result = {} as Record<Rating, PreviewItem>;
			for (const rating of RATINGS) {
				const { due, days } = all[rating];
				// A review interval is in learner days: from 21:00 to the start of the day after tomorrow
				// is 2 days, not the 31 hours between them.
				const ms = days === null ? due.getTime() - now.getTime() : days * DAY;
				result[rating] = { due, interval: formatInterval(ms), span: intervalSpan(ms) };
			}
			return result;
		},

		rate(state, rating, now) {
			const { card: after, due } = outcomes(state, now)[rating];
			const next = fromFsrs(state.id, after, due, now);
			const before = state.memory;
			const log: ReviewLog = {
				cardId: state.id,
				rating,
				reviewedAt: now.toISOString(),
				previousState: before.state,
				previousDue: before.due,
				elapsedDays:
					before.state === State.New || before.last_review === null
						? 0
						: Math.max(0, clock.day(now) - clock.day(new Date(before.last_review))),
				scheduledDays: after.scheduled_days,
				stability: after.stability,
				difficulty: after.difficulty
			};
			return { state: next, log };
		}
	};
}
