import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'ripasso-deck-'));

/** Runs the deck command as a user would (`npm run -s deck -- …` runs exactly this). */
function deck(...args: string[]) {
	const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/deck.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		timeout: 60_000,
		maxBuffer: 64 * 1024 * 1024
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: string | Buffer): string {
	const path = join(tmp, name);
	writeFileSync(path, content);
	return path;
}

const ITALIAN = `# La visita

Il ministro degli Esteri russo Sergey Lavrov ha visitato Pyongyang per tre giorni di colloqui.
Durante la visita, la Corea del Nord ha promesso di inviare altri 6.000 soldati in Russia.
Secondo il governo di Seul, il numero delle truppe nordcoreane in Russia supera ormai le 15.000 unità.
Gli Stati Uniti e il Giappone hanno condannato la decisione del governo di Pyongyang con una nota comune.`;

// Each case runs the command in a process of its own: seconds on a busy machine, not milliseconds.
describe('npm run -s deck', { timeout: 60_000 }, () => {
	it('prints every article of content/ as JSON in the documented shape', () => {
		const { status, stdout, stderr } = deck();
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const out = JSON.parse(stdout);
		expect(out.articles).toEqual([
			{ slug: 'mosca-pyongyang', title: expect.stringMatching(/^Questo allineamento/) }
		]);
		expect(out.cards.length).toBeGreaterThan(200);
		for (const card of out.cards) {
			// A note travels with the card that has one (where the article is imprecise, a typo).
			if ('note' in card) expect(Object.keys(card.note).sort()).toEqual(['en', 'it']);
			expect(
				Object.keys(card)
					.filter((key) => key !== 'note')
					.sort()
			).toEqual(
				[
					'accept',
					'answer',
					'id',
					'options',
					'origin',
					'prompt',
					'prompt_en',
					'source',
					'track',
					'type'
				].sort()
			);
			expect(Object.keys(card.source).sort()).toEqual(['article', 'sentence', 'text']);
		}
		const origins = new Set(out.cards.map((c: { origin: string }) => c.origin));
		expect(origins).toEqual(new Set(['curated', 'auto']));
		const tracks = new Set(out.cards.map((c: { track: string }) => c.track));
		expect(tracks).toEqual(new Set(['facts', 'vocab']));
		expect(out.cards.some((c: { note?: unknown }) => c.note)).toBe(true);
		// Each run starts tsx: on a busy two-core machine one takes several seconds.
	}, 30_000);

	it('lists the vocabulary with its forms and example sentences on the vocab track', () => {
		const { status, stdout } = deck('--track', 'vocab');
		expect(status).toBe(0);
		const out = JSON.parse(stdout);
		expect(out.cards.every((c: { track: string }) => c.track === 'vocab')).toBe(true);
		const truppa = out.vocab.find((v: { lemma: string }) => v.lemma === 'truppa');
		expect(Object.keys(truppa).sort()).toEqual(['examples', 'forms', 'gloss', 'lemma', 'pos']);
		expect(truppa.forms).toEqual(['truppe']);
		for (const example of truppa.examples) expect(example).toContain('truppe');
	});

	it('prints CSV with a header and one row per card', () => {
		const json = JSON.parse(deck('--track', 'facts').stdout);
		const { status, stdout } = deck('--track', 'facts', '--format', 'csv');
		expect(status).toBe(0);
		const lines = stdout.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'id,track,type,origin,prompt,prompt_en,answer,accept,options,article,sentence,text,note,note_en'
		);
		// Fields with commas or quotes are quoted, so rows never contain raw line breaks.
		expect(lines).toHaveLength(json.cards.length + 1);
		expect(lines[1].startsWith(json.cards[0].id + ',facts,')).toBe(true);
	}, 30_000);

	it('builds the deck of any Italian text with --input, automatic cards only', () => {
		const { status, stdout, stderr } = deck('--input', file('visita.md', ITALIAN));
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const out = JSON.parse(stdout);
		expect(out.articles).toEqual([{ slug: 'visita', title: 'La visita' }]);
		expect(out.cards.length).toBeGreaterThan(0);
		for (const card of out.cards) {
			expect(card.origin).toBe('auto');
			expect(card.source.article).toBe('visita');
			expect(ITALIAN).toContain(card.source.text);
		}
	});

	it('lists the vocabulary of a text given with --input, glossed only where a source has one', () => {
		const { status, stdout, stderr } = deck(
			'--input',
			file('visita.md', ITALIAN),
			'--track',
			'vocab'
		);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const out = JSON.parse(stdout);
		type Vocab = {
			lemma: string;
			pos: string;
			gloss: string | null;
			forms: string[];
			examples: string[];
		};
		const vocab: Vocab[] = out.vocab;
		const of = (lemma: string) => vocab.find((v) => v.lemma === lemma);
		for (const entry of vocab) {
			expect(Object.keys(entry).sort()).toEqual(['examples', 'forms', 'gloss', 'lemma', 'pos']);
			for (const example of entry.examples) expect(ITALIAN).toContain(example);
		}
		// From the curated lexicon, from the dictionary, and from neither.
		expect(of('soldato')).toMatchObject({ pos: 'noun', gloss: 'soldier', forms: ['soldati'] });
		expect(of('decisione')).toMatchObject({ pos: 'noun', gloss: 'decision' });
		expect(of('nota')).toMatchObject({ pos: 'noun', gloss: null, forms: ['nota'] });
		// Names, function words and numbers are no vocabulary.
		const lemmas = vocab.map((v) => v.lemma.toLowerCase());
		for (const left of ['lavrov', 'pyongyang', 'seul', 'giappone', 'il', 'di', '6.000', 'tre']) {
			expect(lemmas).not.toContain(left);
		}
		const ids = new Set(out.cards.map((c: { id: string }) => c.id));
		expect(ids.has('visita:vocab:noun:soldato:recognition')).toBe(true);
		// A word without a gloss is still studied, but never on a card that needs its meaning.
		expect(ids.has('visita:vocab:noun:nota:cloze')).toBe(true);
		expect(ids.has('visita:vocab:noun:nota:listening')).toBe(true);
		expect(ids.has('visita:vocab:noun:nota:recognition')).toBe(false);
		expect(ids.has('visita:vocab:noun:nota:production')).toBe(false);
		for (const card of out.cards) {
			expect(card).toMatchObject({ track: 'vocab', origin: 'auto' });
			expect(ITALIAN).toContain(card.source.text);
		}
		const csv = deck('--input', file('visita.md', ITALIAN), '--track', 'vocab', '--format', 'csv');
		expect(csv.status).toBe(0);
		expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(out.cards.length + 1);
	});

	it.each([
		[
			'a missing file',
			() => ['--input', join(tmp, 'nope.md')],
			/deck: cannot read .*nope\.md: no such file/
		],
		[
			'an empty file',
			() => ['--input', file('empty.md', ' \n\n')],
			/deck: .*empty\.md: the file holds no text/
		],
		[
			'a binary file',
			() => ['--input', file('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))],
			/deck: .*image\.md is a binary file/
		],
		[
			'text in another language',
			() => [
				'--input',
				file(
					'english.md',
					'The foreign minister of Russia is visiting Pyongyang for talks with the leader of North Korea, and their relationship has grown in recent years.'
				)
			],
			/deck: .*english\.md: the text does not look like Italian/
		],
		[
			'a 10 MB file',
			() => ['--input', file('big.md', ITALIAN.repeat(Math.ceil(10e6 / ITALIAN.length)))],
			/deck: .*big\.md is 10\.0 MB; the limit is 1 MB/
		],
		[
			'invalid UTF-8',
			() => ['--input', file('latin1.md', Buffer.from('perch\xe9 la Corea del Nord', 'latin1'))],
			/deck: .*latin1\.md is not UTF-8 text/
		]
	])('refuses %s with one clear line and exit 1', (_, args, message) => {
		const { status, stdout, stderr } = deck(...args());
		expect(status).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(message);
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	});

	it.each([
		[['--track', 'words'], /deck: --track must be one of facts, vocab, all/],
		[['--format', 'xml'], /deck: --format must be one of json, csv/],
		[['--colour'], /deck: Unknown option '--colour'/],
		[['--seed', 'abc'], /deck: --seed must be a whole number/]
	])('refuses bad usage %j with exit 2', (args, message) => {
		const { status, stderr } = deck(...args);
		expect(status).toBe(2);
		expect(stderr).toMatch(message);
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	});
});
