import { describe, expect, it } from 'vitest';
import { curatedCards } from '$lib/cards/curated';
import { GAP, type Card } from '$lib/cards/types';
import { parseNumber } from '$lib/grading/numbers';
import { library } from '../helpers/library';

const [{ article, facts }] = library;
const cards = curatedCards(article.slug, facts, 7);
const ofType = (type: Card['type']) => cards.filter((card) => card.type === type);
const factOf = (card: Card) => facts.find((fact) => card.sibling === `${article.slug}:${fact.id}`)!;

describe('cards made from curated facts', () => {
	it('come in every type, with a cloze card for every fact', () => {
		expect(ofType('cloze')).toHaveLength(facts.length);
		expect(ofType('multiple-choice').length).toBeGreaterThanOrEqual(facts.length - 5);
		expect(ofType('true-false').length).toBeGreaterThan(40);
		expect(ofType('numeric').length).toBe(facts.filter((f) => f.type === 'number').length);
		expect(ofType('open').length).toBeGreaterThan(30);
	});

	it('carry track, origin, both prompts and their source sentence', () => {
		for (const card of cards) {
			expect(card).toMatchObject({ track: 'facts', origin: 'curated' });
			expect(card.prompt.length).toBeGreaterThan(5);
			expect(card.prompt_en.length).toBeGreaterThan(5);
			const sentence = article.sentences.find((s) => s.id === card.source.sentence)!;
			expect(card.source).toEqual({
				article: article.slug,
				sentence: sentence.id,
				text: sentence.text
			});
		}
	});

	it('have unique ids, made of the fact and the type only', () => {
		expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
		for (const card of cards) expect(card.id).toBe(`${card.sibling}:${card.type}`);
		const reseeded = curatedCards(article.slug, facts, 99);
		expect(reseeded.map((c) => c.id)).toEqual(cards.map((c) => c.id));
	});

	it('are the same for the same seed', () => {
		expect(curatedCards(article.slug, facts, 7)).toEqual(cards);
	});

	it('give cloze cards whose gap fills back into the exact sentence, at most three words', () => {
		for (const card of ofType('cloze')) {
			const fact = factOf(card);
			expect(card.prompt.split(GAP)).toHaveLength(2);
			expect(card.prompt.replace(GAP, fact.gap)).toBe(card.source.text);
			expect(fact.gap.split(' ').length).toBeLessThanOrEqual(3);
			// The answer is the gap, with the article's typo set right where it has one.
			if (Object.keys(fact.corrections).length === 0) expect(card.answer).toBe(fact.gap);
		}
		const typo = ofType('cloze').find((c) => c.sibling.endsWith(':truppe-obiettivo-riconquista'));
		expect(typo?.answer).toBe('riconquistare il territorio');
		expect(typo?.accept.join(' ')).not.toMatch(/riconsestare/);
		expect(typo?.note?.it).toMatch(/refuso/);
	});

	it('accept the synonyms a fact allows in every typed answer', () => {
		const typed = (id: string, type: Card['type']) =>
			cards.find((c) => c.id === `${article.slug}:${id}:${type}`)!;
		expect(typed('risposta-migliaia-truppe', 'open').accept).toContain(
			'inviando migliaia di soldati'
		);
		expect(typed('risposta-migliaia-truppe', 'cloze').accept).toContain('migliaia di soldati');
		expect(typed('trattato-firmato-anno-scorso', 'cloze').accept).toContain('lo scorso anno');
		expect(typed('catturati-vivi-manciata', 'open').accept).toContain('soltanto una manciata');
	});

	it('give cloze cards the English sentence with the same words blanked', () => {
		const english = new Map(library[0].translation);
		for (const card of ofType('cloze')) {
			const fact = factOf(card);
			expect(card.prompt_en.split(GAP)).toHaveLength(2);
			const gapEn = fact.gap_en ?? fact.answer_en;
			expect(card.prompt_en.replace(GAP, gapEn)).toBe(english.get(card.source.sentence));
		}
	});

	it('give multiple-choice cards four distinct options with the answer exactly once', () => {
		for (const card of ofType('multiple-choice')) {
			expect(card.options).toHaveLength(4);
			expect(new Set(card.options.map((o) => o.toLowerCase())).size).toBe(4);
			expect(card.options.filter((o) => o === card.answer)).toHaveLength(1);
			const fact = factOf(card);
			for (const option of card.options.filter((o) => o !== card.answer)) {
				expect([fact.answer, ...fact.accept].map((a) => a.toLowerCase())).not.toContain(
					option.toLowerCase()
				);
			}
		}
	});

	it('shuffle the options: the answer is not always in the same place', () => {
		const positions = new Set(ofType('multiple-choice').map((c) => c.options.indexOf(c.answer)));
		expect(positions.size).toBe(4);
	});

	it('make true/false cards that are true or minimally changed, about half each', () => {
		const tf = ofType('true-false');
		const falses = tf.filter((c) => c.answer === 'falso');
		expect(falses.length / tf.length).toBeGreaterThan(0.3);
		expect(falses.length / tf.length).toBeLessThan(0.7);
		for (const card of tf) {
			const fact = factOf(card);
			expect(card.options).toEqual(['vero', 'falso']);
			if (card.answer === 'vero') {
				expect(card.prompt).toBe(fact.statement.it);
				expect(card.prompt_en).toBe(fact.statement.en);
			} else {
				// Same statement with the answer swapped for one of the curated distractors, and the
				// English with the same distractor in English: it says no more than the Italian.
				const swapped = fact.distractors.map((d) => fact.statement.it.replace(fact.answer, d));
				const pick = swapped.indexOf(card.prompt);
				expect(pick).toBeGreaterThanOrEqual(0);
				expect(card.prompt).not.toContain(fact.answer);
				expect(card.prompt_en).toBe(
					fact.statement.en.replace(fact.answer_en, fact.distractors_en[pick])
				);
			}
		}
	});

	it('give numeric cards the value of the number, which the answer states', () => {
		for (const card of ofType('numeric')) {
			expect(card.number).toBeDefined();
			expect(parseNumber(card.answer)).toBe(card.number!.value);
		}
	});

	it('keep the reported claims attributed in the question', () => {
		const estimate = cards.find((c) => c.type === 'numeric' && c.answer.includes('4.000'));
		expect(estimate?.prompt).toMatch(/stime|intelligence/i);
	});
});
