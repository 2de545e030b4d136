/**
 * Reads `content/` from the disk, for command-line scripts (the app inlines it at build time).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadLibrary, type Library } from '$lib/content/library';

/** Loads every article in `<root>/content/articles` with its facts. */
export function readLibrary(root: string): Library {
	const dir = join(root, 'content', 'articles');
	const files: Record<string, string> = {};
	for (const slug of existsSync(dir) ? readdirSync(dir) : []) {
		for (const name of ['article.it.md', 'facts.yaml']) {
			const path = join(dir, slug, name);
			if (existsSync(path)) files[relative(root, path)] = readFileSync(path, 'utf8');
		}
	}
	return loadLibrary(files);
}
