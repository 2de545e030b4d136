/**
 * Nicknames students pick when they join a live quiz. They are shown on the projector, so the
 * rules keep out markup, invisible characters, Zalgo text and look-alike duplicates, but let
 * every student write their own name in their own script (Niccolò, Zoë, Дмитрий, 陈静).
 *
 * Look-alikes are found with Unicode's confusables.txt (UTS #39), through the `unhomoglyph`
 * package, which is that file transcribed to JSON (Unicode 13.0.0; no npm package ships a newer
 * one, and the others on npm are hand-made tables that strip accents or native addons).
 */
import unhomoglyph from 'unhomoglyph';

export type NicknameError = 'empty' | 'too-long' | 'characters' | 'taken';

export type NicknameResult = { ok: true; nickname: string } | { ok: false; reason: NicknameError };

/** In code points, after normalisation. */
export const MAX_NICKNAME_LENGTH = 20;

/**
 * Combining marks allowed on one letter, counted decomposed (NFD). Vietnamese stacks two
 * (ễ = e + ̂ + ̃), Sinhala ෝ and Tibetan stacks (སྒྲོ) need three; Zalgo text uses dozens.
 */
export const MAX_MARKS_PER_LETTER = 3;

/**
 * Longer input is refused before any work on it: 20 letters with their marks, written
 * decomposed and with surrogate pairs, stay far below this.
 */
const MAX_RAW_LENGTH = 256;

/**
 * Characters that draw nothing, or change how the rest is drawn: a name made of them looks blank
 * or like somebody else's. Each is refused, never silently removed, so what a student sees typed
 * is what the class sees.
 */
const INVISIBLE = new RegExp(
	[
		// Controls (newline, NUL, ESC…): no keyboard types one into a name.
		'[\\p{Cc}]',
		// Format characters: zero-width space and joiners, bidi marks, soft hyphen, tags…
		'[\\p{Cf}]',
		// Line and paragraph separators: a second line on the projector.
		'[\\p{Zl}\\p{Zp}]',
		// Unicode's own list of what renders as nothing; it holds most of the groups below, which
		// are named too, so that a runtime with older Unicode data still refuses them.
		'[\\p{Default_Ignorable_Code_Point}]',
		// Zero-width space, non-joiner, joiner, left-to-right and right-to-left marks.
		'[\\u200B-\\u200F]',
		// Bidi embeddings and overrides: U+202E shows "Anna" as "annA".
		'[\\u202A-\\u202E]',
		// Word joiner and invisible operators; bidi isolates.
		'[\\u2060-\\u2064\\u2066-\\u2069]',
		// Combining grapheme joiner: a mark that draws nothing.
		'[\\u034F]',
		// Hangul fillers: letters (Lo) that draw nothing, the usual trick for a blank name.
		'[\\u115F\\u1160\\u3164\\uFFA0]',
		// Khmer inherent vowels: invisible, deprecated by Unicode.
		'[\\u17B4\\u17B5]',
		// Mongolian variation selectors and vowel separator.
		'[\\u180B-\\u180F]',
		// Variation selectors: change a glyph invisibly (or turn a letter into an emoji).
		'[\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}]',
		// Byte order mark (zero-width no-break space).
		'[\\uFEFF]',
		// Tag characters: invisible text inside the name.
		'[\\u{E0000}-\\u{E007F}]',
		// Braille pattern blank and musical null notehead: symbols that look like a space.
		'[\\u2800\\u{1D159}]',
		// Khitan small script filler: a mark that draws nothing (not default-ignorable).
		'[\\u{16FE4}]',
		// Musical formatting (begin/end beam, tie, slur, phrase): invisible.
		'[\\u{1D173}-\\u{1D17A}]'
	].join('|'),
	'u'
);
const INVISIBLE_ALL = new RegExp(INVISIBLE, 'gu');

/**
 * What may be typed, before normalisation: letters and combining marks of any script, digits,
 * spaces of any width and `-` `_` `.` `'` `’`. Symbols are refused here, before NFKC would turn
 * some into letters (™ → TM, ㎏ → kg): a projector full of them is not a class list, and neither
 * is one of emoji. `<` `>` (markup) are refused the same way.
 */
const TYPED = /^[\p{L}\p{M}\p{N}\p{Zs}_.'’-]+$/u;
/**
 * What may be kept, after normalisation: the same with plain spaces only, and without enclosing
 * marks (a keycap or circle drawn round a letter is a symbol).
 */
const ALLOWED = /^[\p{L}\p{Mn}\p{Mc}\p{N} _.'’-]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A run of combining marks and the character before it (none at the very start). */
const MARKS = /(^|[^\p{M}])(\p{M}+)/gu;
const LETTER = /^\p{L}$/u;
/** Only ASCII letters: a TR39 prototype that is plain Latin. */
const LATIN_LETTERS = /^[A-Za-z]+$/;

/**
 * Keys already computed, oldest first: each join compares against every player in the game (up
 * to 1,000), whose keys are the same from one join to the next.
 */
const keys = new Map<string, string>();
const KEYS_KEPT = 10_000;

/** UTS #39 skeleton: decompose, replace each character by its prototype, decompose again. */
function skeleton(text: string): string {
	return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

/**
 * The form two nicknames are compared in: a confusable skeleton (UTS #39) that ignores case and
 * spacing. `Anna`, `anna`, `ANNA`, `Аnna` (Cyrillic А), `Ａｎｎａ` (fullwidth) and `A n n a` are
 * the same student; `Zoë` and `Zoe` are not (the accent shows).
 *
 * TR39 compares case-sensitively, and no single key can be both case-blind and catch every
 * look-alike (Greek ν is v, its capital Ν is N). So, in order:
 * 1. non-ASCII characters that TR39 says look like Latin letters become them, while their case
 *    is still the typed one (Greek ν → v, σ → o, Cyrillic г → r);
 * 2. case is folded through capitals (ß and ẞ → SS) and the capitals are skeletonised (Cyrillic
 *    М → M, Greek Η → H, I → l);
 * 3. then lower case, skeletonised again (Cyrillic а → a, m → rn).
 * Latin names stay readable (`anna`, `rnarco`). The cost is a false "taken" now and then: Elia
 * and Ella, Marni and Mami share a key. That is the lesser harm: two names that look the same
 * on the projector are the abuse this stops.
 */
export function nicknameKey(nickname: string): string {
	const known = keys.get(nickname);
	if (known !== undefined) return known;
	const key = computeKey(nickname);
	if (nickname.length <= MAX_RAW_LENGTH) {
		if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value as string);
		keys.set(nickname, key);
	}
	return key;
}

/** `nicknameKey` without the cache: the three steps told there. */
function computeKey(nickname: string): string {
	const shown = nickname.normalize('NFKC').replace(INVISIBLE_ALL, '');
	const latin = [...shown.replace(/\s+/gu, '').normalize('NFD')]
		.map((char) => {
			if (char <= '\x7f') return char;
			const prototype = unhomoglyph(char);
			return LATIN_LETTERS.test(prototype) ? prototype : char;
		})
		.join('');
	return skeleton(skeleton(latin.toLowerCase().toUpperCase()).toLowerCase());
}

/** Whether every run of combining marks sits on a letter and has at most the allowed few. */
function marksFit(nickname: string): boolean {
	for (const [, base, marks] of nickname.normalize('NFD').matchAll(MARKS)) {
		if (!LETTER.test(base) || [...marks].length > MAX_MARKS_PER_LETTER) return false;
	}
	return true;
}

/**
 * Cleans and checks a nickname: NFKC (fullwidth `Ａｎｎａ` is kept as `Anna`, `ﬁ` as `fi`),
 * every kind of space collapsed to one plain space and trimmed, 1–20 characters of the allowed
 * set with at least one letter or digit, no invisible or format character, at most
 * `MAX_MARKS_PER_LETTER` combining marks on a letter, and no look-alike (`nicknameKey`) of a
 * player in the game.
 *
 * @param taken the nicknames of the players still in the game (removed players free theirs)
 * @returns the nickname as it is to be stored and shown, or why not
 */
export function validateNickname(raw: string, taken: readonly string[]): NicknameResult {
	if (typeof raw !== 'string') return { ok: false, reason: 'empty' };
	if (raw.length > MAX_RAW_LENGTH) return { ok: false, reason: 'too-long' };
	// Refused rather than removed or turned into a space: no keyboard types one by chance.
	if (INVISIBLE.test(raw)) return { ok: false, reason: 'characters' };
	if (raw.trim() && !TYPED.test(raw)) return { ok: false, reason: 'characters' };
	const normalised = raw.normalize('NFKC');
	// NFKC maps some blanks onto others (U+3164 → U+1160): checked again on what is kept.
	if (INVISIBLE.test(normalised)) return { ok: false, reason: 'characters' };
	// A space of any width is a plain space: a hair-thin one would hide inside "Anna".
	const nickname = normalised.replace(/\s+/gu, ' ').trim();
	if (!nickname) return { ok: false, reason: 'empty' };
	// Before the length: Zalgo text is too long too, but its marks are what to fix.
	if (!ALLOWED.test(nickname) || !LETTER_OR_DIGIT.test(nickname) || !marksFit(nickname)) {
		return { ok: false, reason: 'characters' };
	}
	if ([...nickname].length > MAX_NICKNAME_LENGTH) return { ok: false, reason: 'too-long' };
	const key = nicknameKey(nickname);
	if (taken.some((t) => nicknameKey(t) === key)) return { ok: false, reason: 'taken' };
	return { ok: true, nickname };
}
