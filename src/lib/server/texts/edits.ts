/**
 * The owner's edits of an added text's deck, between the review page and the store: read back as
 * checked `DeckEdits` (a row that no longer parses is skipped, not fatal), saved only when they
 * pass `checkCardEdit` against the generated card, and the text's served deck forgotten at once
 * so that study and class quizzes use the reviewed one from the next request on.
 */
import {
	cardEditSchema,
	checkCardEdit,
	glossEditSchema,
	minimalEdit,
	type CardEdit,
	type CardEditProblem,
	type DeckEdits,
	type GlossEdit
} from '$lib/deck/edits';
import type { Card } from '$lib/cards/types';
import { forgetEdits } from './cache';
import { getTextStore, textSlug } from './store';

/**
 * The text's edits as the deck applies them.
 *
 * @throws StorageError when the database cannot be read
 */
export function loadEdits(textId: string): DeckEdits {
	const cards = new Map<string, CardEdit>();
	const glosses = new Map<string, GlossEdit>();
	for (const row of getTextStore().edits(textId)) {
		if (row.kind === 'card') {
			const parsed = cardEditSchema.safeParse(row.edit);
			if (parsed.success) cards.set(row.target, parsed.data);
		} else {
			const parsed = glossEditSchema.safeParse(row.edit);
			if (parsed.success) glosses.set(row.target, parsed.data);
		}
	}
	return { cards, glosses };
}

export type SaveOutcome = { ok: true } | { ok: false; problems: CardEditProblem[] };

/**
 * Saves the edit of one generated card (only what differs from it; nothing left: the card is back
 * as generated), or refuses it with what is wrong.
 *
 * @throws StorageError when the database refuses
 */
export function saveCardEdit(
	textId: string,
	card: Card,
	edit: CardEdit,
	now = Date.now()
): SaveOutcome {
	const problems = checkCardEdit(card, edit);
	if (problems.length > 0) return { ok: false, problems };
	const kept = minimalEdit(card, edit);
	const store = getTextStore();
	if (kept) store.putEdit(textId, { kind: 'card', target: card.id, edit: kept, updatedAt: now });
	else store.removeEdit(textId, 'card', card.id);
	forgetEdits(textSlug(textId));
	return { ok: true };
}

/**
 * Saves a word's gloss (an empty one, or the generated one, forgets the edit).
 *
 * @throws StorageError when the database refuses
 */
export function saveGlossEdit(
	textId: string,
	entryId: string,
	gloss: string,
	generated: string | null,
	now = Date.now()
): void {
	const store = getTextStore();
	const trimmed = gloss.trim();
	if (trimmed && trimmed !== generated) {
		store.putEdit(textId, {
			kind: 'gloss',
			target: entryId,
			edit: { gloss: trimmed },
			updatedAt: now
		});
	} else store.removeEdit(textId, 'gloss', entryId);
	forgetEdits(textSlug(textId));
}

/**
 * Forgets any edit, by its kind and key (an orphaned one, or "back as generated").
 *
 * @throws StorageError when the database refuses
 */
export function removeEdit(textId: string, kind: 'card' | 'gloss', target: string): void {
	getTextStore().removeEdit(textId, kind, target);
	forgetEdits(textSlug(textId));
}
