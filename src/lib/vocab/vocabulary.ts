/**
 * The vocabulary of an article: each lexicon entry (word or expression) that occurs in it, with
 * its forms, how often it occurs and where, ranked by usefulness for a learner.
 */
import { isFactual } from '$lib/content/article';
import type { Article, Sentence } from '$lib/content/types';
import type { Lexicon } from './lexicon';
import { entryId, linkTokens, type TokenLink } from './links';

export { entryId, linkTokens, type TokenLink } from './links';

export interface VocabEntry {
	/** Stable: part of speech and lemma (`noun:truppa`, `expression:a-vicenda`). */
	id: string;
	lemma: string;
	pos: string;
	gender?: 'm' | 'f' | 'm/f';
	/** The English gloss; null for a word of a new text that no source glosses yet. */
	gloss: string | null;
	/**
	 * Where a new text's gloss comes from: `dictionary` when any of it is the open dictionary's
	 * (FreeDict, GPL: credit it). The curated vocabulary's is always the lexicon's.
	 */
	glossFrom?: 'lexicon' | 'dictionary';
	other: string[];
	note?: string;
	/** Forms as they occur in the article, most frequent first (a source typo as the real form). */
	forms: string[];
	/** Occurrences in the article. */
	count: number;
	/** Ids of the sentences it occurs in, in the article's order, each once. */
	sentences: string[];
	/** Usefulness rank, 1 = introduce first. */
	rank: number;
	/** The expressions it occurs in (lemmas, in the article's order): its examples of use. */
	expressions: string[];
	/** Other Italian words for the same sense, right when typed. */
	synonyms: string[];
	/** For a calque: the Italian a native writer would use. Never drilled as typed production. */
	calque?: string;
	/** Forms the source misprints: the real form → as the article prints it. */
	misprints?: Record<string, string>;
}

interface Found {
	forms: Map<string, number>;
	count: number;
	sentences: Set<Sentence>;
	expressions: Set<string>;
	misprints: Map<string, string>;
}

/**
 * Builds the vocabulary of an article: every word (also one met only inside an expression, which
 * is then its example) and every expression, but not names, function words or the words of the
 * lexicon's idiom list. Ranked by usefulness: how often they occur, in how many sentences, then
 * shorter lemmas first as a stand-in for how common a word is in Italian (no offline frequency
 * list is available to us). `links`: those of `linkTokens`, when the caller has them already.
 */
export function buildVocabulary(
	article: Article,
	lexicon: Lexicon,
	links?: ReadonlyMap<string, TokenLink[]>
): VocabEntry[] {
	links ??= linkTokens(article, lexicon);
	const byId = new Map(lexicon.entries.map((entry) => [entryId(entry), entry]));
	const found = new Map<string, Found>();
	const item = (id: string) => {
		let value = found.get(id);
		if (!value) {
			value = {
				forms: new Map(),
				count: 0,
				sentences: new Set(),
				expressions: new Set(),
				misprints: new Map()
			};
			found.set(id, value);
		}
		return value;
	};
	const count = (id: string, form: string, sentence: Sentence) => {
		const entry = item(id);
		entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
		entry.count++;
		entry.sentences.add(sentence);
		return entry;
	};
	for (const sentence of article.sentences) {
		if (!isFactual(sentence)) continue;
		const sentenceLinks = links.get(sentence.id) ?? [];
		for (const link of sentenceLinks) {
			const token = sentence.tokens[link.token];
			if (link.word) {
				const word = count(link.word, link.correct ?? token.text, sentence);
				if (link.correct) word.misprints.set(link.correct, token.text);
				if (link.kind === 'expression') word.expressions.add(byId.get(link.entry!)!.lemma);
			}
			if (link.kind === 'expression' && link.group === link.token) {
				count(link.entry!, expressionText(sentence, sentenceLinks, link.group), sentence);
			}
		}
	}
	const entries = [...found].map(([id, item]): VocabEntry => {
		const entry = byId.get(id)!;
		return {
			id,
			lemma: entry.lemma,
			pos: entry.pos,
			...(entry.gender ? { gender: entry.gender } : {}),
			gloss: entry.gloss,
			other: entry.other,
			...(entry.note ? { note: entry.note } : {}),
			forms: [...item.forms].sort((a, b) => b[1] - a[1]).map(([form]) => form),
			count: item.count,
			sentences: [...item.sentences].sort((a, b) => a.index - b.index).map((s) => s.id),
			rank: 0,
			expressions: [...item.expressions],
			synonyms: entry.synonyms,
			...(entry.calque ? { calque: entry.calque } : {}),
			...(item.misprints.size > 0 ? { misprints: Object.fromEntries(item.misprints) } : {})
		};
	});
	entries.sort(
		(a, b) =>
			b.count - a.count ||
			b.sentences.length - a.sentences.length ||
			a.lemma.length - b.lemma.length ||
			a.lemma.localeCompare(b.lemma, 'it')
	);
	entries.forEach((entry, i) => (entry.rank = i + 1));
	return entries;
}

/**
 * The text of an expression occurrence as a learner would write it: its runs of adjacent tokens,
 * each as in the sentence, joined by "…" where the sentence has other words between them
 * ("non solo … ma anche").
 */
function expressionText(sentence: Sentence, links: TokenLink[], group: number): string {
	const entry = links[group].entry;
	const indices = links.filter((l) => l.group === group && l.entry === entry).map((l) => l.token);
	const runs: number[][] = [];
	for (const i of indices) {
		if (runs.at(-1)?.at(-1) === i - 1) runs.at(-1)!.push(i);
		else runs.push([i]);
	}
	const slice = (run: number[]) =>
		sentence.text.slice(
			sentence.tokens[run[0]].start - sentence.start,
			sentence.tokens[run.at(-1)!].end - sentence.start
		);
	return runs.map(slice).join(' … ');
}
