/**
 * Reads `content/` from the disk, for command-line scripts (the app inlines it at build time).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadLibrary, type Library } from '$lib/content/library';

/** Every file of `<root>/content/lexicon` (path relative to root → text). */
export function readLexiconFiles(root: string): Record<string, string> {
	const dir = join(root, 'content', 'lexicon');
	const files: Record<string, string> = {};
	for (const name of existsSync(dir) ? readdirSync(dir) : []) {
		if (name.endsWith('.yaml'))
			files[relative(root, join(dir, name))] = readFileSync(join(dir, name), 'utf8');
	}
	return files;
}

/** Loads every article in `<root>/content/articles` with its facts. */
export function readLibrary(root: string): Library {
	const dir = join(root, 'content', 'articles');
	const files: Record<string, string> = {};
	for (const slug of existsSync(dir) ? readdirSync(dir) : []) {
		for (const name of ['article.it.md', 'facts.yaml', 'translation.en.yaml']) {
			const path = join(dir, slug, name);
			if (existsSync(path)) files[relative(root, path)] = readFileSync(path, 'utf8');
		}
	}
	return loadLibrary(files);
}
