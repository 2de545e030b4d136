import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { textToLibraryEntry } from '$lib/deck/input';
import { gradeCard } from '$lib/quiz/check';
import { loadDictionary } from '$lib/server/dictionary';
import { loadLemmaTable } from '$lib/server/lemmas';
import { vocabCards } from '$lib/vocab/cards';
import { parseDictionary } from '$lib/vocab/dictionary';
import { buildTextVocabulary } from '$lib/vocab/text-vocabulary';
import { lexicon } from '../helpers/library';

const TEXT = `# Al mercato

Ogni sabato il sindaco Marco Rossi visita il mercato di Lucca con tre soldati.
I commercianti vendono la frutta sulle bancarelle, e una gran parte dei clienti arriva presto.
Negli ultimi anni il mercato è cresciuto: oggi le bancarelle sono più di cento.`;

const { article } = textToLibraryEntry('mercato.md', TEXT);
const lemmas = loadLemmaTable();
const dictionary = loadDictionary();
const vocabulary = buildTextVocabulary(article, { lemmas, lexicon, dictionary });
const byLemma = (lemma: string) => vocabulary.find((entry) => entry.lemma === lemma);
const cards = vocabCards(article, vocabulary, 1, 'auto');
const cardsOf = (lemma: string) =>
	cards.filter((card) => card.sibling === `mercato:vocab:${byLemma(lemma)!.id}`);

describe('the vocabulary of a new text', () => {
	it('has its content words by lemma and part of speech, with their forms and sentences', () => {
		expect(byLemma('soldato')).toMatchObject({ pos: 'noun', gender: 'm', forms: ['soldati'] });
		expect(byLemma('vendere')).toMatchObject({ pos: 'verb', forms: ['vendono'] });
		expect(byLemma('crescere')).toMatchObject({ pos: 'verb', forms: ['cresciuto'] });
		expect(byLemma('ultimo')).toMatchObject({ pos: 'adjective', forms: ['ultimi'] });
		expect(byLemma('oggi')).toMatchObject({ pos: 'adverb' });
		const mercato = byLemma('mercato')!;
		expect(mercato.count).toBe(2);
		expect(mercato.sentences).toEqual([article.sentences[1].id, article.sentences[3].id]);
	});

	it('leaves out names, function words, numbers and the helper of a compound tense', () => {
		const lemmasSeen = vocabulary.map((entry) => entry.lemma.toLowerCase());
		for (const left of [
			'marco',
			'rossi',
			'lucca',
			'il',
			'di',
			'con',
			'ogni',
			'e',
			'tre',
			'cento'
		]) {
			expect(lemmasSeen, left).not.toContain(left);
		}
		// "è cresciuto": essere is only the helper there; "sono più di cento" is the verb itself.
		expect(byLemma('essere')!.forms).toEqual(['sono']);
	});

	it('takes a capital after an elision for a name, and a number word for a number', () => {
		const { article: other } = textToLibraryEntry(
			'museo.md',
			"# Il museo\n\nIl museo dell'Università di Padova espone tremila monete e ventimila vasi antichi."
		);
		const entries = buildTextVocabulary(other, { lemmas, lexicon, dictionary });
		const seen = entries.map((e) => e.lemma);
		expect(seen).toEqual(expect.arrayContaining(['museo', 'moneta', 'vaso', 'antico']));
		for (const left of ['università', 'padova', 'tremare', 'tremila', 'ventimila']) {
			expect(seen).not.toContain(left);
		}
	});

	it('finds the lexicon’s expressions, also in another sentence than the curated article’s', () => {
		expect(byLemma('negli ultimi anni')).toMatchObject({
			pos: 'expression',
			gloss: 'in recent years'
		});
		expect(byLemma('più di')).toMatchObject({ pos: 'expression' });
		// Its words are still words of their own.
		expect(byLemma('anno')!.expressions).toContain('negli ultimi anni');
	});

	it('glosses from the lexicon first, then from the dictionary, otherwise null', () => {
		// soldato is in the curated lexicon, mercato only in the dictionary, bancarella in neither.
		expect(byLemma('soldato')).toMatchObject({ gloss: 'soldier', glossFrom: 'lexicon' });
		expect(byLemma('mercato')).toMatchObject({
			gloss: 'market, marketplace',
			glossFrom: 'dictionary'
		});
		expect(byLemma('bancarella')).toMatchObject({ gloss: null });
		expect(byLemma('bancarella')!.glossFrom).toBeUndefined();
		// The lexicon's parte is the one of its article (both sides of a war): the usual sense first.
		expect(byLemma('parte')!.gloss).toBe('part, share; side, party');
	});

	it('gives a lexicon gloss without what it says about the curated article', () => {
		const curated = lexicon.entries.find((e) => e.lemma === 'parte' && e.pos === 'noun')!;
		expect(curated.gloss).toContain('entrambe le parti');
		expect(byLemma('parte')!.gloss).not.toContain('entrambe');
	});

	it('has no gloss at all without a dictionary, and never fails for it', () => {
		const warn = vi.fn();
		const none = loadDictionary(mkdtempSync(`${tmpdir()}/ripasso-`), warn);
		expect(none.size).toBe(0);
		expect(warn).toHaveBeenCalledOnce();
		expect(warn.mock.calls[0][0]).toMatch(/is missing .* no gloss/);
		const bare = buildTextVocabulary(article, { lemmas });
		expect(bare.map((e) => e.lemma)).toContain('mercato');
		expect(bare.every((e) => e.gloss === null)).toBe(true);
		expect(vocabCards(article, bare, 1, 'auto').length).toBeGreaterThan(0);
	});

	it('matches a gloss to the part of speech of the lemma', () => {
		const only = parseDictionary('mercato\tverb\tto trade\nbancarella\tnoun\tstall\n');
		const entries = buildTextVocabulary(article, { lemmas, dictionary: only });
		expect(entries.find((e) => e.lemma === 'mercato')!.gloss).toBeNull();
		expect(entries.find((e) => e.lemma === 'bancarella')!.gloss).toBe('stall');
	});

	it('keeps the most useful words of a long text, no more', () => {
		const few = buildTextVocabulary(article, { lemmas, lexicon, dictionary }, 5);
		expect(few.map((e) => e.lemma)).toEqual(vocabulary.slice(0, 5).map((e) => e.lemma));
		expect(few.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
	});
});

describe('misprints in a new text', () => {
	it('never become words to learn, though the lemmatizer guesses a reading for them', () => {
		const { article: misprinted } = textToLibraryEntry(
			'refuso.md',
			'Un refuso\n\nIl governo vuole dissuadare gli avversari e riconquistrare le città perdute.'
		);
		const found = buildTextVocabulary(misprinted, { lemmas, lexicon, dictionary });
		const forms = found.flatMap((entry) => entry.forms);
		expect(forms).not.toContain('dissuadare');
		expect(forms).not.toContain('riconquistrare');
		expect(forms).toContain('avversari');
	});
});

describe('the vocabulary cards of a new text', () => {
	it('gives a word without a gloss the cards that need none, and no gloss card', () => {
		const types = cardsOf('bancarella').map((card) => card.id.split(':').at(-1));
		expect(types).toEqual(['cloze', 'lemma', 'listening']);
		const [gap, lemma] = cardsOf('bancarella');
		expect(gap.prompt).toBe(
			'I commercianti vendono la frutta sulle _____ (bancarella), e una gran parte dei clienti arriva presto.'
		);
		expect(gap.answer).toBe('bancarelle');
		expect(lemma).toMatchObject({
			prompt: '«bancarelle» è una forma del nome _____.',
			answer: 'bancarella'
		});
	});

	it('never makes a recognition or production card of a word without a gloss', () => {
		const unglossed = new Set(
			vocabulary.filter((e) => e.gloss === null).map((e) => `mercato:vocab:${e.id}`)
		);
		const glossCards = cards.filter((c) => c.type === 'recognition' || c.type === 'production');
		expect(glossCards.length).toBeGreaterThan(0);
		for (const card of glossCards) expect(unglossed.has(card.sibling), card.id).toBe(false);
		for (const card of glossCards) expect(card.origin).toBe('auto');
	});

	it('asks for the right form of the word in its own sentence, and names another form', () => {
		const gap = cardsOf('vendere').find((card) => card.id.endsWith(':cloze'))!;
		expect(gap.prompt).toContain('I commercianti _____ (vendere) la frutta');
		expect(gap.answer).toBe('vendono');
		expect(gap.slips).not.toHaveProperty('vendono');
		const noun = cardsOf('soldato').find((card) => card.id.endsWith(':cloze'))!;
		expect(noun).toMatchObject({ answer: 'soldati' });
		expect(noun.slips?.soldato).toBe('number');
		const typed = gradeCard(noun, 'soldato');
		expect(typed.accepted).toBe(false);
		expect(typed.feedback).toContainEqual(
			expect.objectContaining({ kind: 'grammar', detail: 'number' })
		);
		expect(gradeCard(noun, 'soldati').accepted).toBe(true);
	});

	it('keeps card ids when the seed changes', () => {
		const other = vocabCards(article, vocabulary, 99, 'auto');
		expect(other.map((c) => c.id)).toEqual(cards.map((c) => c.id));
		expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
		expect(cardsOf('mercato').map((c) => c.id)).toContain('mercato:vocab:noun:mercato:recognition');
	});
});
