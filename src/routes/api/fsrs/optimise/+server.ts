import { json } from '@sveltejs/kit';
import { fitParameters, TooFewReviewsError } from '$lib/server/fsrs/fit';
import { optimiseRequest } from '$lib/srs/optimise';
import type { RequestHandler } from './$types';

/** The largest body taken (adapter-node's default limit): `MAX_REVIEWS` reviews fit in it. */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * Fits under way. A fit takes a core for seconds; one at a time keeps the classroom responsive
 * (a count of work in progress, not anyone's data).
 */
let running = 0;

const refuse = (status: number, code: string, message: string) =>
	json({ code, message }, { status, headers: { 'cache-control': 'no-store' } });

/**
 * Fits FSRS parameters to a review log: `{ reviews: [[card, rating, elapsedDays], …] }` (see
 * `optimiseRequest`); answers `{ parameters, usable, before, after }`. Nothing is stored.
 */
export const POST: RequestHandler = async ({ request }) => {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
		return refuse(413, 'too-large', 'Request too large.');
	}
	const text = await request.text();
	if (text.length > MAX_BODY_BYTES) return refuse(413, 'too-large', 'Request too large.');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return refuse(400, 'bad-request', 'Expected a JSON body.');
	}
	const parsed = optimiseRequest.safeParse(body);
	if (!parsed.success)
		return refuse(400, 'bad-request', 'Expected { reviews: [[card, rating, days], …] }.');
	if (running > 0) return refuse(503, 'busy', 'Another fit is under way; try again shortly.');
	running++;
	try {
		return json(await fitParameters(parsed.data), { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof TooFewReviewsError) return refuse(422, 'too-few', error.message);
		throw error;
	} finally {
		running--;
	}
};
