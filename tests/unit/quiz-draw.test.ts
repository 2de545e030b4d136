import { describe, expect, it } from 'vitest';
import type { Card, CardType } from '$lib/cards/types';
import { drawQuiz, quizCards } from '$lib/quiz/draw';

function vocab(word: string, type: CardType, extra: Partial<Card> = {}): Card {
	return {
		id: `art:vocab:${word}:${type}`,
		track: 'vocab',
		type,
		origin: 'auto',
		sibling: `art:vocab:${word}`,
		prompt: type === 'production' ? `gloss of ${word} (noun)` : word,
		prompt_en: `About ${word}`,
		answer: type === 'recognition' ? `gloss of ${word}` : word,
		accept: [],
		options: type === 'recognition' ? [`gloss of ${word}`, 'a', 'b', 'c'] : [],
		source: { article: 'art', sentence: `s-${word}`, text: `Una frase con ${word}.` },
		...extra
	};
}

const words = ['truppa', 'confine', 'vertice', 'accordo', 'missile', 'sanzione'];
const deck: Card[] = [
	...words.flatMap((w) =>
		(['recognition', 'production', 'cloze', 'listening'] as const).map((t) => vocab(w, t))
	),
	// A word of an added text that no source glosses: only cards that need no gloss.
	vocab('sgombero', 'cloze'),
	vocab('sgombero', 'production', { prompt: ' (noun)', prompt_en: 'Say it in Italian:  (noun)' }),
	vocab('sgombero', 'recognition', { options: ['', 'a', 'b', 'c'] }),
	// Another article's word, and a fact card.
	vocab('altro', 'cloze', {
		source: { article: 'other', sentence: 's', text: 'Altro.' }
	}),
	{ ...vocab('fatto', 'cloze'), track: 'facts', id: 'art:fatto:cloze', sibling: 'fatto' }
];

describe('the cards a vocabulary quiz asks', () => {
	const asked = quizCards(deck, 'art', 'vocab');

	it('never asks a word by ear, and only words of the article', () => {
		expect(asked.some((card) => card.type === 'listening')).toBe(false);
		expect(asked.some((card) => card.source.article !== 'art')).toBe(false);
		expect(asked.some((card) => card.track !== 'vocab')).toBe(false);
	});

	it('leaves out a recognition or production card without a gloss, but keeps its cloze', () => {
		const sgombero = asked.filter((card) => card.sibling === 'art:vocab:sgombero');
		expect(sgombero.map((card) => card.type)).toEqual(['cloze']);
	});
});

describe('drawing a vocabulary quiz', () => {
	const asked = quizCards(deck, 'art', 'vocab');

	it('asks each word once, mixing recognition, production and cloze', () => {
		const quiz = drawQuiz(asked, 7, 5, 'vocab');
		expect(quiz).toHaveLength(5);
		expect(new Set(quiz.map((card) => card.sibling)).size).toBe(5);
		expect(new Set(quiz.map((card) => card.type))).toEqual(
			new Set(['recognition', 'production', 'cloze'])
		);
	});

	it('draws the same quiz for the same seed, and stops at one question per word', () => {
		expect(drawQuiz(asked, 7, 5, 'vocab')).toEqual(drawQuiz(asked, 7, 5, 'vocab'));
		expect(drawQuiz(asked, 7, 20, 'vocab')).toHaveLength(words.length + 1);
	});
});
