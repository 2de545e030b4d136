/**
 * The card browser's search, filters and order, as in Anki's browser: every card of every article
 * this browser studies or could study, whatever its state. Pure: the states, marks and clock come in.
 *
 * Built for 2,000 cards and more on a phone: each card's searchable text is folded once
 * (`indexCards`), so a keystroke costs one `includes` per card and term.
 */
import type { CardOrigin, CardType, Track } from '$lib/cards/types';
import { isBuried, type CardMark } from '$lib/srs/marks';
import { dueKind } from '$lib/srs/queue';
import { State, type CardState } from '$lib/srs/scheduler';

/** What the browser shows of a card (the server sends it; no options or grading data). */
export interface BrowseCard {
	id: string;
	track: Track;
	type: CardType;
	origin: CardOrigin;
	sibling: string;
	/** The article's slug and title. */
	article: string;
	title: string;
	prompt: string;
	answer: string;
	/** The sentence the card was made from, and its id. */
	sentence: string;
	sentenceId: string;
}

/** A card's place in study: its FSRS state, or new when it has none. */
export type StudyState = 'new' | 'learning' | 'review' | 'relearning';

/** The state filter: a study state, or one of Anki's other searches (`is:suspended`, `is:due`…). */
export const STATE_FILTERS = [
	'all',
	'new',
	'learning',
	'review',
	'relearning',
	'due',
	'suspended',
	'buried',
	'flagged'
] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export const SORTS = ['deck', 'due', 'prompt'] as const;
export type Sort = (typeof SORTS)[number];

export interface BrowseFilter {
	/** Words to find, all of them, in the prompt, answer or sentence; accents and case ignored. */
	query: string;
	/** An article's slug, or `null` for all. */
	article: string | null;
	track: Track | null;
	state: StateFilter;
	/** Only the cards of one sentence (its id), or of one fact or word (its sibling key). */
	sentence: string | null;
	sibling: string | null;
}

export const NO_FILTER: BrowseFilter = {
	query: '',
	article: null,
	track: null,
	state: 'all',
	sentence: null,
	sibling: null
};

/** A card with its text folded for search and its place in the deck. */
export interface IndexedCard extends BrowseCard {
	/** Deck order (the server's order), for the default sort. */
	order: number;
	/** Prompt, answer and sentence, folded (`fold`), one string. */
	haystack: string;
}

/**
 * Text as search compares it: lower case, without accents or other marks (`perché` → `perche`),
 * typographic apostrophes as plain ones, runs of spaces as one.
 */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’‘`´]/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

/** Folds each card's text once, for `browse`. */
export function indexCards(cards: readonly BrowseCard[]): IndexedCard[] {
	return cards.map((card, order) => ({
		...card,
		order,
		haystack: fold(`${card.prompt}\n${card.answer}\n${card.sentence}`)
	}));
}

/** The study state of a card from its saved state (none: new). */
export function studyState(state: CardState | undefined): StudyState {
	switch (state?.memory.state) {
		case State.Learning:
			return 'learning';
		case State.Review:
			return 'review';
		case State.Relearning:
			return 'relearning';
		default:
			return 'new';
	}
}

export interface BrowseContext {
	states: ReadonlyMap<string, CardState>;
	marks: ReadonlyMap<string, CardMark>;
	/** The learner's day number (`dayNumber`), for burials. */
	today: number;
	/** When the learner's next day starts (ms), for "due today" (`startOfNextDay`). */
	dayEnd: number;
}

/** Whether a card passes the state filter. Due today: as the study counts (`dueKind`), unless held. */
export function matchesState(
	card: BrowseCard,
	filter: StateFilter,
	context: BrowseContext
): boolean {
	const mark = context.marks.get(card.id);
	const state = context.states.get(card.id);
	switch (filter) {
		case 'all':
			return true;
		case 'suspended':
			return mark?.suspended === true;
		case 'buried':
			return isBuried(mark, context.today);
		case 'flagged':
			return (mark?.flag ?? null) !== null;
		case 'due':
			return (
				!!state &&
				!mark?.suspended &&
				!isBuried(mark, context.today) &&
				dueKind(state.memory, context.dayEnd) !== null
			);
		default:
			return studyState(state) === filter;
	}
}

/** The cards that pass every filter, in the order asked for (ties in deck order). */
export function browse(
	cards: readonly IndexedCard[],
	filter: BrowseFilter,
	sort: Sort,
	context: BrowseContext
): IndexedCard[] {
	const terms = fold(filter.query).split(' ').filter(Boolean);
	const found = cards.filter(
		(card) =>
			(filter.article === null || card.article === filter.article) &&
			(filter.track === null || card.track === filter.track) &&
			(filter.sentence === null || card.sentenceId === filter.sentence) &&
			(filter.sibling === null || card.sibling === filter.sibling) &&
			terms.every((term) => card.haystack.includes(term)) &&
			matchesState(card, filter.state, context)
	);
	if (sort === 'deck') return found;
	if (sort === 'prompt') {
		const collator = new Intl.Collator('it', { sensitivity: 'base' });
		return found.sort((a, b) => collator.compare(a.prompt, b.prompt) || a.order - b.order);
	}
	// Due: the earliest first, new cards (never due) last.
	const due = (card: IndexedCard) => {
		const memory = context.states.get(card.id)?.memory;
		return memory && memory.state !== State.New ? Date.parse(memory.due) : Infinity;
	};
	const keyed = found.map((card) => ({ card, due: due(card) }));
	keyed.sort((a, b) => (a.due === b.due ? a.card.order - b.card.order : a.due < b.due ? -1 : 1));
	return keyed.map((k) => k.card);
}

/** One page of a list: `page` counts from 0 and is kept inside the list. */
export function pageOf<T>(
	list: readonly T[],
	page: number,
	size: number
): { items: T[]; page: number; pages: number } {
	const pages = Math.max(1, Math.ceil(list.length / size));
	const at = Math.min(Math.max(0, page), pages - 1);
	return { items: list.slice(at * size, (at + 1) * size), page: at, pages };
}
