import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '$lib/facts/load';
import { FACT_TYPES } from '$lib/facts/schema';
import { loadRealArticle } from '../helpers/content';
import { library } from '../helpers/library';

const FILE = 'content/articles/mosca-pyongyang/facts.yaml';
const raw = readFileSync(FILE, 'utf8');
const article = loadRealArticle();
const facts = loadFacts(FILE, raw, article);

describe('the curated facts of the article', () => {
	it('are many and of every type', () => {
		expect(facts.length).toBeGreaterThanOrEqual(50);
		for (const type of FACT_TYPES) expect(facts.some((f) => f.type === type)).toBe(true);
	});

	it('quote the article verbatim, within one sentence that is neither headline nor byline', () => {
		for (const fact of facts) {
			expect(fact.sentence.text).toContain(fact.quote);
			expect(article.body.slice(fact.sentence.start, fact.sentence.end)).toBe(fact.sentence.text);
			expect(['body', 'author-note']).toContain(fact.sentence.role);
		}
	});

	it('have their gap exactly once in the sentence, where the loader says', () => {
		for (const fact of facts) {
			expect(fact.sentence.text.split(fact.gap)).toHaveLength(2);
			expect(fact.sentence.text.slice(fact.gapAt, fact.gapAt + fact.gap.length)).toBe(fact.gap);
		}
	});

	it('state the answer in their statements and never list a right answer as a distractor', () => {
		for (const fact of facts) {
			expect(fact.statement.it).toContain(fact.answer);
			expect(fact.statement.en).toContain(fact.answer_en);
			const right = [fact.answer, ...fact.accept].map((a) => a.toLowerCase());
			for (const d of fact.distractors) expect(right).not.toContain(d.toLowerCase());
		}
	});

	it('keep claims as claims: attributed sentences give attributed questions', () => {
		const attributed = /secondo|stime|avrebbe|si ritiene|rapporti|valutazione|probabil/i;
		for (const fact of facts.filter((f) => attributed.test(f.quote))) {
			expect(`${fact.id}: ${fact.question.it}`).toMatch(
				new RegExp(
					`${fact.id}: .*(secondo|stime|avrebbe|si ritiene|rapporti|valutazione|ritengono|probabil|stando)`,
					'i'
				)
			);
		}
	});

	it('give every number fact its value, found in the sentence', () => {
		for (const fact of facts.filter((f) => f.type === 'number')) {
			expect(fact.number).toBeDefined();
			const digits = String(fact.number!.value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
			const words = fact.sentence.text;
			expect(words.includes(digits) || fact.number!.value < 10).toBe(true);
		}
	});
});

describe('mistakes in a facts file are caught, naming the fact and the field', () => {
	const one = (patch: string) => `facts:\n  - id: prova\n${patch}`;
	const valid = [
		'    quote: "Quella clausola è già stata testata"',
		'    type: term',
		'    answer: clausola',
		'    answer_en: clause',
		'    gap: clausola',
		'    question: { it: "Che cosa è stata testata?", en: "What has been tested?" }',
		'    statement: { it: "La clausola è stata testata.", en: "The clause has been tested." }',
		'    distractors: [norma, legge, regola]',
		'    distractors_en: [norm, law, rule]'
	].join('\n');
	const english = library[0].translation;

	it('accepts a valid fact', () => {
		expect(loadFacts('f.yaml', one(valid), article)).toHaveLength(1);
	});

	it.each([
		[
			'a misquote',
			valid.replace('già stata', 'gia stata'),
			/fact "prova" field "quote": not found/
		],
		[
			'a quote from the byline',
			valid.replace('Quella clausola è già stata testata', 'Di Luke Coffey'),
			/field "quote": not found/
		],
		[
			'a quote found in two sentences',
			valid.replace('Quella clausola è già stata testata', 'la Corea del Nord'),
			/field "quote": found in more than one sentence/
		],
		['a gap not in the quote', valid.replace('gap: clausola', 'gap: trattato'), /field "gap"/],
		[
			'an answer missing from the statement',
			valid.replace('answer: clausola', 'answer: la clausola'),
			/field "statement.it"/
		],
		[
			'a distractor that is the answer',
			valid.replace('[norma, legge, regola]', '[norma, Clausola, regola]'),
			/field "distractors"/
		],
		['an unknown type', valid.replace('type: term', 'type: thing'), /fact "prova" field "type"/],
		[
			'a number fact without a value',
			valid.replace('type: term', 'type: number'),
			/field "number"/
		],
		['a missing question', valid.replace(/ {4}question:.*\n/, ''), /field "question"/],
		[
			'a gap of more than three words',
			valid
				.replace('Quella clausola è già stata testata"', 'Quella clausola è già stata testata"')
				.replace('gap: clausola', 'gap: "clausola è già stata"'),
			/field "gap": blanks at most 3 words/
		],
		[
			'a synonym that is in no answer',
			`${valid}\n    synonyms: { trattato: [patto] }`,
			/field "synonyms": "trattato" is in no accepted form/
		],
		[
			'a synonym that makes a distractor right',
			`${valid}\n    synonyms: { clausola: [norma] }`,
			/field "synonyms": make "norma" right/
		],
		[
			'a typo as the answer',
			`${valid.replace('Quella clausola', 'Quella clausola')}\n    corrections: { testata: provata }\n    note: { it: "Refuso.", en: "Typo." }`,
			/field "corrections": the typo "testata" is in an answer or the statement/
		],
		[
			'a typo without a note',
			`${valid}\n    corrections: { già: ormai }`,
			/field "note": must tell the learner of the typo/
		],
		[
			'a distractor without its English',
			valid.replace('[norm, law, rule]', '[norm, law]'),
			/field "distractors_en"/
		]
	])('rejects %s', (_, patch, message) => {
		expect(() => loadFacts('f.yaml', one(patch), article)).toThrow(message);
	});

	it('checks the gap against the translation: its English must be in the sentence once', () => {
		expect(loadFacts('f.yaml', one(valid), article, english)[0].clozeEn).toBe(
			'That _____ has already been tested.'
		);
		const elsewhere = valid.replace('answer_en: clause', 'answer_en: clause has been');
		expect(() => loadFacts('f.yaml', one(elsewhere), article, english)).toThrow(
			/fact "prova" field "gap_en": must occur exactly once/
		);
		const named = `${elsewhere}\n    gap_en: clause`;
		expect(loadFacts('f.yaml', one(named), article, english)).toHaveLength(1);
	});

	it('rejects broken YAML and duplicate ids', () => {
		expect(() => loadFacts('f.yaml', 'facts: [', article)).toThrow(/f\.yaml: not valid YAML/);
		expect(() =>
			loadFacts('f.yaml', `${one(valid)}\n${one(valid).replace('facts:\n', '')}`, article)
		).toThrow(/fact "prova" field "id": used by another fact/);
	});
});
