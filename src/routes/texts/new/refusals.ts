/**
 * Why the add-a-text form refused, as a stable code for the page and a message for the person.
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	MAX_AUTHOR_CHARS,
	MAX_FILE_BYTES,
	MAX_TEXT_CHARS,
	MAX_TITLE_CHARS,
	MAX_WORDS,
	MIN_WORDS,
	type FormIssueCode,
	type ImportErrorCode
} from '$lib/text/import';

export type RefusalCode =
	ImportErrorCode | FormIssueCode | 'duplicate' | 'rate-limited' | 'too-many-texts' | 'storage';

export interface Refusal {
	code: RefusalCode;
	/** The text's words, when they were counted. */
	words?: number;
	retryAfter?: number;
	max?: number;
	/** The text added before, for a duplicate. */
	duplicate?: { slug: string; title: string };
}

/** The refusal in the person's language. */
export function refusalMessage(refusal: Refusal): string {
	const number = (n: number) => new Intl.NumberFormat(getLocale()).format(n);
	const words = number(refusal.words ?? 0);
	switch (refusal.code) {
		case 'empty':
			return m.texts_error_empty();
		case 'too-short':
			return m.texts_error_too_short({ words, min: number(MIN_WORDS) });
		case 'too-long':
			return m.texts_error_too_long({ words, max: number(MAX_WORDS) });
		case 'too-large':
			return m.texts_error_too_large({ max: number(MAX_TEXT_CHARS) });
		case 'file-too-large':
			return m.texts_error_file_too_large({ max: number(Math.floor(MAX_FILE_BYTES / 1000)) });
		case 'not-italian':
			return m.texts_error_not_italian();
		case 'binary':
			return m.texts_error_binary();
		case 'file-type':
			return m.texts_error_file_type();
		case 'title-too-long':
			return m.texts_error_title_too_long({ max: number(MAX_TITLE_CHARS) });
		case 'author-too-long':
			return m.texts_error_author_too_long({ max: number(MAX_AUTHOR_CHARS) });
		case 'bad-url':
			return m.texts_error_bad_url();
		case 'duplicate':
			return m.texts_error_duplicate();
		case 'rate-limited':
			return m.texts_error_rate({ seconds: refusal.retryAfter ?? 60 });
		case 'too-many-texts':
			return m.texts_error_too_many({ max: number(refusal.max ?? 0) });
		case 'storage':
			return m.texts_error_storage();
	}
}
