/**
 * FSRS scheduling of one card, as pure functions of the card's state, the rating and `now`.
 * Wraps ts-fsrs and keeps its pitfalls inside: states are plain JSON (snake_case fields, ISO dates),
 * fuzz is seeded by the card id. Undo is the caller's: it keeps the state from before the review.
 * @see https://github.com/open-spaced-repetition/ts-fsrs
 */
import {
	createEmptyCard,
	dateDiffInDays,
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
	/** Days since the previous review, in ts-fsrs's UTC calendar days; 0 for a new card. */
	elapsedDays: number;
	/** Interval this review gave, in whole days (0 while in learning steps). */
	scheduledDays: number;
	/** Memory state after the review. */
	stability: number;
	difficulty: number;
}

export interface PreviewItem {
	due: Date;
	/** The interval as Anki prints it above the button: `'1m'`, `'10m'`, `'1d'`, `'2.1mo'`. */
	interval: string;
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

function toFsrs(state: CardState): SeededCard {
	const c = state.memory;
	return {
		...c,
		due: new Date(c.due),
		last_review: c.last_review === null ? undefined : new Date(c.last_review),
		[ID_FIELD]: state.id
	};
}

// Fields are picked one by one so that nothing else (the seed id, future library fields) leaks in.
function fromFsrs(id: string, c: FsrsCard): CardState {
	return {
		id,
		memory: {
			due: c.due.toISOString(),
			stability: c.stability,
			difficulty: c.difficulty,
			elapsed_days: c.elapsed_days,
			scheduled_days: c.scheduled_days,
			learning_steps: c.learning_steps,
			reps: c.reps,
			lapses: c.lapses,
			state: c.state,
			last_review: c.last_review ? c.last_review.toISOString() : null
		}
	};
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Anki's natural units: a month is a twelfth of a year.
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

/**
 * Formats a span like Anki's answer buttons: seconds, minutes, hours and days rounded to whole units,
 * months and years to one decimal (`45s`, `10m`, `3h`, `12d`, `2.1mo`, `1.5y`).
 */
export function formatInterval(ms: number): string {
	const span = Math.max(0, ms);
	const decimal = (x: number) => String(Math.round(x * 10) / 10);
	if (span < MINUTE) return `${Math.round(span / 1000)}s`;
	if (span < HOUR) return `${Math.round(span / MINUTE)}m`;
	if (span < DAY) return `${Math.round(span / HOUR)}h`;
	if (span < MONTH) return `${Math.round(span / DAY)}d`;
	if (span < YEAR) return `${decimal(span / MONTH)}mo`;
	return `${decimal(span / YEAR)}y`;
}

/** ts-fsrs parameters for our settings: fuzz always on, as in Anki; short-term steps on. */
export function fsrsParameters(settings: SrsSettings) {
	return generatorParameters({
		request_retention: settings.desiredRetention,
		learning_steps: settings.learningSteps as StepUnit[],
		relearning_steps: settings.relearningSteps as StepUnit[],
		enable_fuzz: true,
		enable_short_term: true
	});
}

/**
 * Creates the scheduler for the given settings (fuzz always on, as in Anki; short-term steps on).
 * The fuzz seed is the card id plus its review count, so a card's interval never depends on when
 * the button preview was computed, and two cards with the same history still spread apart.
 */
export function createScheduler(settings: SrsSettings): Scheduler {
	const f = fsrs(fsrsParameters(settings)).useStrategy(
		StrategyMode.SEED,
		GenSeedStrategyWithCardId(ID_FIELD)
	);

	return {
		newState(cardId, now) {
			return fromFsrs(cardId, createEmptyCard(now));
		},

		preview(state, now) {
			const outcomes = f.repeat(toFsrs(state), now);
			const result = {} as Record<Rating, PreviewItem>;
			for (const rating of RATINGS) {
				const due = outcomes[GRADES[rating]].card.due;
				result[rating] = { due, interval: formatInterval(due.getTime() - now.getTime()) };
			}
			return result;
		},

		rate(state, rating, now) {
			// ts-fsrs names the memory state `card`.
			const { card: after } = f.next(toFsrs(state), now, GRADES[rating]);
			const next = fromFsrs(state.id, after);
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
						: dateDiffInDays(new Date(before.last_review), now),
				scheduledDays: after.scheduled_days,
				stability: after.stability,
				difficulty: after.difficulty
			};
			return { state: next, log };
		}
	};
}
