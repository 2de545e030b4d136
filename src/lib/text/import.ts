/**
 * Ingestion: whatever a person pastes or uploads (plain text, Markdown, a web page copied as text
 * or as HTML, a `.txt`/`.md` file) becomes clean paragraphs of Italian prose, its title and author
 * apart, and a hash by which the same text is recognised when it comes again.
 *
 * Pure: the add-a-text form, the server and the deck command all call it and get the same text.
 */
import { z } from 'zod';
import { looksItalian } from './language';
import { cleanMarkup, splitFrontMatter, type Line } from './markup';

/** The stated limit: a long feature article is 3,000 words, a book chapter 10,000. */
export const MAX_WORDS = 20_000;
/** Below this there is too little to ask about, and too little to tell the language by. */
export const MIN_WORDS = 20;
/** What the form takes before cleaning (markup counted): 20,000 words are about 140,000. */
export const MAX_TEXT_CHARS = 300_000;
export const MAX_FILE_BYTES = 300_000;
export const MAX_TITLE_CHARS = 200;
export const MAX_AUTHOR_CHARS = 120;
export const MAX_URL_CHARS = 2_000;
/** The file names the form takes. */
export const TEXT_FILE = /\.(?:txt|text|md|markdown)$/iu;

/** Why a text was refused; stable, for the page to pick its message. */
export type ImportErrorCode =
	| 'empty'
	| 'too-short'
	| 'too-long'
	| 'too-large'
	| 'file-too-large'
	| 'not-italian'
	| 'binary'
	| 'file-type';

export interface ImportedText {
	/** The title line the text starts with (a heading, or a short line without a full stop). */
	title?: string;
	/** From a byline ("Di Nome Cognome", "di …", "A cura di …"), near the top or the last line. */
	author?: string;
	/** The prose, without the title line and the byline. */
	paragraphs: string[];
	words: number;
	/** Same prose (whatever its markup, line breaks and spacing), same hash. */
	hash: string;
}

export type ImportResult =
	{ ok: true; text: ImportedText } | { ok: false; code: ImportErrorCode; words?: number };

export interface ImportOptions {
	/** Treat the text as Markdown (a `.md` file); otherwise detected. */
	markdown?: boolean;
	minWords?: number;
	maxWords?: number;
	maxChars?: number;
}

/** Words as a word processor counts them: runs of non-space holding a letter or a digit. */
export function countWords(text: string): number {
	let count = 0;
	for (const word of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(word)) count++;
	return count;
}

/**
 * 64-bit FNV-1a of the text with its whitespace collapsed and its Unicode normalised (NFC), as
 * 16 hex digits: the same prose pasted with other line breaks or spaces gives the same hash. Not
 * a cryptographic hash: it tells one person's texts apart, and nobody gains by a collision.
 */
export function contentHash(text: string): string {
	const canonical = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
	let hash = 0xcbf29ce484222325n;
	for (let i = 0; i < canonical.length; i++) {
		hash = BigInt.asUintN(64, (hash ^ BigInt(canonical.charCodeAt(i))) * 0x100000001b3n);
	}
	return hash.toString(16).padStart(16, '0');
}

const BYLINE = /^(?:[Aa] cura di|A CURA DI|[Dd]i|DI|[Bb]y|BY)\s+(.+)$/u;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const PARTICLE =
	/^(?:d['’]\p{Lu}\p{L}*|de|di|da|del|della|dei|van|von|der|den|la|le|lo|e|ed|and)$/u;

/**
 * The author named by a byline line, or undefined when the line is not one. The name is one to
 * six capitalised words (particles such as "de", "van", "e" between them); a role, an affiliation
 * or a date after a comma, a dash or a digit is not part of it.
 */
export function bylineAuthor(line: string): string | undefined {
	const match = BYLINE.exec(line.trim());
	if (!match || match[1].length > 120 || /[.!?;:]$/u.test(match[1].replace(/\s\p{Lu}\.$/u, ''))) {
		return undefined;
	}
	const name = match[1].split(/\s*[,|–—]\s*|\s+-\s+|\s+(?=\d)/u)[0].trim();
	const words = name.split(/\s+/u);
	if (words.length > 6 || !NAME_WORD.test(words[0]) || !NAME_WORD.test(words.at(-1)!)) {
		return undefined;
	}
	return words.every((word) => NAME_WORD.test(word) || PARTICLE.test(word)) ? name : undefined;
}

/** A line that can head the text: marked as a heading, or short and without a final full stop. */
function titleLike(paragraph: Paragraph | Line): boolean {
	if (paragraph.heading) return true;
	const { text } = paragraph;
	return text.length <= MAX_TITLE_CHARS && countWords(text) <= 25 && !/[.,;:]$/u.test(text);
}

interface Paragraph {
	text: string;
	heading: boolean;
}

/** A line that ends a sentence (or a quotation that does). */
const ENDS_SENTENCE = /[.!?…:;»"”)\]]$/u;

/**
 * Lines into paragraphs. With blank lines in the text, they separate paragraphs and a line break
 * inside one is a wrap (Markdown's rule). Without any, each line is a paragraph (a word processor's
 * or a web page's copy), unless it plainly goes on the sentence above (which has no final
 * punctuation). Either way a heading, a byline and a leading title line stand alone.
 */
function paragraphsOf(lines: readonly Line[]): Paragraph[] {
	const text = lines.map((line) => line.text);
	const first = text.findIndex((line) => line !== '');
	const last = text.findLastIndex((line) => line !== '');
	const blankInside = text.slice(first, last + 1).includes('');
	const out: Paragraph[] = [];
	let current: string[] = [];
	const flush = () => {
		if (current.length > 0) out.push({ text: current.join(' '), heading: false });
		current = [];
	};
	const next = text.slice(first + 1).find((line) => line !== '') ?? '';
	// The first line heads the text unless the next one goes on with its sentence.
	const heads = first >= 0 && titleLike(lines[first]) && !/^\p{Ll}/u.test(next);
	lines.forEach((line, index) => {
		if (line.text === '') return flush();
		if (line.heading || bylineAuthor(line.text) !== undefined || (index === first && heads)) {
			flush();
			out.push({ text: line.text, heading: line.heading });
			return;
		}
		const previous = current.at(-1);
		// A line of prose ends with punctuation; one without it goes on below, when the next starts
		// lower-case or it is as long as a wrapped line (a subheading is shorter).
		const wrapped =
			previous !== undefined &&
			!ENDS_SENTENCE.test(previous) &&
			(/^\p{Ll}/u.test(line.text) || previous.length >= 60);
		if (!blankInside && !wrapped) flush();
		current.push(line.text);
	});
	flush();
	return out;
}

/**
 * Cleans and checks a text: markup out (see `cleanMarkup`), the title line and the byline taken
 * out, then the limits (words, characters) and the language (`looksItalian`) checked.
 */
export function importText(raw: string, options: ImportOptions = {}): ImportResult {
	const {
		minWords = MIN_WORDS,
		maxWords = MAX_WORDS,
		maxChars = MAX_TEXT_CHARS,
		markdown
	} = options;
	if (raw.length > maxChars) return { ok: false, code: 'too-large' };
	const front = splitFrontMatter(raw.replace(/^\uFEFF/u, ''));
	const paragraphs = paragraphsOf(cleanMarkup(front.rest, markdown));
	let title = front.title;
	if (title === undefined && paragraphs.length >= 2 && titleLike(paragraphs[0])) {
		title = paragraphs.shift()!.text;
	}
	let author = front.author;
	// A byline under the title (or under a subtitle), or the article's last line.
	const candidates = [0, 1, 2, paragraphs.length - 1].filter(
		(i) => i >= 0 && i < paragraphs.length
	);
	for (const index of new Set(candidates)) {
		const named = bylineAuthor(paragraphs[index].text);
		if (named !== undefined && paragraphs.length > 1) {
			author ??= named;
			paragraphs.splice(index, 1);
			break;
		}
	}
	const prose = paragraphs.map((paragraph) => paragraph.text);
	const body = prose.join('\n\n');
	const words = countWords(body);
	if (words === 0) return { ok: false, code: 'empty' };
	if (words > maxWords) return { ok: false, code: 'too-long', words };
	if (words < minWords) return { ok: false, code: 'too-short', words };
	if (!looksItalian(body)) return { ok: false, code: 'not-italian', words };
	return {
		ok: true,
		text: { title, author, paragraphs: prose, words, hash: contentHash(body) }
	};
}

/**
 * A title for a text that has none: its first words, cut at a word, at most 80 characters.
 */
export function fallbackTitle(paragraphs: readonly string[]): string {
	const sentence = (paragraphs[0] ?? '').split(/(?<=[.!?…])\s/u)[0];
	if (sentence.length <= 80) return sentence.replace(/[.:;,]$/u, '');
	const cut = sentence.slice(0, 80);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[\s,;:.]+$/u, '')}…`;
}

/**
 * An uploaded file's text: UTF-8 (with or without its byte-order mark), UTF-16 with one, else
 * Windows-1252 (how Italian Windows saved `.txt` files for decades). Binary files are refused.
 */
export function decodeFile(
	name: string,
	bytes: Uint8Array
): { ok: true; text: string } | { ok: false; code: ImportErrorCode } {
	if (!TEXT_FILE.test(name)) return { ok: false, code: 'file-type' };
	if (bytes.length > MAX_FILE_BYTES) return { ok: false, code: 'file-too-large' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
	}
	if (bytes.includes(0)) return { ok: false, code: 'binary' };
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
	}
}

const optional = (max: number) => z.string().trim().max(max);

/**
 * The add-a-text form's contract (the text may be empty when a file comes with it). Issues name
 * the field, which `formIssueCode` turns into a stable code.
 */
export const addTextSchema = z.object({
	text: z.string().max(MAX_TEXT_CHARS),
	title: optional(MAX_TITLE_CHARS),
	author: optional(MAX_AUTHOR_CHARS),
	sourceUrl: z
		.string()
		.trim()
		.max(MAX_URL_CHARS)
		.pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/u })]))
});

export type AddTextForm = z.infer<typeof addTextSchema>;

export type FormIssueCode = 'too-large' | 'title-too-long' | 'author-too-long' | 'bad-url';

/** The code of the first problem with the form's fields. */
export function formIssueCode(error: z.ZodError): FormIssueCode {
	const field = error.issues[0]?.path[0];
	if (field === 'title') return 'title-too-long';
	if (field === 'author') return 'author-too-long';
	if (field === 'sourceUrl') return 'bad-url';
	return 'too-large';
}
