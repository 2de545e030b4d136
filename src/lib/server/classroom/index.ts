/**
 * The server's one classroom engine, on its store (PostgreSQL when `DATABASE_URL` says
 * `postgres://…`, else SQLite in the data folder), with the deck's cards; and what every classroom route needs around it: who the host and the player are (from
 * their cookies), finding a game without becoming an oracle for codes, creating and joining
 * within limits. Created on first use, so builds and pages that never host a game open no
 * database.
 */
import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import { env } from '$env/dynamic/private';
import type { Card } from '$lib/cards/types';
import { playerIdSchema, type CreateInput } from '$lib/classroom/contracts';
import { chosenCards, livePool, pickGameCards } from '$lib/classroom/pick';
import type { GameState } from '$lib/classroom/game';
import { isGameCode } from '$lib/classroom/code';
import { m } from '$lib/paraglide/messages';
import { mulberry32 } from '$lib/random/prng';
import { getArticle } from '$lib/server/content';
import { cookieOptions } from '$lib/server/cookies';
import { getCard, getDeck } from '$lib/server/deck';
import { openSqliteStore } from './db';
import { PgCluster } from './cluster';
import { ClassroomEngine, hostHash, type GamePlan } from './engine';
import { openPgStore } from './pg-store';
import { duplicateOf, gameRow, type Duplicate, type HostedGame } from './rows';
import { StorageError, type ClassroomStore } from './store';
import { RateLimiter, refusal, STORAGE_REFUSAL, type Refusal } from './http';

let engine: ClassroomEngine | undefined;

/** `postgres://…` names PostgreSQL (several instances share it); else SQLite in the data folder. */
const isPostgres = (url: string | undefined) => !!url && /^postgres(ql)?:\/\//.test(url);

/**
 * A store whose every method first waits for `opening` (connecting, migrating): the engine is
 * there at once; requests made before the database answers wait for it, and fail with a
 * `StorageError` (a 503) if it never does.
 */
function lazyStore(opening: Promise<ClassroomStore>): ClassroomStore {
	const ready = opening.catch((failure: unknown) => {
		console.error('The classroom database could not be opened:', (failure as Error).message);
		throw new StorageError('classroom.open', failure);
	});
	// Not an unhandled rejection at start: each method's caller hears of it.
	ready.catch(() => {});
	return new Proxy({} as ClassroomStore, {
		get:
			(_, key: keyof ClassroomStore) =>
			async (...args: unknown[]) =>
				((await ready)[key] as (...a: unknown[]) => Promise<unknown>)(...args)
	});
}

/**
 * The engine on the store `DATABASE_URL` names; on PostgreSQL, one of several instances (see
 * `cluster.ts`): it hears the others' changes and owns only the deadlines it holds a lease of.
 */
export function getEngine(): ClassroomEngine {
	if (!engine) {
		const url = env.DATABASE_URL;
		if (isPostgres(url)) {
			const opening = openPgStore(url!);
			const cluster = new PgCluster(url!, opening);
			engine = new ClassroomEngine(
				lazyStore(opening),
				getCard,
				undefined,
				undefined,
				undefined,
				cluster
			);
			cluster.start(engine);
		} else {
			engine = new ClassroomEngine(openSqliteStore(), getCard);
		}
		engine
			.resumeAll()
			.catch((failure: unknown) => console.error('Classroom resume failed', failure));
	}
	return engine;
}

/** What the classroom's helpers read of a request. */
export type ClassEvent = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress' | 'setHeaders'>;

const limit = (name: string, fallback: number) => Number(env[name]) || fallback;

// Joins per address, generous: a whole class behind a school's NAT shares one address (bot
// floods are also stopped by the cap on players per game). RIPASSO_JOIN_LIMIT (joins per minute
// per address) raises it for a hall behind one router, or for the load bench on loopback.
const joins = new RateLimiter(limit('RIPASSO_JOIN_LIMIT', 300), 60_000);
// Games made per address: a school's teachers share one too.
const creations = new RateLimiter(limit('RIPASSO_CREATE_LIMIT', 30), 10 * 60_000);
/**
 * Codes looked up that do not exist, per address. Only misses count, so a class of hundreds
 * behind one router joining the right code is never slowed; a script guessing codes is held to
 * about one guess every two seconds, a person's typing speed, after which every lookup from that
 * address (hit or miss) waits, so the answers cannot tell a running code from an unknown one.
 */
const misses = new RateLimiter(limit('RIPASSO_PROBE_LIMIT', 30), 60_000);

/** Games one browser may have open at once (a teacher runs a few; a script runs thousands). */
export const MAX_OPEN_GAMES_PER_HOST = limit('RIPASSO_HOST_GAMES', 20);

/** One secret per browser that hosts: every game it creates is its own. */
export const HOST_COOKIE = 'ripasso_host';
/** The per-game host cookie of games made before there was one per browser. */
const LEGACY_HOST_COOKIE = (code: string) => `ripasso_host_${code}`;
export const PLAYER_COOKIE = (code: string) => `ripasso_player_${code}`;
/** The host cookie outlives the longest game (a week's assignment, then a week of results). */
const HOST_COOKIE_SECONDS = 15 * 24 * 60 * 60;

const tooFast = (seconds: number) =>
	refusal(429, 'rate-limited', `Too many attempts. Try again in ${seconds} s.`, seconds);

/**
 * The game with this code for anyone, or why not: unknown (404), or too many unknown codes
 * from this address (429). A storage failure throws `StorageError`.
 */
export async function findGame(
	code: string,
	address: string
): Promise<{ ok: true; state: GameState } | { ok: false; refusal: Refusal }> {
	const wait = misses.retryAfter(address);
	if (wait > 0) return { ok: false, refusal: tooFast(wait) };
	const state = isGameCode(code) ? await getEngine().get(code) : undefined;
	if (state) return { ok: true, state };
	misses.hit(address);
	return {
		ok: false,
		refusal: refusal(404, 'unknown-code', 'No game with this code (or it has expired).')
	};
}

/** As `findGame`, for a page: a 404/429/503 page that says why. */
export async function requireGame(event: ClassEvent, code: string): Promise<GameState> {
	let found: Awaited<ReturnType<typeof findGame>>;
	try {
		found = await findGame(code, event.getClientAddress());
	} catch (failure) {
		if (failure instanceof StorageError) error(503, m.class_error_storage());
		throw failure;
	}
	if (found.ok) return found.state;
	const { status, retryAfter } = found.refusal;
	if (retryAfter) event.setHeaders({ 'retry-after': String(retryAfter) });
	if (status === 429) error(429, m.class_join_error_rate());
	error(404, m.class_error_unknown_code({ code: code.slice(0, 12) }));
}

/** Whether this browser hosts the game. */
export function isHostOf(cookies: Cookies, code: string): Promise<boolean> {
	return getEngine().isHost(code, cookies.get(HOST_COOKIE), cookies.get(LEGACY_HOST_COOKIE(code)));
}

/** This browser's player id in the game: only a well-formed one (any other value is nobody). */
export function playerIdOf(cookies: Cookies, code: string): string | undefined {
	const value = cookies.get(PLAYER_COOKIE(code));
	return playerIdSchema.safeParse(value).success ? value : undefined;
}

/**
 * The game, its cards and article for its host; a 404 for an unknown code and a 403 for anyone
 * without the host's secret (a student who guesses the URL sees nothing).
 */
export async function requireHost(event: ClassEvent, code: string) {
	const state = await requireGame(event, code);
	if (!(await isHostOf(event.cookies, code))) error(403, m.class_error_not_host());
	const article = getArticle((await getEngine().article(code)) ?? '');
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

export type CreateResult = { ok: true; code: string } | { ok: false; refusal: Refusal };

/**
 * Draws the game's cards (see `livePool`) and creates it, within the limits per address and
 * per host; this browser becomes its host (its secret goes into its cookie, and nowhere else).
 */
export async function createGame(event: ClassEvent, input: CreateInput): Promise<CreateResult> {
	const wait = creations.hit(event.getClientAddress());
	if (wait > 0) return { ok: false, refusal: tooFast(wait) };
	const engine = getEngine();
	const secret = hostSecret(event.cookies) ?? randomBytes(24).toString('base64url');
	const hash = hostHash(secret);
	try {
		if ((await engine.openGamesOf(hash)) >= MAX_OPEN_GAMES_PER_HOST) {
			return {
				ok: false,
				refusal: refusal(
					429,
					'too-many-games',
					`This browser already has ${MAX_OPEN_GAMES_PER_HOST} open games: end one first.`,
					60
				)
			};
		}
	} catch (failure) {
		if (failure instanceof StorageError) return { ok: false, refusal: STORAGE_REFUSAL };
		throw failure;
	}
	const { article, tracks, kinds, questions, secondsPerQuestion, speedBonus, classic } = input;
	const { getReadySeconds } = input;
	const pool = livePool(getDeck(article).cards, { article, tracks, kinds });
	if (pool.length === 0) {
		return {
			ok: false,
			refusal: refusal(404, 'no-cards', 'No questions for this article and choice.')
		};
	}
	// The teacher's own list (from the preview) is played as it is, once it checks out.
	const cards = input.cardIds
		? chosenCards(pool, input.cardIds)
		: pickGameCards(pool, questions, mulberry32(Date.now() >>> 0));
	if (!cards) {
		return {
			ok: false,
			refusal: refusal(400, 'unknown-card', 'A chosen card is not a question of this choice.')
		};
	}
	// How long it stays open makes it a self-paced assignment.
	const plan: GamePlan =
		input.openForHours === undefined
			? {
					kind: 'live',
					settings: { questions, secondsPerQuestion, speedBonus, classic, getReadySeconds }
				}
			: { kind: 'assignment', questions, closesAt: Date.now() + input.openForHours * 3_600_000 };
	const created = await engine.create(
		article,
		cards.map((card) => card.id),
		plan,
		hash,
		{ tracks, kinds }
	);
	if (!created.ok) {
		return {
			ok: false,
			refusal:
				created.error === 'storage'
					? STORAGE_REFUSAL
					: refusal(400, 'invalid-settings', `Cannot create the game: ${created.error}.`)
		};
	}
	event.cookies.set(
		HOST_COOKIE,
		secret,
		cookieOptions(event.url, { sameSite: 'strict', maxAge: HOST_COOKIE_SECONDS })
	);
	return { ok: true, code: created.code };
}

/** How many games a host's list shows: the newest; older ones expire within days anyway. */
export const MY_GAMES_LIMIT = 100;

/**
 * The games this browser created (by its host secret), newest first, at most `MY_GAMES_LIMIT`;
 * none for a browser that never hosted. A storage failure throws `StorageError`.
 */
export async function gamesOfHost(cookies: Cookies): Promise<HostedGame[]> {
	const secret = hostSecret(cookies);
	if (!secret) return [];
	return getEngine().gamesOf(hostHash(secret), MY_GAMES_LIMIT);
}

/**
 * One of this browser's games as a new quiz would start it again; undefined when the game is
 * unknown, expired or another browser's. A storage failure throws `StorageError`.
 */
export async function duplicateFor(cookies: Cookies, code: string): Promise<Duplicate | undefined> {
	if (!isGameCode(code) || !(await isHostOf(cookies, code))) return undefined;
	const stored = await getEngine().stored(code);
	// `duplicateOf` reads the stored encoding: it knows the settings of games from every release.
	return (
		stored && duplicateOf(gameRow(stored.state, { ...stored, choice: stored.choice }), getCard)
	);
}

/** The browser's host secret, when it looks like one this server made. */
function hostSecret(cookies: Cookies): string | undefined {
	const value = cookies.get(HOST_COOKIE);
	return value && /^[\w-]{32}$/.test(value) ? value : undefined;
}

/**
 * Joins the game as this browser's player (the id in its cookie, or a new one) and, on success,
 * keeps the id in the cookie so that a reload or a later visit rejoins as the same player.
 * Refused when this address joins too often (429).
 */
export async function joinGame(event: ClassEvent, code: string, nickname: string) {
	const wait = joins.hit(event.getClientAddress());
	if (wait > 0) return { ok: false as const, error: 'rate-limited' as const, retryAfter: wait };
	const playerId = playerIdOf(event.cookies, code) ?? randomUUID();
	const result = await getEngine().join(code, playerId, nickname);
	if (result.ok) {
		// The student's id: a reload, or coming back to an assignment days later, rejoins.
		const expiresAt = (await getEngine().expiresAt(code)) ?? Date.now();
		event.cookies.set(
			PLAYER_COOKIE(code),
			playerId,
			cookieOptions(event.url, { maxAge: Math.max(60, Math.ceil((expiresAt - Date.now()) / 1000)) })
		);
	}
	return result;
}
