/**
 * Cards from curated facts: each fact yields up to five cards (multiple choice, cloze,
 * true/false, numeric, open), siblings of one another.
 */
import type { ResolvedFact } from '$lib/facts/load';
import { rngFor, shuffled } from '$lib/random/prng';
import { notesBySentence, type Note } from './notes';
import { containsPhrase, corrected, withSynonyms } from './variants';
import { GAP, type Card, type CardType } from './types';

/** Typing a long claim from memory is a test of wording, not of knowledge: open cards stop here. */
const MAX_OPEN_ANSWER_WORDS = 5;

/**
 * Makes the cards of one article's facts. Deterministic for a given seed; ids depend only on the
 * article, the fact and the card type, so they survive regeneration and reordering.
 */
export function curatedCards(slug: string, facts: readonly ResolvedFact[], seed: number): Card[] {
	const notes = notesBySentence(facts);
	return facts.flatMap((fact) => factCards(slug, fact, seed, notes.get(fact.sentence.id)));
}

function factCards(slug: string, fact: ResolvedFact, seed: number, note?: Note): Card[] {
	const sibling = `${slug}:${fact.id}`;
	const source = { article: slug, sentence: fact.sentence.id, text: fact.sentence.text };
	const base = (type: CardType) => ({
		id: `${sibling}:${type}`,
		track: 'facts' as const,
		type,
		origin: 'curated' as const,
		sibling,
		source,
		// The note of the sentence, from whichever fact gave it: every card shows the sentence.
		...(note ? { note } : {})
	});
	// What may be typed for the answer: its variants, with the synonyms the fact allows.
	const accept = typedVariants(fact, [fact.answer, ...fact.accept], fact.answer);
	const cards: Card[] = [];

	// Only curated distractors are known to be false and to fit the question; three are needed.
	if (fact.distractors.length >= 3) {
		const random = rngFor(`${sibling}:multiple-choice`, seed);
		const wrong = shuffled(fact.distractors, random);
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
	const clozeAnswer = corrected(fact.gap, fact.corrections);
	cards.push({
		...base('cloze'),
		prompt: cloze,
		// The same sentence in English with the same words blanked; else what the cloze asks.
		prompt_en: fact.clozeEn ?? fact.question.en,
		// The word meant where the article has a typo: the note shows what it printed.
		answer: clozeAnswer,
		// Only what fits the sentence: an answer's variants ("Oblast di Kursk") often do not.
		accept: typedVariants(fact, fact.gap_accept, clozeAnswer),
		options: []
	});

	// Only curated distractors are known to fit the statement's grammar (gender, number, article).
	if (fact.distractors.length > 0) cards.push(trueFalse(base('true-false'), fact, seed));

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
 * (another number, another actor), in Italian and in English alike, so that the English says
 * exactly what the Italian does and gives nothing more away.
 */
function trueFalse(
	base: Omit<Card, 'prompt' | 'prompt_en' | 'answer' | 'accept' | 'options'>,
	fact: ResolvedFact,
	seed: number
): Card {
	const random = rngFor(base.id, seed);
	const isTrue = random() < 0.5;
	const pick = Math.floor(random() * fact.distractors.length);
	return {
		...base,
		prompt: isTrue
			? fact.statement.it
			: fact.statement.it.replace(fact.answer, fact.distractors[pick]),
		prompt_en: isTrue
			? fact.statement.en
			: fact.statement.en.replace(fact.answer_en, fact.distractors_en[pick]),
		answer: isTrue ? 'vero' : 'falso',
		accept: [],
		options: ['vero', 'falso']
	};
}

/**
 * The forms a typed answer may take besides `answer`: the given ones with the fact's synonyms,
 * never one that keeps a typo the article printed.
 */
function typedVariants(fact: ResolvedFact, forms: readonly string[], answer: string): string[] {
	const typos = Object.keys(fact.corrections);
	return withSynonyms([answer, ...forms], fact.synonyms).filter(
		(form) => form !== answer && !typos.some((typo) => containsPhrase(form, typo))
	);
}
