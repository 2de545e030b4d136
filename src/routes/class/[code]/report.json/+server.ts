import { json } from '@sveltejs/kit';
import { report } from '$lib/classroom/report';
import { requireHost } from '$lib/server/classroom';
import type { RequestHandler } from './$types';

/**
 * The report as the open report page shows it (students and questions, no answer by answer),
 * fetched again by the page when the game's event stream says it may have changed. Host only.
 */
export const GET: RequestHandler = async (event) => {
	const { state, cards } = await requireHost(event, event.params.code);
	return json(report(state, cards), { headers: { 'cache-control': 'private, no-store' } });
};
