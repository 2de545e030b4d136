/**
 * The server's signing key (HMAC-SHA256), used where the server hands a browser something it
 * must be able to trust again later (the practice quiz's progress token).
 *
 * Where it comes from, in order:
 * 1. `RIPASSO_SECRET`, for deployments that keep no writable data folder;
 * 2. `secret.key` in the data folder (`RIPASSO_DATA_DIR`), created with 32 random bytes on first
 *    use, readable by the owner only, so tokens stay valid across restarts;
 * 3. a random key held in memory, when the data folder cannot be written (a read-only disk):
 *    everything works, but tokens die with the process. That is logged once, not per request.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './classroom/db';

const KEY_BYTES = 32;
const FILE_NAME = 'secret.key';
/** Shorter than this and `RIPASSO_SECRET` is guessable; still used, but with a warning. */
const MIN_ENV_LENGTH = 32;

export interface SecretOptions {
	env?: NodeJS.ProcessEnv;
	/** The folder holding `secret.key` (default: the data folder). */
	dir?: string;
	warn?: (message: string) => void;
}

/**
 * Loads (or creates) the key without caching it: for tests and for `getSecret`.
 *
 * @returns the key, and where it came from
 */
export function loadSecret(options: SecretOptions = {}): {
	key: Buffer;
	source: 'env' | 'file' | 'memory';
} {
	const env = options.env ?? process.env;
	const warn = options.warn ?? ((message: string) => console.warn(message));
	const fromEnv = env.RIPASSO_SECRET;
	if (fromEnv) {
		if (fromEnv.length < MIN_ENV_LENGTH) {
			warn(`RIPASSO_SECRET is shorter than ${MIN_ENV_LENGTH} characters: use a long random one.`);
		}
		return { key: Buffer.from(fromEnv, 'utf8'), source: 'env' };
	}
	const dir = options.dir ?? dataDir(env);
	const file = join(dir, FILE_NAME);
	try {
		return { key: readOrCreate(dir, file), source: 'file' };
	} catch (error) {
		warn(
			`Could not keep the signing key in ${file} (${(error as Error).message}); ` +
				'using a key in memory, so quiz links stop working when the server restarts.'
		);
		return { key: randomBytes(KEY_BYTES), source: 'memory' };
	}
}

function readOrCreate(dir: string, file: string): Buffer {
	const existing = readKey(file);
	if (existing) return existing;
	mkdirSync(dir, { recursive: true });
	// Written aside, then linked into place: link fails if the file already exists, so two
	// processes starting together agree on one key, and nobody ever reads a half-written file.
	const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	writeFileSync(temporary, randomBytes(KEY_BYTES).toString('hex') + '\n', { mode: 0o600 });
	try {
		linkSync(temporary, file);
	} catch (error) {
		// EEXIST: another process won the race; its key is read below.
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	} finally {
		unlinkSync(temporary);
	}
	const key = readKey(file);
	if (!key) throw new Error('the key file disappeared');
	return key;
}

/**
 * The key in the file, or undefined when there is no file. A file that is there but holds no key
 * (emptied by hand, a disk error) throws rather than being replaced: overwriting it would quietly
 * invalidate every link signed so far, and the warning says which file to look at.
 */
function readKey(file: string): Buffer | undefined {
	let text: string;
	try {
		text = readFileSync(file, 'utf8').trim();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`${file} does not hold a key`);
	return Buffer.from(text, 'hex');
}

let cached: Buffer | undefined;

/** The server's signing key, loaded once per process. */
export function getSecret(): Buffer {
	cached ??= loadSecret().key;
	return cached;
}
