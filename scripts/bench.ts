/**
 * `npm run bench`: speed figures, printed. Timings on shared machines are noisy, so each figure is
 * a median of several runs and growth is judged by ratios measured in the same run.
 */
import { join } from 'node:path';
import { buildArticle } from '$lib/content/article';
import { buildDeck } from '$lib/deck/deck';
import { readLibrary } from '$lib/server/content-files';
import { benchClassroom } from './bench-classroom';
import { benchReport } from './bench-report';
import { benchLemmas } from './bench-lemmas';
import { benchSrs } from './bench-srs';
import { median, ms } from './bench-utils';

const library = readLibrary(join(import.meta.dirname, '..'));
const [entry] = library;
const articleWords = entry.article.sentences.reduce((n, s) => n + s.tokens.length, 0);

console.log('Deck building (curated + automatic cards, parse included for synthetic texts)');
const deckTime = median(15, () => buildDeck(library), 1);
console.log(
	`  article (${articleWords} words, ${buildDeck(library).cards.length} cards): ${ms(deckTime)}  target < 100 ms`
);

/** The article's body paragraphs repeated until the text has about `words` words. */
function syntheticText(words: number): string {
	const paragraphs = entry.article.paragraphs
		.filter((p) => p.role === 'body')
		.map((p) => entry.article.body.slice(p.start, p.end));
	const out: string[] = [];
	let count = 0;
	for (let i = 0; count < words; i++) {
		const paragraph = paragraphs[i % paragraphs.length];
		out.push(paragraph);
		count += paragraph.split(/\s+/u).length;
	}
	return out.join('\n\n');
}

const sizes = [12_500, 25_000, 50_000];
const perWord: number[] = [];
for (const words of sizes) {
	const text = syntheticText(words);
	const meta = { title: 'Sintetico', author: '', language: 'it' as const, description: '' };
	const time = median(3, () =>
		buildDeck([
			{
				article: buildArticle('synthetic.md', 'sintetico', meta, text),
				facts: [],
				translation: new Map()
			}
		])
	);
	perWord.push(time / words);
	console.log(`  synthetic ${words.toLocaleString('en')} words: ${ms(time)}`);
}
const growth = perWord[2] / perWord[0];
console.log(
	`  cost per word at 50,000 / at 12,500 words: ${growth.toFixed(2)} (1.0 = linear; above ~1.5 would mean worse than linear)`
);

console.log('');
benchLemmas();
console.log('');
benchSrs();
console.log('');
benchReport();
console.log('');
await benchClassroom();
