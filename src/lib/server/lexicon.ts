/**
 * The curated lexicon in `content/lexicon/`, parsed and checked once per server process. Vite
 * inlines the files at build time, like the articles in `content.ts`.
 */
import { loadLexicon, type Lexicon } from '$lib/vocab/lexicon';

const files = import.meta.glob<string>('/content/lexicon/*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});

let lexicon: Lexicon | undefined;

/** The lexicon. Throws a `ContentError` naming the file when one is wrong. */
export function getLexicon(): Lexicon {
	lexicon ??= loadLexicon(files);
	return lexicon;
}
