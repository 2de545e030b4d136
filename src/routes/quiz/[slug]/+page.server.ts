import { error, fail, redirect } from '@sveltejs/kit';
import { gradeCard } from '$lib/quiz/check';
import { drawQuiz, QUIZ_SIZE, toQuestion } from '$lib/quiz/draw';
import { m } from '$lib/paraglide/messages';
import { getArticle } from '$lib/server/content';
import { getCard, getDeck } from '$lib/server/deck';
import type { Actions, PageServerLoad } from './$types';

const MAX_ANSWER_LENGTH = 500;

/** Whole numbers from the URL; anything else counts as missing. */
function intParam(url: URL, name: string): number | undefined {
	const value = url.searchParams.get(name);
	return value !== null && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}

// The quiz lives in the URL (seed, question number, score), so a reload or the back button never
// loses it, and it works without JavaScript. The answers stay on the server until given.
export const load: PageServerLoad = ({ params, url }) => {
	const article = getArticle(params.slug);
	if (!article) error(404, m.error_article_not_found({ slug: params.slug }));
	const seed = intParam(url, 'seed');
	if (seed === undefined) redirect(307, `?seed=${Math.floor(Math.random() * 1e9)}`);

	const cards = drawQuiz(
		getDeck().cards.filter(
			(card) => card.source.article === article.slug && card.track === 'facts'
		),
		seed
	);
	const index = Math.min(intParam(url, 'q') ?? 0, cards.length);
	const score = Math.min(intParam(url, 'score') ?? 0, index);
	return {
		article: { slug: article.slug, title: article.meta.title },
		seed,
		index,
		score,
		total: cards.length,
		size: QUIZ_SIZE,
		question: index < cards.length ? toQuestion(cards[index]) : null
	};
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const form = await request.formData().catch(() => null);
		const id = form?.get('card');
		const given = form?.get('given');
		if (typeof id !== 'string' || typeof given !== 'string') {
			return fail(400, { error: m.quiz_error_bad_request() });
		}
		if (given.length > MAX_ANSWER_LENGTH) return fail(400, { error: m.quiz_error_too_long() });
		const card = getCard(id);
		if (!card || card.source.article !== params.slug) {
			return fail(404, { error: m.quiz_error_unknown_card() });
		}
		return { result: gradeCard(card, given) };
	}
};
