/**
 * Spaced-repetition settings: the few knobs Anki users already know (desired retention, the hour the
 * day starts, daily limits per track, learning steps).
 */
import { TRACKS, type Track } from '$lib/cards/types';

/** Daily limits of one track, counted per learner day (see `day.ts`). */
export interface TrackLimits {
	/** New cards introduced per day. */
	newPerDay: number;
	/** Reviews of cards in the Review state per day. */
	reviewsPerDay: number;
}

export interface SrsSettings {
	/** Probability of recall FSRS aims for when a card comes back (Anki default 0.90). */
	desiredRetention: number;
	/** Local hour at which the learner's day starts (Anki: 4, so a late-night session counts as today). */
	dayStartHour: number;
	limits: Record<Track, TrackLimits>;
	/** Steps of a new card before it graduates, e.g. `['1m', '10m']`; each under a day. */
	learningSteps: string[];
	/** Steps of a lapsed card before it returns to Review, e.g. `['10m']`; each under a day. */
	relearningSteps: string[];
	/**
	 * FSRS parameters (`w`, 21 numbers) fitted from the learner's own reviews (Settings → Optimise);
	 * absent: FSRS's defaults.
	 */
	parameters?: number[];
	/** New cards added for one learner day by custom study (see `$lib/srs/custom`). */
	extraNew?: ExtraNew;
}

/** "More new cards today": extra new cards per article and track, for one learner day only. */
export interface ExtraNew {
	/** The learner day (`dayKey`) they were added on; other days have none. */
	day: string;
	/** Extra new cards by `article/track`. */
	added: Record<string, number>;
}

/** How many parameters FSRS-6 (ts-fsrs 5, the optimiser) uses. */
export const PARAMETER_COUNT = 21;

/** Anki's defaults, which our users already know. */
export const DEFAULT_SETTINGS: SrsSettings = {
	desiredRetention: 0.9,
	dayStartHour: 4,
	limits: {
		facts: { newPerDay: 20, reviewsPerDay: 200 },
		vocab: { newPerDay: 20, reviewsPerDay: 200 }
	},
	learningSteps: ['1m', '10m'],
	relearningSteps: ['10m']
};

const MINUTES_PER_DAY = 24 * 60;
const STEP = /^(\d+(?:\.\d+)?)([mhd])$/;
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: MINUTES_PER_DAY };

/**
 * Minutes of one learning step (`'10m'` → 10, `'1.5h'` → 90), or `null` when it is not a step.
 */
export function stepMinutes(step: string): number | null {
	const match = STEP.exec(step);
	return match ? Number(match[1]) * UNIT_MINUTES[match[2]] : null;
}

/** What a settings field must be: a number in a range (whole or not), or a list of steps. */
export type SettingsRule =
	| { kind: 'range'; min: number; max: number; integer: boolean }
	| { kind: 'steps' }
	| { kind: 'shape' };

/**
 * Settings that cannot be used. `field` is the path (`limits.facts.newPerDay`, `learningSteps`)
 * and `rule` what it must be, so the UI can say it in its own words (`$lib/i18n/issues`); the
 * message is the English one for logs.
 */
export class SettingsError extends Error {
	name = 'SettingsError';
	constructor(
		readonly field: string,
		readonly rule: SettingsRule,
		message: string
	) {
		super(message);
	}
}

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function numberIn(x: unknown, field: string, min: number, max: number, integer: boolean): number {
	if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) {
		throw new SettingsError(
			field,
			{ kind: 'range', min, max, integer },
			`${field} must be a number from ${min} to ${max}, got ${JSON.stringify(x)}`
		);
	}
	if (integer && !Number.isInteger(x)) {
		throw new SettingsError(
			field,
			{ kind: 'range', min, max, integer },
			`${field} must be a whole number, got ${x}`
		);
	}
	return x;
}

function steps(x: unknown, field: string): string[] {
	if (!Array.isArray(x)) {
		throw new SettingsError(
			field,
			{ kind: 'steps' },
			`${field} must be a list of steps like ['1m', '10m']`
		);
	}
	return x.map((step: unknown, i) => {
		const minutes = typeof step === 'string' ? stepMinutes(step) : null;
		// A step of a day or more sends ts-fsrs straight to Review (pitfall 7), so it is refused here.
		if (minutes === null || minutes <= 0 || minutes >= MINUTES_PER_DAY) {
			throw new SettingsError(
				field,
				{ kind: 'steps' },
				`${field}[${i}] must be a step under a day like '10m' or '2h', got ${JSON.stringify(step)}`
			);
		}
		return step as string;
	});
}

function parameters(x: unknown): number[] {
	if (
		!Array.isArray(x) ||
		x.length !== PARAMETER_COUNT ||
		!x.every((w) => typeof w === 'number' && Number.isFinite(w))
	) {
		throw new SettingsError(
			'parameters',
			{ kind: 'shape' },
			`parameters must be ${PARAMETER_COUNT} numbers`
		);
	}
	return [...x] as number[];
}

function extraNew(x: unknown): ExtraNew {
	const bad = () =>
		new SettingsError('extraNew', { kind: 'shape' }, 'extraNew must be a day and counts');
	if (!isRecord(x) || typeof x.day !== 'string' || !isRecord(x.added)) throw bad();
	const added: Record<string, number> = {};
	for (const [key, n] of Object.entries(x.added)) {
		added[key] = numberIn(n, `extraNew.added.${key}`, 0, 9999, true);
	}
	return { day: x.day, added };
}

/**
 * Checks settings read from storage or a form and returns a fresh, typed copy.
 * Ranges: retention 0.70–0.97 (Anki warns above 0.97: the workload explodes), day start hour 0–23,
 * limits 0–9999, steps under a day.
 * @throws SettingsError whose `field` and message name the offending field, e.g. `limits.vocab.newPerDay must be …`.
 */
export function validateSettings(x: unknown): SrsSettings {
	const shape = (field: string, message: string) =>
		new SettingsError(field, { kind: 'shape' }, message);
	if (!isRecord(x)) throw shape('settings', 'settings must be an object');
	const limits = x.limits;
	if (!isRecord(limits)) throw shape('limits', 'limits must be an object with facts and vocab');
	const checked = {} as Record<Track, TrackLimits>;
	for (const track of TRACKS) {
		const l = limits[track];
		if (!isRecord(l)) throw shape(`limits.${track}`, `limits.${track} must be an object`);
		checked[track] = {
			newPerDay: numberIn(l.newPerDay, `limits.${track}.newPerDay`, 0, 9999, true),
			reviewsPerDay: numberIn(l.reviewsPerDay, `limits.${track}.reviewsPerDay`, 0, 9999, true)
		};
	}
	const optional: Pick<SrsSettings, 'parameters' | 'extraNew'> = {};
	if (x.parameters !== undefined) optional.parameters = parameters(x.parameters);
	if (x.extraNew !== undefined) optional.extraNew = extraNew(x.extraNew);
	return {
		...optional,
		desiredRetention: numberIn(x.desiredRetention, 'desiredRetention', 0.7, 0.97, false),
		dayStartHour: numberIn(x.dayStartHour, 'dayStartHour', 0, 23, true),
		limits: checked,
		learningSteps: steps(x.learningSteps, 'learningSteps'),
		relearningSteps: steps(x.relearningSteps, 'relearningSteps')
	};
}
