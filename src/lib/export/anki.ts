/**
 * An Anki collection as data, before it is written: decks, one note (and one card) per Ripasso
 * card, each card's schedule and its review log, in the units of Anki's legacy collection
 * (schema 11, what every Anki importer reads). Pure: the server's writer adds ids, hashes and
 * SQLite (`$lib/server/export/apkg`).
 * @see https://github.com/ankidroid/Anki-Android/wiki/Database-Structure
 */
import type { Card, Track } from '$lib/cards/types';
import type { Deck } from '$lib/deck/deck';
import { State } from '$lib/srs/scheduler';
import { readReview, readState, type CardHistory, type CardNow, type PastReview } from './history';

const DAY = 86_400_000;

/** The note type's fields, in order (the first is the sort field). */
export const NOTE_FIELDS = ['Prompt', 'Answer', 'Sentence', 'Link'] as const;

/** A card's place in Anki's scheduler (`cards` columns). */
export interface AnkiSchedule {
	/** 0 new, 1 learning, 2 review, 3 relearning. */
	type: 0 | 1 | 2 | 3;
	/** 0 new, 1 learning (due in seconds), 2 review (due in days), 3 learning across days. */
	queue: 0 | 1 | 2 | 3;
	/** New: position; review and queue 3: days since the collection's `crt`; queue 1: Unix seconds. */
	due: number;
	/** Days. */
	ivl: number;
	/** Ease in permille (SM-2's; FSRS keeps its own state in `data`). */
	factor: number;
	reps: number;
	lapses: number;
	left: number;
	/** `{"s","d"}`: FSRS stability and difficulty, as Anki stores them; empty for a new card. */
	data: string;
}

/** One review (`revlog` columns but the card id). */
export interface AnkiReview {
	/** When, in ms: Anki's revlog id (unique in the collection). */
	id: number;
	/** 1 again, 2 hard, 3 good, 4 easy. */
	ease: number;
	/** Interval given: days when positive, seconds when negative (learning steps). */
	ivl: number;
	lastIvl: number;
	/** FSRS: the difficulty, shifted to 100–1100 as Anki logs it. */
	factor: number;
	/** Time taken, ms: not recorded here. */
	time: number;
	/** 0 learning, 1 review, 2 relearning. */
	type: 0 | 1 | 2;
}

export interface AnkiNote {
	/** The Ripasso card id: what the note's guid is made from, so a re-import updates it. */
	key: string;
	deck: string;
	fields: string[];
	tags: string[];
	schedule: AnkiSchedule;
	reviews: AnkiReview[];
}

export interface AnkiCollection {
	/** The collection's creation, Unix seconds at a UTC midnight: review dues count days from it. */
	crt: number;
	/** When it was written, ms. */
	now: number;
	decks: string[];
	notes: AnkiNote[];
}

export interface AnkiOptions {
	/** The site's origin, for links back to the reader (`https://ripasso.example`). */
	origin: string;
	now: Date;
}

const TRACK_DECKS: Record<Track, string> = { facts: 'Facts', vocab: 'Vocabulary' };

/**
 * The deck of an article's track: `Ripasso::<title>::Facts`. `::` makes a subdeck in Anki, so a
 * title's own `::` is written `:`. The names are English whatever the UI language, so that a
 * second export lands in the same decks.
 */
export function deckName(title: string, track: Track): string {
	const clean = title.replaceAll('::', ':').replace(/\s+/gu, ' ').trim();
	return `Ripasso::${clean}::${TRACK_DECKS[track]}`;
}

/**
 * The cards an export carries: all but listening cards, whose prompt is the word they ask for
 * (Ripasso speaks it; a text flashcard would show its own answer).
 */
export function exportableCards(deck: Deck): Card[] {
	return deck.cards.filter((card) => card.type !== 'listening');
}

// Anki separates a note's fields with U+001F: one inside a field would shift the others.
const escapeHtml = (text: string) =>
	text
		.replaceAll('\x1f', ' ')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;');

/** The link back to the card's sentence in the reader. */
export function readerLink(origin: string, card: Card): string {
	const base = origin.replace(/\/+$/u, '');
	return `${base}/read/${encodeURIComponent(card.source.article)}#${encodeURIComponent(card.source.sentence)}`;
}

/**
 * A card's note fields (HTML, as Anki stores them): the prompt with its choices, the answer with
 * the card's remark, the source sentence, the link back to the reader.
 */
export function noteFields(card: Card, origin: string): string[] {
	const choices =
		card.options.length > 0
			? `<ul>${card.options.map((option) => `<li>${escapeHtml(option)}</li>`).join('')}</ul>`
			: '';
	const note = card.note ? `<div class="note">${escapeHtml(card.note.it)}</div>` : '';
	return [
		escapeHtml(card.prompt) + choices,
		escapeHtml(card.answer) + note,
		escapeHtml(card.source.text),
		escapeHtml(readerLink(origin, card))
	];
}

const REVIEW_TYPE: Record<State, AnkiReview['type']> = {
	[State.New]: 0,
	[State.Learning]: 0,
	[State.Review]: 1,
	[State.Relearning]: 2
};

/** FSRS difficulty 1–10 as Anki logs it in `revlog.factor`: 100–1100. */
const shiftedDifficulty = (difficulty: number) => Math.round(((difficulty - 1) / 9 + 0.1) * 1000);

/**
 * A card's reviews as Anki review log rows, oldest first. A learning step's interval is the time
 * to the due it gave (the next review's previous due, or the card's due for the last one), in
 * negative seconds as Anki writes it. `taken` holds the revlog ids already used: two reviews in
 * the same millisecond get consecutive ids.
 */
export function reviewRows(
	reviews: readonly PastReview[],
	now: CardNow | undefined,
	taken: Set<number>
): AnkiReview[] {
	const sorted = [...reviews].sort((a, b) => a.at - b.at);
	let lastIvl = 0;
	return sorted.map((review, i) => {
		const nextDue = i + 1 < sorted.length ? sorted[i + 1].previousDue : now?.due;
		const ivl =
			review.scheduledDays > 0
				? review.scheduledDays
				: nextDue === undefined
					? 0
					: -Math.max(1, Math.round((nextDue - review.at) / 1000));
		let id = review.at;
		while (taken.has(id)) id++;
		taken.add(id);
		const row: AnkiReview = {
			id,
			ease: review.ease,
			ivl,
			lastIvl,
			factor: shiftedDifficulty(review.difficulty),
			time: 0,
			type: REVIEW_TYPE[review.previousState]
		};
		lastIvl = ivl;
		return row;
	});
}

/**
 * A card's schedule in Anki's terms, from its FSRS state (none: new, at `position`).
 *
 * @param crt the collection's creation (ms at a UTC midnight): review dues count days from it
 */
export function scheduleOf(now: CardNow | undefined, position: number, crt: number): AnkiSchedule {
	if (!now || now.state === State.New) {
		return {
			type: 0,
			queue: 0,
			due: position,
			ivl: 0,
			factor: 0,
			reps: 0,
			lapses: 0,
			left: 0,
			data: ''
		};
	}
	const data = JSON.stringify({ s: now.stability, d: now.difficulty });
	const day = Math.floor((now.due - crt) / DAY);
	const common = { factor: 2500, reps: now.reps, lapses: now.lapses, data };
	if (now.state === State.Review) {
		return { ...common, type: 2, queue: 2, due: day, ivl: Math.max(1, now.scheduledDays), left: 0 };
	}
	const type = now.state === State.Learning ? 1 : 3;
	// Steps under a day are due at a time (queue 1), longer ones on a day (queue 3).
	const queue = now.scheduledDays >= 1 ? 3 : 1;
	const due = queue === 3 ? day : Math.floor(now.due / 1000);
	const ivl = type === 3 ? Math.max(1, now.scheduledDays) : 0;
	return { ...common, type, queue, due, ivl, left: 1001 };
}

/**
 * The collection of some articles' decks: one deck per article and track, one note per card
 * (listening cards left out), each with its schedule and review log from `history` (a review of
 * a card not in the deck is left out).
 */
export function ankiCollection(
	deck: Deck,
	history: readonly CardHistory[],
	options: AnkiOptions
): AnkiCollection {
	const byId = new Map(history.map((card) => [card.id, card]));
	const now = options.now.getTime();
	const cards = exportableCards(deck);
	let earliest = now;
	for (const card of cards) {
		for (const [at] of byId.get(card.id)?.reviews ?? []) earliest = Math.min(earliest, at);
	}
	const crtMs = Math.floor(earliest / DAY) * DAY;
	const titles = new Map(deck.articles.map((article) => [article.slug, article.title]));
	const decks: string[] = [];
	const taken = new Set<number>();
	const notes = cards.map((card, i): AnkiNote => {
		const name = deckName(titles.get(card.source.article) ?? card.source.article, card.track);
		if (!decks.includes(name)) decks.push(name);
		const past = byId.get(card.id);
		const state = past?.state ? readState(past.state) : undefined;
		return {
			key: card.id,
			deck: name,
			fields: noteFields(card, options.origin),
			tags: ['ripasso', card.track, card.type, card.source.article],
			schedule: scheduleOf(state, i + 1, crtMs),
			reviews: reviewRows((past?.reviews ?? []).map(readReview), state, taken)
		};
	});
	return { crt: crtMs / 1000, now, decks, notes };
}
