/**
 * The whole fact deck, read as a teacher would before signing it: each check names the cards it
 * finds at fault, so a failure says which fact to fix.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { faultInContext, misfitOptions } from '$lib/cards/agreement';
import { boundsGiveAway, judgeQuantity, parseQuantity } from '$lib/cards/quantity';
import { GAP } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import { grade } from '$lib/grading/grade';
import { guessLanguage } from '$lib/text/language';
import type { ResolvedFact } from '$lib/facts/load';
import { library } from '../helpers/library';

const deck = buildDeck(library, { track: 'facts' });
const facts = library.flatMap(({ article, facts }) =>
	facts.map((fact) => ({ key: `${article.slug}:${fact.id}`, fact }))
);
const factOf = (card: Card): ResolvedFact | undefined =>
	facts.find(({ key }) => key === card.sibling)?.fact;
const curated = (type: Card['type']) =>
	deck.cards.filter((card) => card.origin === 'curated' && card.type === type);

/** The distractor a false statement was made with (the one whose swap gives the prompt). */
function swappedIn(card: Card, fact: ResolvedFact): string | undefined {
	return fact.distractors.find((d) => fact.statement.it.replace(fact.answer, d) === card.prompt);
}

describe('numbers respect their qualifier', () => {
	const quantified = facts.filter(({ fact }) => parseQuantity(fact.answer) !== null);

	it('reads the figures of the deck (the check below is not vacuous)', () => {
		expect(quantified.map(({ fact }) => fact.id)).toEqual(
			expect.arrayContaining([
				'truppe-kursk-piu-di-10000',
				'stima-4000-uccisi',
				'fino-a-30000-truppe'
			])
		);
		for (const { fact } of quantified.filter(({ fact }) => fact.number)) {
			expect(parseQuantity(fact.answer)?.qualifier, fact.id).toBe(fact.number!.qualifier);
		}
	});

	it('never offers a figure the true one makes true or leaves open', () => {
		const faults: string[] = [];
		for (const { fact } of quantified) {
			const truth = parseQuantity(fact.answer)!;
			for (const distractor of fact.distractors) {
				const claim = parseQuantity(distractor);
				const verdict = claim ? judgeQuantity(claim, truth) : 'not a figure';
				if (verdict !== 'false') faults.push(`${fact.id}: "${distractor}" is ${verdict}`);
			}
		}
		expect(faults).toEqual([]);
	});

	it('keys every true/false card about a figure as its figure says', () => {
		const faults: string[] = [];
		for (const card of curated('true-false')) {
			const fact = factOf(card)!;
			const truth = parseQuantity(fact.answer);
			if (!truth) continue;
			const shown = card.answer === 'vero' ? fact.answer : swappedIn(card, fact);
			const claim = shown === undefined ? null : parseQuantity(shown);
			const verdict = claim ? judgeQuantity(claim, truth) : 'unreadable';
			if (verdict !== (card.answer === 'vero' ? 'true' : 'false')) {
				faults.push(`${card.id}: keyed ${card.answer}, "${card.prompt}" is ${verdict}`);
			}
		}
		expect(faults).toEqual([]);
	});

	it('gives no multiple-choice card of figures two defensible options, or one by logic', () => {
		const faults: string[] = [];
		for (const card of curated('multiple-choice')) {
			const truth = parseQuantity(factOf(card)!.answer);
			if (!truth) continue;
			const options = card.options.map((option) => [option, parseQuantity(option)] as const);
			for (const [option, claim] of options) {
				if (option === card.answer) continue;
				const verdict = claim ? judgeQuantity(claim, truth) : 'not a figure';
				if (verdict !== 'false') faults.push(`${card.id}: "${option}" is ${verdict}`);
			}
			const read = options.flatMap(([, claim]) => (claim ? [claim] : []));
			if (boundsGiveAway(truth, read)) faults.push(`${card.id}: every option bounds alike`);
		}
		expect(faults).toEqual([]);
	});
});

describe('distractors agree with the words around them', () => {
	it('fit the article or preposition before the answer in every statement', () => {
		const faults: string[] = [];
		for (const { fact } of facts) {
			const at = fact.statement.it.indexOf(fact.answer);
			for (const phrase of [fact.answer, ...fact.distractors]) {
				const fault = faultInContext(fact.statement.it, at, phrase);
				if (fault) faults.push(`${fact.id}: ${fault}`);
			}
		}
		expect(faults).toEqual([]);
	});

	it('fit the words before the gap on every card with options', () => {
		const faults = deck.cards.flatMap((card) =>
			misfitOptions(card.prompt, GAP, card.options).map((o) => `${card.id}: "${o}"`)
		);
		expect(faults).toEqual([]);
	});

	it('never make the answer the only option with (or without) an article', () => {
		const article = /^(?:il|lo|la|i|gli|le|un|uno|una|l['’]|un['’])(?:\s|(?<=['’]))/iu;
		const faults = curated('multiple-choice')
			.filter((card) => {
				const alike = card.options.filter((o) => article.test(o) === article.test(card.answer));
				return alike.length === 1;
			})
			.map((card) => `${card.id}: ${card.options.join(' / ')}`);
		expect(faults).toEqual([]);
	});
});

describe('every card has an English prompt', () => {
	it('in English, never the Italian prompt again', () => {
		const faults: string[] = [];
		for (const card of deck.cards) {
			const { italian, english } = guessLanguage(card.prompt_en);
			const prompt = card.prompt.replace(GAP, '').trim();
			if (!card.prompt_en.trim()) faults.push(`${card.id}: no English`);
			else if (card.prompt_en === card.prompt || card.prompt_en.includes(prompt)) {
				faults.push(`${card.id}: the Italian prompt again`);
			} else if (italian > english) faults.push(`${card.id}: "${card.prompt_en}" reads as Italian`);
		}
		expect(faults).toEqual([]);
	});
});

describe('the article, not only its names and numbers', () => {
	it('asks why and how about each step of its argument', () => {
		const argument = [
			'clausola-gia-testata',
			'rischio-scorte-avversario-sud',
			'da-difensive-a-offensive',
			'droni-capacita-future',
			'nuove-linee-difensive',
			'trump-non-puo-ignorare',
			'quadro-strategico-perche'
		];
		const asked = new Set(curated('multiple-choice').map((card) => factOf(card)?.id));
		expect(argument.filter((id) => !asked.has(id))).toEqual([]);
	});

	it('keeps the time of writing in a question about a date relative to it', () => {
		const relative =
			/anno scorso|scorso anno|lo scorso|quest['’]anno|attualmente|mese scorso|anni fa/iu;
		const faults = facts
			.filter(({ fact }) =>
				relative.test([fact.answer, fact.question.it, ...fact.distractors].join(' '))
			)
			.filter(({ fact }) => !/secondo l['’]articolo/iu.test(fact.question.it))
			.map(({ fact }) => `${fact.id}: ${fact.question.it}`);
		expect(faults).toEqual([]);
	});
});

describe('notes travel with the sentence they are about', () => {
	it('show on every card whose source sentence has one, curated or automatic', () => {
		const noted = new Map<string, string>();
		for (const { fact } of facts) if (fact.note) noted.set(fact.sentence.id, fact.note.it);
		expect(noted.size).toBeGreaterThan(0);
		const faults = deck.cards
			.filter((card) => noted.has(card.source.sentence))
			.filter((card) => !card.note?.it.includes(noted.get(card.source.sentence)!))
			.map((card) => card.id);
		expect(faults).toEqual([]);
	});

	it('let the Kursk date be typed as it was (August 2024), with the note saying why', () => {
		const open = deck.cards.find((card) => card.id.endsWith(':ingresso-kursk-settembre:open'))!;
		expect(open.note?.it).toMatch(/agosto 2024/);
		for (const typed of [
			'agosto 2024',
			"nell'agosto 2024",
			'settembre 2024',
			'lo scorso settembre'
		]) {
			expect(grade(typed, open.answer, open.accept).accepted, typed).toBe(true);
		}
		expect(grade('marzo 2024', open.answer, open.accept).accepted).toBe(false);
	});
});

describe('typed answers a teacher would accept, and nothing wrong', () => {
	it('never takes a typo of the article as a right answer', () => {
		const typos = new Set(['riconsestare', 'dissuasire']);
		for (const { fact } of facts) for (const typo of Object.keys(fact.corrections)) typos.add(typo);
		const faults = deck.cards.flatMap((card) =>
			[card.answer, ...card.accept]
				.filter((form) => [...typos].some((typo) => form.toLowerCase().includes(typo)))
				.map((form) => `${card.id}: "${form}"`)
		);
		expect(faults).toEqual([]);
	});

	it('blanks at most three words in a fill-the-gap card', () => {
		const faults = deck.cards
			.filter((card) => card.type === 'cloze' && card.answer.trim().split(/\s+/u).length > 3)
			.map((card) => `${card.id}: "${card.answer}"`);
		expect(faults).toEqual([]);
	});
});
