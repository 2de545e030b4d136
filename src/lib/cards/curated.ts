/**
 * Cards from curated facts: each fact yields up to five cards (multiple choice, cloze,
 * true/false, numeric, open), siblings of one another.
 */
import { folded as fold, type ResolvedFact } from '$lib/facts/load';
import type { FactType } from '$lib/facts/schema';
import { rngFor, shuffled } from '$lib/random/prng';
import { GAP, type Card, type CardType } from './types';

/** Typing a long claim from memory is a test of wording, not of knowledge: open cards stop here. */
const MAX_OPEN_ANSWER_WORDS = 5;

/**
 * Distractors for a fact: its curated ones first, then answers of other facts of the same type
 * (spans found elsewhere in the article), never a right answer, never twice.
 */
export function distractorsFor(fact: ResolvedFact, pool: Map<FactType, string[]>): string[] {
	const right = new Set([fact.answer, fact.gap, ...fact.accept].map(fold));
	const seen = new Set<string>();
	const result: string[] = [];
	for (const candidate of [...fact.distractors, ...(pool.get(fact.type) ?? [])]) {
		const key = fold(candidate);
		if (right.has(key) || seen.has(key)) continue;
		seen.add(key);
		result.push(candidate);
	}
	return result;
}

/** Answers of every fact, by type: the article's own same-type spans. */
export function answerPool(facts: readonly ResolvedFact[]): Map<FactType, string[]> {
	const pool = new Map<FactType, string[]>();
	for (const fact of facts) pool.set(fact.type, [...(pool.get(fact.type) ?? []), fact.answer]);
	return pool;
}

/**
 * Makes the cards of one article's facts. Deterministic for a given seed; ids depend only on the
 * article, the fact and the card type, so they survive regeneration and reordering.
 */
export function curatedCards(slug: string, facts: readonly ResolvedFact[], seed: number): Card[] {
	const pool = answerPool(facts);
	return facts.flatMap((fact) => factCards(slug, fact, distractorsFor(fact, pool), seed));
}

function factCards(slug: string, fact: ResolvedFact, distractors: string[], seed: number): Card[] {
	const sibling = `${slug}:${fact.id}`;
	const source = { article: slug, sentence: fact.sentence.id, text: fact.sentence.text };
	const base = (type: CardType) => ({
		id: `${sibling}:${type}`,
		track: 'facts' as const,
		type,
		origin: 'curated' as const,
		sibling,
		source,
		...(fact.note ? { note: fact.note } : {})
	});
	const accept = unique([fact.answer, fact.gap, ...fact.accept]).filter((a) => a !== fact.answer);
	const cards: Card[] = [];

	if (distractors.length >= 3) {
		const random = rngFor(`${sibling}:multiple-choice`, seed);
		const wrong = shuffled(distractors.slice(0, Math.max(3, fact.distractors.length)), random);
		cards.push({
			...base('multiple-choice'),
			prompt: fact.question.it,
			prompt_en: fact.question.en,
			answer: fact.answer,
			accept: [],
			options: shuffled([fact.answer, ...wrong.slice(0, 3)], random)
		});
	}

	const text = fact.sentence.text;
	const cloze = text.slice(0, fact.gapAt) + GAP + text.slice(fact.gapAt + fact.gap.length);
	cards.push({
		...base('cloze'),
		prompt: cloze,
		prompt_en: `Fill in the gap: ${cloze}`,
		answer: fact.gap,
		accept: unique([fact.answer, ...fact.accept]).filter((a) => a !== fact.gap),
		options: []
	});

	// Only curated distractors are known to fit the statement's grammar (gender, number, article).
	if (fact.distractors.length > 0) {
		cards.push(trueFalse(base('true-false'), fact, fact.distractors, seed));
	}

	if (fact.number) {
		cards.push({
			...base('numeric'),
			prompt: fact.question.it,
			prompt_en: fact.question.en,
			answer: fact.answer,
			accept,
			options: [],
			number: fact.number
		});
	}

	if (fact.answer.split(/\s+/u).length <= MAX_OPEN_ANSWER_WORDS && !fact.number) {
		cards.push({
			...base('open'),
			prompt: fact.question.it,
			prompt_en: fact.question.en,
			answer: fact.answer,
			accept,
			options: []
		});
	}
	return cards;
}

/**
 * The fact's statement, or a minimally changed false one: the answer swapped for a distractor
 * (another number, another actor). The English prompt quotes the Italian statement in both cases,
 * so its wording never gives the truth away.
 */
function trueFalse(
	base: Omit<Card, 'prompt' | 'prompt_en' | 'answer' | 'accept' | 'options'>,
	fact: ResolvedFact,
	distractors: string[],
	seed: number
): Card {
	const random = rngFor(base.id, seed);
	const isTrue = random() < 0.5;
	const statement = isTrue
		? fact.statement.it
		: fact.statement.it.replace(
				fact.answer,
				distractors[Math.floor(random() * distractors.length)]
			);
	return {
		...base,
		prompt: statement,
		prompt_en: `True or false? “${statement}”`,
		answer: isTrue ? 'vero' : 'falso',
		accept: [],
		options: ['vero', 'falso']
	};
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}
