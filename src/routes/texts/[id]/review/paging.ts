/**
 * The review list of a long text in pages, and the jump list that names each page by its
 * sentences. A 10,000-word text has about 320 sentences with 600 cards and 1,600 words: sent at
 * once, its list was 1.8 MB of HTML and as many form fields. A page is weighed by what it lists
 * (a sentence, each card, each word: every one is a form or two) and closed at a paragraph's end
 * once it is well filled, or mid-paragraph when it is full.
 */
import type { ReviewGroup } from './view';

/** What a page may list: sentences, cards and words together. A short text is one page. */
export const PAGE_WEIGHT = 120;

export interface PageLink {
	page: number;
	/** The numbers of its first and last sentences. */
	first: number;
	last: number;
}

const weightOf = (group: ReviewGroup) => 1 + group.cards.length + group.words.length;

/** The groups split into pages (never an empty one: a text with no sentence has one empty page). */
export function pagesOf(groups: readonly ReviewGroup[], weight = PAGE_WEIGHT): ReviewGroup[][] {
	const pages: ReviewGroup[][] = [[]];
	let filled = 0;
	for (const [i, group] of groups.entries()) {
		const newParagraph = i > 0 && groups[i - 1].sentence.paragraph !== group.sentence.paragraph;
		const full = filled + weightOf(group) > weight || (newParagraph && filled >= weight * 0.75);
		if (full && pages.at(-1)!.length > 0) {
			pages.push([]);
			filled = 0;
		}
		pages.at(-1)!.push(group);
		filled += weightOf(group);
	}
	return pages;
}

/** One page of the list and the links to every page; a page out of range shows the nearest one. */
export function reviewPage(
	groups: readonly ReviewGroup[],
	requested: number,
	weight = PAGE_WEIGHT
) {
	const pages = pagesOf(groups, weight);
	const page = Math.min(Math.max(Math.trunc(requested) || 1, 1), pages.length);
	const links: PageLink[] = pages.map((list, i) => ({
		page: i + 1,
		first: list[0]?.sentence.number ?? 0,
		last: list.at(-1)?.sentence.number ?? 0
	}));
	return { page, groups: pages[page - 1], pages: links };
}
