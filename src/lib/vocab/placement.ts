/**
 * Placement: an advanced learner says which words they know already, so their vocabulary study
 * starts with words they do not know rather than with essere, avere, non. Words marked known
 * leave the queue of new cards (as LingQ's "known" or Anki's "suspend"), and the mark can be
 * taken back at any time.
 *
 * Frequency: the words are listed by how often they occur in the text (the vocabulary's rank:
 * occurrences, then sentences, then shorter lemmas first). No list of word frequencies in Italian
 * ships with the app or its dependencies (Morph-it and its npm packages carry none), so the
 * text's own counts stand in; `FREQUENCY_SOURCE` says so to the page.
 */

/** Where the order of the list comes from: the text's own counts (see above). */
export const FREQUENCY_SOURCE = 'text' as const;

/** Words per page of the placement list. */
export const PAGE_SIZE = 50;

/** Words the quick placement asks about, one per frequency band. */
export const PROBE_COUNT = 10;

/** One word of the placement list, as the page shows it. */
export interface PlacementWord {
	/** The vocabulary entry id (`verb:essere`): what marks are stored under. */
	id: string;
	lemma: string;
	pos: string;
	gloss: string | null;
}

/**
 * The article's words most frequent first: the entries that have vocabulary cards (the others
 * are never studied, so there is nothing to skip), in the vocabulary's rank order.
 */
export function placementOrder<T extends PlacementWord & { rank: number }>(
	vocabulary: readonly T[],
	withCards: ReadonlySet<string>
): PlacementWord[] {
	return vocabulary
		.filter((entry) => withCards.has(entry.id))
		.sort((a, b) => a.rank - b.rank)
		.map(({ id, lemma, pos, gloss }) => ({ id, lemma, pos, gloss }));
}

/** The list cut into pages of `size` (the last one may be shorter). */
export function placementPages<T>(words: readonly T[], size = PAGE_SIZE): T[][] {
	const pages: T[][] = [];
	for (let i = 0; i < words.length; i += size) pages.push(words.slice(i, i + size));
	return pages;
}

/** A band of the frequency list, `[start, end)` in list positions, and the word asked about it. */
export interface Probe {
	start: number;
	end: number;
	/** Position of the word asked about: the middle of the band. */
	at: number;
}

/**
 * The quick placement's questions: the list cut into `count` bands of (nearly) equal size, most
 * frequent first, and from each the word in its middle, which stands for the band. A list shorter
 * than `count` asks about every word.
 */
export function placementProbes(length: number, count = PROBE_COUNT): Probe[] {
	const bands = Math.min(count, length);
	const probes: Probe[] = [];
	for (let i = 0; i < bands; i++) {
		const start = Math.floor((i * length) / bands);
		const end = Math.floor(((i + 1) * length) / bands);
		probes.push({ start, end, at: Math.floor((start + end - 1) / 2) });
	}
	return probes;
}

/**
 * The learner's level: how many of the most frequent bands they know. Knowing a word usually
 * means knowing the more frequent ones too, so the answers are read as a step, known then not:
 * the cut that agrees with the most answers (a known word above it, an unknown one below it).
 * A tie goes to the lower cut: a word wrongly left unmarked costs a card, a word wrongly marked
 * known is never taught.
 *
 * @param known the answer for each probe, most frequent first
 * @returns the number of bands, from the top, taken as known (0 to `known.length`)
 */
export function placementLevel(known: readonly boolean[]): number {
	// agreement(c) = known answers above c + unknown answers from c on.
	let agreement = known.filter((k) => !k).length;
	let best = 0;
	let bestAgreement = agreement;
	for (let c = 1; c <= known.length; c++) {
		agreement += known[c - 1] ? 1 : -1;
		if (agreement > bestAgreement) [best, bestAgreement] = [c, agreement];
	}
	return best;
}

/**
 * The words the quick placement marks known: every word of the bands above the learner's level,
 * but not a word asked about and answered "don't know", plus any word asked about and answered
 * "know" below it. Words the learner studies already (`skip`) are left as they are.
 */
export function placementSelection(
	words: readonly PlacementWord[],
	probes: readonly Probe[],
	known: readonly boolean[],
	skip: ReadonlySet<string> = new Set()
): string[] {
	const level = placementLevel(known);
	const cut = level === 0 ? 0 : probes[level - 1].end;
	const answered = new Map(probes.map((probe, i) => [probe.at, known[i]]));
	return words
		.filter((word, i) => (answered.get(i) ?? i < cut) && !skip.has(word.id))
		.map((word) => word.id);
}

/**
 * "I know the rest of this paragraph": the paragraph's studied words (each once) that the learner
 * neither studies yet nor has marked known, i.e. those whose status is `new` or `next`.
 */
export function restOfParagraph(
	entries: Iterable<string>,
	status: (entry: string) => 'new' | 'next' | 'learning' | 'known' | null
): string[] {
	const rest = new Set<string>();
	for (const entry of entries) {
		const s = status(entry);
		if (s === 'new' || s === 'next') rest.add(entry);
	}
	return [...rest];
}
