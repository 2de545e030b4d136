/**
 * The server's one classroom engine, on the SQLite store in the data folder, with the deck's
 * cards. Created on first use, so builds and pages that never host a game open no database.
 */
import type { Card } from '$lib/cards/types';
import { getCard, getDeck } from '$lib/server/deck';
import { openSqliteStore } from './db';
import { ClassroomEngine } from './engine';

let engine: ClassroomEngine | undefined;

export function getEngine(): ClassroomEngine {
	if (!engine) {
		engine = new ClassroomEngine(openSqliteStore(), getCard);
		engine.resumeAll();
	}
	return engine;
}

/** The cards of a game, in question order. */
export function gameCards(cardIds: readonly string[]): Card[] {
	return cardIds.map((id) => getCard(id)).filter((card): card is Card => card !== undefined);
}

/** Cards suited to a live game: choices and numbers, curated, of one article. */
export function liveCards(article: string): Card[] {
	return getDeck().cards.filter(
		(card) =>
			card.source.article === article &&
			card.track === 'facts' &&
			card.origin === 'curated' &&
			(card.type === 'multiple-choice' || card.type === 'true-false' || card.type === 'numeric')
	);
}

export const HOST_COOKIE = (code: string) => `ripasso_host_${code}`;
export const PLAYER_COOKIE = (code: string) => `ripasso_player_${code}`;
