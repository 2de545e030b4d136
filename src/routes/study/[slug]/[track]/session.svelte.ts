/* eslint-disable svelte/prefer-svelte-reactivity -- maps and dates here are replaced, never
   mutated (`$state.raw`), so the plain built-ins are right and cheaper. */
/**
 * One study session of one track: the queue, the card on screen, ratings and undo. Every rating is
 * written to IndexedDB before the next card shows, so a reload or a closed tab loses nothing.
 */
import type { Card } from '$lib/cards/types';
import { gradeCard, type AnswerResult } from '$lib/quiz/check';
import { italianVoice } from '$lib/components/speech';
import { buildQueue } from '$lib/srs/queue';
import { createScheduler, type Rating, type PreviewItem } from '$lib/srs/scheduler';
import { startOfDay } from '$lib/srs/day';
import { reviewsSince } from '$lib/srs/log';
import { DEFAULT_SETTINGS, type SrsSettings } from '$lib/srs/settings';
import { openProgress, type ProgressStore, type Unreadable } from '$lib/storage/progress';
import type { ReviewRecord, StateRecord, WordRecord } from '$lib/storage/records';

/** Suggested rating from a graded answer: wrong → Again, a slip → Hard, right → Good. */
const SUGGESTED: Record<AnswerResult['verdict'], Rating> = {
	wrong: 'again',
	close: 'hard',
	correct: 'good'
};

/**
 * Words marked in the reader: "known" ones leave the queue, "study next" ones are introduced
 * before the other new words. A vocabulary card's sibling is `<article>:vocab:<entry id>`. Cards
 * picked from a classroom quiz come first too, with their siblings (the same fact or word).
 */
function markedFirst(
	cards: Card[],
	words: ReadonlyMap<string, WordRecord>,
	picks: ReadonlyMap<string, unknown>
): Card[] {
	if (words.size === 0 && picks.size === 0) return cards;
	const picked = new Set(cards.filter((card) => picks.has(card.id)).map((card) => card.sibling));
	const mark = (card: Card) => words.get(card.sibling.split(':vocab:')[1] ?? '')?.status;
	const first = (card: Card) => mark(card) === 'next' || picked.has(card.sibling);
	const kept = cards.filter((card) => mark(card) !== 'known');
	return [...kept.filter(first), ...kept.filter((card) => !first(card))];
}

interface UndoEntry {
	previous: StateRecord | null;
	cardId: string;
	reviewId: number;
}

export class StudySession {
	status = $state<'loading' | 'ready' | 'unavailable'>('loading');
	problem = $state<string | null>(null);
	unreadable = $state<Unreadable[]>([]);
	revealed = $state(false);
	result = $state<AnswerResult | null>(null);
	saving = $state(false);
	now = $state(new Date());

	#cards = $state.raw<Card[]>([]);
	#byId = new Map<string, Card>();
	/** The Italian voice for listening cards; null when the browser has none. */
	voice = $state.raw<SpeechSynthesisVoice | null>(null);
	#store: ProgressStore | null = null;
	#settings = $state.raw<SrsSettings>(DEFAULT_SETTINGS);
	#states = $state.raw(new Map<string, StateRecord>());
	#today = $state.raw<ReviewRecord[]>([]);
	#undo = $state.raw<UndoEntry[]>([]);
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(cards: Card[]) {
		this.#cards = cards;
		this.#byId = new Map(cards.map((card) => [card.id, card]));
	}

	queue = $derived(
		buildQueue({
			cards: this.#cards,
			states: this.#states,
			todaysLog: this.#today,
			settings: this.#settings,
			now: this.now,
			track: this.#cards[0]?.track ?? 'facts'
		})
	);
	card = $derived(this.queue.next ? (this.#byId.get(this.queue.next) ?? null) : null);
	scheduler = $derived(createScheduler(this.#settings));
	preview = $derived.by((): Record<Rating, PreviewItem> | null => {
		if (!this.card) return null;
		const state = this.#states.get(this.card.id) ?? this.scheduler.newState(this.card.id, this.now);
		return this.scheduler.preview(state, this.now);
	});
	suggested = $derived<Rating>(this.result ? SUGGESTED[this.result.verdict] : 'good');
	canUndo = $derived(this.#undo.length > 0 && !this.saving);
	/** When the next card is due after today's queue is empty (learning now, else reviews later). */
	nextDue = $derived.by((): Date | null => {
		if (this.queue.nextDueAt) return this.queue.nextDueAt;
		let earliest = Infinity;
		for (const card of this.#cards) {
			const due = this.#states.get(card.id)?.memory.due;
			const at = due ? Date.parse(due) : Infinity;
			if (at < earliest) earliest = at;
		}
		return earliest === Infinity ? null : new Date(earliest);
	});

	async open(): Promise<void> {
		try {
			// Listening cards need an Italian voice; without one they are left out, not failed.
			this.voice = await italianVoice();
			if (!this.voice) this.#cards = this.#cards.filter((card) => card.type !== 'listening');
			this.#store = await openProgress();
			const snapshot = await this.#store.load();
			this.#cards = markedFirst(this.#cards, snapshot.words, snapshot.picks);
			this.#settings = snapshot.settings;
			this.#states = snapshot.states;
			this.unreadable = snapshot.unreadable;
			this.now = new Date();
			this.#today = reviewsSince(
				snapshot.reviews,
				startOfDay(this.now, this.#settings.dayStartHour)
			);
			this.status = 'ready';
			this.#wakeForLearning();
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
			this.status = 'unavailable';
		}
	}

	close(): void {
		clearTimeout(this.#timer);
		this.#store?.close();
	}

	/** Grades a typed or chosen answer, then shows the answer side. */
	answer(given: string): void {
		if (!this.card || this.revealed) return;
		this.result = gradeCard(this.card, given);
		this.revealed = true;
	}

	reveal(): void {
		if (this.card) this.revealed = true;
	}

	/** Rates the card on screen; resolves once the rating is stored. */
	async rate(rating: Rating): Promise<void> {
		const card = this.card;
		if (!card || !this.revealed || this.saving || !this.#store) return;
		this.saving = true;
		const now = new Date();
		const previous = this.#states.get(card.id) ?? null;
		const where = { track: card.track, article: card.source.article };
		const current = previous ?? { ...this.scheduler.newState(card.id, now), ...where };
		const { state, log } = this.scheduler.rate(current, rating, now);
		const record: StateRecord = { ...state, ...where };
		const review: ReviewRecord = { ...log, ...where };
		try {
			const reviewId = await this.#store.saveReview(record, review);
			this.#states = new Map(this.#states).set(card.id, record);
			this.#today = [...this.#today, { ...review, id: reviewId }];
			this.#undo = [...this.#undo, { previous, cardId: card.id, reviewId }];
			this.problem = null;
			this.#next(now);
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
		} finally {
			this.saving = false;
		}
	}

	/** Takes back the last rating: the card returns exactly as it was before it. */
	async undo(): Promise<void> {
		const entry = this.#undo.at(-1);
		if (!entry || this.saving || !this.#store) return;
		this.saving = true;
		try {
			await this.#store.undoReview(entry.previous, entry.cardId, entry.reviewId);
			const states = new Map(this.#states);
			if (entry.previous) states.set(entry.cardId, entry.previous);
			else states.delete(entry.cardId);
			this.#states = states;
			this.#today = this.#today.filter((review) => review.id !== entry.reviewId);
			this.#undo = this.#undo.slice(0, -1);
			this.#next(new Date());
		} finally {
			this.saving = false;
		}
	}

	#next(now: Date): void {
		this.revealed = false;
		this.result = null;
		this.now = now;
		this.#wakeForLearning();
	}

	// A learning card due in a few minutes should appear by itself when its time comes.
	#wakeForLearning(): void {
		clearTimeout(this.#timer);
		const at = this.queue.nextDueAt?.getTime();
		if (at === undefined) return;
		this.#timer = setTimeout(() => (this.now = new Date()), Math.max(0, at - Date.now()) + 500);
	}
}
