/**
 * Vocabulary cards, track `vocab`: for every word and expression of the article, recognition
 * (Italian → English), production (English → Italian, typed), cloze in the article's own
 * sentence, and listening. Cards of one entry are siblings, buried for the day together. A calque
 * is only recognised, never typed: the learner should not learn to produce it.
 */
import { GAP, type Card, type CardOrigin, type CardType } from '$lib/cards/types';
import type { Article, Sentence } from '$lib/content/types';
import type { GrammarSlip } from '$lib/grading/grade';
import { rngFor, shuffled } from '$lib/random/prng';
import { acceptEachOther, entryNote, productionAccept, productionSynonyms } from './answers';
import { formGap, lemmaGap } from './form-cards';
import { shortGloss } from './gloss';
import { findForm } from './links';
import type { VocabEntry } from './vocabulary';

export { shortGloss } from './gloss';

const ARTICLES: Record<string, string> = { m: 'il', f: 'la' };
const VOWEL = /^[aeiouàèéìòù]/iu;

/** A noun with its article, as learners should learn it: "la truppa", "l’artiglieria". */
export function withArticle(entry: Pick<VocabEntry, 'lemma' | 'pos' | 'gender'>): string {
	if (entry.pos !== 'noun' || !entry.gender || entry.gender === 'm/f') return entry.lemma;
	if (VOWEL.test(entry.lemma)) return `l’${entry.lemma}`;
	if (entry.gender === 'm' && /^(?:s[bcdfgklmnpqrtv]|z|gn|ps|x|y)/iu.test(entry.lemma)) {
		return `lo ${entry.lemma}`;
	}
	return `${ARTICLES[entry.gender]} ${entry.lemma}`;
}

/**
 * Other forms of a word and what makes each one wrong for its lemma: the article's own forms
 * (a conjugated verb for an infinitive, a plural for a singular) and, for regular nouns and
 * adjectives in -o/-a/-e, the other gender and number endings.
 */
export function grammarSlips(
	entry: Pick<VocabEntry, 'lemma' | 'pos' | 'forms' | 'misprints'>
): Record<string, GrammarSlip> {
	const slips = misprintSlips(entry);
	const { lemma, pos } = entry;
	if (/\s/u.test(lemma)) return slips;
	if (pos === 'verb') {
		for (const form of entry.forms)
			if (form.toLowerCase() !== lemma) slips[form.toLowerCase()] = 'verb-form';
		return slips;
	}
	if (pos !== 'noun' && pos !== 'adjective') return slips;
	const stem = lemma.slice(0, -1);
	const ending = lemma.at(-1);
	const table: Record<string, Record<string, GrammarSlip>> = {
		// masculine singular -o: -a (gender), -i (number), -e (both)
		o: { a: 'gender', i: 'number', e: 'gender-number' },
		// feminine singular -a: -e (number); for adjectives also -o, -i
		a: pos === 'adjective' ? { o: 'gender', e: 'number', i: 'gender-number' } : { e: 'number' },
		// -e: -i (number)
		e: { i: 'number' }
	};
	for (const [end, slip] of Object.entries(table[ending ?? ''] ?? {})) slips[stem + end] = slip;
	// A stem in -c/-g keeps its sound with an h: critico → critici but tecnologiche.
	if (/[cg]$/u.test(stem)) {
		for (const [form, slip] of Object.entries(slips)) {
			if (/[ei]$/u.test(form)) slips[`${stem}h${form.at(-1)}`] ??= slip;
		}
	}
	delete slips[lemma];
	return slips;
}

/**
 * The source's misprints of an entry: never a typo of the right answer (dissuasire is two letters
 * from dissuadere), always named as the article's typo.
 */
export function misprintSlips(entry: Pick<VocabEntry, 'misprints'>): Record<string, GrammarSlip> {
	return Object.fromEntries(
		Object.values(entry.misprints ?? {}).map((printed) => [printed.toLowerCase(), 'misprint'])
	);
}

/** Cloze gaps hold at most this many words: more is reciting, not recalling a word. */
const MAX_GAP_WORDS = 3;

/** Recognition choices come from entries of the same kind; conjunctions are few, pooled with adverbs. */
const poolOf = (pos: string) => (pos === 'conjunction' ? 'adverb' : pos);

/**
 * Where a form occurs in a sentence, on whole tokens as the reader links them ("è" in "è chiara",
 * not in "cioè"): each occurrence as its span within the sentence text. A form whose words are
 * apart ("non solo … ma anche") cannot be one gap and is never found.
 */
export function formSpans(sentence: Sentence, form: string): [number, number][] {
	if (form.includes('…')) return [];
	return findForm(sentence, form).map((indices) => [
		sentence.tokens[indices[0]].start - sentence.start,
		sentence.tokens[indices.at(-1)!].end - sentence.start
	]);
}

/**
 * Makes the vocabulary cards of an article. Deterministic for a seed; ids depend only on the
 * article, the entry and the type. A word without a gloss (a new text's word that no source
 * glosses yet) gets only the cards that need none: its form gapped in its sentence, its
 * dictionary form, listening. `origin`: `auto` for a vocabulary made from the text alone, whose
 * gaps then also name the word to put in the right form (see `$lib/vocab/form-cards`).
 */
export function vocabCards(
	article: Article,
	vocabulary: readonly VocabEntry[],
	seed: number,
	origin: CardOrigin = 'curated'
): Card[] {
	const sentences = new Map(article.sentences.map((s) => [s.id, s]));
	const byPos = new Map<string, Set<string>>();
	for (const entry of vocabulary) {
		if (entry.gloss === null) continue;
		let glosses = byPos.get(poolOf(entry.pos));
		if (!glosses) byPos.set(poolOf(entry.pos), (glosses = new Set()));
		glosses.add(shortGloss(entry.gloss));
	}
	const cards: Card[] = [];
	for (const entry of vocabulary) {
		const sibling = `${article.slug}:vocab:${entry.id}`;
		const example = sentences.get(entry.sentences[0])!;
		const source = { article: article.slug, sentence: example.id, text: example.text };
		const note = entryNote(entry);
		const base = (type: CardType, id: string = type) => ({
			id: `${sibling}:${id}`,
			track: 'vocab' as const,
			type,
			origin,
			sibling,
			source,
			...(note ? { note } : {})
		});
		const lemma = withArticle(entry);
		const gloss = entry.gloss === null ? null : shortGloss(entry.gloss);
		const hint = entry.pos === 'noun' && entry.gender ? `${entry.pos}, ${entry.gender}` : entry.pos;

		const pool = [...(byPos.get(poolOf(entry.pos)) ?? [])].filter(
			(other) => other.toLowerCase() !== gloss?.toLowerCase()
		);
		if (gloss !== null && pool.length >= 3) {
			const random = rngFor(`${sibling}:recognition`, seed);
			const calque = entry.calque ? ` (A calque; the usual Italian is “${entry.calque}”.)` : '';
			cards.push({
				...base('recognition'),
				prompt: lemma,
				prompt_en: `What does “${lemma}” mean in the article?${calque}`,
				answer: gloss,
				accept: [],
				options: shuffled([gloss, ...shuffled(pool, random).slice(0, 3)], random)
			});
		}

		// A calque is recognised, never typed: neither production nor a gap to fill with it.
		if (entry.calque) continue;
		const slips = misprintSlips(entry);
		if (gloss !== null) {
			cards.push({
				...base('production'),
				prompt: `${gloss} (${hint})`,
				prompt_en: `Say it in Italian: ${gloss} (${hint})`,
				answer: entry.lemma,
				accept: productionAccept(entry, lemma),
				...(entry.synonyms.length > 0 ? { synonyms: productionSynonyms(entry) } : {}),
				options: [],
				slips: grammarSlips(entry),
				...(entry.pos === 'noun' && (entry.gender === 'm' || entry.gender === 'f')
					? { gender: entry.gender }
					: {})
			});
		}

		// The form the article uses, gapped in its own sentence (first occurrence); a misprinted
		// form is gapped as printed, and the real form is the answer.
		const printed = (f: string) => entry.misprints?.[f] ?? f;
		const form = entry.forms.find(
			(f) => formSpans(example, printed(f)).length === 1 && f.split(/\s+/u).length <= MAX_GAP_WORDS
		);
		if (form) {
			const [[start, end]] = formSpans(example, printed(form));
			const answer = entry.misprints?.[form] ? form : example.text.slice(start, end);
			if (origin === 'auto') {
				cards.push({
					...base('cloze'),
					...formGap(example, [start, end], entry, gloss, grammarSlips(entry))
				});
			} else {
				const cloze = `${example.text.slice(0, start)}${GAP}${example.text.slice(end)}`;
				cards.push({
					...base('cloze'),
					prompt: cloze,
					prompt_en: `Fill in the gap with the word for “${gloss}”: ${cloze}`,
					// As written there (capital and all), unless misprinted there.
					answer,
					accept: [],
					options: [],
					...(entry.misprints ? { slips } : {})
				});
			}
		}

		const dictionaryForm = origin === 'auto' ? lemmaGap(entry) : null;
		if (dictionaryForm) {
			cards.push({ ...base('cloze', 'lemma'), ...dictionaryForm, slips: grammarSlips(entry) });
		}

		if (entry.pos !== 'expression') {
			cards.push({
				...base('listening'),
				prompt: entry.forms[0],
				prompt_en: 'Type the Italian word you hear.',
				answer: entry.forms[0],
				accept: [],
				options: [],
				...(entry.misprints ? { slips } : {})
			});
		}
	}
	acceptEachOther(cards);
	return cards;
}
