/**
 * The automatic question generator: from an Italian text alone, overgenerate candidate answers
 * (`findCandidates`), filter and rank them (`filterCandidates`, `rankCandidates`), keep the best
 * spread over the text, and return cards (`cardsFor`).
 */
import { GAP, type Card } from '$lib/cards/types';
import { isFactual } from '$lib/content/article';
import type { Article, Sentence } from '$lib/content/types';
import { findCandidates } from './candidates';
import { cardsFor } from './cards';
import { buildPools } from './distractors';
import { filterCandidates, rankCandidates, type RankedCandidate } from './filter';

export { findCandidates, type Candidate, type CandidateKind } from './candidates';
export { findEntities, classifyEntities, gazetteer, type EntitySpan } from './entities';
export { filterCandidates, rankCandidates, rejectReason, scoreCandidate } from './filter';
export { findNumbers, italianNumberWords, numberDistractors } from './numbers';

export interface AutoOptions {
	/** Shuffles options and picks gazetteer distractors; never changes which cards exist. */
	seed: number;
	/** Maximum number of cards; default: one per two factual sentences. */
	limit?: number;
}

/** At most this many cards come from one sentence, so the deck covers the whole text. */
export const MAX_CARDS_PER_SENTENCE = 3;

/** One sentence's turn in the selection: its candidates best first, and the cards not yet taken. */
interface Queue {
	sentence: Sentence;
	candidates: RankedCandidate[];
	next: number;
	pending: Card[];
}

/**
 * Cards generated from an article's factual sentences, in text order.
 *
 * Selection is breadth first, so a small deck covers the whole text: sentences are ordered by
 * their best candidate's score; round 1 takes one card from each (the first card of its best
 * candidate), round 2 a second (a sibling type, or the next candidate), round 3 a third, until
 * `limit`. An answer is used in at most `limit / 20` sentences (rounded up), so no name fills
 * the deck.
 * Same article and seed give the same cards; ids do not depend on the seed.
 */
export function generateAutoCards(article: Article, options: AutoOptions): Card[] {
	const factual = article.sentences.filter(isFactual).length;
	const limit = options.limit ?? Math.ceil(factual / 2);
	if (limit <= 0 || factual === 0) return [];

	const candidates = findCandidates(article);
	const ranked = rankCandidates(filterCandidates(article, candidates));
	const pools = buildPools(candidates);
	const perAnswer = Math.ceil(limit / 20);

	// Map insertion order is the order of each sentence's best candidate.
	const queues = new Map<string, Queue>();
	for (const candidate of ranked) {
		const queue = queues.get(candidate.sentenceId);
		if (queue) queue.candidates.push(candidate);
		else {
			const sentence = article.sentences[candidate.sentenceIndex];
			queues.set(candidate.sentenceId, { sentence, candidates: [candidate], next: 0, pending: [] });
		}
	}
	const answerUses = new Map<string, number>();
	const nextCard = (queue: Queue): Card | undefined => {
		while (!queue.pending.length && queue.next < queue.candidates.length) {
			const candidate = queue.candidates[queue.next++];
			const answer = candidate.text.toLowerCase();
			if ((answerUses.get(answer) ?? 0) >= perAnswer) continue;
			answerUses.set(answer, (answerUses.get(answer) ?? 0) + 1);
			queue.pending = cardsFor(article.slug, queue.sentence, candidate, pools, options.seed);
		}
		return queue.pending.shift();
	};

	const chosen: { card: Card; sentence: number; order: number }[] = [];
	for (let round = 1; round <= MAX_CARDS_PER_SENTENCE && chosen.length < limit; round++) {
		for (const queue of queues.values()) {
			if (chosen.length >= limit) break;
			const card = nextCard(queue);
			if (card) chosen.push({ card, sentence: queue.sentence.index, order: chosen.length });
		}
	}
	const gapStart = (card: Card) => card.prompt.indexOf(GAP);
	return chosen
		.sort(
			(a, b) => a.sentence - b.sentence || gapStart(a.card) - gapStart(b.card) || a.order - b.order
		)
		.map((c) => c.card);
}
