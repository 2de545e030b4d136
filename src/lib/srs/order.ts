/**
 * The order new cards are introduced in: the article's order, so a learner meets facts as the text
 * tells them; curated cards before automatic ones; within a fact, the easier types first (burying
 * then spreads a fact's cards over several days).
 */
import type { Card, CardType } from '$lib/cards/types';

const TYPE_ORDER: Record<CardType, number> = {
	'multiple-choice': 0,
	'true-false': 1,
	cloze: 2,
	numeric: 3,
	open: 4,
	recognition: 0,
	listening: 1,
	production: 3
};

export function studyOrder(cards: readonly Card[], sentences: readonly { id: string }[]): Card[] {
	const position = new Map(sentences.map((sentence, index) => [sentence.id, index]));
	return [...cards].sort(
		(a, b) =>
			Number(a.origin === 'auto') - Number(b.origin === 'auto') ||
			(position.get(a.source.sentence) ?? 0) - (position.get(b.source.sentence) ?? 0) ||
			TYPE_ORDER[a.type] - TYPE_ORDER[b.type]
	);
}
