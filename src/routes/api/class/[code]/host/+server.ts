import { error, json } from '@sveltejs/kit';
import { getEngine, HOST_COOKIE } from '$lib/server/classroom';
import { readJson } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

const ACTIONS = ['start', 'reveal', 'showLeaderboard', 'next', 'finish', 'removePlayer'] as const;

/** Host actions: `{ action, playerId? }`, allowed only with the host's cookie. */
export const POST: RequestHandler = async ({ request, params, cookies }) => {
	const engine = getEngine();
	if (!engine.get(params.code)) error(404, 'No game with this code (or it has expired).');
	if (!engine.isHost(params.code, cookies.get(HOST_COOKIE(params.code)))) {
		error(403, 'Only the host can do this.');
	}
	const { action, playerId } = (await readJson(request)) as Record<string, unknown>;
	if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) error(400, 'Unknown action.');
	const result =
		action === 'removePlayer'
			? engine.removePlayer(params.code, String(playerId))
			: engine[action as Exclude<(typeof ACTIONS)[number], 'removePlayer'>](params.code);
	if (!result.ok) error(409, `Not now: ${result.error}.`);
	return json({ phase: result.state.phase, questionIndex: result.state.questionIndex });
};
