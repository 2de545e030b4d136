import { error, json } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { getEngine, joinLimiter, PLAYER_COOKIE, setPlayerCookie } from '$lib/server/classroom';
import { readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/** Joins a game with `{ nickname }`; the player id lives in a cookie, so a reload rejoins. */
export const POST: RequestHandler = async ({ request, params, cookies, getClientAddress }) => {
	if (!joinLimiter.allow(getClientAddress())) error(429, 'Too many attempts. Wait a minute.');
	const { nickname } = (await readJson(request)) as { nickname?: unknown };
	if (typeof nickname !== 'string') error(400, 'Choose a nickname.');
	const playerId = cookies.get(PLAYER_COOKIE(params.code)) ?? randomUUID();
	const result = getEngine().join(params.code, playerId, nickname);
	if (!result.ok) {
		error(result.error === 'unknown-code' ? 404 : 400, `Cannot join: ${result.error}.`);
	}
	setPlayerCookie(cookies, params.code, playerId);
	return json({ player: { id: result.player.id, nickname: result.player.nickname } });
};
