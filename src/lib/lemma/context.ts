/**
 * Choosing between the readings of a word by its neighbours: what the words before it in the
 * same clause were read as, and what the next word can be. The rules are general facts of
 * Italian word order (an article is followed by a noun that agrees with it, a participle by an
 * auxiliary, an infinitive by a modal or a bare preposition), weighed against how common each
 * kind of reading is (a noun is commoner than the subjunctive of a verb of the same spelling).
 */
import type { Analysis } from './types';

/** A word already read: its form and the reading chosen for it (null: unknown). */
export interface Read {
	form: string;
	best: Analysis | null;
}

/** What the neighbours of a word tell about it: worked out once per word. */
export interface Context {
	/** The previous word of the clause (none after punctuation). */
	previous: Read | null;
	/** The nearest previous word of the clause that is not an adverb (già, più, mai…). */
	head: Read | null;
	/** The word before `previous`, to tell a subject pronoun from one after a preposition. */
	beforePrevious: Read | null;
	/** The word just before the clause, past its comma: "le piogge, cadute senza sosta". */
	beforeComma: Read | null;
	/** The readings of the next word of the clause. */
	next: readonly Analysis[];
	/** The form is stato, stata, stati or state. */
	stat: boolean;
	/** The word has a past-participle reading (then its adjective reading is that participle). */
	participle: boolean;
	/** The word's adjective reading is one of ADJECTIVES_FIRST (scorso): not the participle. */
	adjectiveFirst: boolean;
	/** The lemma of the word's infinitive reading, if any (essere: the verb before the noun). */
	infinitive: string | null;
	/** The word before `head`: a determiner there makes an adjective at `head` prenominal. */
	beforeHead: Read | null;
	/**
	 * The previous word is a name: capitalised, and unknown to the table or not the first word
	 * of its clause (la Toscana settentrionale).
	 */
	afterName: boolean;
	/** The word before a conjunction (e, o, ma) just before this one: what it is coordinated with. */
	coordinated: Read | null;
}

const CLOSED: ReadonlySet<string> = new Set([
	'ART',
	'PREP',
	'PREP+ART',
	'PRON',
	'DET',
	'CONJ',
	'NUM',
	'ADV'
]);
/** Verbs before a participle in the perfect tenses and the passive. */
const AUXILIARY: ReadonlySet<string> = new Set(['avere', 'essere']);
/** The passive with venire and andare (viene chiuso, va detto), third person only: "vieni subito". */
const PASSIVE: ReadonlySet<string> = new Set(['venire', 'andare']);
/** Participles that are above all adjectives of their own: l'anno scorso, un attore noto. */
export const ADJECTIVES_FIRST: ReadonlySet<string> = new Set(['scorso', 'noto']);
/** Verbs whose complement is an adjective, as essere's is (diventerà famosa). */
const COPULAS: ReadonlySet<string> = new Set([
	'essere',
	'diventare',
	'divenire',
	'sembrare',
	'parere',
	'restare',
	'rimanere',
	'apparire',
	'risultare'
]);
/** Verbs followed by a bare infinitive (può aiutarli, dovrebbe passare). */
const MODALS: ReadonlySet<string> = new Set(['potere', 'dovere', 'volere', 'sapere', 'solere']);
const SUBJECTS: ReadonlySet<string> = new Set(['io', 'tu', 'noi', 'voi', 'egli', 'lui', 'lei']);
const SINGULAR_DETERMINERS: ReadonlySet<string> = new Set([
	'ogni',
	'qualche',
	'qualsiasi',
	'qualunque'
]);

const isVerb = (a: Analysis | null | undefined, lemmas: ReadonlySet<string>) =>
	a?.pos === 'VERB' && lemmas.has(a.lemma);
const isFinite = (a: Analysis) => a.pos === 'VERB' && /^(?:ind|sub|cond|impr):/u.test(a.features);
const isParticiple = (a: Analysis) => a.pos === 'VERB' && a.features.startsWith('part:past');
const isInfinitive = (a: Analysis) => a.pos === 'VERB' && a.features.startsWith('inf');

/** Gender and number: each a set of letters (`mf`, `sp`), from `f:p`, `m|f:s`, `?:s|p`, `s`. */
interface Agreement {
	genders: string;
	numbers: string;
}

function agreementOf(features: string): Agreement | null {
	const [first, second] = features.split(':');
	if (second === undefined) return /^[sp]$/u.test(first) ? { genders: 'mf', numbers: first } : null;
	if (!/^[mf?|]+$/u.test(first) || !/^[sp|]+$/u.test(second)) return null;
	return { genders: first.includes('?') ? 'mf' : first, numbers: second };
}

/** What a determiner says of the noun after it: its features, its ending, or a number's plural. */
function determinerAgreement(word: Read): Agreement | null {
	const { best, form } = word;
	if (!best) return /^\p{N}/u.test(form) && form !== '1' ? { genders: 'mf', numbers: 'p' } : null;
	if (best.pos === 'NUM') return best.lemma === 'uno' ? null : { genders: 'mf', numbers: 'p' };
	const known = agreementOf(best.features);
	if (known || best.pos !== 'DET') return known;
	const lower = form.toLowerCase();
	if (SINGULAR_DETERMINERS.has(lower)) return { genders: 'mf', numbers: 's' };
	const byEnding: Record<string, Agreement> = {
		o: { genders: 'm', numbers: 's' },
		a: { genders: 'f', numbers: 's' },
		i: { genders: 'm', numbers: 'p' },
		e: { genders: 'f', numbers: 'p' }
	};
	return byEnding[lower.at(-1) ?? ''] ?? null;
}

const shares = (a: string, b: string) =>
	[...a].some((letter) => letter !== '|' && b.includes(letter));

/** How much a noun or adjective agrees with its determiner: + agrees, − clashes, 0 unknown. */
function agreementScore(analysis: Analysis, determiner: Agreement | null): number {
	if (!determiner || (analysis.pos !== 'NOUN' && analysis.pos !== 'ADJ')) return 0;
	const own = agreementOf(analysis.features);
	if (!own) return 0;
	let value = 0;
	value += shares(own.numbers, determiner.numbers) ? 0.5 : -1.5;
	// Some nouns have both genders (il fine, la fine) and the table gives one.
	value += shares(own.genders, determiner.genders) ? 0.5 : analysis.pos === 'NOUN' ? -0.5 : -1;
	return value;
}

/** How much an adjective or participle agrees with the noun before it: + agrees, − clashes. */
function nounAgreement(analysis: Analysis, noun: Analysis): number {
	const features = analysis.features.replace(/^part:past:/u, '');
	const own = agreementOf(features);
	const other = agreementOf(noun.features);
	if (!own || !other) return 0;
	const agree = shares(own.numbers, other.numbers) && shares(own.genders, other.genders);
	// A clash costs little: the first half of a compound agrees with nothing (cooperazione
	// russo-nordcoreana).
	return agree ? 0.3 : -0.5;
}

/**
 * How common a kind of reading is, before its neighbours are looked at. The curated function
 * words come first (sette the number, not the plural of setta), numbers less so: sei, venti.
 */
function prior(analysis: Analysis, context: Context): number {
	const { pos, features, lemma } = analysis;
	if (pos === 'NUM') return context.next.some((a) => a.pos === 'NOUN') ? 3 : 2;
	if (CLOSED.has(pos)) return 3;
	if (pos === 'NOUN') {
		// A noun that is an infinitive (l'essere, il potere) is rarer than the verb.
		const value = features === '' ? 0.85 : 1.1;
		return lemma === context.infinitive ? value - 0.3 : value;
	}
	if (pos === 'ADJ') {
		const participial = context.participle && !context.adjectiveFirst;
		return (features === '' ? 0.75 : 1) - (participial ? 0.5 : 0);
	}
	if (context.adjectiveFirst && features.startsWith('part:past')) return -1;
	// Verbs: the third person of the indicative is the commonest reading of a finite form, and
	// the present participle is nearly always a noun or an adjective (gli attaccanti).
	if (features.startsWith('part:pres')) return 0;
	if (/^(?:inf|ger|part)/u.test(features)) return 1;
	if (features.startsWith('impr:')) return 0.2;
	if (features.startsWith('sub:')) return /^sub:impf:3:/u.test(features) ? 0.8 : 0.4;
	return /:3:[sp]$/u.test(features) ? 1 : 0.5;
}

/** How likely a reading is, given its neighbours. Higher wins; ties keep the table's order. */
export function score(analysis: Analysis, context: Context): number {
	const { pos, lemma } = analysis;
	const { previous, head, next } = context;
	let value = prior(analysis, context);
	const finite = isFinite(analysis);
	const participle = isParticiple(analysis);
	const infinitive = isInfinitive(analysis);
	const headBest = head?.best;

	if (participle && (isVerb(headBest, AUXILIARY) || /^(?:aver|esser)$/iu.test(head?.form ?? ''))) {
		value += 3;
	}
	if (participle && isVerb(headBest, PASSIVE) && /:3:[sp]$/u.test(headBest?.features ?? '')) {
		value += 2.5;
	}
	if (context.stat && lemma === 'essere') value += 0.5;
	// After a copula, an adjective; a participle there is the verb's (resterà aperta: aprire).
	if (isVerb(headBest, COPULAS) && headBest && !isParticiple(headBest)) {
		if (pos === 'ADJ' && !context.participle) value += 1;
		else if (participle) value += 1;
	}
	if (infinitive && isVerb(headBest, MODALS)) value += 2;

	const determiner =
		headBest && ['ART', 'PREP+ART', 'DET', 'NUM'].includes(headBest.pos)
			? head
			: head && !headBest && /^\p{N}/u.test(head.form)
				? head
				: null;
	// An adjective before a word that can only be a noun is prenominal: "una forte ondata",
	// "con maggiore difficoltà"; one before anything else after an article is the noun.
	const beforeNoun =
		next.some((a) => a.pos === 'NOUN') &&
		next.every((a) => a.pos === 'NOUN' || (a.pos === 'VERB' && prior(a, context) < 0.5));
	if (determiner) {
		if (pos === 'NOUN') value += 2;
		else if (pos === 'ADJ') value += beforeNoun ? 2.5 : 0.5;
		else if (participle || infinitive) value -= 1;
		else if (pos === 'VERB') value -= 2;
		value += agreementScore(analysis, determinerAgreement(determiner));
	} else if (headBest?.pos === 'PREP') {
		if (pos === 'NOUN') value += 1.5;
		else if (pos === 'ADJ') value += beforeNoun ? 2.5 : 0.5;
		else if (infinitive) value += 2.5;
		else if (pos === 'VERB') value -= 2;
		// Two prepositions in a row are rare: "in secondo luogo" is the ordinal.
		else if (pos === 'PREP') value -= 1;
	}

	// After a noun (adverbs skipped: "un'estate particolarmente secca"), an adjective that
	// agrees with it, a participle, or its verb.
	if (headBest?.pos === 'NOUN' && !context.afterName) {
		if (pos === 'ADJ') value += 0.7 + nounAgreement(analysis, headBest);
		else if (participle) value += 1 + nounAgreement(analysis, headBest);
		else if (finite && /:3:/u.test(analysis.features)) value += 0.5;
		else if (pos === 'NOUN') value -= 0.3;
	}
	if (headBest?.pos === 'ADJ' && !context.afterName) {
		// An adjective after a determiner stands before its noun (al sesto posto); one after a
		// noun may be followed by a participle (artiste italiane vissute nel Seicento).
		const prenominal = ['ART', 'PREP+ART', 'DET', 'NUM', 'PREP'].includes(
			context.beforeHead?.best?.pos ?? ''
		);
		if (pos === 'NOUN') value += prenominal ? 2 : 0.5;
		else if (participle && !prenominal) value += 1;
		else if (finite) value -= 0.5;
	}
	// A participle after a noun and a comma that agrees with it qualifies it.
	const beforeComma = context.beforeComma?.best;
	if (participle && !previous && beforeComma?.pos === 'NOUN') {
		if (nounAgreement(analysis, beforeComma) > 0) value += 0.5;
	}
	// Words joined by a conjunction are alike: "pubbliche e private", "frutta e verdura".
	const like = context.coordinated?.best;
	if (like && ['NOUN', 'ADJ'].includes(like.pos) && pos === like.pos) value += 0.7;
	if (like && finite && isFinite(like)) value += 0.7;
	const previousBest = previous?.best;
	// After a name the table does not know ("l'Oblast russo"), an adjective agreeing with it or
	// the name's verb.
	if (context.afterName) {
		if (pos === 'ADJ') value += 1;
		else if (finite && /:3:/u.test(analysis.features)) value += 0.5;
	}
	// After a clitic (si sviluppa, ne accorge) or non, a verb.
	const clitic = previousBest?.pos === 'PRON' && previousBest.features === 'clitic';
	if (clitic || previous?.form.toLowerCase() === 'non') {
		if (finite) value += 2;
		else if (infinitive) value += 1;
		else if (pos === 'NOUN') value -= 1;
		else if (pos === 'ADJ') value -= 0.5;
	}
	const subject =
		previousBest?.pos === 'PRON' &&
		SUBJECTS.has(previousBest.lemma) &&
		context.beforePrevious?.best?.pos !== 'PREP';
	if (subject && finite) value += 2.5;

	// Before an article, the verb whose object it begins ("porta la borsa"): a noun is rarely
	// followed by one.
	if (next.length > 0 && next.every((a) => a.pos === 'ART')) {
		if (finite) value += 0.5;
		else if (pos === 'NOUN') value -= 0.3;
	}
	// Two finite verbs in a row are rare ("i primi moli dovrebbero entrare": the noun).
	if (finite && next.length > 0 && next.every(isFinite)) value -= 1;
	// molto, poco, tanto: a determiner before a noun, an adverb before anything else.
	if (pos === 'DET' || (pos === 'ADV' && ['molto', 'poco', 'tanto', 'troppo'].includes(lemma))) {
		const following = next[0]?.pos;
		if (pos === 'DET' && following && ['ADJ', 'ADV', 'VERB'].includes(following)) value -= 1;
		if (pos === 'ADV' && following === 'NOUN') value -= 1;
	}
	return value;
}
