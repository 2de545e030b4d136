import { error, json } from '@sveltejs/kit';
import { LIVE_KINDS, type LiveKind } from '$lib/classroom/pick';
import { TRACKS, type Track } from '$lib/cards/types';
import { createGame } from '$lib/server/classroom';
import { readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

const listOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T[]): T[] =>
	Array.isArray(value) ? value.filter((v): v is T => allowed.includes(v)) : fallback;

/**
 * Creates a live game: `{ article, questions, secondsPerQuestion, speedBonus, tracks?, kinds? }`
 * (tracks default to the facts, kinds to every live kind).
 */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const body = (await readJson(request)) as Record<string, unknown>;
	const { article, questions, secondsPerQuestion, speedBonus } = body;
	if (typeof article !== 'string') error(400, 'Choose an article.');
	const created = createGame(cookies, {
		article,
		tracks: listOf<Track>(body.tracks, TRACKS, ['facts']),
		kinds: listOf<LiveKind>(body.kinds, LIVE_KINDS, [...LIVE_KINDS]),
		settings: {
			questions: Number(questions),
			secondsPerQuestion: Number(secondsPerQuestion),
			speedBonus: speedBonus !== false
		}
	});
	if (!created.ok) {
		if (created.error === 'no-cards') error(404, 'No questions for this article and choice.');
		error(400, `Cannot create the game: ${created.error}.`);
	}
	return json({ code: created.code }, { status: 201 });
};
