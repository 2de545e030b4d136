/**
 * Step 3 of the question generator: turn one kept candidate into cards — a cloze always, a
 * multiple choice when three fitting distractors exist, a numeric card for numbers.
 */
import { GAP, type Card, type CardType } from '$lib/cards/types';
import type { Sentence } from '$lib/content/types';
import { slugify } from '$lib/text/ids';
import type { Candidate, CandidateKind } from './candidates';
import { findDistractors, type Pools } from './distractors';
import { numberVariants } from './numbers';
import { rngFor, shuffled } from '$lib/random/prng';

/** What a multiple-choice prompt asks for, by kind of answer. */
const CHOOSE: Partial<Record<CandidateKind, string>> = {
	number: 'number',
	year: 'year',
	month: 'month',
	place: 'place',
	person: 'person',
	organisation: 'organisation'
};

/** `<slug>:auto:<sentence>:<answer>`: the same for every card made from one gap. */
export function siblingKey(slug: string, sentenceId: string, answer: string): string {
	return `${slug}:auto:${sentenceId}:${slugify(answer)}`;
}

/** The sentence with the candidate's span replaced by `GAP`. */
export function clozeOf(sentence: Sentence, candidate: Candidate): string {
	const from = candidate.start - sentence.start;
	const to = candidate.end - sentence.start;
	return sentence.text.slice(0, from) + GAP + sentence.text.slice(to);
}

/** Typed answers that are also right: other spellings of a number, a person's surname. */
function acceptedFor(candidate: Candidate): string[] {
	if (candidate.value !== undefined && candidate.kind !== 'month') {
		return numberVariants(candidate.text, candidate.value);
	}
	const words = candidate.text.split(' ');
	if (candidate.kind === 'person' && words.length === 2) return [words[1]];
	return [];
}

/**
 * The cards of one candidate, the most specific type first — numeric for numbers, multiple choice
 * for names with three fitting distractors, then the cloze every candidate has — because a deck
 * with room for one card per sentence should get the best question of each. Ids depend only on
 * the article, the sentence, the answer and the type; the seed only shuffles options and picks
 * gazetteer distractors, through a generator of each card's own.
 */
export function cardsFor(
	slug: string,
	sentence: Sentence,
	candidate: Candidate,
	pools: Pools,
	seed: number
): Card[] {
	const sibling = siblingKey(slug, sentence.id, candidate.text);
	const prompt = clozeOf(sentence, candidate);
	const base = {
		track: 'facts' as const,
		origin: 'auto' as const,
		sibling,
		prompt,
		answer: candidate.text,
		accept: acceptedFor(candidate),
		options: [] as string[],
		source: { article: slug, sentence: sentence.id, text: sentence.text }
	};
	const card = (type: CardType, extra: Partial<Card>): Card => ({
		id: `${sibling}:${type}`,
		type,
		prompt_en: '',
		...base,
		...extra
	});
	const cards: Card[] = [];
	if (candidate.value !== undefined && candidate.kind !== 'month') {
		cards.push(
			card('numeric', {
				prompt_en: `Fill in the gap with a number: ${prompt}`,
				number: { value: candidate.value, qualifier: candidate.qualifier ?? 'exact' }
			})
		);
	}
	const noun = CHOOSE[candidate.kind];
	if (noun) {
		const id = `${sibling}:multiple-choice`;
		const random = rngFor(id, seed);
		const distractors = findDistractors(candidate, sentence.text, pools, random);
		if (distractors) {
			cards.push(
				card('multiple-choice', {
					prompt_en: `Choose the ${noun} that fills the gap: ${prompt}`,
					accept: [],
					options: shuffled([candidate.text, ...distractors], random)
				})
			);
		}
	}
	cards.push(card('cloze', { prompt_en: `Fill in the gap: ${prompt}` }));
	return cards;
}
