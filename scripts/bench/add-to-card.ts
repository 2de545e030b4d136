/**
 * "Add → first card": what a teacher waits for between pressing "Add" on /texts/new and the first
 * study card of the text. Over loopback, on the production server (`scripts/start.js`, started by
 * the e2e launcher) with an empty data folder: the text is POSTed through the page's real form
 * action, the redirect's owner cookie is kept, and the clock stops when the study page and its
 * data (the screen renders in the browser) have arrived with a fact card in it (the deck is made on that first request, so the figure holds the
 * generation). Texts of about 1,000 and 10,000 words are made of the evaluation texts
 * (`eval/texts/*.md`), each run from a different one first, so no run finds a deck already made.
 * `npx tsx scripts/bench/add-to-card.ts` runs it alone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, startServer, stopServer } from '../../tests/helpers/server';
import { medianOf, ms } from './timing';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = 3;
const SIZES = [1_000, 10_000];

/** The evaluation texts' paragraphs (title line first), one list per text, in file order. */
function evalTexts(): string[][] {
	const dir = join(ROOT, 'eval', 'texts');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) =>
			readFileSync(join(dir, name), 'utf8')
				.split(/\n\s*\n/u)
				.map((paragraph) => paragraph.trim())
				.filter(Boolean)
		);
}

/**
 * About `words` words of the evaluation texts' bodies, from the `first`th text on (round and
 * round), whole paragraphs, under a title of its own.
 */
export function textOf(texts: readonly string[][], words: number, first: number): string {
	const out = [`Rassegna ${words} ${first}`];
	let count = 0;
	for (let i = first; count < words; i++) {
		for (const paragraph of texts[i % texts.length].slice(1)) {
			out.push(paragraph);
			count += paragraph.split(/\s+/u).length;
			if (count >= words) break;
		}
	}
	return out.join('\n\n');
}

/** Adds the text as the form does; resolves with the time to the first card on the study page. */
async function addToFirstCard(base: string, text: string): Promise<number> {
	const start = performance.now();
	const added = await fetch(`${base}/texts/new`, {
		method: 'POST',
		body: new URLSearchParams({ text, title: '', author: '', sourceUrl: '' }),
		// As a browser without script sends it: a page is asked for, and the action redirects.
		headers: { origin: base, accept: 'text/html' },
		redirect: 'manual'
	});
	const location = added.headers.get('location');
	await added.body?.cancel();
	if (added.status !== 303 || !location?.startsWith('/read/')) {
		throw new Error(`Adding a text answered ${added.status} (${location ?? 'no redirect'})`);
	}
	const cookie = added.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	const slug = location.slice('/read/'.length);
	// The study screen renders in the browser (progress lives there): its page, then its data,
	// as the browser asks for them; a card's id names the text's slug.
	const page = await fetch(`${base}/study/${slug}/facts`, { headers: { cookie } });
	await page.text();
	const data = await fetch(`${base}/study/${slug}/facts/__data.json`, { headers: { cookie } });
	const json = await data.text();
	const elapsed = performance.now() - start;
	if (!page.ok || !data.ok || !json.includes(`${slug}:`)) {
		throw new Error(`The study page of ${slug} answered ${data.status} without a card`);
	}
	return elapsed;
}

export async function benchAddToCard(): Promise<void> {
	console.log(`Add → first card (production server, empty data folder, median of ${RUNS} texts)`);
	const texts = evalTexts();
	const dataDir = mkdtempSync(join(tmpdir(), 'ripasso-bench-add-'));
	const server = await startServer(await freePort(), dataDir, {}, { timeoutMs: 300_000 });
	try {
		const base = `http://127.0.0.1:${server.port}`;
		for (const words of SIZES) {
			const times: number[] = [];
			for (let run = 0; run < RUNS; run++) {
				times.push(await addToFirstCard(base, textOf(texts, words, run)));
			}
			const label = `  ~${words.toLocaleString('en')} words`.padEnd(22);
			console.log(`${label}${ms(medianOf(times))} (runs: ${times.map(ms).join(', ')})`);
		}
	} finally {
		await stopServer(server);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAddToCard();
