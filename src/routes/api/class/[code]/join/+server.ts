import { error, json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { randomUUID } from 'node:crypto';
import { getEngine, PLAYER_COOKIE } from '$lib/server/classroom';
import { RateLimiter, readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

// Per address, generous: a whole class behind a school's NAT shares one address. Bot floods are
// also stopped by the cap on players per game. RIPASSO_JOIN_LIMIT (joins per minute per address)
// raises it for a hall behind one router, or for the load bench on loopback.
const joins = new RateLimiter(Number(env.RIPASSO_JOIN_LIMIT) || 300, 60_000);

/** Joins a game with `{ nickname }`; the player id lives in a cookie, so a reload rejoins. */
export const POST: RequestHandler = async ({ request, params, cookies, getClientAddress }) => {
	if (!joins.allow(getClientAddress())) error(429, 'Too many attempts. Wait a minute.');
	const { nickname } = (await readJson(request)) as { nickname?: unknown };
	if (typeof nickname !== 'string') error(400, 'Choose a nickname.');
	const playerId = cookies.get(PLAYER_COOKIE(params.code)) ?? randomUUID();
	const result = getEngine().join(params.code, playerId, nickname);
	if (!result.ok) {
		error(result.error === 'unknown-code' ? 404 : 400, `Cannot join: ${result.error}.`);
	}
	cookies.set(PLAYER_COOKIE(params.code), playerId, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: false,
		maxAge: 24 * 60 * 60
	});
	return json({ player: { id: result.player.id, nickname: result.player.nickname } });
};
