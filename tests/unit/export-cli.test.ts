import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '$lib/deck/deck';
import { exportableCards } from '$lib/export/anki';
import { createScheduler } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { BACKUP_FORMAT, BACKUP_VERSION } from '$lib/storage/records';
import { lexicon, library } from '../helpers/library';

const root = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'ripasso-export-'));

/** Runs `npm run -s deck -- …` as a user would; stdout as bytes (a package is binary). */
function deck(...args: string[]) {
	const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/deck.ts', ...args], {
		cwd: root,
		timeout: 90_000,
		maxBuffer: 64 * 1024 * 1024
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString() };
}

/** A progress backup as Settings writes it, with two reviews of one card. */
function backup(): string {
	const card = exportableCards(buildDeck(library))[0];
	const scheduler = createScheduler(DEFAULT_SETTINGS);
	const where = { track: card.track, article: card.source.article };
	let state = scheduler.newState(card.id, new Date('2026-11-01T08:00:00Z'));
	const reviews = [];
	for (const at of ['2026-11-01T08:00:00Z', '2026-11-01T08:10:00Z']) {
		const result = scheduler.rate(state, 'good', new Date(at));
		state = result.state;
		reviews.push({ ...result.log, ...where });
	}
	const path = join(tmp, 'backup.json');
	writeFileSync(
		path,
		JSON.stringify({
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: '2026-11-02T00:00:00.000Z',
			settings: DEFAULT_SETTINGS,
			states: [{ ...state, ...where }],
			reviews
		})
	);
	return path;
}

describe('npm run -s deck -- --format apkg|terms', { timeout: 120_000 }, () => {
	it('writes an Anki package with the history of a progress backup', () => {
		const { status, stdout, stderr } = deck(
			'--format',
			'apkg',
			'--progress',
			backup(),
			'--origin',
			'https://ripasso.example'
		);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const db = new Database(Buffer.from(unzipSync(stdout)['collection.anki2']));
		const count = (table: string) =>
			(db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
		expect(count('notes')).toBe(exportableCards(buildDeck(library, { lexicon })).length);
		expect(count('revlog')).toBe(2);
		const { flds } = db.prepare('SELECT flds FROM notes LIMIT 1').get() as { flds: string };
		expect(flds.split('\x1f')[3]).toMatch(/^https:\/\/ripasso\.example\/read\//u);
	});

	it('writes term and definition pairs with the separator asked for', () => {
		const { status, stdout } = deck(
			'--format',
			'terms',
			'--track',
			'vocab',
			'--separator',
			'semicolon'
		);
		expect(status).toBe(0);
		const lines = stdout.toString().trimEnd().split('\r\n');
		expect(lines.length).toBeGreaterThan(200);
		expect(lines).toContain(
			'essere;to be (also the auxiliary of the passive and of compound tenses of many verbs)'
		);
	});

	it('refuses a bad separator, a bad origin and a damaged backup', () => {
		expect(deck('--format', 'terms', '--separator', 'pipe').status).toBe(2);
		expect(deck('--format', 'apkg', '--origin', 'javascript:alert(1)').status).toBe(2);
		const damaged = join(tmp, 'damaged.json');
		writeFileSync(damaged, '{"format":"ripasso-progress"');
		const run = deck('--format', 'apkg', '--progress', damaged);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^deck: .*damaged\.json/u);
	});
});
