/**
 * Parts of speech for the generator, from the lemmatizer (`$lib/lemma`) when the caller passes
 * the lemma table, else from its function words and a few endings: enough to tell a gap that is
 * a function word, a finite verb that ends a subject, a noun's gender and number.
 */
import { lemmatize } from '$lib/lemma/lemmatizer';
import { FUNCTION_WORDS } from '$lib/lemma/function-words';
import type { Analysis, LemmaTable } from '$lib/lemma/types';
import type { Token } from '$lib/text/tokens';
import { isFirstName } from './names';

export interface Tagged {
	token: Token;
	/** The reading chosen in context; null for names, numbers and unknown words. */
	best: Analysis | null;
}

/** Auxiliary, modal and frequent verb forms, for when no lemma table is given. */
const VERB_FORMS = new Map<string, string>(
	`è:essere:ind:pres:3:s sono:essere:ind:pres:3:p era:essere:ind:impf:3:s erano:essere:ind:impf:3:p
		fu:essere:ind:past:3:s furono:essere:ind:past:3:p sarà:essere:ind:fut:3:s saranno:essere:ind:fut:3:p
		sarebbe:essere:cond:pres:3:s sarebbero:essere:cond:pres:3:p sia:essere:sub:pres:3:s siano:essere:sub:pres:3:p
		ha:avere:ind:pres:3:s hanno:avere:ind:pres:3:p aveva:avere:ind:impf:3:s avevano:avere:ind:impf:3:p
		avrà:avere:ind:fut:3:s avranno:avere:ind:fut:3:p avrebbe:avere:cond:pres:3:s avrebbero:avere:cond:pres:3:p
		abbia:avere:sub:pres:3:s abbiano:avere:sub:pres:3:p può:potere:ind:pres:3:s possono:potere:ind:pres:3:p
		deve:dovere:ind:pres:3:s devono:dovere:ind:pres:3:p dovrebbe:dovere:cond:pres:3:s dovrebbero:dovere:cond:pres:3:p
		potrebbe:potere:cond:pres:3:s vuole:volere:ind:pres:3:s`
		.split(/\s+/u)
		.map((entry) => {
			const [form, lemma, ...features] = entry.split(':');
			return [form, `${lemma}:${features.join(':')}`] as [string, string];
		})
);

function fallback(token: Token): Analysis | null {
	if (token.kind !== 'word') return null;
	const lower = token.text.toLowerCase().replace(/'/gu, '’');
	const known = FUNCTION_WORDS.get(lower);
	if (known?.length) return known[0];
	const verb = VERB_FORMS.get(lower);
	if (verb) {
		const [lemma, ...features] = verb.split(':');
		return { lemma, pos: 'VERB', features: features.join(':') };
	}
	if (/^\p{Lu}/u.test(token.text)) return null;
	// Past participles: "stato", "firmata", "rimossi", "vinto", "cresciuto".
	const participle = /^(\p{L}{2,}(?:at|it|ut|st|tt))([oaie])$/u.exec(lower);
	if (participle) {
		const [gender, number] = { o: 'm:s', a: 'f:s', i: 'm:p', e: 'f:p' }[participle[2]]!.split(':');
		return { lemma: lower, pos: 'VERB', features: `part:past:${gender}:${number}` };
	}
	return null;
}

/** Tags the tokens of one sentence; with `table`, through the lemmatizer's context rules. */
export function tagTokens(tokens: readonly Token[], table?: LemmaTable): Tagged[] {
	const tagged = table
		? lemmatize(tokens, table).map(({ token, best }) => ({ token, best }))
		: tokens.map((token) => ({ token, best: fallback(token) }));
	return tagged.map((tag, i) => (isNamed(tokens, i, tag.best) ? { ...tag, best: null } : tag));
}

/**
 * A first name opening a sentence is a name, not the rare word it spells ("Luca Pellegrini ha
 * vinto": not a form of "lucare"; "«Luca si allena…»"): when a surname follows, or the word's
 * only reading would be a verb.
 */
function isNamed(tokens: readonly Token[], i: number, best: Analysis | null): boolean {
	if (!best || !isFirstName(tokens[i].text)) return false;
	const next = tokens[i + 1];
	return best.pos === 'VERB' || (!!next && next.kind === 'word' && /^\p{Lu}/u.test(next.text));
}

const CLOSED = new Set(['ART', 'PREP', 'PREP+ART', 'PRON', 'DET', 'CONJ']);

/** A function word: never a gap. */
export const isFunctionWord = (tag: Tagged) => !!tag.best && CLOSED.has(tag.best.pos);
/** A finite verb form (indicative, conditional, subjunctive). */
export const isFiniteVerb = (tag: Tagged) =>
	tag.best?.pos === 'VERB' && /^(?:ind|cond|sub):/u.test(tag.best.features);
export const isParticiple = (tag: Tagged) =>
	tag.best?.pos === 'VERB' && tag.best.features.startsWith('part:past');
/** A conditional form: in news, reported speech ("avrebbe ricevuto", "resterebbero"). */
export const isConditional = (tag: Tagged) =>
	tag.best?.pos === 'VERB' && tag.best.features.startsWith('cond:');

/** Gender and number from a reading's features ("m:p", "part:past:f:s"), when it tells. */
export function genderNumber(analysis: Analysis | null): { gender?: 'm' | 'f'; plural?: boolean } {
	const match = /(?:^|:)([mf])?:?([sp])(?:\||$)/u.exec(analysis?.features ?? '');
	if (!match) return {};
	return { gender: match[1] as 'm' | 'f' | undefined, plural: match[2] === 'p' };
}
