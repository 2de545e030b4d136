import { describe, expect, it } from 'vitest';
import { GAP } from '$lib/cards/types';
import { gradeCard } from '$lib/quiz/check';
import { optionalVariants } from '$lib/vocab/answers';
import { shortGloss, vocabCards, withArticle } from '$lib/vocab/cards';
import { buildVocabulary } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const [{ article }] = library;
const vocabulary = buildVocabulary(article, lexicon);
const cards = vocabCards(article, vocabulary, 3);
const card = (id: string) => cards.find((c) => c.id.endsWith(`:vocab:${id}`))!;

describe('vocabulary cards', () => {
	it('come in four types on the vocab track, ids made of the entry and the type', () => {
		const types = new Set(cards.map((c) => c.type));
		expect(types).toEqual(new Set(['recognition', 'production', 'cloze', 'listening']));
		for (const card of cards) {
			expect(card.track).toBe('vocab');
			expect(card.id).toBe(`${card.sibling}:${card.type}`);
		}
		expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
		expect(vocabCards(article, vocabulary, 99).map((c) => c.id)).toEqual(cards.map((c) => c.id));
	});

	it('ask recognition with four distinct glosses, the right one once', () => {
		for (const card of cards.filter((c) => c.type === 'recognition')) {
			expect(card.options).toHaveLength(4);
			expect(new Set(card.options.map((o) => o.toLowerCase())).size).toBe(4);
			expect(card.options.filter((o) => o === card.answer)).toHaveLength(1);
		}
	});

	it('gap the form the article uses, in its own sentence, at most three words', () => {
		for (const card of cards.filter((c) => c.type === 'cloze')) {
			expect(card.prompt.split(GAP)).toHaveLength(2);
			// A misprinted word is gapped as printed; the answer is the real word.
			const printed = Object.keys(card.slips ?? {})[0] ?? card.answer;
			expect(card.prompt.replace(GAP, printed)).toBe(card.source.text);
			expect(card.answer.split(/\s+/u).length).toBeLessThanOrEqual(3);
		}
	});

	it('ask production of the lemma, nouns with their article accepted', () => {
		const truppa = cards.find((c) => c.id.endsWith('noun:truppa:production'))!;
		expect(truppa).toMatchObject({ answer: 'truppa', accept: ['la truppa'] });
		expect(truppa.prompt).toMatch(/^troop.*\(noun, f\)$/);
	});

	it('never make cards of names or of the source’s typos', () => {
		expect(cards.some((c) => /Lavrov|riconsestare|dissuasire/.test(c.answer))).toBe(false);
	});

	it('teach the word a typo stands for, and name the typo when a learner types it', () => {
		const production = card('verb:dissuadere:production');
		expect(production.answer).toBe('dissuadere');
		expect(production.note?.en).toMatch(/prints “dissuasire”, a typo/);
		for (const type of ['production', 'cloze', 'listening']) {
			const result = gradeCard(card(`verb:dissuadere:${type}`), 'dissuasire');
			expect(result.accepted, type).toBe(false);
			expect(result.feedback).toContainEqual(
				expect.objectContaining({ kind: 'grammar', detail: 'misprint' })
			);
		}
		// The gap is where the article prints the typo.
		expect(card('verb:riconquistare:cloze').prompt).toMatch(/aiutare a _____ il territorio/);
		expect(gradeCard(card('verb:riconquistare:cloze'), 'riconquistare').verdict).toBe('correct');
	});

	it('only ask a calque for recognition, with the Italian a native writer would use', () => {
		const calque = cards.filter((c) => c.sibling.endsWith(':vocab:expression:munizioni-in-giro'));
		expect(calque.map((c) => c.type)).toEqual(['recognition']);
		expect(calque[0].prompt_en).toMatch(/calque.*munizioni circuitanti/);
		expect(calque[0].note?.it).toMatch(/munizioni circuitanti/);
		// Its words are still words of their own.
		expect(card('noun:munizione:production').answer).toBe('munizione');
	});

	it('accept synonyms and optional parts as typed answers', () => {
		const right = (id: string, given: string) => gradeCard(card(id), given).verdict;
		expect(right('noun:sostegno:production', 'supporto')).toBe('correct');
		expect(right('adverb:solo:production', 'soltanto')).toBe('correct');
		expect(right('expression:ad-esempio:production', 'per esempio')).toBe('correct');
		expect(right('expression:l-anno-scorso:production', 'lo scorso anno')).toBe('correct');
		expect(right('expression:in-modo-significativo:production', 'significativamente')).toBe(
			'correct'
		);
		expect(right('expression:in-cambio-di:production', 'in cambio')).toBe('correct');
		expect(right('expression:in-cambio-di:production', 'in cambio di')).toBe('correct');
		expect(right('expression:sia-che:production', 'sia … sia')).toBe('correct');
		// Not anything else.
		expect(right('noun:sostegno:production', 'sostanza')).toBe('wrong');
	});

	it('let two production cards with the same prompt accept each other', () => {
		const deploy = [card('noun:dispiegamento:production'), card('noun:schieramento:production')];
		expect(deploy[0].prompt).toBe(deploy[1].prompt);
		expect(gradeCard(deploy[0], 'schieramento').accepted).toBe(true);
		expect(gradeCard(deploy[1], 'il dispiegamento').accepted).toBe(true);
		const include = [card('verb:includere:production'), card('verb:comprendere:production')];
		expect(gradeCard(include[0], 'comprendere').accepted).toBe(true);
		expect(gradeCard(include[1], 'includere').accepted).toBe(true);
	});
});

describe('helpers', () => {
	it('put the right article before a noun', () => {
		expect(withArticle({ lemma: 'truppa', pos: 'noun', gender: 'f' })).toBe('la truppa');
		expect(withArticle({ lemma: 'artiglieria', pos: 'noun', gender: 'f' })).toBe('l’artiglieria');
		expect(withArticle({ lemma: 'sistema', pos: 'noun', gender: 'm' })).toBe('il sistema');
		expect(withArticle({ lemma: 'scambio', pos: 'noun', gender: 'm' })).toBe('lo scambio');
		expect(withArticle({ lemma: 'leader', pos: 'noun', gender: 'm/f' })).toBe('leader');
		expect(withArticle({ lemma: 'sostenere', pos: 'verb' })).toBe('sostenere');
	});

	it('shorten a gloss to its first sense', () => {
		expect(shortGloss('troop (plural truppe = troops)')).toBe('troop');
		expect(shortGloss('also, too; (anche se) even if')).toBe('also, too');
		expect(shortGloss('exchange (in cambio (di) = in return (for))')).toBe('exchange');
	});

	it('spell out the optional parts of a form', () => {
		expect(optionalVariants('in cambio (di)')).toEqual(['in cambio di', 'in cambio']);
		expect(optionalVariants("all'inizio (di)")).toEqual(["all'inizio di", "all'inizio"]);
		expect(optionalVariants('truppa')).toEqual(['truppa']);
	});
});
