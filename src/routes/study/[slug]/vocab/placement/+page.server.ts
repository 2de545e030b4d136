import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getArticle } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import { shortGloss } from '$lib/vocab/gloss';
import { placementOrder } from '$lib/vocab/placement';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, m.error_article_not_found({ slug: params.slug }));
	const deck = getDeck(article.slug);
	const prefix = `${article.slug}:vocab:`;
	// A vocabulary card's sibling is `<article>:vocab:<entry id>`: the entries that have cards.
	const withCards = new Set(
		deck.cards
			.filter((card) => card.track === 'vocab' && card.sibling.startsWith(prefix))
			.map((card) => card.sibling.slice(prefix.length))
	);
	const vocabulary = deck.vocab.filter((entry) => entry.article === article.slug);
	return {
		article: { slug: article.slug, title: article.meta.title },
		words: placementOrder(vocabulary, withCards).map((word) => ({
			...word,
			gloss: word.gloss && shortGloss(word.gloss)
		}))
	};
};
