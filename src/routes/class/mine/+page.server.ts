import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { gamesOfHost, MY_GAMES_LIMIT } from '$lib/server/classroom';
import { StorageError } from '$lib/server/classroom/store';
import { getArticle } from '$lib/server/content';
import type { PageServerLoad } from './$types';

/**
 * "My quizzes": the games this browser created, found by its host secret (a browser without one
 * sees an empty list, and another browser's secret never finds these). The newest
 * `MY_GAMES_LIMIT` only, with no paging: games expire within days of their end.
 */
export const load: PageServerLoad = async ({ cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	let games;
	try {
		games = await gamesOfHost(cookies);
	} catch (failure) {
		if (failure instanceof StorageError) error(503, m.class_error_storage());
		throw failure;
	}
	return {
		limit: MY_GAMES_LIMIT,
		games: games.map((game) => ({
			...game,
			title: getArticle(game.article)?.meta.title ?? game.article
		}))
	};
};
