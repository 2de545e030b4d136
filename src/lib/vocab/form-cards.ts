/**
 * Vocabulary cards that need no gloss, for words of a text made from the text alone: the form
 * the text uses, gapped in its sentence with the word to put in the right form (agreement and
 * conjugation: "Le api _____ (selvatico)" → selvatiche), and the dictionary form of a form met
 * in the text («spostano» → spostare). They teach a word whose meaning no source gives yet.
 */
import { GAP, type Card } from '$lib/cards/types';
import type { Sentence } from '$lib/content/types';
import type { GrammarSlip } from '$lib/grading/grade';
import type { VocabEntry } from './vocabulary';

type Face = Pick<Card, 'prompt' | 'prompt_en' | 'answer' | 'accept' | 'options' | 'slips'>;

/** Parts of speech whose words change form: they have a dictionary form to ask for. */
const INFLECTED: Record<string, { it: string; en: string }> = {
	verb: { it: 'del verbo', en: 'the verb (infinitive)' },
	noun: { it: 'del nome', en: 'the noun (singular)' },
	adjective: { it: 'dell’aggettivo', en: 'the adjective (masculine singular)' }
};

/**
 * The form gapped in its sentence. Where the form is not the dictionary form, the gap names the
 * word to put in it; otherwise the gloss says which word (or, without one, its first letter).
 * `slips`: the word's other forms (`grammarSlips`), named when typed in the gap, not taken for
 * a typo of the answer.
 */
export function formGap(
	sentence: Sentence,
	[start, end]: [number, number],
	entry: VocabEntry,
	gloss: string | null,
	slips: Record<string, GrammarSlip>
): Face {
	const answer = sentence.text.slice(start, end);
	const before = sentence.text.slice(0, start);
	const after = sentence.text.slice(end);
	// What makes the answer differ from the lemma makes the lemma wrong in the gap: soldato for
	// soldati is a slip of number too.
	const others = { ...slips };
	const own = others[answer.toLowerCase()];
	delete others[answer.toLowerCase()];
	if (own && own !== 'misprint') others[entry.lemma.toLowerCase()] = own;
	const face = { answer, accept: [], options: [], slips: others };
	if (INFLECTED[entry.pos] && answer.toLowerCase() !== entry.lemma.toLowerCase()) {
		const prompt = `${before}${GAP} (${entry.lemma})${after}`;
		const meaning = gloss === null ? '' : ` (${gloss})`;
		return {
			...face,
			prompt,
			prompt_en: `Fill in the gap with the right form of “${entry.lemma}”${meaning}: ${prompt}`
		};
	}
	if (gloss !== null) {
		const prompt = `${before}${GAP}${after}`;
		return {
			...face,
			prompt,
			prompt_en: `Fill in the gap with the word for “${gloss}”: ${prompt}`
		};
	}
	const initial = answer.slice(0, 1);
	const prompt = `${before}${GAP} (${initial}…)${after}`;
	const kind = entry.pos === 'expression' ? 'an expression' : `a word (${entry.pos})`;
	return {
		...face,
		prompt,
		prompt_en: `Fill in the gap with ${kind} beginning with “${initial}”: ${prompt}`
	};
}

/** The dictionary form of a form the text uses, or null when the text uses only that one. */
export function lemmaGap(entry: VocabEntry): Omit<Face, 'slips'> | null {
	const kind = INFLECTED[entry.pos];
	const form = entry.forms.find((f) => f.toLowerCase() !== entry.lemma.toLowerCase());
	if (!kind || !form || /\s/u.test(entry.lemma)) return null;
	return {
		prompt: `«${form}» è una forma ${kind.it} ${GAP}.`,
		prompt_en: `Fill in the gap with the dictionary form: “${form}” is a form of ${kind.en} ${GAP}.`,
		answer: entry.lemma,
		accept: [],
		options: []
	};
}
