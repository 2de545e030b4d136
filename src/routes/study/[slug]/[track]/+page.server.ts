import { error } from '@sveltejs/kit';
import { TRACKS, type Track } from '$lib/cards/types';
import { studyOrder } from '$lib/srs/order';
import { m } from '$lib/paraglide/messages';
import { getArticle } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import type { PageServerLoad } from './$types';

// Self-study grades in the browser (nothing to cheat), so the cards come with their answers.
export const load: PageServerLoad = ({ params }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, m.error_article_not_found({ slug: params.slug }));
	const track = params.track as Track;
	if (!TRACKS.includes(track)) error(404, m.study_unknown_track({ track: params.track }));
	const cards = getDeck(article.slug).cards.filter(
		(card) => card.source.article === article.slug && card.track === track
	);
	return {
		article: { slug: article.slug, title: article.meta.title },
		track,
		// Facts in the article's order, words by usefulness (the vocabulary's rank), types in turn.
		cards: studyOrder(cards, article.sentences)
	};
};
