/**
 * An offline Italian lemmatizer and tagger: readings from the Morph-it table and the curated
 * function words, clitics and elisions undone, and a few context rules to choose between readings
 * (`subito` after `aver` is the participle of subire; `stata` after an auxiliary is essere's).
 */
import type { Token } from '$lib/text/tokens';
import { FUNCTION_WORDS } from './function-words';
import type { Analysis, LemmaTable } from './types';

/** Parses the TSV written by scripts/build-lemmas.ts. */
export function parseLemmaTable(tsv: string): LemmaTable {
	const table = new Map<string, Analysis[]>();
	for (const line of tsv.split('\n')) {
		if (line === '' || line.startsWith('#')) continue;
		const [form, ...readings] = line.split('\t');
		table.set(
			form,
			readings.map((reading) => {
				const [lemma, pos, features] = reading.split(' ');
				return { lemma, pos: pos as Analysis['pos'], features: features === '?' ? '' : features };
			})
		);
	}
	return table;
}

const CLITICS = [
	'sene',
	'glielo',
	'gliela',
	'si',
	'lo',
	'la',
	'li',
	'le',
	'ne',
	'mi',
	'ti',
	'ci',
	'vi',
	'gli'
];

/** All readings of one form, out of context. */
export function readings(form: string, table: LemmaTable): Analysis[] {
	const lower = form.toLowerCase().replace(/'/gu, '’');
	const found = [...(FUNCTION_WORDS.get(lower) ?? []), ...(table.get(lower) ?? [])];
	if (found.length > 0) return found;
	// -mente adverbs from the feminine adjective (rapida → rapidamente) or -le/-re (finale).
	if (lower.endsWith('mente')) {
		const stem = lower.slice(0, -5);
		for (const base of [stem, `${stem}e`]) {
			const adjective = table.get(base);
			if (adjective?.some((a) => a.pos === 'ADJ')) {
				return [{ lemma: lower, pos: 'ADV', features: `from:${adjective[0].lemma}` }];
			}
		}
	}
	// Clitics on infinitives and gerunds: sostenersi → sostenere (+ si), visitandone → visitando.
	for (const clitic of CLITICS) {
		if (!lower.endsWith(clitic) || lower.length <= clitic.length + 3) continue;
		const base = lower.slice(0, -clitic.length);
		const candidates = base.endsWith('r') ? [`${base}e`, `${base}re`] : [base];
		for (const candidate of candidates) {
			const verb = table.get(candidate)?.filter((a) => a.pos === 'VERB');
			if (verb?.length) return verb.map((a) => ({ ...a, features: `${a.features}:+${clitic}` }));
		}
	}
	return [];
}

const AUXILIARY = /^(?:avere|aver|essere|esser)$/;
const isAuxiliary = (analyses: Analysis[], form: string) =>
	AUXILIARY.test(form.toLowerCase()) ||
	analyses.some((a) => a.pos === 'VERB' && (a.lemma === 'avere' || a.lemma === 'essere'));
const isDeterminer = (analyses: Analysis[]) =>
	analyses.length > 0 && analyses.every((a) => ['ART', 'PREP+ART', 'DET', 'PREP'].includes(a.pos));

/** What the previous word tells about the readings of a token: worked out once per token. */
interface Context {
	afterAuxiliary: boolean;
	afterDeterminer: boolean;
	afterNoun: boolean;
	/** After a word the table does not know but that starts with a capital (a name). */
	afterName: boolean;
	afterAdjective: boolean;
	/** The token is stato, stata, stati or state. */
	stat: boolean;
}

function contextOf(form: string, previous: Analysis[], prevForm: string): Context {
	return {
		afterAuxiliary: isAuxiliary(previous, prevForm),
		afterDeterminer: isDeterminer(previous),
		afterNoun: previous.some((a) => a.pos === 'NOUN'),
		afterName: previous.length === 0 && /^\p{Lu}/u.test(prevForm),
		afterAdjective: previous.some((a) => a.pos === 'ADJ'),
		stat: /^stat[oaie]$/.test(form.toLowerCase())
	};
}

/** How likely a reading is, given its neighbours. Higher wins; ties keep the table's order. */
function score(analysis: Analysis, context: Context): number {
	const { pos, features, lemma } = analysis;
	let value = ['ART', 'PREP', 'PREP+ART', 'PRON', 'DET', 'CONJ', 'NUM', 'ADV'].includes(pos)
		? 2
		: 1;
	if (features === '') value -= 0.25;
	const participle = pos === 'VERB' && features.startsWith('part:past');
	if (participle && context.afterAuxiliary) value += 3;
	if (context.stat && lemma === 'essere') value += 0.5;
	if (context.afterDeterminer) {
		if (pos === 'NOUN') value += 2;
		else if (pos === 'ADJ') value += 1;
		else if (pos === 'VERB' && !participle) value -= 2;
	}
	if (context.afterNoun && pos === 'ADJ') value += 0.5;
	// After a name ("l'Oblast russo", "la Lancet russa"), an adjective agrees with it: not a
	// noun, nor a verb (russare).
	if (context.afterName && pos === 'ADJ') value += 1;
	// After an adjective, a noun rather than a verb ("ulteriori sistemi": sistema, not sistemare).
	if (context.afterAdjective) {
		if (pos === 'NOUN') value += 1;
		else if (pos === 'VERB' && !participle) value -= 0.5;
	}
	if (pos === 'VERB' && /:[12]:[sp]$/.test(features)) value -= 1;
	if (pos === 'VERB' && /^(?:ind|sub|cond):/.test(features) && /:3:/.test(features)) value += 0.25;
	return value;
}

/** A token with its readings and the one chosen in context (null: unknown word). */
export interface Lemmatized {
	token: Token;
	readings: Analysis[];
	best: Analysis | null;
}

/**
 * Lemmatizes the tokens of one sentence. Numbers get no reading; unknown words get `best: null`
 * (proper names, foreign words, typos: the lexicon says which).
 */
export function lemmatize(tokens: readonly Token[], table: LemmaTable): Lemmatized[] {
	const result: Lemmatized[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		const found = token.kind === 'number' ? [] : readings(token.text, table);
		const previous = result[i - 1];
		const context = contextOf(
			token.text,
			previous?.best ? [previous.best] : [],
			previous?.token.text ?? ''
		);
		let best: Analysis | null = null;
		let bestScore = -Infinity;
		for (const analysis of found) {
			const value = score(analysis, context);
			if (value > bestScore) [best, bestScore] = [analysis, value];
		}
		result.push({ token, readings: found, best });
	}
	return result;
}
