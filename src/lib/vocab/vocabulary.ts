/**
 * The vocabulary of an article: each lexicon entry (word or expression) that occurs in it, with
 * its forms, how often it occurs and where, ranked by usefulness for a learner.
 */
import { isFactual } from '$lib/content/article';
import type { Article, Sentence } from '$lib/content/types';
import { slugify } from '$lib/text/ids';
import {
	indexForms,
	isMultiword,
	type Lexicon,
	type LexiconEntry,
	type LexiconKind
} from './lexicon';

/** What a token of the article is, for the reader: a vocabulary item, a name, or nothing to teach. */
export interface TokenLink {
	/** Token index within its sentence. */
	token: number;
	/** Vocabulary id (words and expressions), name id, or null. */
	entry: string | null;
	kind: LexiconKind | 'excluded';
	/** Tokens of one expression share its id and `group` (the index of its first token). */
	group?: number;
}

export interface VocabEntry {
	/** Stable: part of speech and lemma (`noun:truppa`, `expression:a-vicenda`). */
	id: string;
	lemma: string;
	pos: string;
	gender?: 'm' | 'f' | 'm/f';
	gloss: string;
	other: string[];
	note?: string;
	/** Forms as they occur in the article, most frequent first. */
	forms: string[];
	/** Occurrences in the article. */
	count: number;
	/** Ids of the sentences it occurs in, in the article's order. */
	sentences: string[];
	/** Usefulness rank, 1 = introduce first. */
	rank: number;
}

export const entryId = (entry: Pick<LexiconEntry, 'pos' | 'lemma'>) =>
	`${entry.pos}:${slugify(entry.lemma)}`;

type FormIndex = ReturnType<typeof indexForms>;

/** The entries of a single-word form: exact form first, lower-case as a fallback. */
const entriesOf = (index: FormIndex, text: string): LexiconEntry[] | undefined =>
	index.get(text) ?? index.get(text.toLowerCase());

/**
 * Links every token of every sentence to its lexicon entry. Expressions win over the words inside
 * them (so "a vicenda" is one unit), longest first; then single words by their exact form.
 */
export function linkTokens(
	article: Article,
	lexicon: Lexicon,
	index: FormIndex = indexForms(lexicon)
): Map<string, TokenLink[]> {
	const multi = lexicon.entries
		.flatMap((entry) => entry.forms.filter(isMultiword).map((form) => ({ entry, form })))
		.sort((a, b) => b.form.length - a.form.length);
	const excluded = new Set([
		...lexicon.typos.map((t) => t.form),
		...lexicon.foreign.map((f) => f.form),
		...lexicon.prefixes.map((p) => p.form)
	]);
	const links = new Map<string, TokenLink[]>();
	for (const sentence of article.sentences) {
		const tokenLinks: TokenLink[] = sentence.tokens.map((_, token) => ({
			token,
			entry: null,
			kind: 'excluded'
		}));
		for (const { entry, form } of multi) {
			for (
				let at = sentence.text.indexOf(form);
				at >= 0;
				at = sentence.text.indexOf(form, at + 1)
			) {
				const start = sentence.start + at;
				const end = start + form.length;
				const inside = sentence.tokens
					.map((token, i) => ({ token, i }))
					.filter(({ token }) => token.start >= start && token.end <= end);
				if (inside.length === 0 || inside.some(({ i }) => tokenLinks[i].entry !== null)) continue;
				for (const { i } of inside) {
					tokenLinks[i] = {
						token: i,
						entry: entryId(entry),
						kind: entry.kind === 'name' ? 'name' : 'expression',
						group: inside[0].i
					};
				}
			}
		}
		sentence.tokens.forEach((token, i) => {
			if (tokenLinks[i].entry !== null || token.kind === 'number' || excluded.has(token.text))
				return;
			const entries = entriesOf(index, token.text) ?? [];
			const entry = entries.find((e) => e.kind === 'word') ?? entries[0];
			if (entry) tokenLinks[i] = { token: i, entry: entryId(entry), kind: entry.kind };
		});
		links.set(sentence.id, tokenLinks);
	}
	return links;
}

/**
 * Builds the vocabulary of an article: words and expressions (not names, not function words),
 * ranked by usefulness: how often they occur, how central they are (occurring in the body rather
 * than only the byline), then shorter lemmas first as a stand-in for how common a word is in
 * Italian (no offline frequency list is available to us). `links`: those of `linkTokens`, when
 * the caller has them already.
 */
export function buildVocabulary(
	article: Article,
	lexicon: Lexicon,
	links?: ReadonlyMap<string, TokenLink[]>
): VocabEntry[] {
	const index = indexForms(lexicon);
	links ??= linkTokens(article, lexicon, index);
	const byId = new Map(lexicon.entries.map((entry) => [entryId(entry), entry]));
	const found = new Map<
		string,
		{ forms: Map<string, number>; count: number; sentences: Sentence[] }
	>();
	const count = (id: string, form: string, sentence: Sentence) => {
		const item = found.get(id) ?? { forms: new Map<string, number>(), count: 0, sentences: [] };
		item.forms.set(form, (item.forms.get(form) ?? 0) + 1);
		item.count++;
		if (item.sentences.at(-1) !== sentence) item.sentences.push(sentence);
		found.set(id, item);
	};
	// Words inside expressions count as words too ("truppe" in "truppe ingegneristiche"), but
	// only words that also stand alone somewhere: "vicenda" in "a vicenda" is not the noun
	// vicenda (event) and must not be taught as such.
	const inside: [string, string, Sentence][] = [];
	for (const sentence of article.sentences) {
		if (!isFactual(sentence)) continue;
		const sentenceLinks = links.get(sentence.id) ?? [];
		for (const link of sentenceLinks) {
			const token = sentence.tokens[link.token];
			if (link.kind === 'word') count(link.entry!, token.text, sentence);
			if (link.kind !== 'expression') continue;
			if (link.group === link.token) {
				count(link.entry!, expressionText(sentence, sentenceLinks, link.group), sentence);
			}
			const word = entriesOf(index, token.text)?.find((e) => e.kind === 'word');
			if (word) inside.push([entryId(word), token.text, sentence]);
		}
	}
	for (const [id, form, sentence] of inside) if (found.has(id)) count(id, form, sentence);
	const entries = [...found].map(([id, item]) => {
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
			sentences: item.sentences.sort((a, b) => a.index - b.index).map((s) => s.id),
			rank: 0
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

/** The text of an expression occurrence, from its first to its last token. */
function expressionText(sentence: Sentence, links: TokenLink[], group: number): string {
	const tokens = links.filter((l) => l.group === group).map((l) => sentence.tokens[l.token]);
	return sentence.text.slice(tokens[0].start - sentence.start, tokens.at(-1)!.end - sentence.start);
}
