/**
 * The server's one classroom engine, on the SQLite store in the data folder, with the deck's
 * cards. Created on first use, so builds and pages that never host a game open no database.
 */
import { error, type Cookies } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { env } from '$env/dynamic/private';
import type { Card, Track } from '$lib/cards/types';
import { livePool, pickGameCards, type LiveKind } from '$lib/classroom/pick';
import type { GameSettings, GameState } from '$lib/classroom/game';
import { isGameCode } from '$lib/classroom/code';
import { m } from '$lib/paraglide/messages';
import { mulberry32 } from '$lib/random/prng';
import { getArticle } from '$lib/server/content';
import { getCard, getDeck } from '$lib/server/deck';
import { openSqliteStore } from './db';
import { ClassroomEngine } from './engine';
import { RateLimiter } from './http';

let engine: ClassroomEngine | undefined;

export function getEngine(): ClassroomEngine {
	if (!engine) {
		engine = new ClassroomEngine(openSqliteStore(), getCard);
		engine.resumeAll();
	}
	return engine;
}

/** The game with this code, or a 404 page that says the code is unknown or expired. */
export function requireGame(code: string): GameState {
	const state = isGameCode(code) ? getEngine().get(code) : undefined;
	if (!state) error(404, m.class_error_unknown_code({ code: code.slice(0, 12) }));
	return state;
}

/**
 * The game, its cards and article for its host; a 404 for an unknown code and a 403 for anyone
 * without the host's secret (a student who guesses the URL sees nothing).
 */
export function requireHost(code: string, cookies: Cookies) {
	const state = requireGame(code);
	const engine = getEngine();
	if (!engine.isHost(code, cookies.get(HOST_COOKIE(code)))) error(403, m.class_error_not_host());
	const article = getArticle(engine.article(code) ?? '');
	return {
		state,
		cards: gameCards(state.cardIds),
		article: article ? { slug: article.slug, title: article.meta.title } : null
	};
}

/** The cards of a game, in question order. */
export function gameCards(cardIds: readonly string[]): Card[] {
	return cardIds.map((id) => getCard(id)).filter((card): card is Card => card !== undefined);
}

export interface NewGame {
	article: string;
	tracks: readonly Track[];
	kinds: readonly LiveKind[];
	settings: GameSettings;
	/** A self-paced assignment open until then (epoch ms); a live game without. */
	closesAt?: number;
}

export type CreateResult = { ok: true; code: string } | { ok: false; error: 'no-cards' | string };

/**
 * Draws the game's cards (see `livePool`) and creates it; this browser becomes its host (the
 * secret goes into its cookie, and nowhere else).
 */
export function createGame(
	cookies: Cookies,
	{ article, tracks, kinds, settings, closesAt }: NewGame
): CreateResult {
	const pool = livePool(getDeck().cards, { article, tracks, kinds });
	if (pool.length === 0) return { ok: false, error: 'no-cards' };
	const cards = pickGameCards(pool, settings.questions, mulberry32(Date.now() >>> 0));
	const created = getEngine().create(
		article,
		cards.map((card) => card.id),
		settings,
		closesAt
	);
	if (!created.ok) return created;
	setHostCookie(cookies, created.code, created.hostSecret);
	return { ok: true, code: created.code };
}

// Joins per address, generous: a whole class behind a school's NAT shares one address (bot
// floods are also stopped by the cap on players per game). RIPASSO_JOIN_LIMIT (joins per minute
// per address) raises it for a hall behind one router, or for the load bench on loopback.
export const joinLimiter = new RateLimiter(Number(env.RIPASSO_JOIN_LIMIT) || 300, 60_000);

export const HOST_COOKIE = (code: string) => `ripasso_host_${code}`;
export const PLAYER_COOKIE = (code: string) => `ripasso_player_${code}`;

/** Seconds until the game expires: its cookies last exactly as long (a week-long assignment too). */
function lifetime(code: string): number {
	const expiresAt = getEngine().expiresAt(code) ?? Date.now();
	return Math.max(60, Math.ceil((expiresAt - Date.now()) / 1000));
}

/**
 * The host's secret: httpOnly (no script reads it), same-site only, for the game's lifetime.
 * Not `secure`, so a classroom laptop serving plain http on the LAN works.
 */
function setHostCookie(cookies: Cookies, code: string, secret: string): void {
	cookies.set(HOST_COOKIE(code), secret, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: false,
		maxAge: lifetime(code)
	});
}

/**
 * Joins the game as this browser's player (the id in its cookie, or a new one) and, on success,
 * keeps the id in the cookie so that a reload or a later visit rejoins as the same player.
 */
export function joinGame(cookies: Cookies, code: string, nickname: string) {
	const playerId = cookies.get(PLAYER_COOKIE(code)) ?? randomUUID();
	const result = getEngine().join(code, playerId, nickname);
	if (result.ok) setPlayerCookie(cookies, code, playerId);
	return result;
}

/** The student's player id: a reload, or coming back to an assignment days later, rejoins. */
function setPlayerCookie(cookies: Cookies, code: string, playerId: string): void {
	cookies.set(PLAYER_COOKIE(code), playerId, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: false,
		maxAge: lifetime(code)
	});
}
