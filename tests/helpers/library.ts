import { join } from 'node:path';
import { readLibrary } from '$lib/server/content-files';

/** content/ as the app loads it: every article with its facts, checked. */
export const library = readLibrary(join(import.meta.dirname, '..', '..'));
