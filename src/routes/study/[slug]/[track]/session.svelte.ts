/* eslint-disable svelte/prefer-svelte-reactivity -- maps and dates here are replaced, never
   mutated (`$state.raw`), so the plain built-ins are right and cheaper. */
/**
 * One study session of one track: the queue, the card on screen, ratings and undo. Every rating is
 * written to this browser's progress (`Progress`, IndexedDB) before the next card shows, so a
 * reload or a closed tab loses nothing.
 */
import type { Card } from '$lib/cards/types';
import { gradeCard, type AnswerResult } from '$lib/quiz/check';
import { studiedCards, wordOf } from '$lib/srs/deck-counts';
import { easiestFirst, inTurns } from '$lib/srs/order';
import { buildQueue, type Queue } from '$lib/srs/queue';
import {
	addExtraNew,
	customNext,
	extraKey,
	extraNewToday,
	missedThisWeek,
	reviewAhead,
	type CustomKind,
	type LearnerDay
} from '$lib/srs/custom';
import { createScheduler, type Rating, type PreviewItem } from '$lib/srs/scheduler';
import { dayNumber, startOfDay } from '$lib/srs/day';
import { reviewsSince } from '$lib/srs/log';
import type { Clock, Progress, ProgressStatus } from '$lib/storage/progress.svelte';
import type { ReviewRecord, StateRecord, WordRecord } from '$lib/storage/records';

/** Suggested rating from a graded answer: wrong → Again, a slip → Hard, right → Good. */
const SUGGESTED: Record<AnswerResult['verdict'], Rating> = {
	wrong: 'again',
	close: 'hard',
	correct: 'good'
};

/**
 * Words marked "study next" in the reader are introduced before the other new words, their
 * easier cards first (known ones are already out: `studiedCards`). Cards picked from a classroom
 * quiz come first too, with their siblings (the same fact or word).
 */
function markedFirst(
	cards: Card[],
	words: ReadonlyMap<string, WordRecord>,
	picks: ReadonlyMap<string, unknown>
): Card[] {
	if (words.size === 0 && picks.size === 0) return cards;
	const picked = new Set(cards.filter((card) => picks.has(card.id)).map((card) => card.sibling));
	const first = (card: Card) =>
		words.get(wordOf(card) ?? '')?.status === 'next' || picked.has(card.sibling);
	return [...easiestFirst(cards.filter(first)), ...cards.filter((card) => !first(card))];
}

export interface SessionOptions {
	/** The time of ratings and of the queue (tests pass their own). */
	clock: Clock;
	/** The Italian voice for listening cards, or null (in the browser: `italianVoice`). */
	findVoice: () => Promise<SpeechSynthesisVoice | null>;
	/** IANA zone of the learner's day; defaults to this browser's zone. */
	timeZone?: string;
}

interface UndoEntry {
	previous: StateRecord | null;
	cardId: string;
	reviewId: number;
}

export class StudySession {
	revealed = $state(false);
	result = $state<AnswerResult | null>(null);
	saving = $state(false);
	/** What failed last: a rating that could not be stored, or an undo (the reason: `problem`). */
	failed = $state<'rate' | 'undo' | null>(null);
	now = $state(new Date(0));
	/** The last rating was not stored: another tab had rated the card (the session moved on). */
	ratedElsewhere = $state(false);
	/** When the session opened (its time spent counts from here). */
	startedAt = $state(new Date(0));
	/** The Italian voice for listening cards; null when the browser has none. */
	voice = $state.raw<SpeechSynthesisVoice | null>(null);

	#progress: Progress;
	#clock: Clock;
	#findVoice: SessionOptions['findVoice'];
	#timeZone: string;
	#opened = $state(false);
	#cards = $state.raw<Card[]>([]);
	#byId = new Map<string, Card>();
	#undo = $state.raw<UndoEntry[]>([]);
	/**
	 * Reviews of the learner's day: filtered from the whole log once, when the session opens, then
	 * kept in step by each rating and undo (filtering 200,000 reviews costs as much as the queue,
	 * too much to repeat after every rating). A longer list is safe: the queue ignores other days.
	 */
	#today = $state.raw<ReviewRecord[]>([]);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#unsubscribe: (() => void) | undefined;
	/**
	 * The card being answered and its state when it was shown: it stays on screen if another tab
	 * rates it meanwhile, and its rating is stored only if the state on disk is still that one.
	 */
	#shown = $state.raw<{ card: Card; from: StateRecord | null } | null>(null);

	constructor(cards: Card[], progress: Progress, { clock, findVoice, timeZone }: SessionOptions) {
		this.#timeZone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
		this.#cards = cards;
		this.#byId = new Map(cards.map((card) => [card.id, card]));
		this.#progress = progress;
		this.#clock = clock;
		this.#findVoice = findVoice;
		this.now = clock();
	}

	/** Ready once progress is read again and the voice looked for. */
	get status(): ProgressStatus {
		const status = this.#progress.status;
		return status === 'ready' && !this.#opened ? 'loading' : status;
	}
	/** Why storage is unavailable, or why the last rating or undo failed (see `failed`). */
	get problem(): string | null {
		return this.#progress.problem;
	}

	/** The custom session under way (review ahead, missed this week), or null. */
	custom = $state.raw<{ kind: CustomKind; ids: string[]; afterId: number } | null>(null);

	#day = $derived.by((): LearnerDay => ({
		now: this.now,
		dayStartHour: this.#progress.settings.dayStartHour,
		timeZone: this.#timeZone
	}));
	#key = $derived(extraKey(this.#cards[0]?.source.article ?? '', this.#cards[0]?.track ?? ''));
	/** New cards added to today's limit by "more new cards today". */
	extraNew = $derived.by(() =>
		extraNewToday(this.#progress.settings.extraNew, this.#key, this.#day)
	);
	#ordinary = $derived.by(() =>
		buildQueue({
			cards: this.#cards,
			states: this.#progress.states,
			todaysLog: this.#today,
			settings: this.#progress.settings,
			now: this.now,
			track: this.#cards[0]?.track ?? 'facts',
			timeZone: this.#timeZone,
			extraNew: this.extraNew
		})
	);
	/** Cards a custom session is left with (0 when none is under way). */
	#customLeft = $derived.by(() => {
		const custom = this.custom;
		if (!custom) return { next: null, left: 0 };
		// Reviews are numbered in the order they are stored: those after the start are the session's.
		const rated = new Set(
			this.#today.filter((r) => (r.id ?? -1) > custom.afterId).map((r) => r.cardId)
		);
		return customNext(custom.ids, rated);
	});
	/** Whether the cards shown are a custom session's (it ends when none is left). */
	customActive = $derived(this.#customLeft.next !== null);
	/** The ordinary queue, or the custom session's cards (all counted as reviews) while any are left. */
	queue = $derived.by((): Queue => {
		const { next, left } = this.#customLeft;
		if (next === null) return this.#ordinary;
		return { next, counts: { new: 0, learning: 0, review: left }, nextDueAt: null, nextDay: null };
	});
	/** Review cards due in the next `days` learner days (for "review ahead"). */
	ahead(days: number): string[] {
		const ids = this.#cards.map((card) => card.id);
		return reviewAhead(ids, this.#progress.states, days, this.#day);
	}
	/** Cards rated Again in the last seven learner days that are not due today anyway. */
	missed = $derived.by(() =>
		missedThisWeek(
			this.#cards.map((card) => card.id),
			this.#progress.states,
			this.#progress.reviews,
			this.#day
		)
	);
	card = $derived(
		this.#shown?.card ?? (this.queue.next ? (this.#byId.get(this.queue.next) ?? null) : null)
	);
	/** This session's reviews (rated in this tab since it opened, not undone), oldest first. */
	reviews = $derived.by(() => {
		const ids = new Set(this.#undo.map((entry) => entry.reviewId));
		return this.#today.filter((review) => review.id !== undefined && ids.has(review.id));
	});
	scheduler = $derived.by(() =>
		createScheduler(this.#progress.settings, { timeZone: this.#timeZone })
	);
	preview = $derived.by((): Record<Rating, PreviewItem> | null => {
		if (!this.card) return null;
		const state =
			this.#progress.states.get(this.card.id) ?? this.scheduler.newState(this.card.id, this.now);
		return this.scheduler.preview(state, this.now);
	});
	suggested = $derived<Rating>(this.result ? SUGGESTED[this.result.verdict] : 'good');
	canUndo = $derived(this.#undo.length > 0 && !this.saving);
	/**
	 * When the queue is empty: a learning card later today, else the learner day on which the next
	 * card is there (the queue's `nextDay`: tomorrow when a limit or burying held cards back, never a
	 * past day, which the earliest saved due date was when such cards were overdue).
	 */
	nextDue = $derived<Date | null>(this.queue.nextDueAt ?? this.queue.nextDay);

	/** Reads progress again (another tab may have studied) and looks for a voice, together. */
	async open(): Promise<void> {
		// Listening cards need an Italian voice; without one they are left out, not failed.
		const [voice] = await Promise.all([this.#findVoice(), this.#progress.refresh()]);
		this.voice = voice;
		const today = dayNumber(this.#clock(), this.#progress.settings.dayStartHour, this.#timeZone);
		const { words, marks } = this.#progress;
		let cards = studiedCards(this.#cards, words, voice !== null, marks, today);
		// Dealt again for this learner's daily limit, so that a note's siblings sit a day apart.
		const track = cards[0]?.track ?? 'facts';
		cards = inTurns(cards, this.#progress.settings.limits[track].newPerDay);
		this.#cards = markedFirst(cards, this.#progress.words, this.#progress.picks);
		this.now = this.#clock();
		this.startedAt = this.now;
		this.#readToday();
		this.#opened = true;
		this.#wakeForLearning();
		// Another tab's ratings count here too, so both show the same counts.
		this.#unsubscribe = this.#progress.onRemoteChange((change) => {
			if (change.kind === 'review') this.#today = [...this.#today, change.review];
			else if (change.kind === 'undo')
				this.#today = this.#today.filter((review) => review.id !== change.reviewId);
			else this.#readToday();
			this.now = this.#clock();
			this.#wakeForLearning();
		});
	}

	/** "More new cards today": raises today's new-card limit of this article and track by `count`. */
	async moreNew(count: number): Promise<void> {
		const settings = this.#progress.settings;
		const extraNew = addExtraNew(settings.extraNew, this.#key, count, this.#day);
		await this.#progress.saveSettings({ ...settings, extraNew });
		this.#next(this.#clock());
	}

	/** Starts a custom session of `ids` (from `ahead` or `missed`); rated cards are rescheduled. */
	startCustom(kind: CustomKind, ids: string[]): void {
		const afterId = this.#today.reduce((max, review) => Math.max(max, review.id ?? -1), -1);
		this.custom = ids.length > 0 ? { kind, ids, afterId } : null;
		this.#next(this.#clock());
	}

	/** Leaves the custom session for the ordinary queue (the card on screen is not rated). */
	endCustom(): void {
		this.custom = null;
		this.#next(this.#clock());
	}

	close(): void {
		clearTimeout(this.#timer);
		this.#unsubscribe?.();
	}

	#readToday(): void {
		const dayStart = startOfDay(this.now, this.#progress.settings.dayStartHour, this.#timeZone);
		this.#today = reviewsSince(this.#progress.reviews, dayStart);
	}

	#show(card: Card): void {
		if (this.#shown?.card.id !== card.id)
			this.#shown = { card, from: this.#progress.states.get(card.id) ?? null };
	}

	/** Grades a typed or chosen answer, then shows the answer side. */
	answer(given: string): void {
		if (!this.card || this.revealed) return;
		this.#show(this.card);
		this.result = gradeCard(this.card, given);
		this.revealed = true;
	}

	reveal(): void {
		if (!this.card) return;
		this.#show(this.card);
		this.revealed = true;
	}

	/** Rates the card on screen; resolves once the rating is stored (or failed, and the card stays). */
	async rate(rating: Rating): Promise<void> {
		const card = this.card;
		if (!card || !this.revealed || this.saving || this.status !== 'ready') return;
		this.saving = true;
		const now = this.#clock();
		const previous =
			this.#shown?.card.id === card.id
				? this.#shown.from
				: (this.#progress.states.get(card.id) ?? null);
		const where = { track: card.track, article: card.source.article };
		const current = previous ?? { ...this.scheduler.newState(card.id, now), ...where };
		const { state, log } = this.scheduler.rate(current, rating, now);
		const review: ReviewRecord = { ...log, ...where };
		try {
			const reviewId = await this.#progress.saveReview({ ...state, ...where }, review, previous);
			this.failed = null;
			this.ratedElsewhere = reviewId === null;
			if (reviewId === null) {
				// Nothing stored: the snapshot is what the other tab left; go on from there.
				this.#readToday();
				this.#next(now);
				return;
			}
			this.#today = [...this.#today, { ...review, id: reviewId }];
			this.#undo = [...this.#undo, { previous, cardId: card.id, reviewId }];
			this.#next(now);
		} catch {
			this.failed = 'rate';
		} finally {
			this.saving = false;
		}
	}

	/** Takes back the last rating: the card returns exactly as it was before it. */
	async undo(): Promise<boolean> {
		const entry = this.#undo.at(-1);
		if (!entry || this.saving || this.status !== 'ready') return false;
		this.saving = true;
		try {
			await this.#progress.undoReview(entry.previous, entry.cardId, entry.reviewId);
			this.#today = this.#today.filter((review) => review.id !== entry.reviewId);
			this.#undo = this.#undo.slice(0, -1);
			this.failed = null;
			this.ratedElsewhere = false;
			this.#next(this.#clock());
			return true;
		} catch {
			this.failed = 'undo';
			return false;
		} finally {
			this.saving = false;
		}
	}

	#next(now: Date): void {
		this.#shown = null;
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
		const wait = Math.max(0, at - this.#clock().getTime()) + 500;
		this.#timer = setTimeout(() => (this.now = this.#clock()), wait);
	}
}
