#!/usr/bin/env node
/**
 * `npm run fix-lockfile`: makes package-lock.json installable with `npm ci` again after an
 * `npm install` on our machines.
 *
 * Why: the npm registry mirror here lacks some platform-specific binaries that packages list as
 * optional dependencies (e.g. @lix-js/sdk-darwin-arm64@0.17.0). npm then writes a lock that names
 * them but has no entry for them, and `npm ci` refuses it ("Missing: … from lock file"). Those
 * binaries are optional accelerators with a WebAssembly fallback, so dropping the dangling names
 * is safe. Rollup, whose native binary is not optional in practice, is pinned in `overrides` to a
 * version the mirror has for every platform.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const entries = Object.keys(lock.packages);

/** Node's resolution: look in the package's own node_modules, then each parent's, then the top. */
function resolvable(from, name) {
	let dir = from;
	for (;;) {
		if (entries.includes(`${dir ? `${dir}/` : ''}node_modules/${name}`)) return true;
		if (!dir) return false;
		const at = dir.lastIndexOf('node_modules/');
		dir = at <= 0 ? '' : dir.slice(0, at - 1);
	}
}

let removed = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
	for (const name of Object.keys(entry.optionalDependencies ?? {})) {
		if (resolvable(location, name)) continue;
		delete entry.optionalDependencies[name];
		removed++;
		console.log(`dropped ${name} (optional, not in the registry) from ${location || 'the root'}`);
	}
}
writeFileSync(path, JSON.stringify(lock, null, '\t') + '\n');
console.log(removed ? `${removed} dangling optional dependencies dropped.` : 'Nothing to fix.');
