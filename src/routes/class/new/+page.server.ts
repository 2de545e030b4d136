import { fail, redirect } from '@sveltejs/kit';
import { TRACKS, type Track } from '$lib/cards/types';
import { MAX_SECONDS, MIN_SECONDS } from '$lib/classroom/game';
import { choiceKey, LIVE_KINDS, livePool, questionCount, type LiveKind } from '$lib/classroom/pick';
import { describeZodIssue } from '$lib/i18n/issues';
import { m } from '$lib/paraglide/messages';
import { createSchema, OPEN_FOR_HOURS, type ErrorCode } from '$lib/classroom/contracts';
import { createGame, MAX_OPEN_GAMES_PER_HOST } from '$lib/server/classroom';
import { getEntry, getLibrary, isCurated } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import type { Actions, PageServerLoad } from './$types';

const SECONDS_CHOICES = [10, 20, 30, 45, 60, 90, 120];

/** The contract's fields as the form labels them, for a refusal the checks below did not word. */
const FIELD_LABELS: Record<string, () => string> = {
	article: m.class_new_article,
	tracks: m.class_new_tracks,
	kinds: m.class_new_kinds,
	questions: m.class_new_questions,
	secondsPerQuestion: m.class_new_seconds,
	openForHours: m.class_new_open_for,
	speedBonus: m.class_new_speed_bonus,
	classic: m.class_new_classic
};

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
	const chosen = url.searchParams.get('article');
	// An added text is offered when the link names it (texts are private to their link).
	const added = chosen && !isCurated(chosen) ? getEntry(chosen) : undefined;
	return {
		chosen,
		articles: [...getLibrary(), ...(added ? [added] : [])].map(({ article }) => {
			const cards = getDeck(article.slug).cards;
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

const CREATE_ERRORS: Partial<Record<ErrorCode, () => string>> = {
	'rate-limited': m.class_new_error_rate,
	'too-many-games': () => m.class_new_error_too_many({ max: MAX_OPEN_GAMES_PER_HOST }),
	storage: m.class_error_storage
};

export const actions: Actions = {
	default: async (event) => {
		const form = (await event.request.formData().catch(() => null)) ?? new FormData();
		const article = String(form.get('article') ?? '');
		const tracks = form.getAll('track').filter((t): t is Track => TRACKS.includes(t as Track));
		const kinds = form
			.getAll('kind')
			.filter((k): k is LiveKind => LIVE_KINDS.includes(k as LiveKind));
		const questions = int(form.get('questions'));
		const seconds = int(form.get('seconds'));
		const speedBonus = form.get('speedBonus') === 'on';
		const classic = form.get('classic') === 'on';
		const mode: 'live' | 'assignment' = form.get('mode') === 'assignment' ? 'assignment' : 'live';
		const openFor = int(form.get('openFor'));
		const values = {
			article,
			tracks,
			kinds,
			questions,
			seconds,
			speedBonus,
			classic,
			mode,
			openFor
		};

		if (!getEntry(article)) {
			return fail(400, { error: m.class_new_error_article(), values });
		}
		if (tracks.length === 0) return fail(400, { error: m.class_new_error_tracks(), values });
		if (kinds.length === 0) return fail(400, { error: m.class_new_error_kinds(), values });
		const available = questionCount(livePool(getDeck(article).cards, { article, tracks, kinds }));
		if (!(questions >= 1 && questions <= available)) {
			return fail(400, { error: m.class_new_error_questions({ max: available }), values });
		}
		// The same contract as the JSON route; the checks above only give friendlier messages.
		const parsed = createSchema.safeParse({
			article,
			tracks,
			kinds,
			questions,
			speedBonus,
			classic,
			...(mode === 'assignment' ? { openForHours: openFor } : { secondsPerQuestion: seconds })
		});
		if (!parsed.success) {
			const [issue] = parsed.error.issues;
			const label = FIELD_LABELS[String(issue?.path[0])];
			const error =
				issue?.path[0] === 'secondsPerQuestion'
					? m.class_new_error_seconds({ min: MIN_SECONDS, max: MAX_SECONDS })
					: issue && label
						? describeZodIssue(issue, label)
						: m.class_new_error_form();
			return fail(400, { error, values });
		}
		const created = createGame(event, parsed.data);
		if (!created.ok) {
			const message = CREATE_ERRORS[created.refusal.body.code] ?? m.class_new_error_form;
			if (created.refusal.retryAfter) {
				event.setHeaders({ 'retry-after': String(created.refusal.retryAfter) });
			}
			return fail(created.refusal.status, { error: message(), values });
		}
		redirect(303, `/class/${created.code}/host`);
	}
};
