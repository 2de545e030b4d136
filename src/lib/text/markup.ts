/**
 * Markup out, prose in: what people paste is rarely plain text. A web page copied as HTML, a
 * Markdown file, a word processor's invisible characters: each is reduced to lines of plain text,
 * with headings marked so that a title can still be recognised after its `#` or `<h1>` is gone.
 */

/** One line of cleaned text; `heading` when the markup said it was one. */
export interface Line {
	text: string;
	heading: boolean;
}

const HTML_TAG =
	/<\/?(?:p|div|br|span|a|h[1-6]|li|ul|ol|em|strong|b|i|u|article|section|html|body|head|table|tr|td|th|blockquote|figure|figcaption|header|footer|main|aside|nav|script|style|meta|link|img)\b[^>]*>/i;

/** Elements whose content is never prose: scripts, styles, menus, forms, embedded media. */
const DROPPED =
	/<(script|style|head|noscript|template|svg|iframe|nav|form|button|select|object|video|audio)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Elements that end a paragraph. */
const BLOCK =
	/<\/?(?:p|div|li|ul|ol|dl|dt|dd|blockquote|section|article|header|footer|main|aside|table|thead|tbody|tr|figure|figcaption|pre|address|hr)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	shy: '',
	laquo: '«',
	raquo: '»',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	bdquo: '„',
	hellip: '…',
	ndash: '–',
	mdash: '—',
	middot: '·',
	deg: '°',
	euro: '€',
	times: '×',
	copy: '©',
	reg: '®',
	trade: '™',
	agrave: 'à',
	egrave: 'è',
	eacute: 'é',
	igrave: 'ì',
	ograve: 'ò',
	oacute: 'ó',
	ugrave: 'ù',
	Agrave: 'À',
	Egrave: 'È',
	Eacute: 'É',
	Igrave: 'Ì',
	Ograve: 'Ò',
	Ugrave: 'Ù',
	ccedil: 'ç'
};

/** True when the text holds HTML elements (a page's source, or HTML pasted as text). */
export function looksLikeHtml(text: string): boolean {
	return HTML_TAG.test(text);
}

/**
 * Named (the common ones) and numeric character references decoded; an unknown name is left as
 * written, so a stray "&" in prose survives.
 */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[name] ?? whole;
	});
}

/** HTML to text: block elements become paragraph breaks, headings keep a `#`, tags go. */
export function stripHtml(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(DROPPED, '')
		.replace(/<h[1-6]\b[^>]*>/gi, '\n\n# ')
		.replace(/<\/h[1-6]\s*>/gi, '\n\n')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(BLOCK, '\n\n')
		.replace(/<[^>]*>/g, '');
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A YAML front matter block at the start: its `title`/`author` (or Italian keys) and the rest. */
export function splitFrontMatter(text: string): {
	title?: string;
	author?: string;
	rest: string;
} {
	const match = FRONT_MATTER.exec(text);
	if (!match) return { rest: text };
	const field = (...names: string[]) =>
		new RegExp(`^(?:${names.join('|')}):[ \\t]*["']?(.+?)["']?[ \\t]*$`, 'mu').exec(match[1])?.[1];
	return {
		title: field('title', 'titolo'),
		author: field('author', 'autore', 'autrice'),
		rest: text.slice(match[0].length)
	};
}

/**
 * Markdown's telling marks (headings, links, bold, code fences), so that text written in it is
 * told apart. A dash at the start of lines is not one: plain Italian prose writes dialogue so.
 */
export function looksLikeMarkdown(text: string): boolean {
	return /^#{1,6}[ \t]|\]\([^)]*\)|\*\*\S|__\S|^```/mu.test(text);
}

const INLINE: [RegExp, string][] = [
	[/!\[[^\]]*\]\([^)]*\)/gu, ''], // images: their alt text is not the article's
	[/\[\^[^\]]+\]/gu, ''], // footnote marks
	[/\[([^\]]+)\]\([^)]*\)/gu, '$1'], // links keep their words
	[/\[([^\]]+)\]\[[^\]]*\]/gu, '$1'],
	[/<(?:https?:\/\/|mailto:)[^>]+>/gu, ''],
	[/`([^`]+)`/gu, '$1'],
	[/\*\*(\S(?:.*?\S)?)\*\*/gu, '$1'],
	[/__(\S(?:.*?\S)?)__/gu, '$1'],
	[/~~(\S(?:.*?\S)?)~~/gu, '$1'],
	[/\*(\S(?:.*?\S)?)\*/gu, '$1'],
	[/(^|[^\p{L}\p{N}])_(\S(?:.*?\S)?)_(?![\p{L}\p{N}])/gu, '$1$2']
];

/** Markdown to lines: headings marked, quotes, lists, rules, links, emphasis and code fences gone. */
function markdownLines(text: string): Line[] {
	const lines: Line[] = [];
	let fenced = false;
	for (const raw of text.split('\n')) {
		if (/^\s*(?:```|~~~)/u.test(raw)) {
			fenced = !fenced;
			continue;
		}
		// Link definitions and footnotes: addresses and the editor's notes, not the text.
		if (fenced || /^\s*\[(?:[^\]^]+\]:\s+\S|\^[^\]]+\]:)/u.test(raw)) continue;
		// A setext heading's underline makes the line above it a heading.
		const previous = lines.at(-1);
		if (/^\s*(?:=+|-+)\s*$/u.test(raw) && previous && previous.text.trim() !== '') {
			previous.heading = true;
			continue;
		}
		if (/^\s*([-*_])(?:\s*\1){2,}\s*$/u.test(raw)) {
			lines.push({ text: '', heading: false });
			continue;
		}
		if (/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/u.test(raw)) continue;
		const heading = /^\s{0,3}#{1,6}[ \t]/u.test(raw);
		let line = raw
			.replace(/^\s{0,3}#{1,6}[ \t]+/u, '')
			.replace(/[ \t]+#+[ \t]*$/u, heading ? '' : '$&')
			.replace(/^(?:\s{0,3}>[ \t]?)+/u, '')
			.replace(/^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+/u, '');
		if (/^\s*\|.*\|\s*$/u.test(line)) line = line.replace(/\s*\|\s*/gu, ' ');
		for (const [pattern, replacement] of INLINE) line = line.replace(pattern, replacement);
		lines.push({ text: line, heading });
	}
	return lines;
}

/**
 * Characters that are not text: soft hyphens, zero-width marks, bidi controls, other controls.
 * Unusual spaces (no-break, thin, ideographic) become plain spaces.
 */
function cleanCharacters(text: string): string {
	return text
		.replace(/\r\n?/gu, '\n')
		.replace(/[\u00ad\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/gu, '')
		.replace(/[^\P{Cc}\n\t]/gu, '')
		.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu, ' ');
}

/** Lines a news site adds around the article when it is copied: never the article's words. */
const BOILERPLATE =
	/^(?:condividi(?: su \w+)?|pubblicità|advertisement|leggi anche:?|ascolta (?:l'|l’)articolo|tempo di lettura:? .{1,20}|©?\s*riproduzione riservata\s*©?|tutti i diritti riservati)$/iu;

/**
 * Any pasted or uploaded text as lines of plain text: HTML tags and entities out, Markdown marks
 * out (only when the text uses Markdown, so dialogue dashes in plain prose stay), invisible
 * characters out, runs of spaces collapsed. Empty lines stay: they separate paragraphs.
 *
 * @param markdown force Markdown handling (a `.md` file); otherwise it is detected
 */
export function cleanMarkup(text: string, markdown?: boolean): Line[] {
	let clean = cleanCharacters(text);
	if (looksLikeHtml(clean)) clean = stripHtml(clean);
	clean = cleanCharacters(decodeEntities(clean));
	const lines =
		(markdown ?? looksLikeMarkdown(clean))
			? markdownLines(clean)
			: clean.split('\n').map((line) => ({ text: line, heading: /^#{1,6} /u.test(line) }));
	return lines.map(({ text, heading }) => {
		const line = text
			.replace(/^#{1,6} +/u, heading ? '' : '$&')
			.replace(/ {2,}/gu, ' ')
			.trim();
		return BOILERPLATE.test(line) ? { text: '', heading: false } : { text: line, heading };
	});
}
