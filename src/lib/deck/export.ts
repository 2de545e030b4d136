/**
 * The deck as it leaves the app: JSON in the documented shape, or CSV for spreadsheets and
 * flashcard apps.
 */
import type { Card } from '$lib/cards/types';
import { toCsv } from '$lib/csv/csv';
import type { Deck } from './deck';

/** One card in the export format (README: "Deck export"). */
export interface ExportedCard {
	id: string;
	track: Card['track'];
	type: Card['type'];
	origin: Card['origin'];
	prompt: string;
	prompt_en: string;
	answer: string;
	accept: string[];
	options: string[];
	source: Card['source'];
	/** A remark shown after the answer, in Italian and English; only when the card has one. */
	note?: Card['note'];
}

/** A card as exported: its note travels with it (where the article is imprecise, a typo…). */
export function toExportedCard(card: Card): ExportedCard {
	const { id, track, type, origin, prompt, prompt_en, answer, accept, options, source } = card;
	const exported = { id, track, type, origin, prompt, prompt_en, answer, accept, options, source };
	return card.note ? { ...exported, note: card.note } : exported;
}

/** A vocabulary entry in the export format (README: "Deck export"). */
export interface ExportedVocab {
	lemma: string;
	pos: string;
	/** null: no source glosses this word of a new text yet. */
	gloss: string | null;
	forms: string[];
	/** The sentences it occurs in, as text. */
	examples: string[];
}

/** JSON export; `sentences` (id → text) turns vocabulary examples into their sentences. */
export function deckToJson(deck: Deck, sentences: ReadonlyMap<string, string> = new Map()): string {
	const vocab: ExportedVocab[] = deck.vocab.map((entry) => ({
		lemma: entry.lemma,
		pos: entry.pos,
		gloss: entry.gloss,
		forms: entry.forms,
		examples: entry.sentences.map((id) => sentences.get(id) ?? id)
	}));
	const out = { articles: deck.articles, cards: deck.cards.map(toExportedCard) };
	return JSON.stringify(vocab.length > 0 ? { ...out, vocab } : out, null, 2);
}

const CSV_COLUMNS = [
	'id',
	'track',
	'type',
	'origin',
	'prompt',
	'prompt_en',
	'answer',
	'accept',
	'options',
	'article',
	'sentence',
	'text',
	'note',
	'note_en'
] as const;

/**
 * CSV with a header row; list fields (`accept`, `options`) joined with " | ", the note in two
 * columns (`note` in Italian, `note_en`), empty when there is none. Quoting and
 * keeping spreadsheets from running a cell as a formula are `$lib/csv/csv`'s.
 */
export function deckToCsv(deck: Deck): string {
	const rows = deck.cards.map((card) => {
		const { source, accept, options, note, ...rest } = toExportedCard(card);
		const record: Record<(typeof CSV_COLUMNS)[number], string> = {
			...rest,
			accept: accept.join(' | '),
			options: options.join(' | '),
			article: source.article,
			sentence: source.sentence,
			text: source.text,
			note: note?.it ?? '',
			note_en: note?.en ?? ''
		};
		return CSV_COLUMNS.map((column) => record[column]);
	});
	return toCsv([CSV_COLUMNS, ...rows]);
}
