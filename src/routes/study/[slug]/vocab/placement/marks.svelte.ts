import { entriesWithCards } from '$lib/content/reader';
import type { Progress } from '$lib/storage/progress.svelte';
import type { PlacementWord } from '$lib/vocab/placement';

/**
 * The placement page's view of this browser's marks: which of the article's words are marked
 * known, which are studied already (they have cards), and the writes that mark or unmark them.
 */
export class PlacementMarks {
	#slug: string;
	#progress: Progress;
	#words: readonly PlacementWord[];
	#withCards = $derived.by(() => entriesWithCards(this.#slug, this.#progress.states.keys()));

	constructor(slug: string, words: readonly PlacementWord[], progress: Progress) {
		this.#slug = slug;
		this.#words = words;
		this.#progress = progress;
	}

	/** Marks can be shown and saved: storage is read and the last write did not fail. */
	get ready(): boolean {
		return this.#progress.status === 'ready' && this.#progress.problem === null;
	}

	/** The entries that have cards already: their mark is the learner's, not the placement's. */
	get studying(): ReadonlySet<string> {
		return this.#withCards;
	}

	known(id: string): boolean {
		return this.#progress.words.get(id)?.status === 'known';
	}

	/** How many of this article's words are marked known. */
	knownCount = $derived.by(() => this.#words.filter((word) => this.known(word.id)).length);

	/** Marks (`true`) or unmarks words as known; resolves to whether it was stored. */
	async set(ids: readonly string[], known: boolean): Promise<boolean> {
		if (ids.length === 0) return true;
		try {
			await this.#progress.setWordStatuses(ids, known ? 'known' : null);
			return true;
		} catch {
			// `ready` turns false and the page says why (ProgressNotice).
			return false;
		}
	}
}
