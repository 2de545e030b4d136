import { report } from '$lib/classroom/report';
import { requireHost } from '$lib/server/classroom';
import type { PageServerLoad } from './$types';

/** The teacher's report: per student and per question, hardest first. Host only. */
export const load: PageServerLoad = (event) => {
	const { params } = event;
	const { state, cards, article } = requireHost(event, params.code);
	return {
		code: params.code,
		phase: state.phase,
		article,
		questionCount: state.cardIds.length,
		report: report(state, cards)
	};
};
