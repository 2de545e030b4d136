import { json } from '@sveltejs/kit';
import { createSchema } from '$lib/classroom/contracts';
import { createGame } from '$lib/server/classroom';
import { apiRoute, readBody, refusalResponse } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/**
 * Creates a game: `{ article, questions, secondsPerQuestion?, speedBonus?, classic?, tracks?,
 * kinds?, openForHours?, getReadySeconds?, cardIds? }` (tracks default to the facts, kinds to
 * every live kind; with `openForHours`, a self-paced assignment; `getReadySeconds` defaults to
 * none; `cardIds`, the questions the teacher chose, are played as given).
 */
export const POST: RequestHandler = apiRoute(async (event) => {
	const input = await readBody(event.request, createSchema);
	const created = await createGame(event, input);
	if (!created.ok) return refusalResponse(created.refusal);
	return json({ code: created.code }, { status: 201 });
});
