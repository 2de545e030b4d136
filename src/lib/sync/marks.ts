/**
 * Card marks (suspended, buried, flagged) merged field by field, the last writer winning, as the
 * settings are: a card flagged on the phone and suspended on the laptop is both. Each field
 * carries the instant it was last changed; a mark taken off is kept as an empty, stamped record,
 * so that taking it off reaches the other devices too.
 */
import type { MarkRecord } from '$lib/storage/records';

export const MARK_FIELDS = ['suspended', 'buriedUntil', 'flag'] as const;
export type MarkField = (typeof MARK_FIELDS)[number];

/**
 * The mark to store when the learner sets `next` on a card that had `before` (`null`: every mark
 * taken off): the fields that changed stamped with `now`. `null` when there is nothing to keep.
 */
export function stampMark(
	before: MarkRecord | undefined,
	next: MarkRecord | null,
	now: Date
): MarkRecord | null {
	if (!next && !before) return null;
	const after: MarkRecord = next ?? { ...before!, suspended: false, buriedUntil: null, flag: null };
	const changedAt = { ...before?.changedAt, ...next?.changedAt };
	for (const field of MARK_FIELDS) {
		if ((before?.[field] ?? EMPTY[field]) !== after[field]) changedAt[field] = now.toISOString();
	}
	return { ...after, changedAt };
}

const EMPTY = { suspended: false, buriedUntil: null, flag: null } as const;

/** Whether field `field` of `b` beats that of `a`; equal stamps: the larger value, on both sides alike. */
function wins(a: MarkRecord, b: MarkRecord, field: MarkField): boolean {
	const ta = a.changedAt?.[field];
	const tb = b.changedAt?.[field];
	if (ta !== tb) return Date.parse(tb ?? '0') > Date.parse(ta ?? '0');
	// Marks written before they were stamped (both sides unstamped): this device's stay.
	if (!ta) return false;
	return JSON.stringify(b[field]) > JSON.stringify(a[field]);
}

/** Two marks of one card merged field by field. */
export function mergeMark(a: MarkRecord, b: MarkRecord): MarkRecord {
	const won = MARK_FIELDS.filter((field) => wins(a, b, field));
	// Nothing taken from `b`: `a` itself, so that a merge that changes nothing writes nothing.
	if (!won.length) return a;
	const merged: MarkRecord = { ...a, changedAt: { ...a.changedAt } };
	for (const field of won) {
		(merged as unknown as Record<MarkField, unknown>)[field] = b[field];
		const stamp = b.changedAt?.[field];
		if (stamp) merged.changedAt = { ...merged.changedAt, [field]: stamp };
	}
	return merged;
}

/**
 * Marks of several sides merged card by card (the first side's fields stay where nothing is
 * stamped). Commutative, associative and idempotent for stamped marks.
 */
export function mergeMarks(...sides: readonly (readonly MarkRecord[])[]): Map<string, MarkRecord> {
	const marks = new Map<string, MarkRecord>();
	for (const side of sides) {
		for (const mark of side) {
			const had = marks.get(mark.id);
			marks.set(mark.id, had ? mergeMark(had, mark) : mark);
		}
	}
	return marks;
}
