/**
 * `npm run check-content` (also the first step of `npm run build`): loads everything in content/
 * as the app will, so a mistake in an article or its facts stops the build with one line naming
 * the file, the fact and the field, instead of surfacing as an error page for the first visitor.
 */
import { join } from 'node:path';
import { ContentError } from '$lib/content/schema';
import { readLibrary } from '$lib/server/content-files';

try {
	const library = readLibrary(join(import.meta.dirname, '..'));
	const facts = library.reduce((n, entry) => n + entry.facts.length, 0);
	console.log(
		`content: ${library.length} article(s), ${facts} facts, all checked against their text`
	);
} catch (error) {
	if (!(error instanceof ContentError)) throw error;
	console.error(`content: ${error.message}`);
	process.exitCode = 1;
}
