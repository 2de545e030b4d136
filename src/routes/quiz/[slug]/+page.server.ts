import { randomInt } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { cardBack, cardFront } from '$lib/cards/projection';
import { TRACKS, type Track } from '$lib/cards/types';
import { m } from '$lib/paraglide/messages';
import { drawQuiz, quizCards, QUIZ_SIZES, type QuizQuestion } from '$lib/quiz/draw';
import { getArticle } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import { getPracticeQuiz } from '$lib/server/quiz';
import {
	AnswerFormSchema,
	SeedSchema,
	StartSchema,
	type AnswerOutcome,
	type DrawQuiz,
	type QuizProblem,
	type Visit
} from '$lib/server/quiz/session';
import { visitorId } from '$lib/server/quiz/visitor';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Where a visitor is in the quiz lives in a signed token in the URL (`?s=…`, see
// $lib/server/quiz), so a reload or the back button never loses it and it works without
// JavaScript; the server grades only the question the token is at, counts the score itself and
// remembers every answer, so nothing in the URL or the form can change a result.

const STATUS: Record<QuizProblem | 'other-question' | 'finished', number> = {
	malformed: 400,
	tampered: 403,
	foreign: 403,
	'other-article': 403,
	expired: 410,
	'other-question': 409,
	finished: 409
};

const MESSAGE: Record<QuizProblem | 'other-question' | 'finished', () => string> = {
	malformed: m.quiz_refused_malformed,
	tampered: m.quiz_refused_tampered,
	foreign: m.quiz_refused_foreign,
	'other-article': m.quiz_refused_other_article,
	expired: m.quiz_refused_expired,
	'other-question': m.quiz_error_unknown_card,
	finished: m.quiz_error_finished
};

/** The article, the visitor, the cards each track can ask, and how quizzes are drawn. */
function quizOf({ params, url, cookies }: Pick<RequestEvent, 'params' | 'url' | 'cookies'>) {
	const article = getArticle(params.slug);
	if (!article) error(404, m.error_article_not_found({ slug: params.slug }));
	const deck = getDeck(article.slug).cards;
	const cards = Object.fromEntries(
		TRACKS.map((track) => [track, quizCards(deck, article.slug, track)])
	) as Record<Track, ReturnType<typeof quizCards>>;
	const visit: Visit = { visitor: visitorId(cookies, url), article: article.slug };
	const draw: DrawQuiz = ({ seed, track, size }) => drawQuiz(cards[track], seed, size, track);
	return { article, cards, visit, draw };
}

export const load: PageServerLoad = (event) => {
	const { article, cards, visit, draw } = quizOf(event);
	const { url, setHeaders } = event;
	// How many questions each track can ask: one per fact or word.
	const available = Object.fromEntries(
		TRACKS.map((track) => [track, new Set(cards[track].map((card) => card.sibling)).size])
	) as Record<Track, number>;
	const base = { article: { slug: article.slug, title: article.meta.title } };
	if (TRACKS.every((track) => available[track] === 0)) {
		return { ...base, view: { kind: 'empty' as const } };
	}

	const quiz = getPracticeQuiz();
	const params = url.searchParams;
	const token = params.get('s');
	if (token === null) {
		const retry = params.get('retry');
		if (retry !== null) {
			// A new round of the questions a finished round missed; a round that missed nothing
			// (or a page left open mid-round) just goes back to where that token is.
			const outcome = quiz.retry(retry, visit, draw);
			if (outcome.ok) redirect(303, `?s=${outcome.token}`);
			if (outcome.problem !== 'nothing-missed') {
				error(STATUS[outcome.problem], MESSAGE[outcome.problem]());
			}
			redirect(303, `?s=${retry}`);
		}
		const start = StartSchema.parse({ track: params.get('track'), size: params.get('size') });
		const seed = SeedSchema.safeParse(params.get('seed'));
		// Old links (`?seed=…`) keep their facts quiz but start from the first question: progress
		// and score (`?q=`, `?score=`) only ever come from answering.
		if ((params.has('track') || seed.success) && available[start.track] > 0) {
			const drawn = seed.success ? seed.data : randomInt(2 ** 32);
			redirect(307, `?s=${quiz.start(visit, drawn, start.track, start.size)}`);
		}
		// The learner picks what to practise and how much before the first question.
		return { ...base, view: { kind: 'setup' as const, available, sizes: [...QUIZ_SIZES] } };
	}
	// Each visitor's own page, and a cached copy would show a question as still open.
	setHeaders({ 'cache-control': 'private, no-store' });
	const view = quiz.view(token, visit, draw);
	if (view.kind === 'refused') error(STATUS[view.problem], MESSAGE[view.problem]());
	if (view.kind === 'done') {
		// Answered already, so each missed card's back may be shown: what was asked, what was
		// answered, the right answer and the sentence it comes from.
		const missed = view.missed.map(({ card, given }) => {
			const { type, prompt, prompt_en } = cardFront(card);
			const { answer, source } = cardBack(card);
			return { type, prompt, prompt_en, given: given ?? null, answer, source };
		});
		const { total, score, track } = view;
		return { ...base, view: { kind: view.kind, track, total, score, missed, token } };
	}
	// The card itself stays here: the page gets its front, named by the quiz's own id.
	const { index, total, score, track } = view;
	const question: QuizQuestion = { id: view.questionId, ...cardFront(view.card) };
	if (view.kind === 'question') {
		return { ...base, view: { kind: view.kind, track, index, total, score, question } };
	}
	const { kind, result, next } = view;
	return { ...base, view: { kind, track, index, total, score, question, result, next } };
};

export const actions: Actions = {
	default: async (event) => {
		const { visit, draw } = quizOf(event);
		const form = await event.request.formData().catch(() => null);
		const parsed = AnswerFormSchema.safeParse({
			question: form?.get('question'),
			given: form?.get('given')
		});
		if (!parsed.success) {
			const tooLong = parsed.error.issues.some(
				(issue) => issue.path[0] === 'given' && issue.code === 'too_big'
			);
			return fail(400, { error: tooLong ? m.quiz_error_too_long() : m.quiz_error_bad_request() });
		}
		const outcome: AnswerOutcome = getPracticeQuiz().answer(
			event.url.searchParams.get('s'),
			visit,
			draw,
			parsed.data
		);
		if (!outcome.ok) return fail(STATUS[outcome.problem], { error: MESSAGE[outcome.problem]() });
		// A form sent without JavaScript asks for a page: send it back to the question's own URL
		// (Post/Redirect/Get), which now shows the answer, so that reload and back show it again
		// instead of offering to send the form once more. `use:enhance` and scripts ask for JSON.
		if (event.request.headers.get('accept')?.includes('text/html')) {
			redirect(303, event.url.pathname + event.url.search);
		}
		return { result: outcome.result, next: outcome.next };
	}
};
