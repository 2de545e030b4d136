/**
 * Notes belong to sentences: a remark on what the article says ("lo scorso settembre" where the
 * incursion began in August) holds for every card that shows that sentence, whichever fact or
 * generator made it, since every card shows its source sentence after the answer.
 */
import type { ResolvedFact } from '$lib/facts/load';
import type { Card } from './types';

export type Note = NonNullable<Card['note']>;

/** Two remarks as one: each kept once, in order. */
export function joinNotes(a: Note | undefined, b: Note | undefined): Note | undefined {
	if (!a || !b) return a ?? b;
	if (a.it.includes(b.it)) return a;
	return { it: `${a.it} ${b.it}`, en: `${a.en} ${b.en}` };
}

/** The notes of an article's facts, by the sentence they rest on (sentence id → note). */
export function notesBySentence(facts: readonly ResolvedFact[]): Map<string, Note> {
	const notes = new Map<string, Note>();
	for (const fact of facts) {
		const note = joinNotes(notes.get(fact.sentence.id), fact.note);
		if (note) notes.set(fact.sentence.id, note);
	}
	return notes;
}

/** The card with the note of its sentence added to its own. */
export function withSentenceNote(card: Card, notes: ReadonlyMap<string, Note>): Card {
	const note = joinNotes(card.note, notes.get(card.source.sentence));
	return note ? { ...card, note } : card;
}
