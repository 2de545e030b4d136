/**
 * Lemma check on the unseen evaluation set (eval/README.md).
 *
 * For every eval/texts/<slug>.md it runs the deck CLI as a black box:
 *   npm run -s deck -- --input eval/texts/<slug>.md --track vocab --format json
 * and looks up each of the 30 gold forms of <slug>.lemmas.tsv in the `forms`
 * of the printed `vocab` entries (an entry's own lemma counts as one of its forms).
 *   found = the form is in some entry;  right = one such entry has the gold lemma.
 * Forms and lemmas are compared in lower case, NFC, with ’ read as '.
 *
 *   npx tsx scripts/eval-lemmas.ts [--verbose] [--dir eval/holdout3]
 * (--verbose lists every miss; --dir reads another set of the same format)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dirAt = process.argv.indexOf('--dir');
const TEXTS = dirAt > 0 ? process.argv[dirAt + 1] : 'eval/texts';
const verbose = process.argv.includes('--verbose');

interface Gold {
	form: string;
	lemma: string;
	pos: string;
}

const norm = (s: string) =>
	s
		.normalize('NFC')
		.replace(/[\u2019\u02bc]/g, "'")
		.trim()
		.toLowerCase();

function readGold(file: string): Gold[] {
	return readFileSync(file, 'utf8')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && line !== 'form\tlemma\tpos')
		.map((line) => {
			const [form, lemma, pos] = line.split('\t');
			if (!form || !lemma || !pos) throw new Error(`${file}: bad line "${line}"`);
			return { form, lemma, pos };
		});
}

/** form -> lemmas of the entries that list it; null when the output has no `vocab` array. */
function runDeck(input: string): { byForm: Map<string, Set<string>> | null; note: string } {
	let out: string;
	try {
		out = execFileSync(
			'npm',
			['run', '-s', 'deck', '--', '--input', input, '--track', 'vocab', '--format', 'json'],
			{ encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }
		);
	} catch (e) {
		return { byForm: null, note: `deck failed (exit ${(e as { status?: number }).status ?? '?'})` };
	}
	let vocab: unknown;
	try {
		vocab = (JSON.parse(out) as { vocab?: unknown }).vocab;
	} catch {
		return { byForm: null, note: 'output is not JSON' };
	}
	if (!Array.isArray(vocab)) return { byForm: null, note: 'no vocab field' };
	const byForm = new Map<string, Set<string>>();
	for (const entry of vocab as { lemma?: unknown; forms?: unknown }[]) {
		if (typeof entry?.lemma !== 'string') continue;
		const lemma = norm(entry.lemma);
		const forms = Array.isArray(entry.forms) ? entry.forms : [];
		for (const form of [entry.lemma, ...forms]) {
			if (typeof form !== 'string') continue;
			const key = norm(form);
			if (!byForm.has(key)) byForm.set(key, new Set());
			byForm.get(key)!.add(lemma);
		}
	}
	return { byForm, note: `${vocab.length} vocab entries` };
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

const slugs = readdirSync(TEXTS)
	.filter((f) => f.endsWith('.lemmas.tsv'))
	.map((f) => f.slice(0, -'.lemmas.tsv'.length))
	.sort();

const rows: string[][] = [];
const misses: string[] = [];
let [allGold, allFound, allRight] = [0, 0, 0];
for (const slug of slugs) {
	const gold = readGold(join(TEXTS, `${slug}.lemmas.tsv`));
	const { byForm, note } = runDeck(join(TEXTS, `${slug}.md`));
	let [found, right] = [0, 0];
	for (const g of gold) {
		const lemmas = byForm?.get(norm(g.form));
		if (lemmas) found++;
		if (lemmas?.has(norm(g.lemma))) right++;
		else
			misses.push(
				`${slug}\t${g.form}\tgold ${g.lemma}\t${lemmas ? `got ${[...lemmas].join(', ')}` : 'not found'}`
			);
	}
	allGold += gold.length;
	allFound += found;
	allRight += right;
	rows.push([
		slug,
		`${gold.length}`,
		`${found}`,
		`${right}`,
		pct(found, gold.length),
		pct(right, found),
		note
	]);
}
rows.push([
	'TOTAL',
	`${allGold}`,
	`${allFound}`,
	`${allRight}`,
	pct(allFound, allGold),
	pct(allRight, allFound),
	''
]);

const header = ['article', 'gold', 'found', 'right', 'found/gold', 'accuracy', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) =>
	r
		.map((c, i) => c.padEnd(widths[i]))
		.join('  ')
		.trimEnd();
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
rows.forEach((r, i) => {
	if (i === rows.length - 1) console.log(line(widths.map((w) => '-'.repeat(w))));
	console.log(line(r));
});
console.log('\nfound/gold = gold forms listed in some vocab entry; accuracy = right / found');
if (verbose && misses.length > 0) console.log(`\nmisses:\n${misses.join('\n')}`);
