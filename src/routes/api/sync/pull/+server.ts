import { getSyncService, keyOf, refusal, respond } from '$lib/server/sync';
import { pullSchema } from '$lib/sync/contracts';
import type { RequestHandler } from './$types';

/** The entries of the key's log after `?since=` (a cursor from the last pull or push). */
export const GET: RequestHandler = async (event) => {
	const auth = keyOf(event);
	if ('refused' in auth) return auth.refused;
	const query = pullSchema.safeParse({ since: event.url.searchParams.get('since') ?? undefined });
	if (!query.success) return refusal(400, 'bad-request', 'since: a whole number from 0.');
	return respond(await getSyncService().pull(auth.key, query.data.since));
};
