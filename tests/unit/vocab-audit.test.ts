/**
 * The vocabulary deck read as a teacher would read it: every content word taught, no misprint
 * taken as right, no calque drilled, no two cards asking the same thing and refusing each other's
 * answer. Each check is also run once on broken data, to show that it can fail.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { buildDeck } from '$lib/deck/deck';
import { loadLemmaTable } from '$lib/server/lemmas';
import {
	calquesDrilled,
	misprintsAccepted,
	samePromptRefused,
	untaughtWords
} from '$lib/vocab/audit';
import type { Lexicon } from '$lib/vocab/lexicon';
import { linkTokens } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const table = loadLemmaTable(join(import.meta.dirname, '..', '..'));
const [{ article }] = library;
const deck = buildDeck(library, { lexicon, track: 'vocab' });
const vocabulary = deck.vocab;
const cards = deck.cards;

const untaught = (lex: Lexicon) => {
	const broken = buildDeck(library, { lexicon: lex, track: 'vocab' });
	return untaughtWords(article, lex, linkTokens(article, lex), broken.vocab, table);
};

describe('the vocabulary deck', () => {
	it('teaches every content word of the article as an entry of its own', () => {
		expect(
			untaughtWords(article, lexicon, linkTokens(article, lexicon), vocabulary, table)
		).toEqual([]);
	});

	it('… and says so when a word has no entry, unless the idiom list explains why', () => {
		const without = (lemma: string) => lexicon.entries.filter((e) => e.lemma !== lemma);
		expect(untaught({ ...lexicon, entries: without('anno') }).join('\n')).toMatch(/“anno”/u);
		const settimana = { ...lexicon, entries: without('settimana') };
		expect(untaught(settimana).join('\n')).toMatch(/“settimana”.*ogni settimana/u);
		const idiom = { form: 'settimana', expression: 'ogni settimana', reason: 'for the test' };
		expect(untaught({ ...settimana, idioms: [...lexicon.idioms, idiom] })).toEqual([]);
	});

	it('never takes one of the source’s misprints as a right answer', () => {
		expect(misprintsAccepted(cards, lexicon)).toEqual([]);
		const lenient = cards
			.filter((c) => c.id.includes(':verb:dissuadere:'))
			.map((c): Card => ({ ...c, slips: {} }));
		expect(misprintsAccepted(lenient, lexicon).length).toBeGreaterThan(0);
	});

	it('never drills a calque as typed production', () => {
		expect(calquesDrilled(cards, vocabulary)).toEqual([]);
		const recognition = cards.find((c) => c.id.endsWith('munizioni-in-giro:recognition'))!;
		const drilled: Card = {
			...recognition,
			id: 'x:production',
			type: 'production',
			answer: 'munizioni in giro'
		};
		expect(calquesDrilled([...cards, drilled], vocabulary)).toEqual([
			'x:production drills the calque “munizioni in giro”'
		]);
	});

	it('has no two production cards with the same prompt that refuse each other', () => {
		expect(samePromptRefused(cards)).toEqual([]);
		const refusing = cards
			.filter((c) => /:noun:(dispiegamento|schieramento):production$/u.test(c.id))
			.map((c): Card => ({ ...c, accept: [], synonyms: [] }));
		expect(samePromptRefused(refusing)).toHaveLength(2);
	});
});
