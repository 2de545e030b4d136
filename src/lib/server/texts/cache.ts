/**
 * What the server derives from an added text (its article, deck, reader view), kept for the texts
 * read most recently. Curated articles are built once per process; added texts are many, so only
 * the last `MAX_CACHED` stay in memory, and a deleted text's go at once (`forgetText`).
 */
import type { Card } from '$lib/cards/types';
import type { LibraryEntry } from '$lib/content/library';
import type { ReaderArticle } from '$lib/content/reader';
import type { Deck } from '$lib/deck/deck';
import type { DeckEdits } from '$lib/deck/edits';
import { partsToLibraryEntry } from '$lib/deck/input';
import { getTextStore, textIdOf } from './store';

/** About 40 MB for the largest texts (20,000 words each), a few MB for articles. */
const MAX_CACHED = 32;

export interface CachedText {
	entry: LibraryEntry;
	/** The deck as the generator made it, before the owner's edits (what the review page shows). */
	generated?: Deck;
	/** The owner's edits of it, from the store. */
	edits?: DeckEdits;
	/** The deck the app serves: the generated one with the edits applied. */
	deck?: Deck;
	cards?: Map<string, Card>;
	reader?: ReaderArticle;
}

/** Most recently used last: a Map keeps insertion order. */
const cache = new Map<string, CachedText>();

/**
 * The added text with this slug (`t-<id>`), from memory or the store; undefined when the slug is
 * not an added text's or the text does not exist (deleted, or never added).
 *
 * @throws StorageError when the database cannot be read
 */
export function cachedText(slug: string): CachedText | undefined {
	const id = textIdOf(slug);
	if (!id) return undefined;
	const hit = cache.get(slug);
	if (hit) {
		cache.delete(slug);
		cache.set(slug, hit);
		return hit;
	}
	const row = getTextStore().get(id);
	if (!row) return undefined;
	const entry = partsToLibraryEntry(`texts/${id}`, slug, {
		title: row.title,
		author: row.author,
		paragraphs: row.body.split('\n\n')
	});
	const built: CachedText = { entry };
	cache.set(slug, built);
	if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
	return built;
}

/** Drops everything derived from this text (after it is deleted). */
export function forgetText(slug: string): void {
	cache.delete(slug);
}

/**
 * Drops the text's edits and reviewed deck (after an edit is saved): the next request reads the
 * edits again and applies them to the generated deck, which stays (it does not depend on them).
 */
export function forgetEdits(slug: string): void {
	const hit = cache.get(slug);
	if (!hit) return;
	delete hit.edits;
	delete hit.deck;
	delete hit.cards;
}
