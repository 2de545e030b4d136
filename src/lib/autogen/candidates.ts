/**
 * Step 1 of the question generator: overgenerate. Every span of a factual sentence that could be
 * the answer to a gap-fill question becomes a candidate: numbers and dates, named entities, and
 * content words. Filtering and ranking (`filter.ts`) decide which ones make cards.
 */
import type { NumberQualifier } from '$lib/cards/types';
import { isFactual } from '$lib/content/article';
import type { Article, Sentence } from '$lib/content/types';
import type { Token } from '$lib/text/tokens';
import { placeSlot, type PlaceSlot } from './distractors';
import { classifyEntities, findEntities, gazetteer, placeKey, type EntitySpan } from './entities';
import { DETERMINERS, LOANWORDS, NON_WORDS, isStopword, monthNames } from './lexicon';
import { findNumbers, type NumberFormat } from './numbers';

export type CandidateKind =
	'number' | 'year' | 'month' | 'place' | 'person' | 'organisation' | 'name' | 'word';

/** What the ranking formula looks at. */
export interface CandidateFeatures {
	/** Letters (or digits) in the answer. */
	letters: number;
	/** Words in the answer. */
	answerWords: number;
	/** How often the same answer (any case) is a candidate anywhere in the text. */
	frequency: number;
	/** Share of factual sentences holding the same answer: the text's subject is near 1/3. */
	spread: number;
	/** Candidates in the same sentence, this one included. */
	sentenceCandidates: number;
	/** Word tokens in the sentence. */
	sentenceWords: number;
	/** Times the answer occurs in its sentence (case-insensitive substring). */
	inSentence: number;
	/** An article or preposition comes right before: the word is most likely a noun. */
	afterDeterminer: boolean;
}

/** A span that could be gapped; `start`/`end` are offsets into `article.body`. */
export interface Candidate {
	kind: CandidateKind;
	sentenceId: string;
	/** Index into `article.sentences`. */
	sentenceIndex: number;
	start: number;
	end: number;
	/** The gap, exactly as in the sentence; the card's answer. */
	text: string;
	/** The gap with the words that qualify it: `più di 10.000`, `lo scorso settembre`. */
	display: string;
	value?: number;
	qualifier?: NumberQualifier;
	format?: NumberFormat;
	/** For places: which places fit the gap grammatically (see `placeSlot`). */
	slot?: PlaceSlot;
	features: CandidateFeatures;
}

type Found = Omit<Candidate, 'features'>;

/**
 * Every candidate answer of the factual sentences, in text order. Linear in the text length:
 * the only cross-sentence facts (which words occur in lower case, how often an answer recurs)
 * are gathered in maps in one pass each.
 */
export function findCandidates(article: Article): Candidate[] {
	const lowerCaseWords = new Set<string>();
	for (const sentence of article.sentences) {
		for (const token of sentence.tokens) {
			if (/^\p{Ll}/u.test(token.text)) lowerCaseWords.add(token.text.toLowerCase());
		}
	}
	const factual = article.sentences.filter(isFactual);
	const spans: { sentence: Sentence; span: EntitySpan }[] = [];
	for (const sentence of factual) {
		for (const span of findEntities(sentence)) spans.push({ sentence, span });
	}
	const classified = classifyEntities(
		spans.map((s) => s.span),
		lowerCaseWords
	);
	const entitiesBySentence = new Map<string, EntitySpan[]>();
	classified.forEach((span, i) => {
		if (!span) return;
		const id = spans[i].sentence.id;
		const list = entitiesBySentence.get(id);
		if (list) list.push(span);
		else entitiesBySentence.set(id, [span]);
	});

	const found: Found[] = [];
	for (const sentence of factual) {
		const base = { sentenceId: sentence.id, sentenceIndex: sentence.index };
		const taken: { start: number; end: number }[] = [];
		for (const number of findNumbers(sentence)) {
			const { kind, start, end, text, display, value, qualifier, format } = number;
			found.push({ ...base, kind, start, end, text, display, value, qualifier, format });
			taken.push(number);
		}
		for (const span of entitiesBySentence.get(sentence.id) ?? []) {
			const { kind, start, end, text } = span;
			const candidate: Found = { ...base, kind, start, end, text, display: text };
			if (span.kind === 'place') {
				const place = gazetteer().get(placeKey(span.text));
				if (place) candidate.slot = placeSlot(place, previousToken(sentence, span.start));
			}
			found.push(candidate);
			taken.push(span);
		}
		for (const token of contentWords(sentence, taken)) {
			const { start, end, text } = token;
			found.push({ ...base, kind: 'word', start, end, text, display: text });
		}
	}
	return withFeatures(article, factual, found);
}

function previousToken(sentence: Sentence, start: number): Token | undefined {
	let previous: Token | undefined;
	for (const token of sentence.tokens) {
		if (token.start >= start) break;
		previous = token;
	}
	return previous;
}

/**
 * Content words worth a gap: long (6+ letters), lower case, not a function word, not an adverb
 * in -mente, not a loanword or a known typo, not half of a hyphenated word, not already inside a
 * number or a name. Italian content words end in a vowel; most loanwords do not.
 */
function contentWords(sentence: Sentence, taken: { start: number; end: number }[]): Token[] {
	const months = monthNames();
	return sentence.tokens.filter((token) => {
		const word = token.text;
		// Cheap tests first: most tokens are short function words.
		if (token.kind !== 'word' || token.elided || word.length < 6) return false;
		const lower = word.toLowerCase();
		if (word[0] !== lower[0] || !/^\p{L}+$/u.test(word)) return false;
		if (!/[aeiouàèéìòù]$/u.test(lower) || /[jkwxy]/u.test(lower)) return false;
		if (lower.endsWith('mente') || months.includes(lower)) return false;
		if (isStopword(lower) || NON_WORDS.has(lower) || LOANWORDS.has(lower)) return false;
		const before = sentence.text[token.start - sentence.start - 1];
		const after = sentence.text[token.end - sentence.start];
		if (before === '-' || after === '-') return false;
		return !taken.some((span) => token.start < span.end && span.start < token.end);
	});
}

function withFeatures(article: Article, factual: Sentence[], found: Found[]): Candidate[] {
	const frequency = new Map<string, number>();
	const sentencesWith = new Map<string, Set<string>>();
	const perSentence = new Map<string, number>();
	for (const c of found) {
		const key = c.text.toLowerCase();
		frequency.set(key, (frequency.get(key) ?? 0) + 1);
		if (!sentencesWith.has(key)) sentencesWith.set(key, new Set());
		sentencesWith.get(key)!.add(c.sentenceId);
		perSentence.set(c.sentenceId, (perSentence.get(c.sentenceId) ?? 0) + 1);
	}
	// Per-sentence facts, computed once: candidates are in sentence order, so one at a time.
	let current: { index: number; lower: string; words: number; before: Map<number, Token> } | null =
		null;
	return found
		.map((c) => {
			if (current?.index !== c.sentenceIndex) {
				const sentence = article.sentences[c.sentenceIndex];
				const before = new Map<number, Token>();
				sentence.tokens.forEach(
					(token, i) => i > 0 && before.set(token.start, sentence.tokens[i - 1])
				);
				const words = sentence.tokens.filter((t) => !t.elided).length;
				current = { index: c.sentenceIndex, lower: sentence.text.toLowerCase(), words, before };
			}
			const key = c.text.toLowerCase();
			const previous = current.before.get(c.start);
			const features: CandidateFeatures = {
				letters: c.text.replace(/[^\p{L}\p{N}]/gu, '').length,
				answerWords: c.text.split(/\s+/u).length,
				frequency: frequency.get(key)!,
				spread: sentencesWith.get(key)!.size / Math.max(1, factual.length),
				sentenceCandidates: perSentence.get(c.sentenceId)!,
				sentenceWords: current.words,
				inSentence: countOccurrences(current.lower, key),
				afterDeterminer: !!previous && DETERMINERS.has(previous.text.toLowerCase())
			};
			return { ...c, features };
		})
		.sort((a, b) => a.sentenceIndex - b.sentenceIndex || a.start - b.start);
}

/** Non-overlapping occurrences of `needle` in `text`. */
export function countOccurrences(text: string, needle: string): number {
	let count = 0;
	for (
		let at = text.indexOf(needle);
		needle && at >= 0;
		at = text.indexOf(needle, at + needle.length)
	) {
		count++;
	}
	return count;
}
