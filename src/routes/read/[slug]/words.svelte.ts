import { entriesWithCards, wordStatus, type WordStatus } from '$lib/content/reader';
import type { Progress } from '$lib/storage/progress.svelte';
import type { WordMark } from '$lib/storage/records';

/**
 * The learner's standing with the words of one article, from this browser's progress (read once
 * the page runs here: the server that renders it knows nothing of this browser).
 */
export class WordMarks {
	#slug: string;
	#progress: Progress;
	#withCards = $derived.by(() => entriesWithCards(this.#slug, this.#progress.states.keys()));

	constructor(slug: string, progress: Progress) {
		this.#slug = slug;
		this.#progress = progress;
	}

	/** Statuses are known (storage has been read). */
	get loaded(): boolean {
		return this.#progress.status === 'ready';
	}

	/** Marks can be saved: storage is read and the last write did not fail. */
	get canMark(): boolean {
		return this.loaded && this.#progress.problem === null;
	}

	status(entry: string): WordStatus {
		return wordStatus(entry, this.#withCards, this.#progress.words);
	}

	mark(entry: string): WordMark | undefined {
		return this.#progress.words.get(entry)?.status;
	}

	/** Marks many words at once, all or none (`null` removes the marks); resolves to whether stored. */
	async setMany(entries: readonly string[], mark: WordMark | null): Promise<boolean> {
		try {
			await this.#progress.setWordStatuses(entries, mark);
			return true;
		} catch {
			return false;
		}
	}

	/** Saves a mark (or removes it with `null`); the page shows it once it is stored. */
	async set(entry: string, mark: WordMark | null): Promise<void> {
		try {
			await this.#progress.setWordStatus(entry, mark);
		} catch {
			// `canMark` turns false: the panel stops offering what cannot be saved.
		}
	}
}
