import { redirect } from '@sveltejs/kit';
import { playerView } from '$lib/classroom/views';
import { gameCards, getEngine, playerIdOf, requireGame } from '$lib/server/classroom';
import { getArticle } from '$lib/server/content';
import type { PageServerLoad } from './$types';

/** A student's phone. Without this game's player cookie, the way in is the join form. */
export const load: PageServerLoad = async (event) => {
	const { params, cookies } = event;
	const state = await requireGame(event, params.code);
	const playerId = playerIdOf(cookies, params.code);
	const view = playerId ? playerView(state, playerId, gameCards(state.cardIds)) : null;
	if (!view || view.status === 'unknown') redirect(303, `/join?code=${params.code}`);
	const article = getArticle((await getEngine().article(params.code)) ?? '');
	return {
		code: params.code,
		article: article ? { slug: article.slug, title: article.meta.title } : null,
		view,
		serverNow: Date.now()
	};
};
