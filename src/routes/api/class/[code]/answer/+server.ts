import { error, json } from '@sveltejs/kit';
import { getEngine, PLAYER_COOKIE } from '$lib/server/classroom';
import { RateLimiter, readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

const answers = new RateLimiter(30, 10_000);

/** Answers the current question: `{ questionIndex, given }`. The server's clock decides. */
export const POST: RequestHandler = async ({ request, params, cookies }) => {
	const playerId = cookies.get(PLAYER_COOKIE(params.code));
	if (!playerId) error(401, 'Join the game first.');
	if (!answers.allow(`${params.code}:${playerId}`)) error(429, 'Too many answers.');
	const { questionIndex, given } = (await readJson(request)) as Record<string, unknown>;
	if (!Number.isInteger(questionIndex) || typeof given !== 'string') error(400, 'Bad answer.');
	const result = getEngine().answer(params.code, playerId, questionIndex as number, given);
	if (!result.ok) {
		error(result.error === 'unknown-code' ? 404 : 409, `Answer refused: ${result.error}.`);
	}
	// Only an acknowledgement: whether it was right is told at the reveal.
	return json({ received: true });
};
