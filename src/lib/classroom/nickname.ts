/**
 * Nicknames students pick when they join a live quiz. They are shown on the projector, so the
 * rules keep out markup, invisible characters and look-alike duplicates, but let every student
 * write their own name in their own script (Niccolò, Zoë, Дмитрий, 陈静).
 */

export type NicknameError = 'empty' | 'too-long' | 'characters' | 'taken';

export type NicknameResult = { ok: true; nickname: string } | { ok: false; reason: NicknameError };

/** In code points, after normalisation. */
export const MAX_NICKNAME_LENGTH = 20;

/**
 * Letters and combining marks of any script, digits, spaces and `-` `_` `.` `'` `’`. Everything
 * else is refused: `<` `>` (markup), control and format characters (invisible, bidi tricks),
 * symbols and emoji (a projector full of them is not a class list).
 */
const ALLOWED = /^[\p{L}\p{M}\p{N} _.'’-]+$/u;
const CONTROL = /\p{Cc}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The form two nicknames are compared in: `Anna`, `anna` and `ANNA` are the same student. */
export function nicknameKey(nickname: string): string {
	return nickname.normalize('NFC').replace(/’/gu, "'").toLowerCase();
}

/**
 * Cleans and checks a nickname: NFC, spaces collapsed and trimmed, 1–20 characters of the
 * allowed set with at least one letter or digit, not already used (case-insensitively) by a
 * player in the game.
 *
 * @param taken the nicknames of the players still in the game (removed players free theirs)
 */
export function validateNickname(raw: string, taken: readonly string[]): NicknameResult {
	if (typeof raw !== 'string') return { ok: false, reason: 'empty' };
	// A newline or NUL is refused rather than turned into a space: no keyboard types one.
	if (CONTROL.test(raw)) return { ok: false, reason: 'characters' };
	const nickname = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
	if (!nickname) return { ok: false, reason: 'empty' };
	if ([...nickname].length > MAX_NICKNAME_LENGTH) return { ok: false, reason: 'too-long' };
	if (!ALLOWED.test(nickname) || !LETTER_OR_DIGIT.test(nickname)) {
		return { ok: false, reason: 'characters' };
	}
	const key = nicknameKey(nickname);
	if (taken.some((t) => nicknameKey(t) === key)) return { ok: false, reason: 'taken' };
	return { ok: true, nickname };
}
