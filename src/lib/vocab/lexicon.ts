/**
 * The curated Italian–English lexicon in `content/lexicon/`: every content word of the article
 * with its lemma, part of speech, gender and gloss in context, its multi-word expressions, its
 * proper names (listed as names, never taught as words), function words, and what is excluded
 * (the source's typos, foreign words, numbers, words met only inside an idiom).
 */
import { z } from 'zod';
import { checkYaml, ContentError, readYaml } from '$lib/content/schema';

const text = z.string().trim().min(1);
const forms = z.array(text).min(1);

const wordSchema = z
	.object({
		lemma: text,
		pos: z.enum(['noun', 'verb', 'adjective', 'adverb', 'conjunction', 'expression']),
		gender: z.enum(['m', 'f', 'm/f']).optional(),
		aux: text.optional(),
		irregular: z.boolean().optional(),
		gloss: text,
		other: z.array(text).optional(),
		forms,
		/** Other Italian words for the same sense: right answers when the learner types one. */
		synonyms: z.array(text).optional(),
		/** A literal rendering of English: the Italian a native writer would use instead. */
		calque: text.optional(),
		/**
		 * Stretches of the article where this entry, not another with the same form, is meant: the
		 * noun materiale in "manodopera e materiale", where the adjective is the default.
		 */
		contexts: z.array(text).optional(),
		note: text.optional()
	})
	.strict()
	.refine((entry) => entry.pos !== 'noun' || entry.gender !== undefined, {
		message: 'a noun needs its gender',
		path: ['gender']
	})
	.refine((entry) => entry.calque === undefined || entry.pos === 'expression', {
		message: 'only an expression is marked as a calque',
		path: ['calque']
	});

const nameSchema = z
	.object({
		name: text,
		kind: z.enum(['person', 'place', 'organisation', 'other']),
		gloss: text,
		forms,
		note: text.optional()
	})
	.strict();

const functionSchema = z
	.object({
		form: text.optional(),
		forms: forms.optional(),
		lemma: text,
		pos: text,
		gloss: text,
		other: z.array(text).optional(),
		contexts: z.array(text).optional(),
		note: text.optional()
	})
	.strict()
	.refine((entry) => entry.form || entry.forms, { message: 'needs form or forms', path: ['form'] });

const exclusionsSchema = z
	.object({
		typos: z.array(z.object({ form: text, correct: text, gloss: text, note: text }).strict()),
		foreign: z.array(
			z.object({ form: text, language: text, gloss: text, note: text.optional() }).strict()
		),
		prefixes: z.array(z.object({ form: text, gloss: text, note: text.optional() }).strict()),
		numbers: z.array(text),
		/** Words taught only through their idiom: their own sense is not the idiom's. */
		idioms: z.array(z.object({ form: text, expression: text, reason: text }).strict())
	})
	.strict();

export type LexiconKind = 'word' | 'expression' | 'name' | 'function';

/** One thing a learner can look up, whatever file it comes from. */
export interface LexiconEntry {
	kind: LexiconKind;
	lemma: string;
	/** noun, verb, adjective, adverb, conjunction, expression; name kinds; function-word classes. */
	pos: string;
	gender?: 'm' | 'f' | 'm/f';
	/** Verbs: the auxiliary of compound tenses; `irregular` where a learner must learn the forms. */
	aux?: string;
	irregular?: boolean;
	gloss: string;
	other: string[];
	/** The forms (or, for expressions and names, the stretches of text) found in the article. */
	forms: string[];
	synonyms: string[];
	calque?: string;
	contexts: string[];
	note?: string;
	file: string;
}

type Exclusions = z.infer<typeof exclusionsSchema>;

export interface Lexicon {
	entries: LexiconEntry[];
	typos: Exclusions['typos'];
	foreign: Exclusions['foreign'];
	prefixes: Exclusions['prefixes'];
	numbers: string[];
	idioms: Exclusions['idioms'];
}

/** A source typo: the form as printed, and the real word it stands for. */
export type Typo = Exclusions['typos'][number];

function parse<T>(file: string, raw: string, schema: z.ZodType<T>): T {
	return checkYaml(file, readYaml(file, raw), schema);
}

/**
 * Loads every file of `content/lexicon/` (path → text).
 *
 * @throws ContentError naming the file and the entry at fault
 */
export function loadLexicon(files: Record<string, string>): Lexicon {
	const lexicon: Lexicon = {
		entries: [],
		typos: [],
		foreign: [],
		prefixes: [],
		numbers: [],
		idioms: []
	};
	for (const [path, raw] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const file = path.replace(/^\/+/, '');
		const name = file.split('/').pop()!;
		const base = {
			other: [] as string[],
			synonyms: [] as string[],
			contexts: [] as string[],
			file
		};
		if (name === 'exclusions.yaml') {
			Object.assign(lexicon, parse(file, raw, exclusionsSchema));
		} else if (name === 'names.yaml') {
			for (const entry of parse(file, raw, z.object({ entries: z.array(nameSchema) })).entries) {
				const { name: lemma, kind, ...rest } = entry;
				lexicon.entries.push({ ...base, kind: 'name', lemma, pos: kind, ...rest });
			}
		} else if (name === 'function-words.yaml') {
			for (const entry of parse(file, raw, z.object({ entries: z.array(functionSchema) }))
				.entries) {
				const { form, forms: many, other = [], contexts = [], ...rest } = entry;
				const all = [...(form ? [form] : []), ...(many ?? [])];
				lexicon.entries.push({ ...base, kind: 'function', ...rest, other, contexts, forms: all });
			}
		} else {
			for (const entry of parse(file, raw, z.object({ entries: z.array(wordSchema) })).entries) {
				const { other = [], synonyms = [], contexts = [], ...rest } = entry;
				const kind = entry.pos === 'expression' ? 'expression' : 'word';
				lexicon.entries.push({ ...base, kind, ...rest, other, synonyms, contexts });
			}
		}
	}
	checkReferences(lexicon);
	return lexicon;
}

/** What `exclusions.yaml` names must exist: an idiom's expression, the word a typo stands for. */
function checkReferences(lexicon: Lexicon): void {
	const file = 'content/lexicon/exclusions.yaml';
	const expressions = new Set(
		lexicon.entries.filter((e) => e.kind === 'expression').map((e) => e.lemma)
	);
	for (const idiom of lexicon.idioms) {
		if (!expressions.has(idiom.expression)) {
			throw new ContentError(file, `idiom "${idiom.form}": no expression "${idiom.expression}"`);
		}
	}
	const forms = new Set(lexicon.entries.filter((e) => e.kind === 'word').flatMap((e) => e.forms));
	for (const typo of lexicon.typos) {
		if (!forms.has(typo.correct)) {
			throw new ContentError(file, `typo "${typo.form}": no word has the form "${typo.correct}"`);
		}
	}
}

/** True for a form of several tokens: spaces, an elision or a hyphen inside (`all’inizio`, `know-how`). */
export const isMultiword = (form: string) => /\s|['’-]\p{L}/u.test(form);

/** Single-word forms → entries (exact form first; lower-case as a fallback), each entry once. */
export function indexForms(lexicon: Lexicon): Map<string, LexiconEntry[]> {
	const index = new Map<string, LexiconEntry[]>();
	for (const entry of lexicon.entries) {
		for (const form of entry.forms) {
			if (isMultiword(form)) continue;
			for (const key of new Set([form, form.toLowerCase()])) {
				const list = index.get(key) ?? [];
				if (!list.includes(entry)) index.set(key, [...list, entry]);
			}
		}
	}
	return index;
}
