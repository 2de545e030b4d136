/**
 * English prompts for cards made from the text alone: the sentence's translation with the
 * answer's English blanked, so "Show in English" shows English and not the Italian again.
 */
import { GAP, type Card } from './types';

/** Cities and areas whose English name is not the Italian one (countries come from `Intl`). */
const PLACES: Readonly<Record<string, string>> = {
	Mosca: 'Moscow',
	Kiev: 'Kyiv',
	Seul: 'Seoul',
	Pechino: 'Beijing',
	Varsavia: 'Warsaw',
	Londra: 'London',
	Parigi: 'Paris',
	Berlino: 'Berlin',
	Bruxelles: 'Brussels',
	Teheran: 'Tehran',
	Ginevra: 'Geneva',
	Vienna: 'Vienna',
	Praga: 'Prague',
	Europa: 'Europe',
	Asia: 'Asia',
	Africa: 'Africa',
	America: 'America',
	'Medio Oriente': 'Middle East',
	'Stati Uniti': 'United States',
	Crimea: 'Crimea'
};

let countries: Map<string, string> | undefined;

/** Italian country name → English, from the two locales' region names (built once). */
function countryNames(): Map<string, string> {
	if (countries) return countries;
	countries = new Map();
	const it = new Intl.DisplayNames('it', { type: 'region', fallback: 'none' });
	const en = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	for (const a of letters) {
		for (const b of letters) {
			try {
				const [itName, enName] = [it.of(a + b), en.of(a + b)];
				if (itName && enName) countries.set(itName, enName);
			} catch {
				// a code this ICU build does not accept
			}
		}
	}
	return countries;
}

/** The ways an Italian answer may be written in English: itself first ("Kursk", "Lavrov"). */
export function englishCandidates(answer: string): string[] {
	const named = PLACES[answer] ?? countryNames().get(answer);
	return named && named !== answer ? [answer, named] : [answer];
}

const wholeWord = (word: string) =>
	new RegExp(
		`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`,
		'gu'
	);

/**
 * The English sentence with the answer blanked, when the answer (or its English name) occurs
 * there exactly once as a whole word; null when it cannot be found, so nothing gives it away.
 */
export function englishCloze(english: string, answer: string): string | null {
	for (const candidate of englishCandidates(answer)) {
		const matches = [...english.matchAll(wholeWord(candidate))];
		if (matches.length === 1) {
			const at = matches[0].index;
			return english.slice(0, at) + GAP + english.slice(at + candidate.length);
		}
	}
	return null;
}

/**
 * An automatic card with an English prompt: the translated sentence with its gap, or, when the
 * answer cannot be found in the translation, the instruction alone (never the Italian again).
 */
export function withEnglishPrompt(card: Card, english: string | undefined): Card {
	const cloze = english === undefined ? null : englishCloze(english, card.answer);
	// Generated questions and statements have no gap: say what to do with them instead.
	const instruction =
		card.type !== 'cloze' && !card.prompt.includes(GAP)
			? card.type === 'true-false'
				? 'True or false, according to the text?'
				: 'Answer the Italian question about the text.'
			: card.type === 'numeric'
				? 'Fill in the gap with a number.'
				: 'Fill in the gap in the Italian sentence.';
	return { ...card, prompt_en: cloze ?? instruction };
}
