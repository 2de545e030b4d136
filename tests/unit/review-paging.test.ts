import { describe, expect, it } from 'vitest';
import { pagesOf, reviewPage } from '../../src/routes/texts/[id]/review/paging';
import type { ReviewGroup } from '../../src/routes/texts/[id]/review/view';

/** `count` sentences, `perParagraph` to a paragraph, each with two cards and three words. */
function groups(count: number, perParagraph: number): ReviewGroup[] {
	return Array.from({ length: count }, (_, i) => ({
		sentence: {
			id: `s${i}`,
			text: `Frase ${i}.`,
			number: i + 1,
			paragraph: Math.floor(i / perParagraph)
		},
		cards: [{}, {}] as ReviewGroup['cards'],
		words: [{}, {}, {}] as ReviewGroup['words']
	}));
}

describe('the review list of a long text, a page at a time', () => {
	it('keeps a short text on one page', () => {
		expect(reviewPage(groups(12, 3), 1).pages).toEqual([{ page: 1, first: 1, last: 12 }]);
	});

	it('sends no page heavier than the limit, and every sentence once, in order', () => {
		const all = groups(320, 4);
		const pages = pagesOf(all, 80);
		expect(pages.length).toBeGreaterThan(20);
		for (const page of pages) expect(page.length * 6).toBeLessThanOrEqual(80);
		expect(pages.flat().map((g) => g.sentence.id)).toEqual(all.map((g) => g.sentence.id));
	});

	it('ends a well-filled page where a paragraph ends', () => {
		// 12 sentences fill 72 of 80 (over three quarters): the page closes at the paragraph's end.
		const pages = pagesOf(groups(40, 6), 80);
		expect(pages[0].at(-1)!.sentence.number).toBe(12);
		// Without a paragraph's end, a page closes when the next sentence would not fit.
		expect(pagesOf(groups(40, 40), 80)[0]).toHaveLength(13);
	});

	it('names each page by its sentences and shows the nearest page for one out of range', () => {
		const view = reviewPage(groups(320, 4), 999, 80);
		expect(view.page).toBe(view.pages.length);
		expect(view.groups[0].sentence.number).toBe(view.pages.at(-1)!.first);
		expect(reviewPage(groups(320, 4), Number('x'), 80).page).toBe(1);
		const { pages } = reviewPage(groups(320, 4), 1, 80);
		for (const [i, link] of pages.entries()) {
			if (i > 0) expect(link.first).toBe(pages[i - 1].last + 1);
		}
	});
});
