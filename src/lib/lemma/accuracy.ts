/**
 * How well the lemmatizer reads a hand-annotated text: each annotated word is found in the
 * tokens (in order, so a form that comes twice is matched twice), the sentence is lemmatized as
 * the app does it, and the chosen reading is compared with the annotation.
 */
import { splitSentences } from '$lib/text/sentences';
import { tokenize } from '$lib/text/tokens';
import { lemmatize, type Lemmatized } from './lemmatizer';
import type { Analysis, LemmaTable } from './types';

/** One annotated word: its form as written, its lemma and part of speech. */
export interface Annotation {
	form: string;
	lemma: string;
	pos: Analysis['pos'];
}

/** One annotated word and what the lemmatizer made of it. */
export interface Judged extends Annotation {
	/** The reading chosen, `lemma POS`, or null for an unknown word. */
	got: { lemma: string; pos: Analysis['pos'] } | null;
	sentence: string;
}

export interface Accuracy {
	words: number;
	/** Right lemma (the figure a vocabulary card depends on). */
	lemma: number;
	/** Right lemma and part of speech. */
	lemmaAndPos: number;
	/** The words whose lemma or part of speech is wrong. */
	errors: Judged[];
}

/**
 * Parses an annotation file: `form<TAB>lemma<TAB>POS` a line, `#` for comments.
 *
 * @throws Error on a line that is not three fields
 */
export function parseAnnotations(tsv: string): Annotation[] {
	return tsv
		.split('\n')
		.filter((line) => line.trim() !== '' && !line.startsWith('#'))
		.map((line) => {
			const fields = line.split('\t');
			if (fields.length !== 3) throw new Error(`not form, lemma, POS: "${line}"`);
			const [form, lemma, pos] = fields;
			return { form, lemma, pos: pos as Analysis['pos'] };
		});
}

/**
 * Judges the lemmatizer on one text and its annotations.
 *
 * @throws Error when an annotated form is not among the text's tokens after the previous one
 */
export function judge(text: string, annotations: readonly Annotation[], table: LemmaTable) {
	const words: { word: Lemmatized; sentence: string }[] = [];
	for (const span of splitSentences(text)) {
		const sentence = text.slice(span.start, span.end);
		for (const word of lemmatize(tokenize(sentence, span.start), table)) {
			words.push({ word, sentence });
		}
	}
	const judged: Judged[] = [];
	let at = 0;
	for (const annotation of annotations) {
		while (at < words.length && words[at].word.token.text !== annotation.form) at++;
		if (at === words.length) throw new Error(`“${annotation.form}” is not in the text (in order)`);
		const { word, sentence } = words[at++];
		const got = word.best && { lemma: word.best.lemma, pos: word.best.pos };
		judged.push({ ...annotation, got, sentence });
	}
	return judged;
}

/** Sums judged words into the accuracy figures. */
export function accuracyOf(judged: readonly Judged[]): Accuracy {
	const rightLemma = judged.filter((j) => j.got?.lemma === j.lemma);
	const right = rightLemma.filter((j) => j.got?.pos === j.pos);
	return {
		words: judged.length,
		lemma: rightLemma.length / judged.length,
		lemmaAndPos: right.length / judged.length,
		errors: judged.filter((j) => j.got?.lemma !== j.lemma || j.got?.pos !== j.pos)
	};
}
