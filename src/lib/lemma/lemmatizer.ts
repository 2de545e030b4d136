/**
 * An offline Italian lemmatizer and tagger: readings from the Morph-it table and the curated
 * function words, clitics and elisions undone, unknown words guessed from their shape (guess.ts),
 * and context rules to choose between readings (context.ts: `subito` after `aver` is the
 * participle of subire, `sale` after `le` is the plural of sala).
 */
import type { Token } from '$lib/text/tokens';
import { ADJECTIVES_FIRST, score, type Context, type Read } from './context';
import { FUNCTION_WORDS } from './function-words';
import { guessReadings } from './guess';
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

/** A clitic pronoun after an infinitive, gerund or imperative, alone or after me/te/se/ce/ve/glie. */
const CLITIC =
	/(?:(?:me|te|se|ce|ve|glie)(?:lo|la|li|le|ne)|sene|mi|ti|si|ci|vi|lo|la|li|le|ne|gli)$/u;
const APOSTROPHE = /[’']/u;
const SHORT_IMPERATIVES: Record<string, string> = {
	di: 'dire',
	fa: 'fare',
	da: 'dare',
	sta: 'stare',
	va: 'andare'
};

/** All readings of one form, out of context: the tables', then what rules make of the word. */
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
	// Clitics on infinitives, gerunds and imperatives: sostenersi → sostenere (+ si), farcela →
	// fare (+ ce + la), visitandone → visitando, aiutami → aiuta.
	const clitic = CLITIC.exec(lower)?.[0];
	if (clitic && lower.length - clitic.length >= 3) {
		const base = lower.slice(0, -clitic.length);
		// The one-syllable imperatives double the clitic's consonant: dimmi, fallo, dacci.
		const short = SHORT_IMPERATIVES[base.slice(0, -1)];
		if (short && base.at(-1) === clitic[0]) {
			return [{ lemma: short, pos: 'VERB', features: `impr:pres:2:s:+${clitic}` }];
		}
		const candidates = base.endsWith('r') ? [`${base}e`, `${base}re`] : [base];
		for (const candidate of candidates) {
			const verb = table.get(candidate)?.filter((a) => a.pos === 'VERB');
			if (verb?.length) return verb.map((a) => ({ ...a, features: `${a.features}:+${clitic}` }));
		}
	}
	// An elision the tokenizer left joined (vent’anni, quarant’anni): the word after it.
	const apostrophe = lower.search(APOSTROPHE);
	if (apostrophe > 0 && apostrophe < lower.length - 1) {
		return readings(lower.slice(apostrophe + 1), table);
	}
	return [];
}

/** A token with its readings and the one chosen in context (null: unknown word). */
export interface Lemmatized {
	token: Token;
	readings: Analysis[];
	best: Analysis | null;
}

/**
 * Lemmatizes the tokens of one sentence. Numbers get no reading; an unknown word gets readings
 * guessed from its shape when it is written in lower case (marked `guessed`), and `best: null`
 * when it is capitalised or tells nothing (proper names, foreign words, typos).
 */
export function lemmatize(tokens: readonly Token[], table: LemmaTable): Lemmatized[] {
	const known = (form: string) => readings(form, table);
	const all = tokens.map((token) => {
		if (token.kind === 'number') return [];
		const found = known(token.text);
		return found.length > 0 ? found : guessReadings(token.text, known);
	});
	const result: Lemmatized[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const context = contextAt(i, tokens, result, all);
		let best: Analysis | null = null;
		let bestScore = -Infinity;
		for (const analysis of all[i]) {
			const value = score(analysis, context);
			if (value > bestScore) [best, bestScore] = [analysis, value];
		}
		result.push({ token: tokens[i], readings: all[i], best });
	}
	return result;
}

/** Punctuation (or anything but one space) between two tokens ends what one says of the other. */
const joined = (before: Token, after: Token) => after.start - before.end <= 1;

function contextAt(
	i: number,
	tokens: readonly Token[],
	done: readonly Lemmatized[],
	all: readonly Analysis[][]
): Context {
	const read = (j: number): Read => ({ form: tokens[j].text, best: done[j].best });
	// The words of this clause before token i, nearest first.
	const before: number[] = [];
	for (let j = i - 1; j >= 0 && joined(tokens[j], tokens[j + 1]); j--) before.push(j);
	const headIndex = before.find(
		(j) => done[j].best?.pos !== 'ADV' || tokens[j].text.toLowerCase() === 'non'
	);
	const next = i + 1 < tokens.length && joined(tokens[i], tokens[i + 1]) ? all[i + 1] : [];
	const beforeHead = headIndex === undefined ? undefined : before[before.indexOf(headIndex) + 1];
	// "X e Y", "X, Y e Z": the word before the conjunction, across a comma.
	const conjunction = i > 0 && done[i - 1].best?.pos === 'CONJ' ? i - 1 : -1;
	const coordinated = conjunction > 0 && done[conjunction - 1] ? read(conjunction - 1) : null;
	return {
		previous: before.length > 0 ? read(before[0]) : null,
		beforePrevious: before.length > 1 ? read(before[1]) : null,
		head: headIndex === undefined ? null : read(headIndex),
		beforeHead: beforeHead === undefined ? null : read(beforeHead),
		coordinated,
		beforeComma: i > 0 && before.length === 0 ? read(i - 1) : null,
		afterName:
			before.length > 0 &&
			/^\p{Lu}/u.test(tokens[before[0]].text) &&
			(done[before[0]].best === null || before.length > 1),
		next,
		stat: /^stat[oaie]$/u.test(tokens[i].text.toLowerCase()),
		participle: all[i].some((a) => a.pos === 'VERB' && a.features.startsWith('part:past')),
		adjectiveFirst: all[i].some((a) => a.pos === 'ADJ' && ADJECTIVES_FIRST.has(a.lemma)),
		infinitive: all[i].find((a) => a.pos === 'VERB' && a.features.startsWith('inf'))?.lemma ?? null
	};
}
