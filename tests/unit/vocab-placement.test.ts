import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '$lib/deck/deck';
import { vocabCards } from '$lib/vocab/cards';
import {
	placementLevel,
	placementOrder,
	placementPages,
	placementProbes,
	placementSelection,
	restOfParagraph,
	type PlacementWord
} from '$lib/vocab/placement';
import { buildVocabulary } from '$lib/vocab/vocabulary';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { StudySession } from '../../src/routes/study/[slug]/[track]/session.svelte';
import { lexicon, library } from '../helpers/library';
import { freshName, NOW, progressOn } from '../helpers/progress';

const [{ article }] = library;
const vocabulary = buildVocabulary(article, lexicon);
const cards = vocabCards(article, vocabulary, DEFAULT_SEED, 'curated');
const entryOf = (sibling: string) => sibling.split(':vocab:')[1];
const withCards = new Set(cards.map((card) => entryOf(card.sibling)));
const words = placementOrder(vocabulary, withCards);

/** A list of `n` made-up words, `w0` the most frequent. */
const list = (n: number): PlacementWord[] =>
	Array.from({ length: n }, (_, i) => ({ id: `w${i}`, lemma: `w${i}`, pos: 'noun', gloss: null }));

describe('the placement list', () => {
	it('puts the most frequent words of the text first: essere, avere and non on the first page', () => {
		const first = placementPages(words)[0].map((word) => word.lemma);
		expect(first).toHaveLength(50);
		expect(first).toEqual(expect.arrayContaining(['essere', 'avere', 'non']));
		// Every word of the first page occurs more often than any word of the last one.
		const count = (word: PlacementWord) => vocabulary.find((e) => e.id === word.id)!.count;
		const pages = placementPages(words);
		const last = pages.at(-1)!;
		expect(Math.min(...pages[0].map(count))).toBeGreaterThan(Math.max(...last.map(count)));
	});

	it('follows the frequency rank and lists only words that have cards, each once', () => {
		const ranks = words.map((word) => vocabulary.find((e) => e.id === word.id)!.rank);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(new Set(words.map((word) => word.id)).size).toBe(words.length);
		const without = placementOrder(vocabulary, new Set([...withCards].slice(1)));
		expect(without).toHaveLength(words.length - 1);
	});

	it('is cut into pages of 50, the last one shorter', () => {
		const pages = placementPages(list(123));
		expect(pages.map((page) => page.length)).toEqual([50, 50, 23]);
		expect(pages[2][0].id).toBe('w100');
	});
});

describe('the quick placement', () => {
	it('asks one word from the middle of each of ten bands that cover the list', () => {
		const probes = placementProbes(500);
		expect(probes).toHaveLength(10);
		expect(probes[0]).toEqual({ start: 0, end: 50, at: 24 });
		expect(probes[9]).toEqual({ start: 450, end: 500, at: 474 });
		for (let i = 1; i < probes.length; i++) expect(probes[i].start).toBe(probes[i - 1].end);
		// A list of four words asks about each.
		expect(placementProbes(4).map((probe) => probe.at)).toEqual([0, 1, 2, 3]);
	});

	it('reads the answers as a step: known above the level, unknown below it', () => {
		const T = true;
		const F = false;
		expect(placementLevel([T, T, T, T, T, T, T, T, T, T])).toBe(10);
		expect(placementLevel([F, F, F, F, F, F, F, F, F, F])).toBe(0);
		expect(placementLevel([T, T, T, T, T, T, F, F, F, F])).toBe(6);
		// One slip does not move the level: a forgotten frequent word, a lucky rare one.
		expect(placementLevel([T, F, T, T, T, T, F, F, T, F])).toBe(6);
		// A tie goes to the lower level: better a card too many than a word never taught.
		expect(placementLevel([T, F, T, F])).toBe(1);
	});

	it('marks every word above the level, but not a probe answered "don’t know"', () => {
		const all = list(100);
		const probes = placementProbes(all.length);
		// Known: the three most frequent bands (0–29) except the probe of band 2 (w24), and the
		// probe of band 6 (w64), which is below the level.
		const answers = [true, true, false, true, true, false, true, false, false, false];
		expect(placementLevel(answers)).toBe(5);
		const marked = placementSelection(all, probes, answers);
		expect(marked).toContain('w0');
		expect(marked).toContain('w49');
		expect(marked).not.toContain('w24');
		expect(marked).not.toContain('w50');
		expect(marked).toContain('w64');
		expect(marked).toHaveLength(50 - 1 + 1);
		// A word studied already keeps its own standing.
		expect(placementSelection(all, probes, answers, new Set(['w3']))).not.toContain('w3');
	});

	it('marks nothing for a learner who knows none of the words asked', () => {
		const all = list(100);
		expect(placementSelection(all, placementProbes(100), Array(10).fill(false))).toEqual([]);
	});
});

describe('I know the rest of this paragraph', () => {
	it('takes the words neither studied nor marked known, each once', () => {
		const status = { a: 'new', b: 'next', c: 'learning', d: 'known' } as const;
		const rest = restOfParagraph(['a', 'b', 'c', 'd', 'a', 'x'], (id) =>
			id in status ? status[id as keyof typeof status] : null
		);
		expect(rest).toEqual(['a', 'b']);
	});
});

describe('words marked known in the vocabulary study', () => {
	const settings = {
		...DEFAULT_SETTINGS,
		limits: { ...DEFAULT_SETTINGS.limits, vocab: { newPerDay: 9999, reviewsPerDay: 9999 } }
	};
	const start = async (name: string) => {
		const progress = progressOn(name);
		const session = new StudySession(cards, progress, {
			clock: () => NOW,
			findVoice: async () => null
		});
		await session.open();
		return { progress, session };
	};
	const firstPage = placementPages(words)[0].map((word) => word.id);
	const cardsOf = (ids: readonly string[]) =>
		cards.filter((card) => card.type !== 'listening' && ids.includes(entryOf(card.sibling)));

	it('are never shown as new, the new count drops by their cards, and unmarking brings them back', async () => {
		const name = freshName();
		const before = await start(name);
		await before.progress.saveSettings(settings);
		const { session: all } = await start(name);
		const total = all.queue.counts.new;
		expect(firstPage.map((id) => id.split(':')[1])).toContain('essere');
		expect(entryOf(all.card!.sibling)).toBe(firstPage[0]);

		await before.progress.setWordStatuses(firstPage, 'known');
		const { session } = await start(name);
		expect(session.queue.counts.new).toBe(total - cardsOf(firstPage).length);
		// The first card shown is of a word after the first page, never essere, avere or non.
		expect(firstPage).not.toContain(entryOf(session.card!.sibling));
		expect(words.findIndex((w) => w.id === entryOf(session.card!.sibling))).toBeGreaterThanOrEqual(
			50
		);

		// Undo one: essere is new again.
		await before.progress.setWordStatuses(['verb:essere'], null);
		const { session: after } = await start(name);
		expect(after.queue.counts.new).toBe(
			total - cardsOf(firstPage).length + cardsOf(['verb:essere']).length
		);
	});

	it('are stored together, read back by another tab and kept in a backup', async () => {
		const name = freshName();
		const progress = progressOn(name);
		await progress.refresh();
		await progress.setWordStatuses(['verb:essere', 'verb:avere', 'verb:essere'], 'known');
		const other = progressOn(name);
		await other.refresh();
		expect([...other.words.values()].map((w) => [w.id, w.status])).toEqual([
			['verb:avere', 'known'],
			['verb:essere', 'known']
		]);
		const backup = await other.exportBackup();
		expect(backup.words?.map((w) => w.id).sort()).toEqual(['verb:avere', 'verb:essere']);
	});
});
