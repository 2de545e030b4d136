/**
 * Taking a student's answer: the whole of `POST /api/class/<code>/answer` after the body is read
 * as text, as one function. The SvelteKit route calls it; so does the production server's
 * direct path (`scripts/start.js`), which skips SvelteKit's request machinery on the one request
 * a whole class sends at the same instant. That path is only a transport: the body's size
 * limit, its contract, the cookie's name and every refusal are decided here, for both.
 */
import { answerSchema, MAX_BODY_BYTES, playerIdSchema } from '$lib/classroom/contracts';
import { getEngine, PLAYER_COOKIE } from '$lib/server/classroom';
import { StorageError } from './store';
import { parseBody, RateLimiter, refusal, STORAGE_REFUSAL, type Refusal } from './http';

export type AnswerReply = { status: 200; body: { received: true } } | Refusal;

/** Per player, far above any human pace: stops a stuck or scripted phone. */
const answers = new RateLimiter(30, 10_000);

/** A cookie's value from a raw `Cookie` header (the direct path has no SvelteKit to parse it). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at > 0 && part.slice(0, at).trim() === name) {
			try {
				return decodeURIComponent(part.slice(at + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}

const ENGINE_STATUS: Record<string, number> = { 'unknown-code': 404, storage: 503 };

/**
 * @param playerCookie the game's player cookie as sent (undefined or malformed: not joined)
 * @param text the request body, as text
 */
export async function submitAnswer(
	code: string,
	playerCookie: string | undefined,
	text: string
): Promise<AnswerReply> {
	const parsed = parseBody(text, answerSchema);
	if (!parsed.ok) return parsed.refusal;
	if (!playerIdSchema.safeParse(playerCookie).success) {
		return refusal(401, 'not-joined', 'Join the game first.');
	}
	const playerId = playerCookie!;
	const wait = answers.hit(`${code}:${playerId}`);
	if (wait > 0) return refusal(429, 'rate-limited', 'Too many answers.', wait);
	try {
		const input = parsed.data;
		const sent = 'choice' in input ? { choice: input.choice } : input.given;
		const result = await getEngine().answer(code, playerId, input.questionIndex, sent);
		if (!result.ok) {
			if (result.error === 'storage') return STORAGE_REFUSAL;
			const status = ENGINE_STATUS[result.error] ?? 409;
			return refusal(status, result.error as never, `Answer refused: ${result.error}.`);
		}
	} catch (error) {
		if (error instanceof StorageError) return STORAGE_REFUSAL;
		throw error;
	}
	// Only an acknowledgement: whether it was right is told at the reveal.
	return { status: 200, body: { received: true } };
}

/** What `scripts/start.js` needs to serve answers directly, found under `DIRECT_ANSWER`. */
export const directAnswer = {
	pattern: /^\/api\/class\/(\d{6})\/answer$/,
	maxBodyBytes: MAX_BODY_BYTES,
	/** The reply to a body over `maxBodyBytes` (not kept in memory to be parsed). */
	tooLarge: refusal(413, 'too-large', 'Request too large.'),
	/** The reply to a body read in full; `cookieHeader` is the raw `Cookie` header. */
	reply: (code: string, cookieHeader: string | undefined, text: string): Promise<AnswerReply> =>
		submitAnswer(code, cookieValue(cookieHeader, PLAYER_COOKIE(code)), text)
};

/** Where `scripts/start.js` finds `directAnswer` once the app has started. */
export const DIRECT_ANSWER = Symbol.for('ripasso.classroom.directAnswer');
