import { describe, expect, it } from 'vitest';
import {
	MAX_MARKS_PER_LETTER,
	MAX_NICKNAME_LENGTH,
	nicknameKey,
	validateNickname
} from '$lib/classroom/nickname';

const reason = (raw: string, taken: string[] = []) => {
	const result = validateNickname(raw, taken);
	return result.ok ? 'ok' : result.reason;
};
const kept = (raw: string) => {
	const result = validateNickname(raw, []);
	return result.ok ? result.nickname : result.reason;
};
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
/** Every code point from `from` to `to`, both included. */
const range = (from: number, to = from) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('validateNickname', () => {
	it('accepts names in any script, with Italian accents and apostrophes', () => {
		expect(validateNickname('Niccolò', [])).toEqual({ ok: true, nickname: 'Niccolò' });
		expect(reason("D'Annunzio")).toBe('ok');
		expect(reason('D’Annunzio')).toBe('ok');
		expect(reason('Anna-Maria_2.0')).toBe('ok');
		expect(reason('Дмитрий')).toBe('ok');
		expect(reason('陈静')).toBe('ok');
	});

	it('trims, collapses spaces and composes accents', () => {
		expect(validateNickname('  Anna \u00a0  Rossi ', [])).toEqual({
			ok: true,
			nickname: 'Anna Rossi'
		});
		// `o` + combining grave: the same ò a keyboard types.
		expect(validateNickname('Niccolo\u0300', [])).toEqual({ ok: true, nickname: 'Niccolò' });
	});

	it('refuses empty names', () => {
		expect(reason('')).toBe('empty');
		expect(reason('   ')).toBe('empty');
		expect(reason('\u3000\u00a0')).toBe('empty');
	});

	it('allows 20 characters and refuses 21', () => {
		expect(reason('a'.repeat(20))).toBe('ok');
		expect(reason('a'.repeat(21))).toBe('too-long');
		// Counted after composing: 20 accented letters typed as letter + mark still fit.
		expect(reason('o\u0300'.repeat(20))).toBe('ok');
	});

	it('counts the length after NFKC, and refuses a huge paste at once', () => {
		// ﬃ is one character typed, three kept.
		expect(reason('ﬃ'.repeat(6) + 'aa')).toBe('ok');
		expect(reason('ﬃ'.repeat(7))).toBe('too-long');
		expect(reason('a'.repeat(100_000))).toBe('too-long');
		expect(reason(' '.repeat(100_000) + 'Anna')).toBe('too-long');
	});

	it('refuses markup, control characters, emoji and punctuation alone', () => {
		expect(reason('<script>')).toBe('characters');
		expect(reason('Anna<b>')).toBe('characters');
		expect(reason('Anna\nRossi')).toBe('characters');
		expect(reason('Anna\u0000')).toBe('characters');
		expect(reason('Anna\u202e')).toBe('characters');
		expect(reason('Anna 😀')).toBe('characters');
		expect(reason('=1+1')).toBe('characters');
		expect(reason('...')).toBe('characters');
	});

	it('refuses a name already in the game, whatever the case', () => {
		expect(reason('anna', ['Anna'])).toBe('taken');
		expect(reason('NICCOLÒ', ['Niccolò'])).toBe('taken');
		expect(reason("d'annunzio", ['D’Annunzio'])).toBe('taken');
		expect(reason('Anna B', ['Anna'])).toBe('ok');
	});
});

describe('real names', () => {
	it.each([
		['Italian', 'Niccolò'],
		['Italian', 'Zoë'],
		['Russian', 'Дмитрий'],
		['Chinese', '陈静'],
		['Spanish, accent typed as a combining mark', 'Jose\u0301'],
		['Irish', "O'Brien"],
		['French', 'Jean-Luc'],
		['Vietnamese', 'Nguyễn Thị Ánh'],
		['Vietnamese, typed decomposed (two marks on ễ)', 'Nguyễn Thị Ánh'.normalize('NFD')],
		['Yoruba', 'Adébáyọ̀'],
		['Greek', 'Νίκος'],
		['Arabic', 'محمد'],
		['Hebrew', 'נועה'],
		['Hindi', 'प्रिया'],
		['Thai', 'สมศักดิ์'],
		['Korean', '김민준'],
		['Japanese', 'さくら'],
		['Sinhala (ෝ is three marks decomposed)', 'සෝමා'],
		['Tibetan (a stack of three marks)', 'སྒྲོལ'],
		['German', 'Straße']
	])('accepts a %s name: %s', (_, name) => {
		expect(reason(name)).toBe('ok');
	});

	it('keeps names apart that look apart', () => {
		expect(reason('Zoe', ['Zoë'])).toBe('ok');
		expect(reason('Nicolò', ['Niccolò'])).toBe('ok');
		expect(reason('陈晶', ['陈静'])).toBe('ok');
		expect(reason('Anna-Maria', ['Anna'])).toBe('ok');
		expect(reason('Luca', ['Luka'])).toBe('ok');
	});
});

describe('normalisation (NFKC), kept as stored and shown', () => {
	it('keeps fullwidth, mathematical and ligature letters as plain ones', () => {
		expect(kept('Ａｎｎａ')).toBe('Anna');
		expect(kept('𝐀𝐧𝐧𝐚')).toBe('Anna');
		expect(kept('ﬁlippo')).toBe('filippo');
		expect(kept('Jose\u0301')).toBe('José');
		expect(kept('Nguyễn Thị Ánh'.normalize('NFD'))).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
	});

	it('refuses symbols even where NFKC would turn them into letters', () => {
		expect(reason('Anna™')).toBe('characters');
		expect(reason('㎏')).toBe('characters');
		expect(reason('Ⓐnna')).toBe('characters');
	});

	it.each([
		0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
		0x200a, 0x202f, 0x205f, 0x3000
	])('turns the space %s into a plain one', (cp) => {
		const space = String.fromCodePoint(cp);
		expect(kept(`Anna${space}Rossi`)).toBe('Anna Rossi');
		expect(kept(`${space}Anna${space}${space}Rossi${space}`)).toBe('Anna Rossi');
	});

	it('refuses line and paragraph separators', () => {
		expect(reason('Anna\u2028Rossi')).toBe('characters');
		expect(reason('Anna\u2029Rossi')).toBe('characters');
		expect(reason('Anna\u0085Rossi')).toBe('characters');
	});
});

describe('invisible and format characters', () => {
	/** What the issue lists, and the other blanks and format characters; why is in nickname.ts. */
	const groups: [string, number[]][] = [
		['combining grapheme joiner', range(0x034f)],
		['zero-width space, joiners and direction marks', range(0x200b, 0x200f)],
		['bidi embeddings and overrides', range(0x202a, 0x202e)],
		['word joiner and invisible operators', range(0x2060, 0x2064)],
		['bidi isolates', range(0x2066, 0x2069)],
		['variation selectors', range(0xfe00, 0xfe0f)],
		['variation selectors supplement', range(0xe0100, 0xe01ef)],
		['Hangul fillers', [0x115f, 0x1160, 0x3164, 0xffa0]],
		['tag characters', range(0xe0000, 0xe007f)],
		['braille pattern blank', range(0x2800)],
		['musical null notehead', range(0x1d159)],
		['musical formatting', range(0x1d173, 0x1d17a)],
		['soft hyphen', range(0x00ad)],
		['Arabic letter mark', range(0x061c)],
		['Khmer inherent vowels', range(0x17b4, 0x17b5)],
		['Mongolian variation selectors and vowel separator', range(0x180b, 0x180f)],
		['Khitan filler', range(0x16fe4)],
		['byte order mark', range(0xfeff)]
	];

	it.each(groups)('refuses every %s', (_, codePoints) => {
		const accepted = codePoints
			.map((cp) => [cp, String.fromCodePoint(cp)] as const)
			.filter(([, c]) =>
				[c, `${c}Anna`, `An${c}na`, `Anna${c}`, `Anna ${c}`].some(
					(name) => reason(name) !== 'characters'
				)
			)
			.map(([cp]) => hex(cp));
		expect(accepted).toEqual([]);
	});

	it('refuses every format (Cf) and control (Cc) character there is', () => {
		const all = range(0, 0x10ffff).filter(
			(cp) => (cp < 0xd800 || cp > 0xdfff) && /[\p{Cf}\p{Cc}]/u.test(String.fromCodePoint(cp))
		);
		// The scan found them: 65 controls and some 170 format characters.
		expect(all.length).toBeGreaterThan(200);
		const accepted = all.filter((cp) => reason(`An${String.fromCodePoint(cp)}na`) !== 'characters');
		expect(accepted.map(hex)).toEqual([]);
	});

	it('refuses a name that is only blanks, rather than calling it empty', () => {
		expect(reason('\u3164')).toBe('characters');
		expect(reason('\u3164\u3164 \u2800')).toBe('characters');
		expect(reason('\u200b')).toBe('characters');
	});
});

describe('combining marks', () => {
	const letter = (marks: number) => 'a' + '\u0301\u0302\u0303\u0304\u0306\u0307'.slice(0, marks);

	it(`allows ${MAX_MARKS_PER_LETTER} marks on a letter and refuses one more`, () => {
		expect(reason(`Anna ${letter(MAX_MARKS_PER_LETTER)}`)).toBe('ok');
		expect(reason(`Anna ${letter(MAX_MARKS_PER_LETTER + 1)}`)).toBe('characters');
	});

	it('counts marks decomposed, however the letter was typed', () => {
		// ễ (U+1EC5) is one character, e + ̂ + ̃ decomposed: two marks, then one more.
		expect(reason('Nguy\u1ec5n')).toBe('ok');
		expect(reason('Nguy\u1ec5\u0323\u0308n')).toBe('characters');
	});

	it('refuses Zalgo text', () => {
		expect(reason('Z̷̢̛̞a̴̡̗̘l̶̨̦̙g̸̣̤̥o̵̧̞̟')).toBe('characters');
		expect(reason('Anna' + '\u0336'.repeat(10))).toBe('characters');
	});

	it('refuses marks on nothing, a space or a digit, and enclosing marks', () => {
		expect(reason('\u0301Anna')).toBe('characters');
		expect(reason('Anna \u0301')).toBe('characters');
		expect(reason('Anna 1\u0301')).toBe('characters');
		expect(reason('A\u20dd')).toBe('characters');
		expect(reason('Anna 1\u20e3')).toBe('characters');
	});
});

describe('look-alikes (confusable skeleton)', () => {
	it.each([
		['Cyrillic А', '\u0410nna'],
		['Greek Α', '\u0391nna'],
		['all Cyrillic а', 'Ann\u0430'],
		['fullwidth', 'Ａｎｎａ'],
		['mathematical bold', '𝐀𝐧𝐧𝐚'],
		['capitals', 'ANNA'],
		['lower case', 'anna'],
		['spaces between the letters', 'A n n a'],
		['a thin space', 'An\u2009na']
	])('takes Anna for %s: %s', (_, lookalike) => {
		expect(reason(lookalike, ['Anna'])).toBe('taken');
		// And the other way round: whoever came first keeps the name.
		expect(reason('Anna', [lookalike])).toBe('taken');
	});

	it.each([
		['Marco', '\u041carco', 'Cyrillic М'],
		['Marco', 'rnarco', 'rn for m'],
		['Ella', 'ElIa', 'capital I for l'],
		['Leo', 'Le0', 'zero for O'],
		['Eva', 'E\u03bda', 'Greek ν for v'],
		['Helena', '\u0397elena', 'Greek Η for H'],
		['Luca', 'L\u03c5ca', 'Greek υ for u'],
		['Sofia', 'S\u043ef\u0456\u0430', 'Cyrillic о, і, а'],
		['Paolo', '\u0420aolo', 'Cyrillic Р'],
		['Дмитрий', 'ДМИТРИЙ', 'Cyrillic capitals'],
		['Straße', 'STRASSE', 'ß in capitals']
	])('takes %s for %s (%s)', (name, lookalike) => {
		expect(reason(lookalike, [name])).toBe('taken');
	});

	it('keys a Latin name readably, and look-alikes to the same key', () => {
		expect(nicknameKey('Anna')).toBe('anna');
		expect(nicknameKey('\u0410nna')).toBe('anna');
		expect(nicknameKey('Ａｎｎａ')).toBe('anna');
		expect(nicknameKey('Jean-Luc')).toBe('jean-luc');
	});

	it('is the key the game compares: removed players and re-admissions use it too', () => {
		// A stored name that predates these rules still gets a key, invisible characters dropped.
		expect(nicknameKey('An\u200bna')).toBe(nicknameKey('Anna'));
		expect(nicknameKey('Anna\u3000Rossi')).toBe(nicknameKey('Anna Rossi'));
	});

	it('keeps the nickname as typed (after NFKC), not its skeleton', () => {
		expect(kept('\u0410nna')).toBe('\u0410nna');
		expect(kept('Marco')).toBe('Marco');
		expect(MAX_NICKNAME_LENGTH).toBe(20);
	});
});
