/**
 * A learner's marks on one card, as in Anki's browser: suspended (out of study until unsuspended),
 * buried until a learner day (out of study until that day starts) and a coloured flag (no effect
 * on study: a note to oneself). Pure: the day comes in as a learner day number (`day.ts`).
 */
import type { Track } from '$lib/cards/types';
import { dayNumber } from '$lib/srs/day';

/** Anki's first four flag colours. */
export const FLAGS = ['red', 'orange', 'green', 'blue'] as const;
export type Flag = (typeof FLAGS)[number];

export interface CardMark {
	/** The card's id. */
	id: string;
	/** The card's track, so that statistics can leave out a held card that has no saved state. */
	track: Track;
	suspended: boolean;
	/** The learner day number (`dayNumber`) on which a buried card comes back; `null`: not buried. */
	buriedUntil: number | null;
	flag: Flag | null;
}

/** Whether a mark holds its card out of study on learner day `today`. */
export function isHeld(mark: CardMark | undefined, today: number): boolean {
	if (!mark) return false;
	return mark.suspended || (mark.buriedUntil !== null && today < mark.buriedUntil);
}

/** Whether a mark is buried on learner day `today` (a past burial no longer counts). */
export function isBuried(mark: CardMark | undefined, today: number): boolean {
	return mark?.buriedUntil != null && today < mark.buriedUntil;
}

/** The day a card buried now comes back: the start of the learner's next day, as in Anki. */
export function buryUntil(now: Date, dayStartHour: number, timeZone?: string): number {
	return dayNumber(now, dayStartHour, timeZone) + 1;
}

/** Whether a mark says nothing any more (no suspension, burial or flag): it can be deleted. */
export function isEmptyMark(mark: CardMark, today: number): boolean {
	return !mark.suspended && !isBuried(mark, today) && mark.flag === null;
}
