import { error, json } from '@sveltejs/kit';
import type { CountedCard } from '$lib/srs/deck-counts';
import { getArticle } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/**
 * An article's cards as the home page counts them (id, track, sibling, type: no prompts or
 * answers), fetched once the page runs in the browser, where progress lives.
 */
export const GET: RequestHandler = ({ params }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, m.error_article_not_found({ slug: params.slug }));
	const cards: CountedCard[] = getDeck(article.slug)
		.cards.filter((card) => card.source.article === article.slug)
		.map(({ id, track, sibling, type }) => ({ id, track, sibling, type }));
	return json({ cards });
};
