import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSecret } from '$lib/server/secret';

const folders: string[] = [];
function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'ripasso-secret-'));
	folders.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the signing key', () => {
	it('is created once in the data folder, readable by the owner only, and kept', () => {
		const dir = join(folder(), 'data'); // not there yet: created on first use
		const warnings: string[] = [];
		const first = loadSecret({ env: {}, dir, warn: (w) => warnings.push(w) });
		expect(first.source).toBe('file');
		expect(first.key).toHaveLength(32);
		expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
		expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(first.key.toString('hex'));
		// A restarted server signs with the same key, so quiz links stay valid.
		expect(loadSecret({ env: {}, dir }).key.equals(first.key)).toBe(true);
		expect(warnings).toEqual([]);
	});

	it('comes from RIPASSO_SECRET when set, and then touches no file', () => {
		const dir = folder();
		const secret = 'a long random secret of at least thirty-two characters';
		const loaded = loadSecret({ env: { RIPASSO_SECRET: secret }, dir });
		expect(loaded).toEqual({ key: Buffer.from(secret), source: 'env' });
		expect(() => statSync(join(dir, 'secret.key'))).toThrow();
	});

	it('falls back to a key in memory, with one warning, when the folder cannot be written', () => {
		const file = join(folder(), 'a-file');
		writeFileSync(file, '');
		const warnings: string[] = [];
		// A folder inside a file can never be created, even by root.
		const loaded = loadSecret({ env: {}, dir: join(file, 'data'), warn: (w) => warnings.push(w) });
		expect(loaded.source).toBe('memory');
		expect(loaded.key).toHaveLength(32);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('in memory');
	});

	it('never silently replaces a key file that holds something else', () => {
		const dir = folder();
		writeFileSync(join(dir, 'secret.key'), 'not a key\n');
		const warnings: string[] = [];
		expect(loadSecret({ env: {}, dir, warn: (w) => warnings.push(w) }).source).toBe('memory');
		expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe('not a key\n');
		expect(warnings).toHaveLength(1);
	});
});
