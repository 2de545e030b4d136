import { describe, expect, it } from 'vitest';
import {
	entriesWithCards,
	segmentSentence,
	toReaderArticle,
	wordStatus,
	type Piece
} from '$lib/content/reader';
import { linkTokens } from '$lib/vocab/vocabulary';
import { lexicon, library } from '../helpers/library';

const [{ article, translation }] = library;
const reader = toReaderArticle(article, translation, lexicon);
const sentences = reader.paragraphs.flatMap((p) => p.sentences);
const joined = (pieces: Piece[]) =>
	pieces.map((p) => (typeof p === 'string' ? p : p.text)).join('');
const words = (pieces: Piece[]) => pieces.filter((p) => typeof p !== 'string');

describe('the reader cuts sentences into pieces', () => {
	it('keeps every sentence exactly as written', () => {
		expect(sentences).toHaveLength(article.sentences.length);
		for (const sentence of sentences) expect(joined(sentence.pieces)).toBe(sentence.text);
	});

	it('makes an expression one piece, and a word inside it no piece of its own', () => {
		const sentence = sentences.find((s) => s.text.includes('a vicenda'))!;
		const piece = words(sentence.pieces).find((p) => p.text === 'a vicenda');
		expect(piece?.entry).toBe('expression:a-vicenda');
		expect(words(sentence.pieces).some((p) => p.text === 'vicenda')).toBe(false);
	});

	it('links a plural to its lemma, with its gender and gloss in this article’s sense', () => {
		const piece = sentences.flatMap((s) => words(s.pieces)).find((p) => p.text === 'truppe')!;
		const entry = reader.entries[piece.entry];
		expect(entry).toMatchObject({ kind: 'word', lemma: 'truppa', pos: 'noun', gender: 'f' });
		expect(entry.gloss).toMatch(/troop/);
		expect(entry.sentences!.length).toBeGreaterThan(3);
		expect(entry.count).toBeGreaterThanOrEqual(entry.sentences!.length);
	});

	it('links names and function words, without occurrences to ship', () => {
		const ids = new Set(sentences.flatMap((s) => words(s.pieces).map((p) => p.entry)));
		const kinds = new Set([...ids].map((id) => reader.entries[id]?.kind));
		expect(kinds).toEqual(new Set(['word', 'expression', 'name', 'function']));
		const lavrov = Object.values(reader.entries).find((e) => e.lemma === 'Sergey Lavrov')!;
		expect(lavrov).toMatchObject({ kind: 'name', pos: 'person' });
		expect(lavrov.sentences).toBeUndefined();
	});

	it('opens every word: each piece has an entry, each entry its sentences once', () => {
		for (const sentence of sentences) {
			for (const piece of words(sentence.pieces)) expect(reader.entries[piece.entry]).toBeDefined();
		}
		for (const [id, entry] of Object.entries(reader.entries)) {
			expect(new Set(entry.sentences ?? []).size, id).toBe((entry.sentences ?? []).length);
		}
		// Every form of essere, "è" most of all, opens essere (a repeated sentence id broke it).
		const forms = sentences
			.flatMap((s) => words(s.pieces))
			.filter((p) => p.entry === 'verb:essere');
		expect(new Set(forms.map((p) => p.text))).toEqual(
			new Set([
				'è',
				'sono',
				'era',
				'erano',
				'fu',
				'sarà',
				'essere',
				'stato',
				'stata',
				'state',
				'stati'
			])
		);
	});

	it('shows a typo as printed, opening the real word with the typo named', () => {
		const piece = sentences.flatMap((s) => words(s.pieces)).find((p) => p.text === 'riconsestare');
		expect(piece?.entry).toBe('verb:riconquistare');
		expect(reader.entries['verb:riconquistare']).toMatchObject({
			lemma: 'riconquistare',
			misprints: ['riconsestare']
		});
	});

	it('makes each half of an idiom whose words are apart a piece of the same entry', () => {
		const sentence = sentences.find((s) => s.text.includes('sia in Europa che in Asia'))!;
		const halves = words(sentence.pieces).filter((p) => p.entry === 'expression:sia-che');
		expect(halves.map((p) => p.text)).toEqual(['sia', 'che']);
		expect(reader.entries['expression:sia-che']).toMatchObject({ synonyms: ['sia … sia'] });
		// A word met only inside expressions is named by them, and opens from their panel.
		expect(reader.entries['noun:anno'].expressions).toContain("l'anno scorso");
		expect(reader.entries['expression:l-anno-scorso'].words).toEqual([
			'noun:anno',
			'adjective:scorso'
		]);
		expect(reader.entries['expression:munizioni-in-giro'].calque).toBe('munizioni circuitanti');
	});

	it('leaves numbers and unknown tokens as plain text', () => {
		const sentence = article.sentences.find((s) => s.text.includes('10.000'))!;
		const pieces = segmentSentence(sentence, linkTokens(article, lexicon).get(sentence.id)!);
		expect(words(pieces).some((p) => p.text.includes('10.000'))).toBe(false);
		expect(joined(pieces)).toBe(sentence.text);
	});

	it('without a lexicon, each sentence is one plain piece', () => {
		const plain = toReaderArticle(article, translation);
		expect(plain.paragraphs[0].sentences[0].pieces).toEqual([
			plain.paragraphs[0].sentences[0].text
		]);
		expect(plain.entries).toEqual({});
	});
});

describe('word status', () => {
	const slug = 'mosca-pyongyang';
	const cards = entriesWithCards(slug, [
		`${slug}:vocab:noun:truppa:meaning`,
		`${slug}:vocab:expression:a-vicenda:cloze`,
		`other-article:vocab:noun:forza:meaning`,
		`${slug}:facts:some-fact:cloze`
	]);

	it('finds the entries that have vocabulary cards in this article only', () => {
		expect(cards).toEqual(new Set(['noun:truppa', 'expression:a-vicenda']));
	});

	it('puts a mark of known first, then cards, then a mark to study next', () => {
		const marks = new Map([
			['noun:truppa', { status: 'known' as const }],
			['noun:forza', { status: 'next' as const }],
			['expression:a-vicenda', { status: 'next' as const }]
		]);
		expect(wordStatus('noun:truppa', cards, marks)).toBe('known');
		expect(wordStatus('expression:a-vicenda', cards, marks)).toBe('learning');
		expect(wordStatus('noun:forza', cards, marks)).toBe('next');
		expect(wordStatus('noun:guerra', cards, marks)).toBe('new');
	});
});
