/**
 * The real words around an answer, as a card carries them (`Card.forms`): the other forms of the
 * asked word, each with what it is, and the real words one letter away that are other words.
 * Grading uses them to tell a form of the word or another word from a typo; they are worked out
 * on the server from the lemma table (see `$lib/lemma/forms`), which never goes to the browser.
 */
import { bareOf, editDistance, type Word } from '$lib/grading/words';

/**
 * What another form of the asked word is, compared with the answer: its gender and number
 * where they differ (`plural`, `feminine-plural`), another form of the same verb, a form whose
 * difference the table does not say (`other-form`), or a form of the same lemma as another part
 * of speech (`noun`, `adjective`, `verb`: `esseri`, beings, for the verb essere).
 */
export type FormSlip =
	| 'singular'
	| 'plural'
	| 'masculine'
	| 'feminine'
	| 'masculine-singular'
	| 'masculine-plural'
	| 'feminine-singular'
	| 'feminine-plural'
	| 'verb-form'
	| 'other-form'
	| 'noun'
	| 'adjective'
	| 'verb';

/** Slips that make the form another word, never the asked one. */
const OTHER_WORD: ReadonlySet<FormSlip> = new Set(['noun', 'adjective', 'verb']);

/** Whether a form with this slip is still the asked word (in another form). */
export const sameWord = (slip: FormSlip) => !OTHER_WORD.has(slip);

export interface WordForms {
	/** The lemma of the asked word. */
	lemma: string;
	/** Its other real forms (never the answer itself), grouped by what each one is. */
	other: Partial<Record<FormSlip, string[]>>;
	/** Real words one letter away from the answer that are not forms of it: word → its lemma. */
	neighbours: Record<string, string>;
}

export interface FoundForm {
	form: string;
	slip: FormSlip;
}

function* entries(forms: WordForms): Generator<FoundForm> {
	for (const [slip, list] of Object.entries(forms.other) as [FormSlip, string[]][]) {
		for (const form of list) yield { form, slip };
	}
}

/**
 * The form of the word that `word` is, spelt exactly or but for accents (`sara` for `sarà`),
 * or null. An exact spelling wins over one that differs only by accents.
 */
export function findForm(word: Word, forms: WordForms): FoundForm | null {
	let loose: FoundForm | null = null;
	for (const found of entries(forms)) {
		const norm = found.form.toLowerCase();
		if (norm === word.norm) return found;
		if (!loose && bareOf(norm) === word.bare) loose = found;
	}
	return loose;
}

const VOWEL = /^[aeiou]$/u;

/**
 * The other form that `word`, no real word, is a botched spelling of rather than a typo of the
 * answer (`answer`, bare; null when the word is no typo of it): a form one letter from it and
 * either nearer than the answer, or the answer with its final vowel changed (guerri for guerra,
 * next to guerre: the ending carries gender and number, so that is grammar, not a slip). A letter
 * left out or swapped, as near the answer as another form (russ for russo, avre for avere), is
 * still a typo of the answer: nothing says another form was meant.
 */
export function nearForm(word: Word, answer: string | null, forms: WordForms): FoundForm | null {
	const toAnswer = answer === null ? Infinity : editDistance(word.bare, answer, 2);
	const ending =
		answer !== null &&
		word.bare.length === answer.length &&
		word.bare.slice(0, -1) === answer.slice(0, -1) &&
		VOWEL.test(word.bare.slice(-1)) &&
		VOWEL.test(answer.slice(-1));
	for (const found of entries(forms)) {
		const toForm = editDistance(word.bare, bareOf(found.form), 1);
		if (toForm <= 1 && (toForm < toAnswer || ending)) return found;
	}
	return null;
}

/** The other real word that `word` is (with or without its accents), and its lemma, or null. */
export function findNeighbour(
	word: Word,
	forms: WordForms
): { word: string; lemma: string } | null {
	let loose: { word: string; lemma: string } | null = null;
	for (const [neighbour, lemma] of Object.entries(forms.neighbours)) {
		if (neighbour === word.norm) return { word: neighbour, lemma };
		if (!loose && bareOf(neighbour) === word.bare) loose = { word: neighbour, lemma };
	}
	return loose;
}
