import { json } from '@sveltejs/kit';
import { hostActionSchema } from '$lib/classroom/contracts';
import { findGame, getEngine, isHostOf } from '$lib/server/classroom';
import {
	apiRoute,
	readBody,
	refusal,
	refusalResponse,
	STORAGE_REFUSAL
} from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/**
 * Host actions: `{ action }` (start, reveal, showLeaderboard, next, finish) or
 * `{ action: 'removePlayer' | 'restorePlayer', playerId }`, allowed only with the host's cookie.
 */
export const POST: RequestHandler = apiRoute(async (event) => {
	const { params, cookies, request, getClientAddress } = event;
	const found = await findGame(params.code, getClientAddress());
	if (!found.ok) return refusalResponse(found.refusal);
	if (!(await isHostOf(cookies, params.code))) {
		return refusalResponse(refusal(403, 'not-host', 'Only the host can do this.'));
	}
	const command = await readBody(request, hostActionSchema);
	const engine = getEngine();
	const result =
		command.action === 'removePlayer' || command.action === 'restorePlayer'
			? await engine[command.action](params.code, command.playerId)
			: await engine[command.action](params.code);
	if (!result.ok) {
		if (result.error === 'storage') return refusalResponse(STORAGE_REFUSAL);
		return refusalResponse(refusal(409, result.error as never, `Not now: ${result.error}.`));
	}
	const { state } = result;
	return json({
		phase: state.phase,
		questionIndex: state.kind === 'live' ? state.questionIndex : -1
	});
});
