/**
 * `npm run check-content` (also the first step of `npm run build`): loads everything in content/
 * as the app will, so a mistake in an article or its facts stops the build with one line naming
 * the file, the fact and the field, instead of surfacing as an error page for the first visitor.
 */
import { join } from 'node:path';
import { ContentError } from '$lib/content/schema';
import { readLexiconFiles, readLibrary } from '$lib/server/content-files';
import { loadLexicon } from '$lib/vocab/lexicon';

try {
	const root = join(import.meta.dirname, '..');
	const library = readLibrary(root);
	const facts = library.reduce((n, entry) => n + entry.facts.length, 0);
	const lexicon = loadLexicon(readLexiconFiles(root));
	console.log(
		`content: ${library.length} article(s), ${facts} facts, ${lexicon.entries.length} lexicon entries, all checked`
	);
} catch (error) {
	if (!(error instanceof ContentError)) throw error;
	console.error(`content: ${error.message}`);
	process.exitCode = 1;
}
