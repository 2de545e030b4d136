const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/** Collapses runs of whitespace, as a browser lays out text, so texts compare as shown. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text a page's HTML shows a reader, as the server rendered it. Scripts are dropped first:
 * a SvelteKit page carries its data in one, so a prompt found there proves nothing about what
 * is on the screen before (or without) JavaScript.
 */
export function shownText(html: string): string {
	return squash(
		html
			.replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
			.replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
				if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
				const hex = name[1] === 'x' || name[1] === 'X';
				return String.fromCodePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
			})
	);
}
