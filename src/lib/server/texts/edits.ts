/**
 * The owner's edits of an added text's deck, between the review page and the store: read back as
 * checked `DeckEdits` (a row that no longer parses is skipped, not fatal), saved only when they
 * pass `checkCardEdit` against the generated card, and the text's served deck forgotten at once
 * so that study and class quizzes use the reviewed one from the next request on.
 */
import {
	addedFactSchema,
	addedKey,
	checkAddedFact,
	type AddedFact,
	type AddedFactProblem
} from '$lib/deck/added';
import {
	cardEditSchema,
	checkCardEdit,
	glossEditSchema,
	minimalEdit,
	type CardEdit,
	type CardEditProblem,
	type DeckEdits,
	type GlossEdit,
	type WordEdit,
	wordEditSchema
} from '$lib/deck/edits';
import type { Card } from '$lib/cards/types';
import { forgetEdits } from './cache';
import type { z } from 'zod';
import type { EditKind } from './db';
import { getTextStore, textSlug } from './store';

/** How each kind of stored edit is read back (a row of an unknown kind is skipped). */
const SCHEMAS: Record<EditKind, z.ZodType | undefined> = {
	card: cardEditSchema,
	gloss: glossEditSchema,
	word: wordEditSchema,
	added: addedFactSchema
};

/**
 * The text's edits as the deck applies them.
 *
 * @throws StorageError when the database cannot be read
 */
export function loadEdits(textId: string): DeckEdits {
	const cards = new Map<string, CardEdit>();
	const glosses = new Map<string, GlossEdit>();
	const words = new Map<string, WordEdit>();
	const added = new Map<string, AddedFact>();
	for (const row of getTextStore().edits(textId)) {
		const parsed = SCHEMAS[row.kind]?.safeParse(row.edit);
		if (!parsed?.success) continue;
		if (row.kind === 'card') cards.set(row.target, parsed.data as CardEdit);
		else if (row.kind === 'gloss') glosses.set(row.target, parsed.data as GlossEdit);
		else if (row.kind === 'word') words.set(row.target, parsed.data as WordEdit);
		else added.set(row.target, parsed.data as AddedFact);
	}
	return { cards, glosses, words, added };
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
export function removeEdit(textId: string, kind: EditKind, target: string): void {
	getTextStore().removeEdit(textId, kind, target);
	forgetEdits(textSlug(textId));
}

export type AddOutcome = { ok: true; key: string } | { ok: false; problems: AddedFactProblem[] };

/**
 * Saves a fact the owner added on one sentence of the text (the same sentence and span again
 * replace it), or refuses it with what is wrong; the check is the one the deck applies.
 *
 * @throws StorageError when the database refuses
 */
export function saveAddedFact(
	textId: string,
	sentence: string | undefined,
	fact: AddedFact,
	now = Date.now()
): AddOutcome {
	const problems = checkAddedFact(sentence, fact);
	if (problems.length > 0) return { ok: false, problems };
	const key = addedKey(fact);
	getTextStore().putEdit(textId, { kind: 'added', target: key, edit: fact, updatedAt: now });
	forgetEdits(textSlug(textId));
	return { ok: true, key };
}

/**
 * Saves a word's edit (dropped, or its lemma and part of speech); nothing that differs from the
 * generated entry forgets it.
 *
 * @throws StorageError when the database refuses
 */
export function saveWordEdit(
	textId: string,
	entry: { id: string; lemma: string; pos: string },
	edit: WordEdit,
	now = Date.now()
): void {
	const kept: WordEdit = edit.drop
		? { drop: true }
		: {
				...(edit.lemma && edit.lemma !== entry.lemma ? { lemma: edit.lemma } : {}),
				...(edit.pos && edit.pos !== entry.pos ? { pos: edit.pos } : {})
			};
	const store = getTextStore();
	if (Object.keys(kept).length > 0) {
		store.putEdit(textId, { kind: 'word', target: entry.id, edit: kept, updatedAt: now });
	} else store.removeEdit(textId, 'word', entry.id);
	forgetEdits(textSlug(textId));
}
