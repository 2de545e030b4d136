import { getSyncService, keyOf, refusal, respond } from '$lib/server/sync';
import { pullSchema } from '$lib/sync/contracts';
import type { RequestHandler } from './$types';

/**
 * The entries of the key's log after `?since=` (a cursor from the last pull or push), of the
 * first kinds and of those named in `?with=` (`undone`).
 */
export const GET: RequestHandler = async (event) => {
	const auth = keyOf(event);
	if ('refused' in auth) return auth.refused;
	const params = event.url.searchParams;
	const query = pullSchema.safeParse({
		since: params.get('since') ?? undefined,
		with: params.get('with') ?? undefined
	});
	if (!query.success) {
		const issue = query.error.issues[0];
		return refusal(400, 'bad-request', `${issue.path.join('.')}: ${issue.message}`);
	}
	return respond(await getSyncService().pull(auth.key, query.data.since, query.data.with));
};
