import { getSyncService, keyOf, respond } from '$lib/server/sync';
import type { RequestHandler } from './$types';

/** Starts the log of the sync key in `Authorization` (201; 200 when it already has one). */
export const POST: RequestHandler = async (event) => {
	const auth = keyOf(event);
	if ('refused' in auth) return auth.refused;
	const outcome = await getSyncService().create(auth.key, Date.now());
	return respond(outcome, outcome.ok && outcome.value.created ? 201 : 200);
};

/** Revokes the key: its log is deleted and the key refused from then on. */
export const DELETE: RequestHandler = async (event) => {
	const auth = keyOf(event);
	if ('refused' in auth) return auth.refused;
	return respond(await getSyncService().revoke(auth.key, Date.now()));
};
