/** Deck building: the curated article, then synthetic texts of growing size (facts track). */
import { buildArticle } from '$lib/content/article';
import type { Library } from '$lib/content/library';
import { buildDeck } from '$lib/deck/deck';
import { syntheticText, wordCount } from './text';
import { median, ms } from './timing';

const SIZES = [12_500, 25_000, 50_000];

export function benchDeck(library: Library): void {
	const [entry] = library;
	console.log('Deck building (curated + automatic cards, parse included for synthetic texts)');
	const deckTime = median(15, () => buildDeck(library), 1);
	console.log(
		`  article (${wordCount(entry.article)} words, ${buildDeck(library).cards.length} cards): ${ms(deckTime)}  target < 100 ms`
	);

	const perWord: number[] = [];
	for (const words of SIZES) {
		const text = syntheticText(entry.article, words);
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
}
