import { cardFront } from '$lib/cards/projection';
import { gameQuestions } from '$lib/classroom/presentation';
import { requireHost } from '$lib/server/classroom';
import type { PageServerLoad } from './$types';

/** The quiz on paper: the questions' fronts only; the key is a separate page. Host only. */
export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const { state, cards, article } = await requireHost(event, params.code);
	return {
		code: params.code,
		article,
		// In the game's own option order: the letters on paper are the letters on the projector.
		questions: gameQuestions(state, cards).map(({ id, card, options }) => ({
			id,
			...cardFront(card, options)
		}))
	};
};
