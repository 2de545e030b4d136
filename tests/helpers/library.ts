import { join } from 'node:path';
import { readLexiconFiles, readLibrary } from '$lib/server/content-files';
import { loadLexicon } from '$lib/vocab/lexicon';

/** content/ as the app loads it: every article with its facts, checked. */
export const library = readLibrary(join(import.meta.dirname, '..', '..'));

/** content/lexicon, loaded and checked. */
export const lexicon = loadLexicon(readLexiconFiles(join(import.meta.dirname, '..', '..')));
