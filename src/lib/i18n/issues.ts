/**
 * Validation problems in the person's words: one place that turns a settings error, a zod issue
 * or a damaged backup into a sentence in the UI's language that names the field as the form
 * labels it ("New cards per day (facts) must be a whole number from 0 to 9999."), never a path
 * such as `limits.facts.newPerDay`. Forms show what these return; none of them words its own.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { TRACKS, type Track } from '$lib/cards/types';
import { TRACK_NAMES } from '$lib/components/track-names';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { SettingsError, type SettingsRule } from '$lib/srs/settings';
import { BackupError } from '$lib/storage/records';

/** What a field must be, whoever checked it (settings.ts or a zod schema). */
export type FieldRule =
	| SettingsRule
	| { kind: 'min'; min: number }
	| { kind: 'max'; max: number }
	| { kind: 'too-long'; max: number }
	| { kind: 'invalid' };

const isTrack = (x: PropertyKey | undefined): x is Track => TRACKS.includes(x as Track);

/** A settings field as the settings form labels it; the path is settings.ts's. */
export function settingsFieldLabel(path: string): string {
	const [head, track, limit] = path.split('.');
	if (head === 'limits' && isTrack(track)) {
		const field =
			limit === 'newPerDay'
				? m.settings_new_per_day()
				: limit === 'reviewsPerDay'
					? m.settings_reviews_per_day()
					: m.issue_field_limits();
		// The track in brackets, as in running text: "(facts)", not the heading's "Facts".
		const name = TRACK_NAMES[track]().toLocaleLowerCase(getLocale());
		return m.issue_field_track({ field, track: name });
	}
	const labels: Record<string, () => string> = {
		desiredRetention: m.settings_retention,
		dayStartHour: m.settings_day_start,
		learningSteps: m.issue_field_learning_steps,
		relearningSteps: m.issue_field_relearning_steps,
		limits: m.issue_field_limits,
		settings: m.issue_field_settings
	};
	return (labels[head] ?? m.issue_field_unknown)();
}

/** "«field» must be …" in the UI's language, numbers written the local way (0,97 in Italian). */
export function describeRule(field: string, rule: FieldRule): string {
	const number = (n: number) =>
		new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 2 }).format(n);
	switch (rule.kind) {
		case 'range': {
			const bounds = { field, min: number(rule.min), max: number(rule.max) };
			return rule.integer ? m.issue_whole_range(bounds) : m.issue_range(bounds);
		}
		case 'min':
			return m.issue_min({ field, min: number(rule.min) });
		case 'max':
			return m.issue_max({ field, max: number(rule.max) });
		case 'too-long':
			return m.issue_too_long({ field, max: rule.max });
		case 'steps':
			return m.issue_steps({ field });
		case 'shape':
		case 'invalid':
			return m.issue_invalid({ field });
	}
}

/** What a zod issue asks of its field, in the terms `describeRule` words. */
export function zodRule(issue: $ZodIssue): FieldRule {
	if (issue.code === 'too_small' && issue.origin === 'number') {
		return { kind: 'min', min: Number(issue.minimum) };
	}
	if (issue.code === 'too_big') {
		if (issue.origin === 'number') return { kind: 'max', max: Number(issue.maximum) };
		if (issue.origin === 'string') return { kind: 'too-long', max: Number(issue.maximum) };
	}
	return { kind: 'invalid' };
}

/** A zod issue as a sentence, its field named by `label` (the form's label for `issue.path`). */
export function describeZodIssue(
	issue: $ZodIssue,
	label: (path: readonly PropertyKey[]) => string
): string {
	return describeRule(label(issue.path), zodRule(issue));
}

/** Why settings were not saved: a field's problem, or else storage that refused the write. */
export function settingsProblem(error: unknown): string {
	if (error instanceof SettingsError) {
		return describeRule(settingsFieldLabel(error.field), error.rule);
	}
	return m.settings_storage_failed();
}

const BACKUP_LISTS: Record<string, () => string> = {
	reviews: m.backup_list_reviews,
	states: m.backup_list_states,
	words: m.backup_list_words,
	picks: m.backup_list_picks
};

/** Where a backup is damaged: "entry 4 of the reviews cannot be read", or its settings' problem. */
function backupDamage(error: BackupError): string {
	const [list, index] = error.path;
	if (list === 'settings') {
		const reason = error.settings
			? settingsProblem(error.settings)
			: m.issue_invalid({ field: m.issue_field_settings() });
		return m.backup_damage_settings({ reason: reason.replace(/\.$/u, '') });
	}
	const name = typeof list === 'string' ? BACKUP_LISTS[list] : undefined;
	if (name && typeof index === 'number') {
		return m.backup_damage_entry({ n: index + 1, list: name() });
	}
	return m.backup_damage_header();
}

/** Why a backup file was refused, in the UI's language. */
export function backupProblem(error: unknown): string {
	if (!(error instanceof BackupError)) return m.backup_error_unreadable();
	switch (error.problem) {
		case 'too-large':
			return m.backup_error_too_large();
		case 'not-json':
			return m.backup_error_not_json();
		case 'foreign':
			return m.backup_error_foreign();
		case 'version':
			return m.backup_error_version();
		case 'damaged':
			return m.backup_error_damaged({ detail: backupDamage(error) });
	}
}
