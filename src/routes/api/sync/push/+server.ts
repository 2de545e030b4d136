import { bodyOf, getSyncService, keyOf, respond } from '$lib/server/sync';
import { pushSchema } from '$lib/sync/contracts';
import type { RequestHandler } from './$types';

/** Appends a device's new reviews, settings and word marks to its key's log: all, or none. */
export const POST: RequestHandler = async (event) => {
	const auth = keyOf(event);
	if ('refused' in auth) return auth.refused;
	const body = await bodyOf(event.request, pushSchema);
	if ('refused' in body) return body.refused;
	return respond(await getSyncService().push(auth.key, body.data, Date.now()));
};
