/**
 * Links the tokens of an article to the lexicon: each token to what the reader opens (a word, an
 * expression, a name) and, separately, to the word it is a form of, even inside an expression,
 * so that "anno" in "l’anno scorso" is also the noun anno.
 */
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
	/** What the reader opens: vocabulary id (words and expressions), name id, or null. */
	entry: string | null;
	kind: LexiconKind | 'excluded';
	/** Tokens of one expression share its id and `group` (the index of its first token). */
	group?: number;
	/**
	 * The vocabulary id of the word this token is a form of, inside an expression too. None for
	 * function words, names, numbers, foreign words and the words of the idiom list.
	 */
	word?: string;
	/** The token is a typo of the source: the real form it stands for (riconsestare → riconquistare). */
	correct?: string;
}

export const entryId = (entry: Pick<LexiconEntry, 'pos' | 'lemma'>) =>
	`${entry.pos}:${slugify(entry.lemma)}`;

export type FormIndex = ReturnType<typeof indexForms>;

/** The comparison key of a token: lower case, one apostrophe. */
const key = (text: string) => text.toLowerCase().replace(/'/gu, '’');

/**
 * A multi-word form as its parts, each a list of token keys: "non solo … ma anche" is two parts
 * (an idiom whose words are apart in the sentence), "all’interno dell’" one of three tokens.
 */
export function formParts(form: string): string[][] {
	let parts = partsOf.get(form);
	if (!parts) partsOf.set(form, (parts = splitForm(form)));
	return parts;
}

/** Forms recur in every sentence: each is split once. */
const partsOf = new Map<string, string[][]>();
/** Token keys of a sentence, worked out once. */
const keysOf = new WeakMap<Sentence, string[]>();

function splitForm(form: string): string[][] {
	return form
		.split('…')
		.map((part) =>
			part
				.split(/[\s-]+/u)
				.flatMap((word) => word.split(/(?<=['’])(?=\p{L})/u))
				.map((word) => key(word.replace(/[^\p{L}\p{N}'’]/gu, '')))
				.filter(Boolean)
		)
		.filter((part) => part.length > 0);
}

/** Words of a discontinuous form may be this many tokens apart, no more. */
const MAX_GAP = 8;

/**
 * Where a form occurs in a sentence, on whole tokens: each occurrence as the indices of its
 * tokens. The words of one part must follow each other with nothing but spaces or a hyphen
 * between them ("più di" is not in "più disciplinati", nor "sempre, più" one expression).
 */
export function findForm(sentence: Sentence, form: string): number[][] {
	const parts = formParts(form);
	const { tokens } = sentence;
	const keys = keysOf.get(sentence) ?? tokens.map((token) => key(token.text));
	keysOf.set(sentence, keys);
	const between = (a: number, b: number) =>
		sentence.text.slice(tokens[a].end - sentence.start, tokens[b].start - sentence.start);
	const partAt = (part: string[], at: number) =>
		at + part.length <= tokens.length &&
		part.every((word, k) => keys[at + k] === word) &&
		part.every((_, k) => k === 0 || /^[\s-]*$/u.test(between(at + k - 1, at + k)));
	const found: number[][] = [];
	for (let start = 0; start < tokens.length; start++) {
		if (parts.length === 0 || !partAt(parts[0], start)) continue;
		const indices = parts[0].map((_, k) => start + k);
		for (const part of parts.slice(1)) {
			const from = indices.at(-1)! + 1;
			let at = from;
			while (at <= from + MAX_GAP && !partAt(part, at)) at++;
			if (at > from + MAX_GAP) break;
			indices.push(...part.map((_, k) => at + k));
		}
		if (indices.length === parts.flat().length) found.push(indices);
	}
	return found;
}

/** The entry each contextual token stands for: the noun materiale in "nuovo materiale". */
function contextual(
	sentence: Sentence,
	entries: readonly LexiconEntry[]
): Map<number, LexiconEntry> {
	const chosen = new Map<number, LexiconEntry>();
	for (const entry of entries) {
		const own = new Set(entry.forms.map(key));
		for (const context of entry.contexts) {
			for (const indices of findForm(sentence, context)) {
				for (const i of indices) if (own.has(key(sentence.tokens[i].text))) chosen.set(i, entry);
			}
		}
	}
	return chosen;
}

/** The entry of a single word: one chosen by context, else one that claims no context. */
function resolve(
	text: string,
	index: FormIndex,
	inContext: LexiconEntry | undefined
): LexiconEntry | undefined {
	const candidates = index.get(text) ?? index.get(text.toLowerCase()) ?? [];
	if (inContext && candidates.includes(inContext)) return inContext;
	const free = candidates.filter((entry) => entry.contexts.length === 0);
	const pool = free.length > 0 ? free : candidates;
	return pool.find((entry) => entry.kind === 'word') ?? pool[0];
}

/**
 * Links every token of every sentence. Expressions win over the words inside them (so "a
 * vicenda" is one unit for the reader), longest first; then single words by their form, an
 * entry's `contexts` deciding between homographs. Words inside an expression keep their own
 * `word`, except inside a name ("Stati" in "Stati Uniti" is no form of essere) and the words of
 * the idiom list; a source typo links to the word it stands for.
 */
export function linkTokens(
	article: Article,
	lexicon: Lexicon,
	index: FormIndex = indexForms(lexicon)
): Map<string, TokenLink[]> {
	const multi = lexicon.entries
		.filter((entry) => entry.kind === 'expression' || entry.kind === 'name')
		.flatMap((entry) => entry.forms.filter(isMultiword).map((form) => ({ entry, form })))
		.sort((a, b) => formParts(b.form).flat().length - formParts(a.form).flat().length);
	const names = multi.filter(({ entry }) => entry.kind === 'name');
	const expressions = multi.filter(({ entry }) => entry.kind === 'expression');
	const withContexts = lexicon.entries.filter((entry) => entry.contexts.length > 0);
	const typos = new Map(lexicon.typos.map((typo) => [typo.form, typo.correct]));
	const excluded = new Set([
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
		const inName = new Set<number>();
		const idiomOnly = new Set<number>();
		const group = (entry: LexiconEntry, indices: number[]) => {
			for (const i of indices) {
				tokenLinks[i] = {
					token: i,
					entry: entryId(entry),
					kind: entry.kind,
					group: indices[0]
				};
			}
		};
		for (const { entry, form } of names) {
			for (const indices of findForm(sentence, form)) {
				if (indices.some((i) => inName.has(i))) continue;
				indices.forEach((i) => inName.add(i));
				group(entry, indices);
			}
		}
		for (const { entry, form } of expressions) {
			for (const indices of findForm(sentence, form)) {
				if (indices.some((i) => tokenLinks[i].kind === 'expression')) continue;
				group(entry, indices);
				for (const idiom of lexicon.idioms.filter((d) => d.expression === entry.lemma)) {
					for (const i of indices) {
						if (key(sentence.tokens[i].text) === key(idiom.form)) idiomOnly.add(i);
					}
				}
			}
		}
		const chosen = contextual(sentence, withContexts);
		sentence.tokens.forEach((token, i) => {
			if (token.kind === 'number' || inName.has(i) || excluded.has(token.text)) return;
			const correct = typos.get(token.text);
			const entry = resolve(correct ?? token.text, index, chosen.get(i));
			if (!entry) return;
			const id = entryId(entry);
			const link = tokenLinks[i];
			if (link.entry === null) Object.assign(link, { entry: id, kind: entry.kind });
			if (entry.kind === 'word' && !idiomOnly.has(i)) link.word = id;
			if (correct) link.correct = correct;
		});
		links.set(sentence.id, tokenLinks);
	}
	return links;
}
