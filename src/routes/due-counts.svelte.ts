/* eslint-disable svelte/prefer-svelte-reactivity -- the map of decks is replaced, never mutated
   (`$state.raw`). */
/**
 * The home page's counts: each article's cards, fetched once the page runs in the browser, counted
 * against this browser's progress with the study page's rule (`deckCounts`). The counts follow
 * progress, so a rating in another tab shows here too.
 */
import type { Track } from '$lib/cards/types';
import { startOfDay } from '$lib/srs/day';
import { deckCounts, type CountedCard, type TrackCounts } from '$lib/srs/deck-counts';
import { reviewsSince } from '$lib/srs/log';
import type { Clock, Progress } from '$lib/storage/progress.svelte';

export class DueCounts {
	#progress: Progress;
	#clock: Clock;
	#timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	#decks = $state.raw(new Map<string, readonly CountedCard[]>());
	#voice = $state<boolean | null>(null);
	#now = $state(new Date(0));

	constructor(progress: Progress, clock: Clock) {
		this.#progress = progress;
		this.#clock = clock;
	}

	#todaysLog = $derived.by(() => {
		const { dayStartHour } = this.#progress.settings;
		return reviewsSince(
			this.#progress.reviews,
			startOfDay(this.#now, dayStartHour, this.#timeZone)
		);
	});

	#counts = $derived.by(() => {
		const counts = new Map<string, Record<Track, TrackCounts>>();
		if (this.#voice === null || this.#progress.status !== 'ready') return counts;
		for (const [slug, cards] of this.#decks) {
			counts.set(
				slug,
				deckCounts({
					cards,
					states: this.#progress.states,
					todaysLog: this.#todaysLog,
					settings: this.#progress.settings,
					now: this.#now,
					timeZone: this.#timeZone,
					words: this.#progress.words,
					voice: this.#voice,
					marks: this.#progress.marks
				})
			);
		}
		return counts;
	});

	/** Today's counts of an article per track, or `null` while they are not known. */
	of(slug: string): Record<Track, TrackCounts> | null {
		return this.#counts.get(slug) ?? null;
	}

	/**
	 * Reads progress, looks for a voice and fetches each article's cards (an article that fails
	 * keeps its "—").
	 */
	async load(
		slugs: readonly string[],
		fetchCards: (slug: string) => Promise<readonly CountedCard[]>,
		findVoice: () => Promise<unknown>
	): Promise<void> {
		this.#now = this.#clock();
		const decks = new Map<string, readonly CountedCard[]>();
		const [voice] = await Promise.all([
			findVoice(),
			this.#progress.refresh(),
			...slugs.map(async (slug) => {
				try {
					decks.set(slug, await fetchCards(slug));
				} catch {
					// Counted without it: the article shows "—".
				}
			})
		]);
		this.#now = this.#clock();
		this.#decks = decks;
		this.#voice = voice !== null;
	}
}
