import { report, reportKey } from '$lib/classroom/report';
import { hostView } from '$lib/classroom/views';
import { requireHost } from '$lib/server/classroom';
import type { PageServerLoad } from './$types';

/**
 * The teacher's report: per student and per question, hardest first. Host only. While the game
 * runs, the page keeps it up to date from `report.json`, never by loading this again.
 */
export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const { state, cards, article } = await requireHost(event, params.code);
	return {
		code: params.code,
		phase: state.phase,
		article,
		questionCount: state.cardIds.length,
		report: report(state, cards),
		// What the stream's views are compared with: a view with the same key changes nothing here.
		key: reportKey(hostView(state, cards))
	};
};
