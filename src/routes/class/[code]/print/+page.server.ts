import { requireHost } from '$lib/server/classroom';
import type { PageServerLoad } from './$types';

/** The quiz on paper: questions and options only; the key is a separate page. Host only. */
export const load: PageServerLoad = ({ params, cookies }) => {
	const { cards, article } = requireHost(params.code, cookies);
	return {
		code: params.code,
		article,
		questions: cards.map((card) => ({
			id: card.id,
			type: card.type,
			prompt: card.prompt,
			prompt_en: card.prompt_en,
			options: card.options
		}))
	};
};
