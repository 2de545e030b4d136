import { describe, expect, it } from 'vitest';
import { buildDeck } from '$lib/deck/deck';
import { termPairs, termsFile } from '$lib/export/terms';
import { lexicon, library } from '../helpers/library';

const deck = buildDeck(library, { lexicon });
const slug = deck.articles[0].slug;

/** Reads a delimited file back as RFC 4180 says (quotes doubled, separators and breaks inside quotes). */
function parse(text: string, separator: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted && c === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (quoted && c === '"') {
			quoted = false;
		} else if (quoted) {
			field += c;
		} else if (c === '"') {
			quoted = true;
		} else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += c;
		}
	}
	return rows;
}

describe('term and definition files', () => {
	const tricky: [string, string][] = [
		['a, b; c\td', 'uno'],
		['Dice "sì"', 'he says "yes"'],
		['due\nrighe', 'two\r\nlines'],
		['semplice', 'simple']
	];

	it.each(['tab', 'comma', 'semicolon'] as const)(
		'reads back exactly with %s as the separator',
		(name) => {
			const separator = { tab: '\t', comma: ',', semicolon: ';' }[name];
			const file = termsFile(tricky, name);
			expect(parse(file, separator)).toEqual(tricky);
			expect(file.endsWith('semplice' + separator + 'simple\r\n')).toBe(true);
		}
	);

	it('quotes a field only when it must', () => {
		expect(termsFile([['a;b', 'c,d']], 'tab')).toBe('a;b\tc,d\r\n');
		expect(termsFile([['a;b', 'c,d']], 'semicolon')).toBe('"a;b";c,d\r\n');
		expect(termsFile([['a\tb', 'c']], 'tab')).toBe('"a\tb"\tc\r\n');
	});

	it('has no header row: every line is a pair', () => {
		const file = termsFile(termPairs(deck, slug, 'vocab'), 'tab');
		expect(parse(file, '\t').every((row) => row.length === 2)).toBe(true);
		expect(file.startsWith('term')).toBe(false);
	});

	it('gives vocabulary as word (with its article) and gloss, once per word', () => {
		const pairs = termPairs(deck, slug, 'vocab');
		const glossed = deck.vocab.filter((entry) => entry.article === slug && entry.gloss !== null);
		expect(pairs.length).toBe(new Set(pairs.map((p) => p.join('\0'))).size);
		expect(pairs.length).toBeGreaterThan(200);
		expect(pairs.length).toBeLessThanOrEqual(glossed.length);
		const essere = pairs.find(([term]) => term === 'essere');
		expect(essere?.[1]).toMatch(/to be/u);
	});

	it('gives facts as prompt (with its choices) and answer, a pair asked twice once', () => {
		const pairs = termPairs(deck, slug, 'facts');
		const mc = deck.cards.find((c) => c.type === 'multiple-choice')!;
		expect(pairs).toContainEqual([`${mc.prompt} (${mc.options.join(' / ')})`, mc.answer]);
		expect(pairs.length).toBe(new Set(pairs.map((p) => p.join('\0'))).size);
		expect(termPairs(deck, 'no-such-article', 'facts')).toEqual([]);
	});
});
