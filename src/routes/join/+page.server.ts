import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isGameCode } from '$lib/classroom/code';
import { joinSchema } from '$lib/classroom/contracts';
import { MAX_NICKNAME_LENGTH } from '$lib/classroom/nickname';
import { m } from '$lib/paraglide/messages';
import { findGame, getEngine, joinGame, playerIdOf } from '$lib/server/classroom';
import { StorageError } from '$lib/server/classroom/db';
import type { Actions, PageServerLoad } from './$types';

/** Codes are read aloud and typed with spaces ("482 913"): keep the digits. */
const cleanCode = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, '') : '');

/** The join form: the same nickname contract as the JSON route, and any code-like text. */
const formSchema = joinSchema.extend({ code: z.string().max(40).transform(cleanCode) });

const JOIN_ERRORS: Record<string, () => string> = {
	empty: m.class_join_error_empty,
	'too-long': () => m.class_join_error_too_long({ max: MAX_NICKNAME_LENGTH }),
	characters: m.class_join_error_characters,
	taken: m.class_join_error_taken,
	full: m.class_join_error_full,
	finished: m.class_join_error_finished,
	removed: m.class_join_error_removed,
	'rate-limited': m.class_join_error_rate,
	storage: m.class_error_storage
};

/** A phone that already joined this game (its cookie) goes straight back to it. */
export const load: PageServerLoad = async ({ url, cookies }) => {
	const code = cleanCode(url.searchParams.get('code'));
	const playerId = isGameCode(code) ? playerIdOf(cookies, code) : undefined;
	let state;
	try {
		state = playerId ? await getEngine().get(code) : undefined;
	} catch (error) {
		if (!(error instanceof StorageError)) throw error;
	}
	const player = state?.players.find((p) => p.id === playerId && !p.removed);
	if (player && state?.phase !== 'finished') redirect(303, `/class/${code}/play`);
	return { code: isGameCode(code) ? code : '', maxNickname: MAX_NICKNAME_LENGTH };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData().catch(() => null);
		const parsed = formSchema.safeParse({
			code: form?.get('code') ?? '',
			nickname: form?.get('nickname') ?? ''
		});
		const values = {
			code: cleanCode(form?.get('code')).slice(0, 12),
			nickname: String(form?.get('nickname') ?? '').slice(0, 200)
		};
		if (!parsed.success) return fail(400, { error: m.class_join_error_characters(), values });
		const { code, nickname } = parsed.data;
		let found: Awaited<ReturnType<typeof findGame>>;
		try {
			found = await findGame(code, event.getClientAddress());
		} catch (error) {
			if (error instanceof StorageError)
				return fail(503, { error: m.class_error_storage(), values });
			throw error;
		}
		if (!found.ok) {
			if (found.refusal.retryAfter) {
				event.setHeaders({ 'retry-after': String(found.refusal.retryAfter) });
			}
			const error =
				found.refusal.status === 429
					? m.class_join_error_rate()
					: m.class_error_unknown_code({ code: code.slice(0, 12) });
			return fail(found.refusal.status, { error, values });
		}
		const result = await joinGame(event, code, nickname);
		if (!result.ok) {
			const status = result.error === 'rate-limited' ? 429 : result.error === 'storage' ? 503 : 400;
			if ('retryAfter' in result) event.setHeaders({ 'retry-after': String(result.retryAfter) });
			return fail(status, {
				error: (JOIN_ERRORS[result.error] ?? m.class_join_error_generic)(),
				values
			});
		}
		redirect(303, `/class/${code}/play`);
	}
};
