/**
 * Term and definition lists, as Quizlet and Anki import them: two columns, no header row (Quizlet
 * would make a card of it), one file per article and track.
 */
import type { Track } from '$lib/cards/types';
import { toCsv } from '$lib/csv/csv';
import type { Deck } from '$lib/deck/deck';
import { withArticle } from '$lib/vocab/cards';
import { exportableCards } from './anki';

/** The separators offered, by name (Quizlet reads tab and comma; Italian spreadsheets `;`). */
export const SEPARATORS = { tab: '\t', comma: ',', semicolon: ';' } as const;
export type SeparatorName = keyof typeof SEPARATORS;

/**
 * The term and definition pairs of one article's track. Facts: each card's prompt (with its
 * choices) and answer, a pair given by two cards (the open and the multiple-choice question of one
 * fact) once. Vocabulary: each glossed word (with its article) and its gloss, since Quizlet asks
 * both ways by itself.
 */
export function termPairs(deck: Deck, article: string, track: Track): [string, string][] {
	const pairs: [string, string][] = [];
	const seen = new Set<string>();
	const add = (term: string, definition: string) => {
		const key = `${term}\u0000${definition}`;
		if (seen.has(key)) return;
		seen.add(key);
		pairs.push([term, definition]);
	};
	if (track === 'vocab') {
		for (const entry of deck.vocab) {
			if (entry.article === article && entry.gloss !== null) add(withArticle(entry), entry.gloss);
		}
		return pairs;
	}
	for (const card of exportableCards(deck)) {
		if (card.source.article !== article || card.track !== 'facts') continue;
		const choices = card.options.length > 0 ? ` (${card.options.join(' / ')})` : '';
		add(card.prompt + choices, card.answer);
	}
	return pairs;
}

/** The pairs as a file: one line per pair, fields quoted as `$lib/csv/csv` does. */
export function termsFile(pairs: readonly [string, string][], separator: SeparatorName): string {
	return toCsv(pairs, { separator: SEPARATORS[separator] });
}
