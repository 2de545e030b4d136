/**
 * The card browser's state: the filters, the page, the card open in the detail panel, and the
 * actions on it, written through this browser's progress (`Progress`) so that the study page, the
 * home counts and the statistics see them at once.
 */
import { dayNumber, startOfNextDay } from '$lib/srs/day';
import {
	browse,
	indexCards,
	NO_FILTER,
	pageOf,
	type BrowseCard,
	type BrowseFilter,
	type Sort
} from '$lib/srs/browse';
import { buryUntil, isEmptyMark, type Flag } from '$lib/srs/marks';
import type { Clock, Progress } from '$lib/storage/progress.svelte';
import type { MarkRecord, ReviewRecord } from '$lib/storage/records';

/** Cards per page: enough to scan, few enough for a phone to draw at once. */
export const PAGE_SIZE = 50;

export class CardBrowser {
	filter = $state<BrowseFilter>({ ...NO_FILTER });
	sort = $state<Sort>('deck');
	page = $state(0);
	/** The card open in the detail panel. */
	selectedId = $state<string | null>(null);
	/** The last action's outcome, announced to screen readers. */
	notice = $state('');

	#progress: Progress;
	#clock: Clock;
	#timeZone: string;
	#cards = $state.raw<ReturnType<typeof indexCards>>([]);
	// Replaced, never mutated: a plain Date is right.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#now = $state(new Date(0));

	constructor(cards: readonly BrowseCard[], progress: Progress, clock: Clock, timeZone?: string) {
		this.#cards = indexCards(cards);
		this.#progress = progress;
		this.#clock = clock;
		this.#timeZone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
		this.#now = clock();
	}

	get progress(): Progress {
		return this.#progress;
	}

	/** The learner's day, for burials and "due today". */
	context = $derived.by(() => {
		const hour = this.#progress.settings.dayStartHour;
		return {
			states: this.#progress.states,
			marks: this.#progress.marks,
			today: dayNumber(this.#now, hour, this.#timeZone),
			dayEnd: startOfNextDay(this.#now, hour, this.#timeZone).getTime()
		};
	});

	found = $derived.by(() => browse(this.#cards, this.filter, this.sort, this.context));
	shown = $derived(pageOf(this.found, this.page, PAGE_SIZE));
	selected = $derived(this.#cards.find((card) => card.id === this.selectedId) ?? null);
	/** The selected card's reviews, oldest first. */
	history = $derived.by((): ReviewRecord[] => {
		const id = this.selectedId;
		if (id === null) return [];
		return this.#progress.reviews
			.filter((review) => review.cardId === id)
			.sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
	});

	/** Changes a filter and goes back to the first page (the old page may no longer exist). */
	setFilter(change: Partial<BrowseFilter>): void {
		this.filter = { ...this.filter, ...change };
		this.page = 0;
	}

	clearFilters(): void {
		this.filter = { ...NO_FILTER };
		this.page = 0;
	}

	/** Reads progress again (another tab may have studied) and the clock. */
	async refresh(): Promise<void> {
		await this.#progress.refresh();
		this.#now = this.#clock();
	}

	#mark(id: string): MarkRecord {
		const card = this.#cards.find((c) => c.id === id);
		return (
			this.#progress.marks.get(id) ?? {
				id,
				track: card?.track ?? 'facts',
				suspended: false,
				buriedUntil: null,
				flag: null
			}
		);
	}

	async #save(mark: MarkRecord, notice = ''): Promise<void> {
		this.#now = this.#clock();
		const today = dayNumber(this.#now, this.#progress.settings.dayStartHour, this.#timeZone);
		// A mark that says nothing any more is removed, so the store holds only live marks.
		await this.#progress.setMark(mark.id, isEmptyMark(mark, today) ? null : mark);
		this.notice = notice;
	}

	setSuspended(id: string, suspended: boolean, notice: string): Promise<void> {
		return this.#save({ ...this.#mark(id), suspended }, notice);
	}

	/** Buries a card until the learner's next day starts (`null`: unburies it). */
	setBuried(id: string, buried: boolean, notice: string): Promise<void> {
		const until = buried
			? buryUntil(this.#clock(), this.#progress.settings.dayStartHour, this.#timeZone)
			: null;
		return this.#save({ ...this.#mark(id), buriedUntil: until }, notice);
	}

	setFlag(id: string, flag: Flag | null, notice: string): Promise<void> {
		return this.#save({ ...this.#mark(id), flag }, notice);
	}

	async forget(id: string, notice: string): Promise<void> {
		await this.#progress.forgetCard(id);
		this.#now = this.#clock();
		this.notice = notice;
	}
}
