/**
 * The curated Italian–English lexicon in `content/lexicon/`: every content word of the article
 * with its lemma, part of speech, gender and gloss in context, its multi-word expressions, its
 * proper names (listed as names, never taught as words), function words, and what is excluded
 * (the source's typos, foreign words, numbers).
 */
import { z } from 'zod';
import { checkYaml, readYaml } from '$lib/content/schema';

const text = z.string().trim().min(1);
const forms = z.array(text).min(1);

const wordSchema = z
	.object({
		lemma: text,
		pos: z.enum(['noun', 'verb', 'adjective', 'adverb', 'expression']),
		gender: z.enum(['m', 'f', 'm/f']).optional(),
		aux: text.optional(),
		irregular: z.boolean().optional(),
		gloss: text,
		other: z.array(text).optional(),
		forms,
		note: text.optional()
	})
	.strict()
	.refine((entry) => entry.pos !== 'noun' || entry.gender !== undefined, {
		message: 'a noun needs its gender',
		path: ['gender']
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
		numbers: z.array(text)
	})
	.strict();

export type LexiconKind = 'word' | 'expression' | 'name' | 'function';

/** One thing a learner can look up, whatever file it comes from. */
export interface LexiconEntry {
	kind: LexiconKind;
	lemma: string;
	/** noun, verb, adjective, adverb, expression; name kinds; function-word classes. */
	pos: string;
	gender?: 'm' | 'f' | 'm/f';
	/** Verbs: the auxiliary of compound tenses; `irregular` where a learner must learn the forms. */
	aux?: string;
	irregular?: boolean;
	gloss: string;
	other: string[];
	/** The forms (or, for expressions and names, the stretches of text) found in the article. */
	forms: string[];
	note?: string;
	file: string;
}

export interface Lexicon {
	entries: LexiconEntry[];
	typos: z.infer<typeof exclusionsSchema>['typos'];
	foreign: z.infer<typeof exclusionsSchema>['foreign'];
	prefixes: z.infer<typeof exclusionsSchema>['prefixes'];
	numbers: string[];
}

function parse<T>(file: string, raw: string, schema: z.ZodType<T>): T {
	return checkYaml(file, readYaml(file, raw), schema);
}

/**
 * Loads every file of `content/lexicon/` (path → text).
 *
 * @throws ContentError naming the file and the entry at fault
 */
export function loadLexicon(files: Record<string, string>): Lexicon {
	const lexicon: Lexicon = { entries: [], typos: [], foreign: [], prefixes: [], numbers: [] };
	for (const [path, raw] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const file = path.replace(/^\/+/, '');
		const name = file.split('/').pop()!;
		if (name === 'exclusions.yaml') {
			Object.assign(lexicon, parse(file, raw, exclusionsSchema));
		} else if (name === 'names.yaml') {
			for (const entry of parse(file, raw, z.object({ entries: z.array(nameSchema) })).entries) {
				const { name: lemma, kind, ...rest } = entry;
				lexicon.entries.push({ kind: 'name', lemma, pos: kind, other: [], ...rest, file });
			}
		} else if (name === 'function-words.yaml') {
			for (const entry of parse(file, raw, z.object({ entries: z.array(functionSchema) }))
				.entries) {
				const { form, forms: many, other = [], ...rest } = entry;
				const all = [...(form ? [form] : []), ...(many ?? [])];
				lexicon.entries.push({ kind: 'function', ...rest, other, forms: all, file });
			}
		} else {
			for (const entry of parse(file, raw, z.object({ entries: z.array(wordSchema) })).entries) {
				const { other = [], ...rest } = entry;
				const kind = entry.pos === 'expression' ? 'expression' : 'word';
				lexicon.entries.push({ kind, ...rest, other, file });
			}
		}
	}
	return lexicon;
}

/** True for a form of several tokens: spaces, an elision or a hyphen inside (`all’inizio`, `know-how`). */
export const isMultiword = (form: string) => /\s|['’-]\p{L}/u.test(form);

/** Single-word forms → entries (exact form first; lower-case as a fallback). */
export function indexForms(lexicon: Lexicon): Map<string, LexiconEntry[]> {
	const index = new Map<string, LexiconEntry[]>();
	for (const entry of lexicon.entries) {
		for (const form of entry.forms) {
			if (isMultiword(form)) continue;
			for (const key of new Set([form, form.toLowerCase()])) {
				index.set(key, [...(index.get(key) ?? []), entry]);
			}
		}
	}
	return index;
}
