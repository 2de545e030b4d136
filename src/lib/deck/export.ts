/**
 * The deck as it leaves the app: JSON in the documented shape, or CSV for spreadsheets and
 * flashcard apps.
 */
import type { Card } from '$lib/cards/types';
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
}

export function toExportedCard(card: Card): ExportedCard {
	const { id, track, type, origin, prompt, prompt_en, answer, accept, options, source } = card;
	return { id, track, type, origin, prompt, prompt_en, answer, accept, options, source };
}

export function deckToJson(deck: Deck): string {
	return JSON.stringify(
		{ articles: deck.articles, cards: deck.cards.map(toExportedCard) },
		null,
		2
	);
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
	'text'
] as const;

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function csvField(value: string): string {
	return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV with a header row; list fields (`accept`, `options`) joined with " | ". */
export function deckToCsv(deck: Deck): string {
	const rows = deck.cards.map((card) => {
		const { source, accept, options, ...rest } = toExportedCard(card);
		const record: Record<(typeof CSV_COLUMNS)[number], string> = {
			...rest,
			accept: accept.join(' | '),
			options: options.join(' | '),
			article: source.article,
			sentence: source.sentence,
			text: source.text
		};
		return CSV_COLUMNS.map((column) => csvField(record[column])).join(',');
	});
	return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
