import { cardBack, cardFront } from '$lib/cards/projection';
import { gameQuestions } from '$lib/classroom/presentation';
import { requireHost } from '$lib/server/classroom';
import type { PageServerLoad } from './$types';

/** The answer key of the printed quiz, with each answer's sentence in the article. Host only. */
export const load: PageServerLoad = async (event) => {
	const { params } = event;
	const { state, cards, article } = await requireHost(event, params.code);
	return {
		code: params.code,
		article,
		answers: gameQuestions(state, cards).map(({ id, card, options }) => {
			const { answer, source } = cardBack(card);
			const { prompt } = cardFront(card, options);
			return { id, prompt, answer, letter: options.indexOf(answer), source };
		})
	};
};
