import { describe, expect, it } from 'vitest';
import { joinNotes, withSentenceNote } from '$lib/cards/notes';
import type { Card } from '$lib/cards/types';

const kursk = { it: 'Era agosto.', en: 'It was August.' };
const typo = { it: 'Refuso.', en: 'A typo.' };
const card = (sentence: string, note?: Card['note']) =>
	({ id: 'c', source: { article: 'a', sentence, text: 't' }, ...(note ? { note } : {}) }) as Card;

describe('notes of sentences', () => {
	it('join two remarks once each, in order', () => {
		expect(joinNotes(kursk, typo)).toEqual({
			it: 'Era agosto. Refuso.',
			en: 'It was August. A typo.'
		});
		expect(joinNotes(kursk, kursk)).toEqual(kursk);
		expect(joinNotes(undefined, typo)).toEqual(typo);
	});

	it('reach any card made from the sentence, keeping a note of its own', () => {
		const notes = new Map([['s1', kursk]]);
		expect(withSentenceNote(card('s1'), notes).note).toEqual(kursk);
		expect(withSentenceNote(card('s1', typo), notes).note?.it).toBe('Refuso. Era agosto.');
		expect(withSentenceNote(card('s2'), notes)).not.toHaveProperty('note');
	});
});
