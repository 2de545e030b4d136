/**
 * The lemmatizer's general rules, each pinned with sentences written for the test (none of
 * them from the article or the dev set): what a vocabulary card of a new text depends on.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lemmatize, readings } from '$lib/lemma/lemmatizer';
import { loadLemmaTable } from '$lib/server/lemmas';
import { tokenize } from '$lib/text/tokens';

const table = loadLemmaTable(join(import.meta.dirname, '..', '..'));

/** `lemma POS` of the n-th (default first) token `form` of `sentence`, as read in context. */
function read(sentence: string, form: string, nth = 1): string {
	const words = lemmatize(tokenize(sentence), table).filter((w) => w.token.text === form);
	const word = words[nth - 1];
	if (!word) throw new Error(`no “${form}” (${nth}) in “${sentence}”`);
	return word.best ? `${word.best.lemma} ${word.best.pos}` : 'unknown';
}

describe('a noun agrees with its article', () => {
	it('reads sale after le as the plural of sala, and after a singular noun as salire', () => {
		expect(read('Le sale del museo sono chiuse.', 'sale')).toBe('sala NOUN');
		expect(read('Abbiamo visitato tutte le sale.', 'sale')).toBe('sala NOUN');
		expect(read('La squadra sale al terzo posto.', 'sale')).toBe('salire VERB');
		expect(read('Il sale fa male alla salute.', 'sale')).toBe('sale NOUN');
	});

	it('counts a number as a plural determiner', () => {
		expect(read('Il palazzo ha sette sale affrescate.', 'sale')).toBe('sala NOUN');
		expect(read('Il palazzo ha 12 sale affrescate.', 'sale')).toBe('sala NOUN');
	});

	it('finds the plural a noun shares with another noun’s singular', () => {
		// parti is also the plural of parto, arti of arto.
		expect(read('Le parti hanno firmato.', 'parti')).toBe('parte NOUN');
		expect(read('Le arti figurative.', 'arti')).toBe('arte NOUN');
	});
});

describe('a reading is weighed by how common it is', () => {
	it('prefers the indicative to the subjunctive of a rarer verb', () => {
		// indicano is also the subjunctive of indire.
		expect(read('I dati indicano una ripresa.', 'indicano')).toBe('indicare VERB');
		expect(read('Il cartello indica la strada.', 'indica')).toBe('indicare VERB');
	});

	it('prefers a plural noun to a subjunctive or second person of a verb', () => {
		expect(read('Molte stazioni sono chiuse.', 'stazioni')).toBe('stazione NOUN');
		expect(read('Stazioni e aeroporti restano aperti.', 'Stazioni')).toBe('stazione NOUN');
		expect(read('Servono controlli più severi.', 'controlli')).toBe('controllo NOUN');
		expect(read('Temono danni gravi.', 'danni')).toBe('danno NOUN');
	});

	it('reads a present participle as the noun or adjective it nearly always is', () => {
		expect(read('Gli attaccanti hanno segnato.', 'attaccanti')).toBe('attaccante NOUN');
	});
});

describe('a verb form is read from the words before it', () => {
	it('reads a participle after an auxiliary, adverbs between them or not', () => {
		expect(read('Le opere non erano mai state mostrate.', 'mostrate')).toBe('mostrare VERB');
		expect(read('Il ponte viene chiuso di notte.', 'chiuso')).toBe('chiudere VERB');
		expect(read('Non l’ho mai visto.', 'visto')).toBe('vedere VERB');
		expect(read('Sono previsti temporali.', 'previsti')).toBe('prevedere VERB');
	});

	it('reads a participle after a noun as the verb’s, not as an adjective', () => {
		expect(read('Le case danneggiate dal terremoto.', 'danneggiate')).toBe('danneggiare VERB');
		expect(read('Una mostra dedicata ai bambini.', 'dedicata')).toBe('dedicare VERB');
	});

	it('keeps a participle that is above all an adjective one', () => {
		expect(read('L’anno scorso ha piovuto poco.', 'scorso')).toBe('scorso ADJ');
	});

	it('reads an infinitive after a bare preposition or a modal', () => {
		expect(read('Hanno deciso di tenere chiuse le scuole.', 'tenere')).toBe('tenere VERB');
		expect(read('Dopo essere caduto, si è rialzato.', 'essere')).toBe('essere VERB');
		expect(read('Il prezzo potrebbe salire ancora.', 'salire')).toBe('salire VERB');
	});

	it('reads a verb after a clitic, non or a subject pronoun', () => {
		expect(read('Il percorso si sviluppa in tre sale.', 'sviluppa')).toBe('sviluppare VERB');
		expect(read('Tu sei stanco.', 'sei')).toBe('essere VERB');
		expect(read('Ci sono sei stazioni.', 'sei')).toBe('sei NUM');
	});

	it('reads a noun before an article as the verb that takes it as object', () => {
		expect(read('Porta la borsa in macchina.', 'Porta')).toBe('portare VERB');
		expect(read('La porta è aperta.', 'porta')).toBe('porta NOUN');
	});
});

describe('adjectives', () => {
	it('reads an adjective between an article and its noun', () => {
		expect(read('Una forte ondata di maltempo.', 'forte')).toBe('forte ADJ');
		expect(read('Con maggiore difficoltà.', 'maggiore')).toBe('maggiore ADJ');
		expect(read('Il vero problema è il prezzo.', 'vero')).toBe('vero ADJ');
	});

	it('reads an adjective after a noun, a name, a copula, or another adjective with e', () => {
		expect(read('Un’estate particolarmente secca.', 'secca')).toBe('secco ADJ');
		expect(read('Piove su tutta la Toscana settentrionale.', 'settentrionale')).toBe(
			'settentrionale ADJ'
		);
		expect(read('La sala è semplice ed elegante.', 'elegante')).toBe('elegante ADJ');
		expect(read('Collezioni pubbliche e private.', 'private')).toBe('privato ADJ');
	});

	it('gives truncated adjectives their full lemma', () => {
		expect(read('Una gran parte del pubblico.', 'gran')).toBe('grande ADJ');
		expect(read('Un bel libro.', 'bel')).toBe('bello ADJ');
	});
});

describe('forms the table cannot list', () => {
	it('strips clitics from infinitives, gerunds and imperatives', () => {
		expect(read('Un vaso può aiutarli.', 'aiutarli')).toBe('aiutare VERB');
		expect(read('Devi farcela da solo.', 'farcela')).toBe('fare VERB');
		expect(read('Dimmi la verità.', 'Dimmi')).toBe('dire VERB');
		expect(read('Parlandone con gli amici.', 'Parlandone')).toBe('parlare VERB');
	});

	it('reads the word after an elision the tokenizer left joined', () => {
		expect(read("Negli ultimi vent'anni.", "vent'anni")).toBe('anno NOUN');
	});

	it('reads -mente adverbs and common adverbs, capitalised at the start or not', () => {
		expect(read('Velocemente, tutto è cambiato.', 'Velocemente')).toBe('velocemente ADV');
		expect(read('Ieri è piovuto.', 'Ieri')).toBe('ieri ADV');
		expect(read('È arrivato appena in tempo.', 'appena')).toBe('appena ADV');
	});
});

describe('words no table knows', () => {
	const guessed = (sentence: string, form: string) =>
		lemmatize(tokenize(sentence), table).find((w) => w.token.text === form)?.best;

	it('guesses from a prefix, an ending or the feminine of a known noun, and says so', () => {
		expect(guessed('Gli impollinatori sono in pericolo.', 'impollinatori')).toMatchObject({
			lemma: 'impollinatore',
			pos: 'NOUN',
			guessed: true
		});
		expect(guessed('Bisogna ridigitalizzare gli archivi.', 'ridigitalizzare')).toMatchObject({
			lemma: 'ridigitalizzare',
			pos: 'VERB',
			guessed: true
		});
		expect(guessed('La sistema interconnessi.', 'interconnessi')).toMatchObject({
			lemma: 'interconnettere',
			guessed: true
		});
		expect(guessed('Ne parla una cardiologa.', 'cardiologa')).toMatchObject({
			lemma: 'cardiologa',
			pos: 'NOUN',
			guessed: true
		});
		expect(guessed('Il cross è stato respinto.', 'cross')).toMatchObject({
			lemma: 'cross',
			pos: 'NOUN',
			guessed: true
		});
	});

	it('guesses nothing for a capitalised word (a name) and keeps readings() to the tables', () => {
		expect(guessed('Ha parlato Zanottelli.', 'Zanottelli')).toBeNull();
		expect(readings('impollinatori', table)).toEqual([]);
	});
});

describe('two finite verbs seldom stand side by side', () => {
	it('reads a word before a modal as the noun that is its subject', () => {
		expect(read('Secondo il piano, i nuovi moli dovrebbero aprire nel 2028.', 'moli')).toBe(
			'molo NOUN'
		);
		// As a verb where no finite verb follows it.
		expect(read('Spero che tu moli bene il coltello.', 'moli')).toBe('molare VERB');
	});
});
