import { json } from '@sveltejs/kit';
import { joinSchema } from '$lib/classroom/contracts';
import { findGame, joinGame } from '$lib/server/classroom';
import {
	apiRoute,
	readBody,
	refusal,
	refusalResponse,
	STORAGE_REFUSAL
} from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/** Joins a game with `{ nickname }`; the player id lives in a cookie, so a reload rejoins. */
export const POST: RequestHandler = apiRoute(async (event) => {
	const found = await findGame(event.params.code, event.getClientAddress());
	if (!found.ok) return refusalResponse(found.refusal);
	const { nickname } = await readBody(event.request, joinSchema);
	const result = await joinGame(event, event.params.code, nickname);
	if (!result.ok) {
		if (result.error === 'storage') return refusalResponse(STORAGE_REFUSAL);
		if ('retryAfter' in result) {
			return refusalResponse(
				refusal(429, 'rate-limited', 'Too many attempts. Wait a minute.', result.retryAfter)
			);
		}
		return refusalResponse(refusal(400, result.error as never, `Cannot join: ${result.error}.`));
	}
	return json({ player: { id: result.player.id, nickname: result.player.nickname } });
});
