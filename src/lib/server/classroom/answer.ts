/**
 * Taking a student's answer: the whole of `POST /api/class/<code>/answer` after the body is read,
 * as one function. The SvelteKit route calls it; so does the production server's direct path
 * (`scripts/start.js`), which skips SvelteKit's request machinery on the one request a whole
 * class sends at the same instant.
 */
import { getEngine } from '$lib/server/classroom';
import { RateLimiter } from './http';

export interface AnswerReply {
	status: number;
	body: { received: true } | { message: string };
}

/** Per player, far above any human pace: stops a stuck or scripted phone. */
const answers = new RateLimiter(30, 10_000);

const refuse = (status: number, message: string): AnswerReply => ({ status, body: { message } });

/**
 * @param playerId from the game's player cookie (undefined: not joined)
 * @param body the parsed JSON body: `{ questionIndex, given }`
 */
export function submitAnswer(
	code: string,
	playerId: string | undefined,
	body: unknown
): AnswerReply {
	if (!playerId) return refuse(401, 'Join the game first.');
	if (!answers.allow(`${code}:${playerId}`)) return refuse(429, 'Too many answers.');
	const { questionIndex, given } = (body ?? {}) as Record<string, unknown>;
	if (!Number.isInteger(questionIndex) || typeof given !== 'string') {
		return refuse(400, 'Bad answer.');
	}
	const result = getEngine().answer(code, playerId, questionIndex as number, given);
	if (!result.ok) {
		return refuse(result.error === 'unknown-code' ? 404 : 409, `Answer refused: ${result.error}.`);
	}
	// Only an acknowledgement: whether it was right is told at the reveal.
	return { status: 200, body: { received: true } };
}

/** Where `scripts/start.js` finds `submitAnswer` once the app has started. */
export const SUBMIT_ANSWER = Symbol.for('ripasso.classroom.submitAnswer');
