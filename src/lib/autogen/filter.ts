/**
 * Step 2 of the question generator: filter and rank. Rule-made questions are mostly noise until
 * ranked: in Heilman & Smith 2010 27% were acceptable overall, 52% of the top-ranked fifth.
 */
import type { Article } from '$lib/content/types';
import type { Candidate, CandidateKind } from './candidates';
import { CONTEXT_OPENERS, CONTEXT_OPENER_PAIRS, isStopword } from './lexicon';

/** Why a candidate was dropped. */
export type RejectReason =
	| 'repeated-in-sentence'
	| 'sentence-too-short'
	| 'sentence-too-long'
	| 'needs-context'
	| 'gap-too-large'
	| 'stopword'
	| 'too-short'
	| 'text-subject';

export const MIN_SENTENCE_WORDS = 6;
export const MAX_SENTENCE_WORDS = 45;
/**
 * An answer found in more than this share of the factual sentences (and at least 4 times) is
 * the text's subject: "Corea del Nord" is in 19 of ~50 sentences, so gapping it asks nothing.
 */
export const SUBJECT_SPREAD = 0.25;

/** True when the sentence opens with a word that points back to an earlier sentence. */
export function needsContext(sentenceText: string): boolean {
	const [, first = '', second = ''] =
		/^[\s«"“]*(\p{L}+)[^\p{L}]+(\p{L}*)/u.exec(sentenceText.toLowerCase()) ?? [];
	return CONTEXT_OPENERS.has(first) || CONTEXT_OPENER_PAIRS.has(`${first}_${second}`);
}

const isNumeric = (kind: CandidateKind) => kind === 'number' || kind === 'year' || kind === 'month';

/** The first filter a candidate fails, or `null` when it may make a card. */
export function rejectReason(candidate: Candidate, sentenceText: string): RejectReason | null {
	const f = candidate.features;
	if (f.inSentence > 1) return 'repeated-in-sentence';
	if (f.sentenceWords < MIN_SENTENCE_WORDS) return 'sentence-too-short';
	if (f.sentenceWords > MAX_SENTENCE_WORDS) return 'sentence-too-long';
	if (needsContext(sentenceText)) return 'needs-context';
	if (f.answerWords * 3 > f.sentenceWords) return 'gap-too-large';
	if (!isNumeric(candidate.kind)) {
		if (isStopword(candidate.text)) return 'stopword';
		if (f.letters < 3) return 'too-short';
		if (f.spread > SUBJECT_SPREAD && f.frequency >= 4) return 'text-subject';
	}
	return null;
}

/** The candidates that pass every filter, in their original order. */
export function filterCandidates(article: Article, candidates: readonly Candidate[]): Candidate[] {
	return candidates.filter(
		(c) => rejectReason(c, article.sentences[c.sentenceIndex].text) === null
	);
}

/** How much each kind of answer is worth before its features: facts first, then words. */
export const KIND_WEIGHT: Record<CandidateKind, number> = {
	number: 4,
	year: 4,
	month: 3.7,
	person: 3.7,
	place: 3.5,
	organisation: 3.5,
	name: 2.2,
	word: 1
};

/**
 * The score of a candidate:
 *
 * `KIND_WEIGHT[kind] + 0.8·min(letters, 12)/12 (words and names only) + 0.8/(1 + ln frequency)
 *  + 0.6/sentenceCandidates + 0.3·[word after an article or preposition]`
 *
 * so numbers, dates and named entities always come before common words (a word reaches at most
 * 1 + 0.8 + 0.8 + 0.6 + 0.3 = 3.5, the lowest entity weight); among words, long rare nouns come
 * first; a sentence with few candidates gives them a bonus, as they are what it is about.
 */
export function scoreCandidate(candidate: Candidate): number {
	const f = candidate.features;
	const wordLike = candidate.kind === 'word' || candidate.kind === 'name';
	return (
		KIND_WEIGHT[candidate.kind] +
		(wordLike ? (0.8 * Math.min(f.letters, 12)) / 12 : 0) +
		0.8 / (1 + Math.log(f.frequency)) +
		0.6 / f.sentenceCandidates +
		(candidate.kind === 'word' && f.afterDeterminer ? 0.3 : 0)
	);
}

/** A candidate with its score. */
export interface RankedCandidate extends Candidate {
	score: number;
}

/**
 * Candidates best first; ties in text order, so the ranking never depends on anything but the
 * text. Only one candidate per (sentence, answer) is kept.
 */
export function rankCandidates(candidates: readonly Candidate[]): RankedCandidate[] {
	const seen = new Set<string>();
	return candidates
		.filter((c) => {
			const key = `${c.sentenceId}\n${c.text.toLowerCase()}`;
			return !seen.has(key) && !!seen.add(key);
		})
		.map((c) => ({ ...c, score: scoreCandidate(c) }))
		.sort((a, b) => b.score - a.score || a.sentenceIndex - b.sentenceIndex || a.start - b.start);
}
