import { json } from '@sveltejs/kit';
import { PLAYER_COOKIE } from '$lib/server/classroom';
import { submitAnswer } from '$lib/server/classroom/answer';
import { readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/**
 * Answers the current question: `{ questionIndex, given }`. The server's clock decides. (In
 * production, `npm start` serves this same function on a direct path; see `answer.ts`.)
 */
export const POST: RequestHandler = async ({ request, params, cookies }) => {
	const body = await readJson(request);
	const reply = submitAnswer(params.code, cookies.get(PLAYER_COOKIE(params.code)), body);
	return json(reply.body, { status: reply.status });
};
