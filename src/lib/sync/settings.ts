/**
 * Settings merged field by field, the last writer winning: a retention changed on the laptop and a
 * daily limit changed on the phone both survive. Each field carries the instant it was last
 * changed; a field never changed on a device has no stamp and loses to any stamped one.
 */
import { TRACKS } from '$lib/cards/types';
import { validateSettings, type SrsSettings } from '$lib/srs/settings';

/** The fields that are merged one by one (limits per track: both of a track's knobs together). */
export const SETTINGS_FIELDS = [
	'desiredRetention',
	'dayStartHour',
	'learningSteps',
	'relearningSteps',
	...TRACKS.map((track) => `limits.${track}` as const)
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

/** Settings with the instant (ISO) each field was last changed. */
export interface StampedSettings {
	settings: SrsSettings;
	changedAt: Partial<Record<SettingsField, string>>;
}

function read(settings: SrsSettings, field: SettingsField): unknown {
	if (field.startsWith('limits.'))
		return settings.limits[field.slice(7) as keyof SrsSettings['limits']];
	return settings[field as Exclude<SettingsField, `limits.${string}`>];
}

function write(settings: SrsSettings, field: SettingsField, value: unknown): void {
	if (field.startsWith('limits.')) {
		(settings.limits as Record<string, unknown>)[field.slice(7)] = value;
	} else (settings as unknown as Record<string, unknown>)[field] = value;
}

/** Stamps the fields that differ between `before` and `after` with `now`. */
export function stampChanges(
	before: StampedSettings,
	after: SrsSettings,
	now: Date
): StampedSettings {
	const changedAt = { ...before.changedAt };
	for (const field of SETTINGS_FIELDS) {
		if (JSON.stringify(read(before.settings, field)) !== JSON.stringify(read(after, field))) {
			changedAt[field] = now.toISOString();
		}
	}
	return { settings: structuredClone(after), changedAt };
}

export interface SettingsMerge {
	merged: StampedSettings;
	/** The fields where the other side's value won, to show the learner what changed. */
	fromOther: SettingsField[];
}

/**
 * Merges two devices' settings field by field; the later stamp wins, and on equal stamps the
 * same value wins on both sides (compared as JSON), so the merge is commutative.
 */
export function mergeSettings(mine: StampedSettings, other: StampedSettings): SettingsMerge {
	const settings = structuredClone(mine.settings);
	const changedAt = { ...mine.changedAt };
	const fromOther: SettingsField[] = [];
	for (const field of SETTINGS_FIELDS) {
		const a = mine.changedAt[field] ?? '';
		const b = other.changedAt[field] ?? '';
		const va = JSON.stringify(read(mine.settings, field));
		const vb = JSON.stringify(read(other.settings, field));
		const otherWins = b !== a ? Date.parse(b || '0') > Date.parse(a || '0') : vb > va;
		if (otherWins && va !== vb) {
			write(settings, field, structuredClone(read(other.settings, field)));
			fromOther.push(field);
		}
		if (otherWins && b) changedAt[field] = b;
	}
	return { merged: { settings: validateSettings(settings), changedAt }, fromOther };
}
