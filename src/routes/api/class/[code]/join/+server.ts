import { error, json } from '@sveltejs/kit';
import { joinGame, joinLimiter } from '$lib/server/classroom';
import { readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/** Joins a game with `{ nickname }`; the player id lives in a cookie, so a reload rejoins. */
export const POST: RequestHandler = async ({ request, params, cookies, getClientAddress }) => {
	if (!joinLimiter.allow(getClientAddress())) error(429, 'Too many attempts. Wait a minute.');
	const { nickname } = (await readJson(request)) as { nickname?: unknown };
	if (typeof nickname !== 'string') error(400, 'Choose a nickname.');
	const result = joinGame(cookies, params.code, nickname);
	if (!result.ok) {
		error(result.error === 'unknown-code' ? 404 : 400, `Cannot join: ${result.error}.`);
	}
	return json({ player: { id: result.player.id, nickname: result.player.nickname } });
};
