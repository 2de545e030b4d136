/**
 * The vocabulary of any text, made from the text alone: every content word the lemmatizer knows,
 * by lemma and part of speech, with the forms the text uses and where; the curated lexicon's
 * expressions where they occur; a gloss from the lexicon, else from the open dictionary, else
 * none yet (null). Names, function words, numbers and words the lemmatizer does not know (names,
 * foreign words, typos) are left out: a non-word is never taught.
 */
import { isFactual } from '$lib/content/article';
import type { Article, Sentence } from '$lib/content/types';
import { lemmatize, readings, type Lemmatized } from '$lib/lemma/lemmatizer';
import type { LemmaTable } from '$lib/lemma/types';
import { contentWord } from './content-words';
import { dictionaryGloss, type Dictionary, type GlossPos } from './dictionary';
import { generalGloss, textGloss } from './gloss';
import type { Lexicon, LexiconEntry } from './lexicon';
import { slugify } from '$lib/text/ids';
import { entryId, findForm } from './links';
import type { VocabEntry } from './vocabulary';

/** What a text's vocabulary is made from: the lemma table, and the two sources of glosses. */
export interface TextVocabularySources {
	lemmas: LemmaTable;
	/** The curated lexicon: its glosses come first, and its expressions are looked for. */
	lexicon?: Lexicon;
	/** The open dictionary (content/dictionary); without it, words not in the lexicon have none. */
	dictionary?: Dictionary;
}

/**
 * A long text keeps its most useful words, no more: about what a curated article of 1,100 words
 * has, and more than a learner takes in from one text.
 */
export const MAX_TEXT_VOCABULARY = 400;

interface Found {
	entry: Omit<VocabEntry, 'forms' | 'count' | 'sentences' | 'rank' | 'expressions'>;
	forms: Map<string, number>;
	count: number;
	sentences: Set<Sentence>;
	expressions: Set<string>;
}

/** The lexicon's expressions, each with the lemmas of its words for matching other forms. */
function expressionsOf(lexicon: Lexicon | undefined, table: LemmaTable) {
	return (lexicon?.entries ?? [])
		.filter((entry) => entry.kind === 'expression')
		.map((entry) => {
			// "in cambio (di)": the bracketed part is optional; "non solo … ma anche" has a gap.
			const words = entry.lemma
				.replace(/\([^()]*\)/gu, '')
				.split(/[\s]+|(?<=['’])/u)
				.map((w) => w.toLowerCase().replace(/'/gu, '’').trim())
				.filter(Boolean);
			const lemmas = words.map(
				(w) => new Set([w, ...readings(w, table).map((reading) => reading.lemma)])
			);
			return { entry, lemmas, gapped: entry.lemma.includes('…') };
		});
}

/** Where an expression occurs in a sentence: its own forms, or its lemma's words in any form. */
function occurrences(
	sentence: Sentence,
	words: readonly Lemmatized[],
	expression: ReturnType<typeof expressionsOf>[number]
): number[][] {
	const found = expression.entry.forms.flatMap((form) => findForm(sentence, form));
	if (expression.gapped || expression.lemmas.length < 2) return found;
	const { lemmas } = expression;
	const matches = (word: Lemmatized, k: number) => {
		const text = word.token.text.toLowerCase().replace(/'/gu, '’');
		return lemmas[k].has(text) || (word.best !== null && lemmas[k].has(word.best.lemma));
	};
	for (let start = 0; start + lemmas.length <= words.length; start++) {
		if (found.some((indices) => indices[0] === start)) continue;
		if (lemmas.every((_, k) => matches(words[start + k], k))) {
			found.push(lemmas.map((_, k) => start + k));
		}
	}
	return found;
}

/**
 * Builds the vocabulary of a text (see the module comment). Ranked like the curated vocabulary:
 * how often a word occurs, in how many sentences, then words with a gloss (more cards to learn
 * them with), then shorter lemmas first as a stand-in for how common a word is. At most `limit`.
 */
export function buildTextVocabulary(
	article: Article,
	sources: TextVocabularySources,
	limit = MAX_TEXT_VOCABULARY
): VocabEntry[] {
	const { lemmas: table, lexicon, dictionary } = sources;
	const lexiconWord = new Map<string, LexiconEntry>();
	for (const entry of lexicon?.entries ?? []) {
		if (entry.kind === 'word')
			lexiconWord.set(entryId(entry), lexiconWord.get(entryId(entry)) ?? entry);
	}
	const names = new Set(
		(lexicon?.entries ?? []).filter((e) => e.kind === 'name').flatMap((e) => e.forms)
	);
	const excluded = new Set([
		...(lexicon?.foreign ?? []).map((f) => f.form),
		...(lexicon?.prefixes ?? []).map((p) => p.form),
		...(lexicon?.typos ?? []).map((t) => t.form),
		...(lexicon?.numbers ?? [])
	]);
	const known = (lemma: string, pos: GlossPos) =>
		lexiconWord.has(`${pos}:${slugify(lemma)}`) || dictionaryGloss(dictionary, lemma, pos) !== null;
	const expressions = expressionsOf(lexicon, table);
	const found = new Map<string, Found>();
	const add = (id: string, make: () => Found['entry'], form: string, sentence: Sentence) => {
		let item = found.get(id);
		if (!item) {
			item = {
				entry: make(),
				forms: new Map(),
				count: 0,
				sentences: new Set(),
				expressions: new Set()
			};
			found.set(id, item);
		}
		item.forms.set(form, (item.forms.get(form) ?? 0) + 1);
		item.count++;
		item.sentences.add(sentence);
		return item;
	};

	for (const sentence of article.sentences.filter(isFactual)) {
		const words = lemmatize(sentence.tokens, table);
		// Tokens inside an expression: the expression's lemma, and whether the word is its own.
		const inExpression = new Map<number, { lemma: string; idiom: boolean }>();
		for (const expression of expressions) {
			const { entry } = expression;
			for (const indices of occurrences(sentence, words, expression)) {
				if (indices.some((i) => inExpression.has(i))) continue;
				const idioms = (lexicon?.idioms ?? []).filter((d) => d.expression === entry.lemma);
				for (const i of indices) {
					const text = sentence.tokens[i].text.toLowerCase().replace(/'/gu, '’');
					const idiom = idioms.some((d) => d.form.toLowerCase().replace(/'/gu, '’') === text);
					inExpression.set(i, { lemma: entry.lemma, idiom });
				}
				const start = sentence.tokens[indices[0]].start - sentence.start;
				const end = sentence.tokens[indices.at(-1)!].end - sentence.start;
				const text = indices.every((i, k) => k === 0 || i === indices[k - 1] + 1)
					? sentence.text.slice(start, end)
					: entry.lemma;
				add(entryId(entry), () => expressionEntry(entry), text, sentence);
			}
		}
		for (let i = 0; i < words.length; i++) {
			if (inExpression.get(i)?.idiom) continue;
			const word = contentWord(sentence, words, i, { names, excluded, known });
			if (!word) continue;
			const id = entryId(word);
			const form = words[i].token.text.toLowerCase().replace(/'/gu, '’');
			const make = () => wordEntry(id, word, lexiconWord.get(id), dictionary);
			const item = add(id, make, form, sentence);
			const expression = inExpression.get(i);
			if (expression) item.expressions.add(expression.lemma);
		}
	}

	const entries = [...found.values()].map((item): VocabEntry => ({
		...item.entry,
		forms: [...item.forms].sort((a, b) => b[1] - a[1]).map(([form]) => form),
		count: item.count,
		sentences: [...item.sentences].sort((a, b) => a.index - b.index).map((s) => s.id),
		rank: 0,
		expressions: [...item.expressions]
	}));
	entries.sort(
		(a, b) =>
			b.count - a.count ||
			b.sentences.length - a.sentences.length ||
			Number(b.gloss !== null) - Number(a.gloss !== null) ||
			a.lemma.length - b.lemma.length ||
			a.lemma.localeCompare(b.lemma, 'it')
	);
	const kept = entries.slice(0, limit);
	kept.forEach((entry, i) => (entry.rank = i + 1));
	return kept;
}

function wordEntry(
	id: string,
	word: { lemma: string; pos: GlossPos; gender?: 'm' | 'f' },
	curated: LexiconEntry | undefined,
	dictionary: Dictionary | undefined
): Found['entry'] {
	const gender = curated?.gender ?? word.gender;
	const own = curated ? generalGloss(curated.gloss) : null;
	const general = dictionaryGloss(dictionary, word.lemma, word.pos);
	const gloss = textGloss(own, general);
	return {
		id,
		lemma: word.lemma,
		pos: word.pos,
		...(gender ? { gender } : {}),
		gloss,
		...(gloss === null ? {} : { glossFrom: gloss === own ? 'lexicon' : 'dictionary' }),
		other: [],
		synonyms: curated?.synonyms ?? []
	};
}

function expressionEntry(entry: LexiconEntry): Found['entry'] {
	return {
		id: entryId(entry),
		lemma: entry.lemma,
		pos: 'expression',
		gloss: generalGloss(entry.gloss),
		glossFrom: 'lexicon',
		other: [],
		synonyms: entry.synonyms,
		...(entry.calque ? { calque: entry.calque } : {})
	};
}
