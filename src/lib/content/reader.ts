import type { Lexicon, LexiconKind } from '$lib/vocab/lexicon';
import { buildVocabulary, entryId, linkTokens, type TokenLink } from '$lib/vocab/vocabulary';
import type { Article, ParagraphRole, Sentence } from './types';

/**
 * A piece of a sentence as the reader renders it: plain text, or a word (or a whole expression,
 * or a name) that can be looked up. Pieces concatenate to the sentence text exactly.
 */
export type Piece = string | { text: string; entry: string };

export type ReaderEntryKind = LexiconKind;

/** Words and expressions are studied (cards, a status); names and function words are not. */
export const isStudied = (kind: ReaderEntryKind | undefined) =>
	kind === 'word' || kind === 'expression';

/** What the reader shows about a word; `count` and `sentences` only for words and expressions. */
export interface ReaderEntry {
	kind: ReaderEntryKind;
	lemma: string;
	pos: string;
	gender?: 'm' | 'f' | 'm/f';
	gloss: string;
	other?: string[];
	note?: string;
	/** Other Italian words for the same sense. */
	synonyms?: string[];
	/** For a calque: the Italian a native writer would use. */
	calque?: string;
	/** The article's misprints of this word, as printed (riconsestare for riconquistare). */
	misprints?: string[];
	/** The expressions of the article this word occurs in. */
	expressions?: string[];
	/** An expression's words that are taught on their own: ids into `ReaderArticle.entries`. */
	words?: string[];
	count?: number;
	/** Ids of the sentences it occurs in, in the article's order, each once. */
	sentences?: string[];
}

/** The part of an article the reader page needs: no tokens, no spans, nothing else to ship. */
export interface ReaderArticle {
	slug: string;
	title: string;
	author: string;
	affiliation?: string;
	paragraphs: {
		index: number;
		role: ParagraphRole;
		sentences: {
			id: string;
			number: number;
			text: string;
			en?: string;
			/** A remark on what the sentence says (where the article is imprecise or misprints). */
			note?: { it: string; en: string };
			pieces: Piece[];
		}[];
	}[];
	/** Every entry a piece points to, by id: glosses are shipped once, not per occurrence. */
	entries: Record<string, ReaderEntry>;
}

/**
 * Sentence numbers count from 1, as people say them aloud ("look at sentence 12"). `translation`
 * maps sentence ids to English, when the article has a translation; with a `lexicon`, sentences
 * are cut into pieces that link to its entries (without one, each sentence is one plain piece).
 */
export function toReaderArticle(
	article: Article,
	translation: ReadonlyMap<string, string> = new Map(),
	lexicon?: Lexicon
): ReaderArticle {
	const links = lexicon ? linkTokens(article, lexicon) : new Map<string, TokenLink[]>();
	return {
		slug: article.slug,
		title: article.meta.title,
		author: article.meta.author,
		affiliation: article.meta.affiliation,
		paragraphs: article.paragraphs.map((paragraph) => ({
			index: paragraph.index,
			role: paragraph.role,
			sentences: paragraph.sentences.map((sentence) => ({
				id: sentence.id,
				number: sentence.index + 1,
				text: sentence.text,
				en: translation.get(sentence.id),
				pieces: segmentSentence(sentence, links.get(sentence.id) ?? [])
			}))
		})),
		entries: lexicon ? readerEntries(article, lexicon, links) : {}
	};
}

/**
 * Cuts a sentence into pieces: the text between linked tokens stays plain, exactly as written
 * (spaces, punctuation, apostrophes), and the tokens of one expression or name become one piece
 * that spans from its first token to its last.
 */
export function segmentSentence(sentence: Sentence, links: readonly TokenLink[]): Piece[] {
	const pieces: Piece[] = [];
	let at = 0;
	const plain = (end: number) => {
		if (end <= at) return;
		const text = sentence.text.slice(at, end);
		if (typeof pieces.at(-1) === 'string') pieces[pieces.length - 1] += text;
		else pieces.push(text);
		at = end;
	};
	for (let i = 0; i < links.length; i++) {
		const link = links[i];
		if (link.entry === null || link.kind === 'excluded') continue;
		let last = i;
		if (link.group !== undefined) {
			while (last + 1 < links.length && links[last + 1].group === link.group) last++;
		}
		const start = sentence.tokens[link.token].start - sentence.start;
		const end = sentence.tokens[links[last].token].end - sentence.start;
		plain(start);
		pieces.push({ text: sentence.text.slice(start, end), entry: link.entry });
		at = end;
		i = last;
	}
	plain(sentence.text.length);
	return pieces;
}

/** The entries the pieces point to; occurrences come from the vocabulary, which counts them. */
function readerEntries(
	article: Article,
	lexicon: Lexicon,
	links: ReadonlyMap<string, TokenLink[]>
): Record<string, ReaderEntry> {
	const all = [...links.values()].flat();
	// Words met only inside an expression are shipped too: the expression's panel names them.
	const used = new Set(all.flatMap((link) => [link.entry, link.word]));
	const words = new Map<string, Set<string>>();
	for (const link of all) {
		if (link.kind !== 'expression' || !link.word) continue;
		const list = words.get(link.entry!) ?? new Set<string>();
		words.set(link.entry!, list.add(link.word));
	}
	const vocabulary = new Map(
		buildVocabulary(article, lexicon, links).map((entry) => [entry.id, entry])
	);
	const entries: Record<string, ReaderEntry> = {};
	for (const entry of lexicon.entries) {
		const id = entryId(entry);
		if (!used.has(id) || id in entries) continue;
		const { kind, lemma, pos, gender, gloss, other, note, synonyms, calque } = entry;
		const found = vocabulary.get(id);
		const misprints = Object.values(found?.misprints ?? {});
		entries[id] = {
			kind,
			lemma,
			pos,
			...(gender ? { gender } : {}),
			gloss,
			...(other.length ? { other } : {}),
			...(note ? { note } : {}),
			...(synonyms.length ? { synonyms } : {}),
			...(calque ? { calque } : {}),
			...(misprints.length ? { misprints } : {}),
			...(found?.expressions.length ? { expressions: found.expressions } : {}),
			...(words.has(id) ? { words: [...words.get(id)!] } : {}),
			...(found ? { count: found.count, sentences: found.sentences } : {})
		};
	}
	return entries;
}

/** Where a learner stands with a word: `next` is marked to study soon, `learning` has cards. */
export type WordStatus = 'new' | 'next' | 'learning' | 'known';

/**
 * The entries of an article that have vocabulary cards, from the ids of stored card states
 * (`${slug}:vocab:${entryId}:${type}`).
 */
export function entriesWithCards(slug: string, cardIds: Iterable<string>): Set<string> {
	const prefix = `${slug}:vocab:`;
	const found = new Set<string>();
	for (const id of cardIds) {
		if (!id.startsWith(prefix)) continue;
		const rest = id.slice(prefix.length);
		const cut = rest.lastIndexOf(':');
		// An entry id holds a colon itself (`noun:truppa`), so a card id has at least two.
		if (cut > rest.indexOf(':')) found.add(rest.slice(0, cut));
	}
	return found;
}

/**
 * A word's status: marked known wins (the learner says so), then having cards, then being
 * marked to study next.
 */
export function wordStatus(
	entry: string,
	withCards: ReadonlySet<string>,
	marks: ReadonlyMap<string, { status: 'known' | 'next' }>
): WordStatus {
	const mark = marks.get(entry)?.status;
	if (mark === 'known') return 'known';
	if (withCards.has(entry)) return 'learning';
	return mark ?? 'new';
}
