/**
 * The review list of a long text in pages: whole paragraphs to a page (a page is closed once it
 * holds `size` sentences, so a paragraph is split only when it is longer than a page), and the
 * jump list that names each page by its sentences. A 10,000-word text has about 500 sentences:
 * sent at once, its list is several megabytes of HTML and as many form fields.
 */
import type { ReviewGroup } from './view';

/** Sentences to a page: a short text is one page. */
export const PAGE_SIZE = 30;

export interface PageLink {
	page: number;
	/** The numbers of its first and last sentences. */
	first: number;
	last: number;
}

/** The groups split into pages (never an empty one: a text with no sentence has one empty page). */
export function pagesOf(groups: readonly ReviewGroup[], size = PAGE_SIZE): ReviewGroup[][] {
	const pages: ReviewGroup[][] = [[]];
	for (const [i, group] of groups.entries()) {
		const current = pages.at(-1)!;
		const newParagraph = i > 0 && groups[i - 1].sentence.paragraph !== group.sentence.paragraph;
		if (current.length >= size || (newParagraph && current.length >= size * 0.6)) {
			pages.push([group]);
		} else current.push(group);
	}
	return pages;
}

/** One page of the list and the links to every page; a page out of range shows the last one. */
export function reviewPage(groups: readonly ReviewGroup[], requested: number, size = PAGE_SIZE) {
	const pages = pagesOf(groups, size);
	const page = Math.min(Math.max(Math.trunc(requested) || 1, 1), pages.length);
	const links: PageLink[] = pages.map((list, i) => ({
		page: i + 1,
		first: list[0]?.sentence.number ?? 0,
		last: list.at(-1)?.sentence.number ?? 0
	}));
	return { page, groups: pages[page - 1], pages: links };
}
