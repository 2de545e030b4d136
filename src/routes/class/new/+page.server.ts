import { randomInt } from 'node:crypto';
import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { TRACKS, type Track } from '$lib/cards/types';
import { MAX_SECONDS, MIN_SECONDS } from '$lib/classroom/game';
import { choiceKey, LIVE_KINDS, livePool, questionCount, type LiveKind } from '$lib/classroom/pick';
import { describeZodIssue } from '$lib/i18n/issues';
import { m } from '$lib/paraglide/messages';
import { createSchema, OPEN_FOR_HOURS, type ErrorCode } from '$lib/classroom/contracts';
import { createGame, duplicateFor, MAX_OPEN_GAMES_PER_HOST } from '$lib/server/classroom';
import { StorageError } from '$lib/server/classroom/db';
import { getEntry, getLibrary, isCurated } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';
import { keptPreview, nextPreview, type PreviewStep } from './preview';
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
export const load: PageServerLoad = async ({ url, cookies }) => {
	const duplicate = await duplicateOfCode(cookies, url.searchParams.get('from'));
	const chosen = duplicate?.values?.article ?? url.searchParams.get('article');
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
		openFor: OPEN_FOR_HOURS,
		duplicate
	};
};

/** `?from=<code>`: one of this browser's quizzes, to start again. */
const fromSchema = z.string().regex(/^[1-9]\d{5}$/);

/**
 * The form filled in as quiz `from` was, with its questions as the preview (those still cards
 * of its text); `values: null` when it is not this browser's (or has expired); null without
 * `from`.
 */
async function duplicateOfCode(cookies: Cookies, from: string | null) {
	if (from === null) return null;
	const unknown = { from: from.slice(0, 12), values: null, preview: null, dropped: 0 };
	const code = fromSchema.safeParse(from);
	if (!code.success) return unknown;
	let found;
	try {
		found = await duplicateFor(cookies, code.data);
	} catch (failure) {
		if (failure instanceof StorageError) error(503, m.class_error_storage());
		throw failure;
	}
	if (!found) return unknown;
	const { article, tracks, kinds, cardIds, openFor, ...settings } = found;
	const pool = getEntry(article)
		? livePool(getDeck(article).cards, { article, tracks, kinds })
		: [];
	const seed = randomInt(2 ** 31);
	const { preview, dropped } = keptPreview(pool, cardIds, seed);
	// The nearest of the form's choices (the original's was one of them).
	const hours = OPEN_FOR_HOURS.reduce((a, b) =>
		Math.abs(b - openFor) < Math.abs(a - openFor) ? b : a
	);
	const values: Values = {
		article,
		tracks,
		kinds,
		questions: preview?.chosen.length ?? cardIds.length,
		...settings,
		openFor: hours,
		cards: preview?.chosen ?? [],
		skipped: [],
		seed
	};
	return { from: code.data, values, preview, dropped };
}

const int = (value: FormDataEntryValue | null) =>
	typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : NaN;

/** The preview's seed as the form sent it back (up to 2³¹, as `randomInt` draws it). */
const seedOf = (value: FormDataEntryValue | null) =>
	typeof value === 'string' && /^\d{1,10}$/.test(value) && Number(value) < 2 ** 31
		? Number(value)
		: NaN;

const CREATE_ERRORS: Partial<Record<ErrorCode, () => string>> = {
	'rate-limited': m.class_new_error_rate,
	'too-many-games': () => m.class_new_error_too_many({ max: MAX_OPEN_GAMES_PER_HOST }),
	storage: m.class_error_storage,
	'unknown-card': m.class_new_error_cards
};

/** The seconds of the "get ready" moment when the teacher keeps it on. */
const GET_READY_SECONDS = 3;

/** The form's fields as the teacher sent them (sent back with a refusal, to fill the form). */
function readForm(form: FormData) {
	const ids = (name: string) =>
		form
			.getAll(name)
			.filter((id): id is string => typeof id === 'string' && id.length > 0)
			.slice(0, 1000);
	return {
		article: String(form.get('article') ?? ''),
		tracks: form.getAll('track').filter((t): t is Track => TRACKS.includes(t as Track)),
		kinds: form.getAll('kind').filter((k): k is LiveKind => LIVE_KINDS.includes(k as LiveKind)),
		questions: int(form.get('questions')),
		seconds: int(form.get('seconds')),
		speedBonus: form.get('speedBonus') === 'on',
		classic: form.get('classic') === 'on',
		getReady: form.get('getReady') === 'on',
		mode: (form.get('mode') === 'assignment' ? 'assignment' : 'live') as 'live' | 'assignment',
		openFor: int(form.get('openFor')),
		/** The previewed questions, when the teacher previewed them. */
		cards: ids('card'),
		skipped: ids('skip'),
		seed: seedOf(form.get('seed'))
	};
}
type Values = ReturnType<typeof readForm>;

/** The article, tracks and kinds checked, with the questions they can make; or why not. */
function checkChoice(values: Values) {
	const { article, tracks, kinds } = values;
	if (!getEntry(article)) return { error: m.class_new_error_article() };
	if (tracks.length === 0) return { error: m.class_new_error_tracks() };
	if (kinds.length === 0) return { error: m.class_new_error_kinds() };
	return { pool: livePool(getDeck(article).cards, { article, tracks, kinds }) };
}

const formData = async (request: Request) =>
	(await request.formData().catch(() => null)) ?? new FormData();

/**
 * Shows (or changes) the questions the quiz will ask, before it is created: the preview button
 * draws them, each question's swap and drop buttons change one.
 */
function preview(form: FormData) {
	const values = readForm(form);
	const choice = checkChoice(values);
	if (!choice.pool) return fail(400, { error: choice.error, values });
	const available = questionCount(choice.pool);
	const swap = int(form.get('swap'));
	const drop = int(form.get('drop'));
	const step: PreviewStep = Number.isInteger(swap)
		? { kind: 'swap', index: swap }
		: Number.isInteger(drop)
			? { kind: 'drop', index: drop }
			: { kind: 'draw' };
	if (step.kind === 'draw' && !(values.questions >= 1 && values.questions <= available)) {
		return fail(400, { error: m.class_new_error_questions({ max: available }), values });
	}
	const seed =
		step.kind === 'draw' || !Number.isInteger(values.seed) ? randomInt(2 ** 31) : values.seed;
	const preview = nextPreview(
		choice.pool,
		{ chosen: values.cards, skipped: values.skipped, seed },
		step,
		values.questions
	);
	if (!preview) return fail(400, { error: m.class_new_error_cards(), values });
	return { preview, values: { ...values, questions: preview.chosen.length } };
}

/**
 * One action for both steps (SvelteKit allows no default beside named ones, and the form has
 * always posted to the default): the preview's buttons say `intent=preview`, `swap` or `drop`.
 */
export const actions: Actions = {
	default: async (event) => {
		const form = await formData(event.request);
		if (form.get('intent') === 'preview' || form.has('swap') || form.has('drop')) {
			return preview(form);
		}
		const values = readForm(form);
		const { article, tracks, kinds, speedBonus, classic, mode, openFor, seconds, cards } = values;
		const choice = checkChoice(values);
		if (!choice.pool) return fail(400, { error: choice.error, values });
		// Previewed questions are the quiz: their number is how many it asks.
		const questions = cards.length > 0 ? cards.length : values.questions;
		const available = questionCount(choice.pool);
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
			...(cards.length > 0 ? { cardIds: cards } : {}),
			...(mode === 'assignment'
				? { openForHours: openFor }
				: {
						secondsPerQuestion: seconds,
						getReadySeconds: values.getReady ? GET_READY_SECONDS : 0
					})
		});
		if (!parsed.success) {
			const [issue] = parsed.error.issues;
			const label = FIELD_LABELS[String(issue?.path[0])];
			const error =
				issue?.path[0] === 'secondsPerQuestion'
					? m.class_new_error_seconds({ min: MIN_SECONDS, max: MAX_SECONDS })
					: issue?.path[0] === 'cardIds'
						? m.class_new_error_cards()
						: issue && label
							? describeZodIssue(issue, label)
							: m.class_new_error_form();
			return fail(400, { error, values });
		}
		const created = await createGame(event, parsed.data);
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
