/**
 * The facts a teacher asks first, in the shapes news writes them: a winner named with his age
 * and town before the verb, in a sentence too long to repeat; a race time of hours, minutes and
 * seconds; a long institution's name typed shorter; a team after an article, not a person.
 */
import { describe, expect, it } from 'vitest';
import { findFacts } from '$lib/autogen/facts';
import { candidateCards, generateAutoCards } from '$lib/autogen/generate';
import { namesOf } from '$lib/autogen/cards';
import { distractorsFor } from '$lib/autogen/distractors';
import { durationParts, formatDuration } from '$lib/autogen/quantities';
import { tagTokens } from '$lib/autogen/pos';
import { findPlace } from '$lib/autogen/places';
import { GAP } from '$lib/cards/types';
import { buildArticle } from '$lib/content/article';
import { loadLemmaTable } from '$lib/server/lemmas';

const lemmas = loadLemmaTable();
const meta = { title: '', author: '', language: 'it' as const, description: '' };
const article = (text: string) => buildArticle('inline', 'prova', meta, text);

const RACE = [
	'Marco Ferretti, trentun anni, di Gubbio, ha vinto ieri, sabato 14 maggio, la ventesima edizione della Coppa dei Sibillini, la corsa di un giorno che attraversa le valli tra Norcia e Visso, chiudendo i 171 chilometri del tracciato in 4 ore 21 minuti e 40 secondi, alla media di 39,2 chilometri orari.',
	'Per Ferretti, che corre con la Umbria Bike, si tratta del terzo successo della stagione.',
	'Alla partenza, davanti al Palazzo dei Consoli di Gubbio, si erano presentati 120 corridori, ma soltanto 64 sono arrivati al traguardo.',
	'Il secondo, Davide Orsini, ha chiuso a 1 minuto e 5 secondi dal vincitore.'
].join('\n\n');

describe('long sentences and their main fact', () => {
	const cards = generateAutoCards(article(RACE), { seed: 3, lemmas });
	it('asks who did it, past his age and town and a date set off by commas', () => {
		const who = cards.find((c) => c.prompt.startsWith('Chi ha vinto'));
		expect(who?.prompt).toBe('Chi ha vinto ieri la ventesima edizione della Coppa dei Sibillini?');
		expect(who?.answer).toBe('Marco Ferretti');
		// The statement to judge would repeat sixty words: none is made of that sentence.
		expect(
			cards.filter((c) => c.type === 'true-false' && c.source.text.startsWith('Marco'))
		).toEqual([]);
	});
	it('reads a first name that opens a sentence as a name, not as a verb form', () => {
		const text = findFacts(article(RACE), lemmas);
		const people = text.sentences[0].entities.filter((e) => e.kind === 'person');
		expect(people.map((e) => e.text)).toContain('Marco Ferretti');
		const tags = tagTokens(text.sentences[0].sentence.tokens, lemmas);
		expect(tags[0].best).toBeNull();
	});
	it('asks a race time whole, with wrong times in the same units', () => {
		const facts = findFacts(article(RACE), lemmas).facts;
		const times = facts
			.filter((f) => f.kind === 'quantity' && f.value.kind === 'duration')
			.map((f) => (f.value as { text: string }).text);
		expect(times).toEqual(['4 ore 21 minuti e 40 secondi', '1 minuto e 5 secondi']);
		const card = generateAutoCards(article(RACE), { seed: 3, lemmas, limit: 100 }).find(
			(c) => c.answer === '4 ore 21 minuti e 40 secondi'
		);
		expect(card?.type).toBe('multiple-choice');
		expect(card?.options).toHaveLength(4);
		for (const option of card!.options)
			expect(option).toMatch(/^\d+ ore \d+ minuti? e \d+ second[oi]$/u);
	});
	it('takes a team after an article for a team, and "Per X, si tratta" for no claim', () => {
		const text = findFacts(article(RACE), lemmas);
		const second = text.sentences[1];
		expect(second.attribution).toBeNull();
		expect(second.entities.find((e) => e.text === 'Umbria Bike')?.kind).not.toBe('person');
	});
});

describe('durations', () => {
	it('reads and writes hours, minutes and seconds in the same shape', () => {
		const parts = durationParts('1 minuto e 5 secondi');
		expect(parts).toMatchObject({ seconds: 65, hours: false, minutes: true, secondsShown: true });
		expect(formatDuration(61, parts)).toBe('1 minuto e 1 secondo');
		expect(formatDuration(4 * 3600 + 60, durationParts('4 ore 21 minuti e 40 secondi'))).toBe(
			'4 ore 1 minuto e 0 secondi'
		);
	});
});

describe('typed names', () => {
	const entity = (text: string) => ({ kind: 'org' as const, text, start: 0, end: text.length });
	it('accepts the name without the place or body it is of, and without its article', () => {
		expect(namesOf(entity('Palazzo dei Consoli di Gubbio'))).toContain('Palazzo dei Consoli');
		expect(namesOf(entity('Archivio di Stato di Torino'))).toContain('Archivio di Stato');
		expect(namesOf(entity('Il Salone del Libro'))).toContain('Salone del Libro');
		// One capitalised word is not a name of its own: "Archivio" alone is never accepted.
		expect(namesOf(entity('Archivio di Stato di Torino'))).not.toContain('Archivio');
	});
	it('keeps a capital article with the name, so a gap does not leave it behind', () => {
		const text = 'Il restauro è stato affidato al laboratorio L’Officina Restauri di Modena.';
		const cards = generateAutoCards(article(text), { seed: 1, lemmas });
		const gap = cards.find((c) => c.prompt.includes(GAP) && /Officina/u.test(c.answer));
		expect(gap?.prompt).toContain(`laboratorio ${GAP}`);
		expect(gap?.answer).toBe('L’Officina Restauri di Modena');
	});
});

describe('wrong choices of the right kind', () => {
	const TEXT = [
		'Il film è stato girato nel 1950 dalla regista Teresa Villani, morta a Livorno.',
		'Lo ha ritrovato Ernesto Bassi, che lo ha donato alla cineteca.',
		'La musica è di Rodolfo Sala, il montaggio di Alberto Neri.'
	].join('\n\n');
	it('never offers a made-up name, nor a man after "la regista"', () => {
		const cards = generateAutoCards(article(TEXT), { seed: 2, lemmas, limit: 50 });
		const people = ['Teresa Villani', 'Ernesto Bassi', 'Rodolfo Sala', 'Alberto Neri'];
		for (const card of cards.filter((c) => c.type === 'multiple-choice'))
			if (people.includes(card.answer))
				for (const option of card.options) expect(people).toContain(option);
		const director = cards.find((c) => c.answer === 'Teresa Villani');
		// No other woman is named: typed, never a choice among men.
		expect(['cloze', 'open']).toContain(director?.type);
	});
});

describe('institutions with their acronym', () => {
	const TEXT =
		'Lo studio è stato coordinato dall’Istituto di geoscienze del Consiglio nazionale delle ricerche (Cnr-Igg), con l’Agenzia regionale per la prevenzione, l’ambiente e l’energia dell’Emilia-Romagna (Arpae).\n\nL’Istituto superiore per la protezione e la ricerca ambientale (Ispra) ha chiesto nuovi controlli.';
	it('keeps the whole name, lower-case words and commas included, up to the bracket', () => {
		const text = findFacts(article(TEXT), lemmas);
		const names = text.sentences.flatMap((s) => s.entities.map((e) => e.text));
		expect(names).toContain(
			'Istituto di geoscienze del Consiglio nazionale delle ricerche (Cnr-Igg)'
		);
		expect(names).toContain(
			'Agenzia regionale per la prevenzione, l’ambiente e l’energia dell’Emilia-Romagna (Arpae)'
		);
		// "Ispra" is a town too, but after an institute's name it is the institute.
		expect(names).toContain('Istituto superiore per la protezione e la ricerca ambientale (Ispra)');
	});
});

describe('quotes', () => {
	it('ends the speaker of a quote cut in two where the quote resumes', () => {
		const text = findFacts(
			article('«Ogni mese perso», avverte Fabbri, «costa caro agli agricoltori».'),
			lemmas
		);
		expect(text.sentences[0].attribution?.speaker.text).toBe('Fabbri');
	});
});

describe('names of places that are not people', () => {
	it('reads a title word after a noun as its adjective ("la sede storica di Palazzo X")', () => {
		const text = findFacts(
			article('La biblioteca riapre nella sede storica di Palazzo Spinola.'),
			lemmas
		);
		expect(text.sentences[0].entities.find((e) => e.text === 'Palazzo Spinola')?.kind).not.toBe(
			'person'
		);
	});
	it('offers names with the same first word as wrong choices ("Palazzo …")', () => {
		const TEXT = [
			'La biblioteca riapre sabato a Palazzo Spinola.',
			'I libri erano custoditi a Palazzo Ravaschieri.',
			'Le mostre si sono tenute a Palazzo Grimaldi.',
			'Il concerto sarà a Palazzo Doria.'
		].join('\n\n');
		const cards = generateAutoCards(article(TEXT), { seed: 1, lemmas, limit: 50 });
		const card = cards.find((c) => c.answer === 'Palazzo Spinola' && c.type === 'multiple-choice');
		expect(new Set(card?.options)).toEqual(
			new Set(['Palazzo Spinola', 'Palazzo Ravaschieri', 'Palazzo Grimaldi', 'Palazzo Doria'])
		);
	});
});

describe('wrong numbers a reader could believe', () => {
	const pools = {
		roles: new Map(),
		claims: [],
		entities: [],
		quantities: [],
		phrases: [],
		speakers: [],
		authors: [],
		aliases: new Map()
	};
	/** The wrong choices for the quantity `gap` of a one-sentence text. */
	const wrongFor = (sentence: string, gap: string) => {
		const s = findFacts(article(sentence), lemmas).sentences[0];
		const q = s.quantities.find((x) => x.text === gap)!;
		expect(q, gap).toBeDefined();
		const prompt = sentence.replace(gap, GAP);
		return distractorsFor(q, prompt, pools, `k:${gap}`, 1, 6);
	};
	it('keeps a part within its whole', () => {
		const wrong = wrongFor('Alle urne si sono presentati sette elettori su dieci.', 'sette');
		expect(wrong.length).toBeGreaterThanOrEqual(3);
		const belowTen = ['uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'otto', 'nove'];
		for (const o of wrong) expect(belowTen).toContain(o);
	});
	it('offers for "ha superato il 60 per cento" only figures that make a false sentence', () => {
		const wrong = wrongFor('Al primo turno l’affluenza ha superato il 60 per cento.', '60');
		expect(wrong.length).toBeGreaterThanOrEqual(3);
		for (const o of wrong) expect(Number(o.replace(',', '.'))).toBeGreaterThan(60);
	});
	it('keeps an hour within the day, after "fino alle" too', () => {
		const wrong = wrongFor('La biblioteca resterà aperta dalle 9 fino alle 20.', '20');
		expect(wrong.length).toBeGreaterThanOrEqual(3);
		for (const o of wrong) expect(Number(o)).toBeLessThanOrEqual(24);
	});
	it('writes a figure with its scale as Italian does: "3,2 milioni", never "3.200 mila"', () => {
		const wrong = wrongFor('Il Comune ha stanziato 800 mila euro per i lavori.', '800 mila');
		expect(wrong.length).toBeGreaterThanOrEqual(3);
		for (const o of wrong) {
			expect(o).not.toMatch(/^\d{1,3}\.\d{3} mila$/u);
			expect(o).not.toBe('1 mila');
			expect(o).toMatch(/^(?:\d+(?:,\d+)? (?:mila|milioni|milione)|mille)$/u);
		}
	});
});

describe('choices the sentence gives away', () => {
	it('never asks the region among others when the sentence names its towns', () => {
		const cards = generateAutoCards(
			article(
				'L’assessore ha annunciato che la Regione Siciliana stanzierà 800 mila euro per le scuole di Palermo, Catania e Messina.'
			),
			{ seed: 1, lemmas, limit: 20 }
		);
		expect(
			cards.find((c) => c.answer === 'Regione Siciliana' && c.type === 'multiple-choice')
		).toBe(undefined);
		// A town among them gets towns of the same region.
		const town = cards.find((c) => c.answer === 'Catania' && c.type === 'multiple-choice');
		expect(town?.options).toHaveLength(4);
		for (const o of town!.options) expect(findPlaceRegion(o)).toBe('Sicilia');
	});
	it('accepts the full name where the key is a surname, and a place name without its town', () => {
		const cards = generateAutoCards(
			article(
				[
					'Al ballottaggio ha vinto Marta Ceccarelli, con il 54 per cento dei voti.',
					'La Ceccarelli, avvocata, guiderà la giunta per cinque anni.',
					'Ceccarelli ha festeggiato nel quartiere Zen di Palermo, dove è cresciuta.'
				].join('\n\n')
			),
			{ seed: 1, lemmas, limit: 40 }
		);
		const surname = cards.find((c) => c.answer === 'Ceccarelli' && c.type !== 'multiple-choice');
		expect(surname?.accept).toContain('Marta Ceccarelli');
		expect(namesOf({ kind: 'name', text: 'Zen di Palermo', start: 0, end: 14 })).toContain('Zen');
	});
});

const findPlaceRegion = (name: string) => findPlace(name)?.region;

describe('clean questions and gaps', () => {
	const deck = (text: string) => generateAutoCards(article(text), { seed: 1, lemmas, limit: 40 });
	it('gaps the noun after an articulated preposition, never "del_____"', () => {
		const cards = deck(
			'Proprio a causa delle piogge che seguirono, il tempio è rimasto sepolto sotto due metri di fango.'
		);
		const gap = cards.find((c) => c.answer === 'piogge');
		expect(gap?.prompt).toContain(`a causa delle ${GAP} che seguirono`);
		for (const c of cards) expect(c.prompt).not.toMatch(/\p{L}_____/u);
	});
	it('counts no preposition as a unit and no verb as what is counted', () => {
		const cards = deck(
			'La coalizione del sindaco avrà 19 dei 32 seggi del consiglio comunale.\n\nLa delibera vietava per tre anni di destinare gli alloggi agli affitti brevi.'
		);
		for (const c of cards) {
			expect(c.prompt).not.toMatch(/Quanti dei|anni di destinare/u);
			expect(c.answer).not.toMatch(/ dei$|di destinare/u);
		}
	});
	it('never offers a source inside the answer ("Coldiretti" and "Coldiretti Viterbo")', () => {
		const cards = candidateCards(
			article(
				[
					'Secondo Coldiretti, i lanci degli insetti utili sono ancora troppo pochi per i campi.',
					'Secondo Coldiretti Viterbo, il raccolto è sceso di un terzo in due anni.',
					'Secondo Legambiente, i fertilizzanti hanno inquinato il lago di Vico.',
					'Secondo la Regione Lazio, i fondi arriveranno entro marzo.',
					'Secondo Unitus, la cimice si è diffusa in tutta la provincia.'
				].join('\n\n')
			),
			{ seed: 1, lemmas }
		);
		const asked = cards.filter((c) => c.type === 'multiple-choice' && /Coldiretti/u.test(c.answer));
		expect(asked.length).toBeGreaterThan(0);
		for (const c of asked) expect(c.options.filter((o) => /Coldiretti/u.test(o))).toHaveLength(1);
		// Nor what the other Coldiretti says as a wrong claim of this one.
		const claims = cards.filter((c) => /^Che cosa sostiene Coldiretti/u.test(c.prompt));
		expect(claims.length).toBeGreaterThan(0);
		for (const c of claims) {
			const said = c.options.filter((o) => /lanci degli insetti|raccolto è sceso/u.test(o));
			expect(said, c.prompt).toHaveLength(1);
		}
	});
});

describe('acronyms', () => {
	it('offers only the text’s own acronyms, never a national body from a list', () => {
		const cards = generateAutoCards(
			article(
				'I dati sono stati raccolti dall’Agenzia regionale per la protezione dell’ambiente (Arpae) in venti stazioni.'
			),
			{ seed: 1, lemmas, limit: 20 }
		);
		expect(cards.some((c) => /Arpae|Agenzia regionale/u.test(c.answer))).toBe(true);
		for (const c of cards)
			for (const o of c.options)
				expect(['ISTAT', 'INPS', 'ENEA', 'INGV', 'CNR', 'ISPRA', 'ANAS', 'INAIL']).not.toContain(o);
	});
});
