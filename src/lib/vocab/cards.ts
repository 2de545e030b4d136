/**
 * Vocabulary cards, track `vocab`: for every word and expression of the article, recognition
 * (Italian → English), production (English → Italian, typed), cloze in the article's own
 * sentence, and listening. Cards of one entry are siblings, buried for the day together.
 */
import { GAP, type Card, type CardType } from '$lib/cards/types';
import { escapeRegExp } from '$lib/content/article';
import type { Article } from '$lib/content/types';
import type { GrammarSlip } from '$lib/grading/grade';
import { rngFor, shuffled } from '$lib/random/prng';
import type { VocabEntry } from './vocabulary';

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
	entry: Pick<VocabEntry, 'lemma' | 'pos' | 'forms'>
): Record<string, GrammarSlip> {
	const slips: Record<string, GrammarSlip> = {};
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

/** `form` as a whole word (not inside another word): "è" in "è chiara", not in "cioè". */
function wordPattern(form: string): RegExp {
	return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u');
}

function occurrences(text: string, form: string): number {
	return text.split(new RegExp(wordPattern(form).source, 'gu')).length - 1;
}

/** The first sense of a gloss, without its parenthesised explanations: for choices. */
export function shortGloss(gloss: string): string {
	return gloss
		.replace(/\s*\([^)]*\)/gu, '')
		.split(/[;]/u)[0]
		.trim();
}

/**
 * Makes the vocabulary cards of an article. Deterministic for a seed; ids depend only on the
 * article, the entry and the type.
 */
export function vocabCards(
	article: Article,
	vocabulary: readonly VocabEntry[],
	seed: number
): Card[] {
	const sentences = new Map(article.sentences.map((s) => [s.id, s]));
	const byPos = new Map<string, Set<string>>();
	for (const entry of vocabulary) {
		let glosses = byPos.get(entry.pos);
		if (!glosses) byPos.set(entry.pos, (glosses = new Set()));
		glosses.add(shortGloss(entry.gloss));
	}
	const cards: Card[] = [];
	for (const entry of vocabulary) {
		const sibling = `${article.slug}:vocab:${entry.id}`;
		const example = sentences.get(entry.sentences[0])!;
		const source = { article: article.slug, sentence: example.id, text: example.text };
		const base = (type: CardType) => ({
			id: `${sibling}:${type}`,
			track: 'vocab' as const,
			type,
			origin: 'curated' as const,
			sibling,
			source
		});
		const lemma = withArticle(entry);
		const gloss = shortGloss(entry.gloss);
		const hint = entry.pos === 'noun' && entry.gender ? `${entry.pos}, ${entry.gender}` : entry.pos;

		const pool = [...(byPos.get(entry.pos) ?? [])].filter(
			(other) => other.toLowerCase() !== gloss.toLowerCase()
		);
		if (pool.length >= 3) {
			const random = rngFor(`${sibling}:recognition`, seed);
			cards.push({
				...base('recognition'),
				prompt: lemma,
				prompt_en: `What does “${lemma}” mean in the article?`,
				answer: gloss,
				accept: [],
				options: shuffled([gloss, ...shuffled(pool, random).slice(0, 3)], random)
			});
		}

		cards.push({
			...base('production'),
			prompt: `${gloss} (${hint})`,
			prompt_en: `Say it in Italian: ${gloss} (${hint})`,
			answer: entry.lemma,
			accept: lemma === entry.lemma ? [] : [lemma],
			options: [],
			slips: grammarSlips(entry),
			...(entry.pos === 'noun' && (entry.gender === 'm' || entry.gender === 'f')
				? { gender: entry.gender }
				: {})
		});

		// The form the article uses, gapped in its own sentence (first occurrence).
		const form = entry.forms.find((f) => occurrences(example.text, f) === 1);
		if (form) {
			const cloze = example.text.replace(wordPattern(form), GAP);
			cards.push({
				...base('cloze'),
				prompt: cloze,
				prompt_en: `Fill in the gap with the word for “${gloss}”: ${cloze}`,
				answer: form,
				accept: [],
				options: []
			});
		}

		if (entry.pos !== 'expression') {
			cards.push({
				...base('listening'),
				prompt: entry.forms[0],
				prompt_en: 'Type the Italian word you hear.',
				answer: entry.forms[0],
				accept: [],
				options: []
			});
		}
	}
	return cards;
}
