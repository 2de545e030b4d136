/**
 * What counts as a right answer on a vocabulary card, beyond the lemma itself: optional parts,
 * synonyms from the lexicon, the answers of another card that asks the very same thing; and the
 * notes that go with an entry the article misprints or renders as a calque.
 */
import type { Card } from '$lib/cards/types';
import type { VocabEntry } from './vocabulary';

/**
 * A form with its optional parts in brackets, as it may be typed: with and without each part.
 *
 * @example optionalVariants('in cambio (di)') // ['in cambio di', 'in cambio']
 */
export function optionalVariants(form: string): string[] {
	const match = /\s*\(([^()]+)\)/u.exec(form);
	if (!match) return [form];
	const before = form.slice(0, match.index);
	const after = form.slice(match.index + match[0].length);
	const spaced = (text: string) => text.replace(/\s+/gu, ' ').trim();
	return [
		...optionalVariants(spaced(`${before} ${match[1]}${after}`)),
		...optionalVariants(spaced(`${before}${after}`))
	];
}

/** Every right answer of a production card but its answer and synonyms: the lemma's variants. */
export function productionAccept(entry: VocabEntry, withArticle: string): string[] {
	const all = [withArticle, ...optionalVariants(entry.lemma)];
	return [...new Set(all)].filter((form) => form !== entry.lemma);
}

/**
 * The lexicon's synonyms of an entry, as a card's `synonyms`: right too, and the learner is told
 * which word the article uses.
 */
export function productionSynonyms(entry: VocabEntry): string[] {
	return [...new Set(entry.synonyms.flatMap(optionalVariants))];
}

/**
 * Production cards that ask the same thing ("deployment (noun, m)": dispiegamento and
 * schieramento) each accept the others' answers: the learner cannot tell which one is meant,
 * and both are right.
 */
export function acceptEachOther(cards: Card[]): void {
	const byPrompt = new Map<string, Card[]>();
	for (const card of cards) {
		if (card.type !== 'production') continue;
		byPrompt.set(card.prompt, [...(byPrompt.get(card.prompt) ?? []), card]);
	}
	for (const same of byPrompt.values()) {
		if (same.length < 2) continue;
		for (const card of same) {
			const others = same.filter((o) => o !== card).flatMap((o) => [o.answer, ...o.accept]);
			card.accept = [...new Set([...card.accept, ...others])].filter((a) => a !== card.answer);
		}
	}
}

/**
 * The note every card of an entry carries: where the article misprints the word, or renders an
 * English phrase word by word (a calque), the learner is told and given the real Italian.
 */
export function entryNote(entry: VocabEntry): Card['note'] | undefined {
	const [misprint] = Object.entries(entry.misprints ?? {});
	if (misprint) {
		const [form, printed] = misprint;
		return {
			en: `The article prints “${printed}”, a typo: the word is ${form}.`,
			it: `L’articolo scrive «${printed}», un refuso: la parola è ${form}.`
		};
	}
	if (entry.calque) {
		return {
			en: `A calque of English: the usual Italian is “${entry.calque}”.`,
			it: `Un calco dall’inglese: in italiano si dice di solito «${entry.calque}».`
		};
	}
	return undefined;
}
