import { error, json } from '@sveltejs/kit';
import { mulberry32, shuffled } from '$lib/random/prng';
import { getEngine, HOST_COOKIE, liveCards } from '$lib/server/classroom';
import { readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/** Creates a live game: `{ article, questions, secondsPerQuestion, speedBonus }`. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const body = await readJson(request);
	const { article, questions, secondsPerQuestion, speedBonus } = body as Record<string, unknown>;
	if (typeof article !== 'string') error(400, 'Choose an article.');
	const pool = liveCards(article);
	if (pool.length === 0) error(404, 'No such article.');
	// One card per fact, in a random order.
	const seen = new Set<string>();
	const cards = shuffled(pool, mulberry32(Date.now() >>> 0)).filter(
		(card) => !seen.has(card.sibling) && seen.add(card.sibling)
	);
	const created = getEngine().create(
		article,
		cards.map((card) => card.id),
		{
			questions: Number(questions),
			secondsPerQuestion: Number(secondsPerQuestion),
			speedBonus: speedBonus !== false
		}
	);
	if (!created.ok) error(400, `Cannot create the game: ${created.error}.`);
	cookies.set(HOST_COOKIE(created.code), created.hostSecret, {
		path: '/',
		httpOnly: true,
		sameSite: 'strict',
		secure: false,
		maxAge: 24 * 60 * 60
	});
	return json({ code: created.code }, { status: 201 });
};
