/**
 * The reader's words by keyboard, after the WAI-ARIA APG roving tabindex pattern: a paragraph is
 * one tab stop (its last focused word, at first its first), and inside it the arrow keys move
 * from word to word, Home and End to its first and last. Without this, Tab stopped at every word
 * of the article (847 on the curated one) before reaching anything after it.
 * @see https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/#kbd_roving_tabindex
 */

/** The element that holds one roving group of words. */
export const GROUP = '[data-words]';
export const WORD = '.word';
/** "I know the rest of this paragraph": after the last word, reached with the Right arrow. */
export const REST = '[data-rest]:not(:disabled)';

const STEP: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

/**
 * Moves the focus to another word of the same paragraph when the key asks for it; returns
 * whether it did (the caller then prevents the key's default, the page's scrolling).
 */
export function moveAmongWords(event: KeyboardEvent): boolean {
	const word = event.target;
	if (!(word instanceof HTMLElement) || !word.matches(`${WORD}, ${REST}`)) return false;
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
	const group = word.closest(GROUP);
	const words = [...(group?.querySelectorAll<HTMLElement>(WORD) ?? [])];
	// Home and End go to the first and last word; the arrows also reach the paragraph's button.
	const items = [...words, ...(group?.querySelectorAll<HTMLElement>(REST) ?? [])];
	const at = items.indexOf(word);
	const step = STEP[event.key];
	const to =
		event.key === 'Home'
			? 0
			: event.key === 'End'
				? words.length - 1
				: step !== undefined
					? Math.min(items.length - 1, Math.max(0, at + step))
					: null;
	if (to === null || at < 0 || to < 0) return false;
	items[to].focus();
	return true;
}

/**
 * On a phone the word panel is a sheet along the bottom edge, over the text: the page scrolls
 * so that the word tapped stays visible just above it.
 */
export function keepAboveSheet(word: Element, sheet: Element) {
	const GAP = 16;
	const wordBox = word.getBoundingClientRect();
	const sheetTop = sheet.getBoundingClientRect().top;
	if (wordBox.bottom + GAP > sheetTop) window.scrollBy({ top: wordBox.bottom + GAP - sheetTop });
	else if (wordBox.top < GAP) window.scrollBy({ top: wordBox.top - GAP });
}
