/* eslint-disable svelte/prefer-svelte-reactivity -- the maps and sets here are replaced, never
   mutated in place once shown, so plain ones in `$state.raw` are enough. */
import { entriesWithCards, wordStatus, type WordStatus } from '$lib/content/reader';
import { openProgress, type ProgressStore } from '$lib/storage/progress';
import type { WordMark, WordRecord } from '$lib/storage/records';

/**
 * The learner's standing with the words of one article, read from IndexedDB after hydration (the
 * page is rendered on the server, which knows nothing of this browser's progress).
 */
export class WordMarks {
	#slug: string;
	#store: ProgressStore | null = null;
	#closed = false;
	#marks = $state.raw(new Map<string, WordRecord>());
	#withCards = $state.raw(new Set<string>());
	/** Statuses are known (storage has been read). */
	loaded = $state(false);
	/** Storage cannot be opened: marks cannot be saved. */
	unavailable = $state(false);

	constructor(slug: string) {
		this.#slug = slug;
	}

	async open(): Promise<void> {
		try {
			const store = await openProgress();
			if (this.#closed) return store.close();
			this.#store = store;
			const { states, words } = await store.load();
			this.#withCards = entriesWithCards(this.#slug, states.keys());
			this.#marks = words;
			this.loaded = true;
		} catch {
			this.unavailable = true;
		}
	}

	close(): void {
		this.#closed = true;
		this.#store?.close();
	}

	status(entry: string): WordStatus {
		return wordStatus(entry, this.#withCards, this.#marks);
	}

	mark(entry: string): WordMark | undefined {
		return this.#marks.get(entry)?.status;
	}

	/** Saves a mark (or removes it with `null`); the page shows it once it is stored. */
	async set(entry: string, mark: WordMark | null): Promise<void> {
		if (!this.#store) return;
		const now = new Date();
		try {
			await this.#store.setWordStatus(entry, mark, now);
		} catch {
			this.unavailable = true;
			return;
		}
		const marks = new Map(this.#marks);
		if (mark) marks.set(entry, { id: entry, status: mark, at: now.toISOString() });
		else marks.delete(entry);
		this.#marks = marks;
	}
}
