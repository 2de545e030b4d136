import { fail, redirect } from '@sveltejs/kit';
import { isGameCode } from '$lib/classroom/code';
import { MAX_NICKNAME_LENGTH } from '$lib/classroom/nickname';
import { m } from '$lib/paraglide/messages';
import { getEngine, joinGame, joinLimiter, PLAYER_COOKIE } from '$lib/server/classroom';
import type { Actions, PageServerLoad } from './$types';

/** Codes are read aloud and typed with spaces ("482 913"): keep the digits. */
const cleanCode = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, '') : '');

const JOIN_ERRORS: Record<string, () => string> = {
	empty: m.class_join_error_empty,
	'too-long': () => m.class_join_error_too_long({ max: MAX_NICKNAME_LENGTH }),
	characters: m.class_join_error_characters,
	taken: m.class_join_error_taken,
	full: m.class_join_error_full,
	finished: m.class_join_error_finished,
	removed: m.class_join_error_removed
};

/** A phone that already joined this game (its cookie) goes straight back to it. */
export const load: PageServerLoad = ({ url, cookies }) => {
	const code = cleanCode(url.searchParams.get('code'));
	const playerId = isGameCode(code) ? cookies.get(PLAYER_COOKIE(code)) : undefined;
	const state = playerId ? getEngine().get(code) : undefined;
	const player = state?.players.find((p) => p.id === playerId && !p.removed);
	if (player && state?.phase !== 'finished') redirect(303, `/class/${code}/play`);
	return { code: isGameCode(code) ? code : '', maxNickname: MAX_NICKNAME_LENGTH };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const form = await request.formData().catch(() => null);
		const code = cleanCode(form?.get('code'));
		const nickname = String(form?.get('nickname') ?? '').slice(0, 200);
		const values = { code, nickname };
		if (!joinLimiter.allow(getClientAddress())) {
			return fail(429, { error: m.class_join_error_rate(), values });
		}
		if (!isGameCode(code) || !getEngine().get(code)) {
			return fail(404, { error: m.class_error_unknown_code({ code: code.slice(0, 12) }), values });
		}
		const result = joinGame(cookies, code, nickname);
		if (!result.ok) {
			return fail(400, {
				error: (JOIN_ERRORS[result.error] ?? m.class_join_error_generic)(),
				values
			});
		}
		redirect(303, `/class/${code}/play`);
	}
};
