import { fail, redirect } from '@sveltejs/kit';
import { TRACKS, type Track } from '$lib/cards/types';
import { MAX_SECONDS, MIN_SECONDS } from '$lib/classroom/game';
import { choiceKey, LIVE_KINDS, livePool, questionCount, type LiveKind } from '$lib/classroom/pick';
import { m } from '$lib/paraglide/messages';
import { createGame } from '$lib/server/classroom';
import { getLibrary } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import type { Actions, PageServerLoad } from './$types';

const SECONDS_CHOICES = [10, 20, 30, 45, 60, 90, 120];
/** How long a self-paced assignment stays open, in hours. */
const OPEN_FOR_HOURS = [1, 24, 72, 168];

/** Every non-empty subset of `items`, in their order. */
function subsets<T>(items: readonly T[]): T[][] {
	return Array.from({ length: 2 ** items.length - 1 }, (_, mask) =>
		items.filter((_, i) => ((mask + 1) >> i) & 1)
	);
}

/**
 * For each article, how many questions each choice of tracks and kinds can make (keyed by
 * `choiceKey`), so the form shows the limit as the teacher ticks boxes.
 */
export const load: PageServerLoad = ({ url }) => {
	const cards = getDeck().cards;
	return {
		chosen: url.searchParams.get('article'),
		articles: getLibrary().map(({ article }) => {
			const counts: Record<string, number> = {};
			for (const tracks of subsets(TRACKS)) {
				for (const kinds of subsets(LIVE_KINDS)) {
					counts[choiceKey(tracks, kinds)] = questionCount(
						livePool(cards, { article: article.slug, tracks, kinds })
					);
				}
			}
			return { slug: article.slug, title: article.meta.title, counts };
		}),
		seconds: SECONDS_CHOICES,
		openFor: OPEN_FOR_HOURS
	};
};

const int = (value: FormDataEntryValue | null) =>
	typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : NaN;

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = (await request.formData().catch(() => null)) ?? new FormData();
		const article = String(form.get('article') ?? '');
		const tracks = form.getAll('track').filter((t): t is Track => TRACKS.includes(t as Track));
		const kinds = form
			.getAll('kind')
			.filter((k): k is LiveKind => LIVE_KINDS.includes(k as LiveKind));
		const questions = int(form.get('questions'));
		const seconds = int(form.get('seconds'));
		const speedBonus = form.get('speedBonus') === 'on';
		const mode: 'live' | 'assignment' = form.get('mode') === 'assignment' ? 'assignment' : 'live';
		const openFor = int(form.get('openFor'));
		const values = { article, tracks, kinds, questions, seconds, speedBonus, mode, openFor };

		if (!getLibrary().some((entry) => entry.article.slug === article)) {
			return fail(400, { error: m.class_new_error_article(), values });
		}
		if (tracks.length === 0) return fail(400, { error: m.class_new_error_tracks(), values });
		if (kinds.length === 0) return fail(400, { error: m.class_new_error_kinds(), values });
		if (mode === 'assignment' && !OPEN_FOR_HOURS.includes(openFor)) {
			return fail(400, { error: m.class_new_error_form(), values });
		}
		if (mode === 'live' && !(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS)) {
			return fail(400, {
				error: m.class_new_error_seconds({ min: MIN_SECONDS, max: MAX_SECONDS }),
				values
			});
		}
		const available = questionCount(livePool(getDeck().cards, { article, tracks, kinds }));
		if (!(questions >= 1 && questions <= available)) {
			return fail(400, { error: m.class_new_error_questions({ max: available }), values });
		}
		const created = createGame(cookies, {
			article,
			tracks,
			kinds,
			settings: { questions, secondsPerQuestion: seconds, speedBonus },
			closesAt: mode === 'assignment' ? Date.now() + openFor * 60 * 60 * 1000 : undefined
		});
		if (!created.ok) return fail(400, { error: m.class_new_error_form(), values });
		redirect(303, `/class/${created.code}/host`);
	}
};
