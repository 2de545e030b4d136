import { z } from 'zod';

const text = z.string().trim().min(1);
const bilingual = z.object({ it: text, en: text }).strict();

export const FACT_TYPES = [
	'number',
	'person',
	'place',
	'organisation',
	'date',
	'term',
	'claim'
] as const;

export const factSchema = z
	.object({
		id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"'),
		quote: text,
		type: z.enum(FACT_TYPES),
		answer: text,
		answer_en: text,
		gap: text,
		/** The gap's words in the sentence's English translation (default: `answer_en`). */
		gap_en: text.optional(),
		/**
		 * Other words that fill the gap in its sentence: the only ones a cloze accepts besides the
		 * gap, since the answer's variants (`accept`) often do not fit there ("Oblast di Kursk").
		 */
		gap_accept: z.array(text).default([]),
		question: bilingual,
		statement: bilingual,
		accept: z.array(text).default([]),
		/**
		 * Words the fact lets a learner change in a typed answer, with what may replace them
		 * (`truppe: [soldati]` where "soldati" says the same): applied to every accepted form.
		 */
		synonyms: z.record(z.string(), z.array(text).min(1)).default({}),
		distractors: z.array(text).default([]),
		/** The English of each distractor, in order: what it says in `statement.en`. */
		distractors_en: z.array(text).default([]),
		number: z
			.object({
				value: z.number().finite(),
				qualifier: z.enum(['exact', 'about', 'more-than', 'up-to'])
			})
			.strict()
			.optional(),
		/**
		 * The article's typos in the fact's sentence, as printed → as meant (`riconsestare:
		 * riconquistare`): the cloze answer is the word meant, a printed typo is never accepted,
		 * and the `note` (then required) tells the learner.
		 */
		corrections: z.record(z.string(), text).default({}),
		note: bilingual.optional()
	})
	.strict()
	.refine((fact) => fact.type !== 'number' || fact.number !== undefined, {
		message: 'a fact of type "number" needs `number: { value, qualifier }`',
		path: ['number']
	});

export const factsFileSchema = z.object({ facts: z.array(factSchema).min(1) }).strict();

/** A fact as written in `facts.yaml`: what the article states, with its question and answer. */
export type Fact = z.infer<typeof factSchema>;
export type FactType = Fact['type'];
