import { json } from '@sveltejs/kit';
import { PLAYER_COOKIE } from '$lib/server/classroom';
import { submitAnswer } from '$lib/server/classroom/answer';
import { apiRoute, readText, refusalResponse, type Refusal } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/**
 * Answers the current question: `{ questionIndex, given }` or `{ questionIndex, choice }`. The
 * server's clock decides. (In production, `npm start` serves this same function on a direct
 * path; see `answer.ts`.)
 */
export const POST: RequestHandler = apiRoute(async ({ request, params, cookies }) => {
	const reply = await submitAnswer(
		params.code,
		cookies.get(PLAYER_COOKIE(params.code)),
		await readText(request)
	);
	return 'code' in reply.body ? refusalResponse(reply as Refusal) : json(reply.body);
});
