/**
 * The main clause of a sentence, found with the part-of-speech guide: an optional frame
 * ("Nel 2023", "Tuttavia,"), the subject, the verb group ("è stato riaperto", "si è giocata",
 * "dovrebbe costare") and the rest. Questions are built by moving these parts, so a sentence
 * whose clause cannot be found gets a gap instead of a question.
 */
import type { Sentence } from '$lib/content/types';
import { isFiniteVerb, isParticiple, type Tagged } from './pos';

export interface Clause {
	/** Token index ranges, [from, to). */
	frame: [number, number];
	subject: [number, number];
	verb: [number, number];
	rest: [number, number];
	/** The finite verb is singular (3rd person): "Chi" can replace the subject. */
	singular: boolean;
}

const SUBORDINATORS = new Set([
	'che',
	'cui',
	'quando',
	'dove',
	'se',
	'mentre',
	'perché',
	'come',
	'dopo',
	'prima'
]);
const CLITICS = new Set(['si', 'ci', 'ne', 'lo', 'la', 'li', 'le', 'gli', 'mi', 'ti', 'vi', 'non']);
const AUX_FOLLOWERS = /^(?:stato|stata|stati|state)$/u;

/** The main clause, or null when no finite verb heads one. */
export function mainClause(sentence: Sentence, tags: readonly Tagged[]): Clause | null {
	const tokens = sentence.tokens;
	const gap = (a: number, b: number) =>
		sentence.text.slice(tokens[a].end - sentence.start, tokens[b].start - sentence.start);
	let depth = 0; // inside a relative or subordinate clause of the subject
	let verbAt = -1;
	for (let i = 0; i < tokens.length; i++) {
		const lower = tokens[i].text.toLowerCase();
		if (i > 0 && /[«»]/u.test(gap(i - 1, i))) return null; // quotes: asked through their speaker
		if (SUBORDINATORS.has(lower)) depth++;
		else if (i > 0 && /,/u.test(gap(i - 1, i)) && depth > 0) depth--;
		// After an article a word is a noun ("la sindaca", not sindacare).
		const afterArticle = i > 0 && /^(?:ART|PREP\+ART|DET)$/u.test(tags[i - 1].best?.pos ?? '');
		if (depth === 0 && isFiniteVerb(tags[i]) && !afterArticle) {
			verbAt = i;
			break;
		}
	}
	if (verbAt < 0) return null;
	let verbFrom = verbAt;
	while (
		verbFrom > 0 &&
		CLITICS.has(tokens[verbFrom - 1].text.toLowerCase()) &&
		!/,/u.test(gap(verbFrom - 1, verbFrom))
	)
		verbFrom--;
	let verbTo = verbAt + 1;
	const isAux = ['essere', 'avere', 'potere', 'dovere', 'volere'].includes(
		tags[verbAt].best?.lemma ?? ''
	);
	if (isAux) {
		while (verbTo < tokens.length && AUX_FOLLOWERS.test(tokens[verbTo].text)) verbTo++;
		if (
			verbTo < tokens.length &&
			(isParticiple(tags[verbTo]) || tags[verbTo].best?.features === 'inf')
		)
			verbTo++;
	}
	// The frame: a leading comma-separated adverbial, or a leading prepositional phrase.
	let subjectFrom = 0;
	for (let i = 0; i < verbFrom; i++) {
		if (
			/,/u.test(gap(i, i + 1)) &&
			i + 1 < verbFrom &&
			!tags.slice(0, i + 1).some((t) => t.best?.pos === 'VERB')
		) {
			const leading = tags[0].best?.pos;
			if (
				leading === 'ADV' ||
				leading === 'CONJ' ||
				leading === 'PREP' ||
				leading === 'PREP+ART' ||
				i === 0
			)
				subjectFrom = i + 1;
			break;
		}
	}
	if (subjectFrom === 0 && /^(?:PREP|PREP\+ART)$/u.test(tags[0].best?.pos ?? '')) {
		for (let i = 1; i < verbFrom; i++) {
			const t = tags[i];
			// "Nella rada di Portoferraio la superficie…": a name after "di" is still the frame's.
			const afterPreposition = /^(?:PREP|PREP\+ART)$/u.test(tags[i - 1].best?.pos ?? '');
			if (
				t.best?.pos === 'ART' ||
				(!t.best && /^\p{Lu}/u.test(tokens[i].text) && i > 1 && !afterPreposition)
			) {
				subjectFrom = i;
				break;
			}
		}
		if (subjectFrom === 0) subjectFrom = verbFrom; // "In Italia vivono…": no subject before the verb
	}
	const features = tags[verbAt].best?.features ?? '';
	return {
		frame: [0, subjectFrom],
		subject: [subjectFrom, verbFrom],
		verb: [verbFrom, verbTo],
		rest: [verbTo, tokens.length],
		singular: /:3:s$/u.test(features)
	};
}

/** The source text from token `a` to the end of token `b - 1` (empty when a >= b). */
export function tokenText(sentence: Sentence, a: number, b: number): string {
	if (a >= b) return '';
	return sentence.text.slice(
		sentence.tokens[a].start - sentence.start,
		sentence.tokens[b - 1].end - sentence.start
	);
}
