import { requireHost } from '$lib/server/classroom';
import type { PageServerLoad } from './$types';

/** The answer key of the printed quiz, with each answer's sentence in the article. Host only. */
export const load: PageServerLoad = ({ params, cookies }) => {
	const { cards, article } = requireHost(params.code, cookies);
	return {
		code: params.code,
		article,
		answers: cards.map((card) => ({
			id: card.id,
			prompt: card.prompt,
			answer: card.answer,
			letter: card.options.indexOf(card.answer),
			sentence: card.source.text
		}))
	};
};
