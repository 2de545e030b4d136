/**
 * Facts whose answer is a phrase — a reason, a purpose, a decision — each pinned by a sentence:
 * the question a teacher would ask, in correct Italian, and the phrase as its answer.
 */
import { describe, expect, it } from 'vitest';
import { generateAutoCards } from '$lib/autogen/generate';
import { GAP, type Card } from '$lib/cards/types';
import { buildArticle } from '$lib/content/article';
import { findPlace } from '$lib/autogen/places';
import { loadLemmaTable } from '$lib/server/lemmas';

const lemmas = loadLemmaTable();
const meta = { title: '', author: '', language: 'it' as const, description: '' };
const cardsOf = (text: string): Card[] =>
	generateAutoCards(buildArticle('inline', 'prova', meta, text), { seed: 1, lemmas, limit: 200 });
const asking = (cards: Card[], prompt: string) => cards.find((c) => c.prompt === prompt);

describe('reasons', () => {
	it('asks "Perché …?" of a clause with "perché", the reason as answer', () => {
		const card = asking(
			cardsOf(
				'La sindaca di Castelfranco, Marta Bortoletto, ha difeso il provvedimento perché il traffico danneggia i monumenti.'
			),
			'Perché la sindaca di Castelfranco, Marta Bortoletto, ha difeso il provvedimento?'
		);
		expect(card?.answer).toBe('perché il traffico danneggia i monumenti');
		expect(card?.accept).toContain('il traffico danneggia i monumenti');
	});
	it('asks "a causa di" and drops a linking "invece"', () => {
		const card = asking(
			cardsOf(
				'Le esportazioni verso la Russia, invece, sono scese del 40 per cento a causa delle sanzioni.'
			),
			'Perché le esportazioni verso la Russia sono scese del 40 per cento?'
		);
		expect(card?.answer).toBe('a causa delle sanzioni');
	});
	it('asks a reason that opens the sentence, lower-cased as an answer', () => {
		const card = asking(
			cardsOf('A causa di una frana, la strada provinciale è stata chiusa per tre giorni.'),
			'Perché la strada provinciale è stata chiusa per tre giorni?'
		);
		expect(card?.answer).toBe('a causa di una frana');
	});
});

describe('purposes', () => {
	it('asks "A che scopo …?" of "per" + infinitive', () => {
		const card = asking(
			cardsOf(
				'La giunta regionale ha approvato un fondo di 40 milioni di euro per aiutare le piccole imprese.'
			),
			'A che scopo la giunta regionale ha approvato un fondo di 40 milioni di euro?'
		);
		expect(card?.answer).toBe('per aiutare le piccole imprese');
	});
	it('asks "A che cosa servirà …?" and keeps the first of two long coordinated aims', () => {
		const card = asking(
			cardsOf(
				'Il fondo servirà a pagare la partecipazione alle fiere internazionali e la consulenza di esperti di commercio estero.'
			),
			'A che cosa servirà il fondo?'
		);
		expect(card?.answer).toBe('a pagare la partecipazione alle fiere internazionali');
	});
	it('gaps the head of a purpose in a relative clause, never a whole long phrase', () => {
		const cards = cardsOf(
			"Il piano prevede 120 boe di ormeggio, che serviranno a fermare le barche senza gettare l'ancora sul fondo."
		);
		const gap = cards.find((c) => c.type === 'cloze' && c.answer === 'fermare le barche');
		expect(gap?.prompt).toBe(
			`Il piano prevede 120 boe di ormeggio, che serviranno a ${GAP} senza gettare l'ancora sul fondo.`
		);
		// "prevede 120 boe" is asked as a number, not as "Che cosa prevede il piano?".
		expect(cards.some((c) => c.prompt.startsWith('Che cosa prevede'))).toBe(false);
	});
});

describe('decisions', () => {
	it('asks "Che cosa ha approvato …?" with the time kept beside the verb', () => {
		const card = asking(
			cardsOf(
				'Il consiglio comunale di Castelfranco Veneto, in provincia di Treviso, ha approvato giovedì sera la nuova zona a traffico limitato con 18 voti favorevoli.'
			),
			'Che cosa ha approvato giovedì sera il consiglio comunale di Castelfranco Veneto?'
		);
		expect(card?.answer).toBe('la nuova zona a traffico limitato');
	});
	it('never asks the verb of a relative clause as the subject’s decision', () => {
		const cards = cardsOf(
			"L'acciaieria ha annunciato lunedì un piano che prevede 400 esuberi su 1.250 dipendenti."
		);
		expect(cards.some((c) => /^Che cosa prevede/u.test(c.prompt))).toBe(false);
		expect(asking(cards, "Che cosa ha annunciato lunedì l'acciaieria?")).toBeDefined();
	});
	it('never asks the decision of a relative named only as "la figlia"', () => {
		const cards = cardsOf('La figlia ha presentato un esposto alla Procura di Cuneo.');
		expect(cards.length).toBeGreaterThan(0);
		expect(cards.some((c) => c.prompt.startsWith('Che cosa'))).toBe(false);
	});
	it('offers other decisions of the text as options when it has enough', () => {
		const cards = cardsOf(
			'Il consiglio comunale ha approvato il progetto definitivo della pista ciclabile. ' +
				'La Regione ha approvato un fondo per le scuole. ' +
				'La giunta ha approvato il nuovo piano del traffico. ' +
				'La Provincia ha approvato il bilancio del prossimo anno.'
		);
		const card = asking(cards, 'Che cosa ha approvato il consiglio comunale?');
		expect(card?.type).toBe('multiple-choice');
		expect(card?.answer).toBe('il progetto definitivo della pista ciclabile');
		expect(card?.options).toHaveLength(4);
		expect(card?.options).toContain('il bilancio del prossimo anno');
	});
});

describe('roles', () => {
	it('asks "Chi è …?" of a title before the name, "dalla" read as "la"', () => {
		const cards = cardsOf(
			'La sindaca di Povoletto, Chiara Bortolin, ha tagliato il nastro. ' +
				'Lo studio è stato coordinato dalla biologa marina Giulia Pieraccini.'
		);
		expect(asking(cards, 'Chi è Chiara Bortolin?')?.answer).toBe('la sindaca di Povoletto');
		expect(asking(cards, 'Chi è Giulia Pieraccini?')?.answer).toBe('la biologa marina');
	});
	it('asks an apposition after the name, and the person once', () => {
		const cards = cardsOf(
			'Maria Rossi, direttrice del museo civico, ha presentato la mostra. ' +
				'Maria Rossi, direttrice del museo civico, ha poi risposto alle domande.'
		);
		const asked = cards.filter((c) => c.prompt === 'Chi è Maria Rossi?');
		expect(asked).toHaveLength(1);
		expect(asked[0].answer).toBe('direttrice del museo civico');
	});
	it('offers only roles of the same gender', () => {
		const cards = cardsOf(
			"L'allenatore di Conegliano, Daniele Santarelli, ha parlato di una vittoria meritata. " +
				"L'allenatore di Scandicci, Marco Gaspari, ha detto che la squadra era stanca. " +
				'Il presidente del club, Piero Garbellotto, ha premiato le giocatrici. ' +
				'La capitana di Scandicci, Sara Conti, ha detto che la finale era difficile. ' +
				'Il capitano del Treviso, Luca Neri, ha parlato dopo la partita.'
		);
		const card = asking(cards, 'Chi è Daniele Santarelli?');
		expect(card?.type).toBe('multiple-choice');
		expect(card?.options).toContain("l'allenatore di Conegliano");
		expect(card?.options).not.toContain('la capitana di Scandicci');
	});
	it('reads an apposition that ends the sentence, after a bare title, and accepts each role', () => {
		const cards = cardsOf(
			'«Il caldo peggiora condizioni che esistono già», spiega la dott.ssa Rosanna Lattarulo, geriatra e responsabile del progetto.'
		);
		const card = asking(cards, 'Chi è Rosanna Lattarulo?');
		expect(card?.answer).toBe('geriatra e responsabile del progetto');
		// "geriatra" is not in the lemma table: a title of the generator's own list is still a word.
		expect(card?.accept).toEqual(expect.arrayContaining(['geriatra', 'responsabile del progetto']));
	});
	it('offers a role that does not show its gender to either gender', () => {
		const cards = cardsOf(
			'Il progetto è stato presentato da Marco Bassi, docente di igiene all’Università di Bari. ' +
				'I dati sono stati raccolti da Luca Neri, direttore del centro di ricerca. ' +
				'Le analisi sono state curate da Anna Rosi, responsabile del laboratorio regionale. ' +
				'Il piano è stato scritto da Paolo Verdi, coordinatore della rete dei medici.'
		);
		const card = asking(cards, 'Chi è Marco Bassi?');
		expect(card?.type).toBe('multiple-choice');
		expect(card?.options).toContain('responsabile del laboratorio regionale');
	});
	it('skips a bare title that says nothing of who the person is', () => {
		const cards = cardsOf('Il dott. Mario Bianchi ha operato il paziente per sei ore.');
		expect(cards.some((c) => c.prompt.startsWith('Chi è'))).toBe(false);
	});
});

describe('long phrases and garbled questions', () => {
	it('ends a long reason before its participle, never inside "tra il 3 e il 4"', () => {
		const card = asking(
			cardsOf(
				'La strada provinciale 299 tra Varallo e Alagna è stata chiusa per undici giorni a causa di una frana caduta nella notte tra il 3 e il 4 novembre.'
			),
			'Perché la strada provinciale 299 tra Varallo e Alagna è stata chiusa per undici giorni?'
		);
		expect(card?.answer).toBe('a causa di una frana');
	});
	it('never rewrites a question across a colon', () => {
		const cards = cardsOf(
			'Secondo la Protezione civile, la frana è stata causata dalle piogge intense: in due giorni sono caduti 310 millimetri di acqua.'
		);
		expect(cards.length).toBeGreaterThan(0);
		expect(cards.filter((c) => c.prompt.endsWith('?') && c.prompt.includes(':'))).toEqual([]);
	});
	it('accepts the head of a phrase, never one ending on a preposition', () => {
		const card = asking(
			cardsOf('I sensori serviranno a misurare ogni ora i movimenti della montagna.'),
			'A che cosa serviranno i sensori?'
		);
		expect(card?.answer).toBe('a misurare ogni ora i movimenti della montagna');
		for (const v of card?.accept ?? []) expect(v).not.toMatch(/\s(?:della|di|a)$/u);
	});
});

describe('shares, months and hours', () => {
	it('asks a share with shares of the same number, a month with "Quando", hours within the day', () => {
		const cards = cardsOf(
			'Secondo i sindacati, un terzo degli autobus in servizio in provincia ha più di quindici anni. ' +
				'Il primo dei nuovi autobus dovrebbe entrare in servizio a gennaio sulla linea dell’ospedale. ' +
				'Il ministero raccomanda di evitare di uscire tra le 11 e le 18 nei giorni più caldi.'
		);
		const share = cards.find((c) => c.answer === 'un terzo' && c.type === 'multiple-choice');
		expect(share?.prompt).toContain(`${GAP} degli autobus`);
		for (const option of share!.options) expect(['due terzi', 'tre quarti']).not.toContain(option);
		const month = cards.find((c) => c.answer === 'gennaio' && c.type === 'multiple-choice');
		expect(month?.prompt).toMatch(
			/(?:^|, )[Qq]uando dovrebbe entrare in servizio il primo dei nuovi autobus/u
		);
		expect(month?.options).toHaveLength(4);
		const hours = cards.find((c) => c.answer === 'tra le 11 e le 18');
		expect(hours?.options.length).toBeGreaterThanOrEqual(4);
		for (const option of hours!.options)
			for (const n of option.match(/\d+/gu)!) expect(Number(n)).toBeLessThanOrEqual(24);
	});
});

describe('what became of something, ranks and elided numbers', () => {
	it('gaps the noun a participle leads to, with what it acts on', () => {
		const cards = cardsOf(
			'Tra le province spicca Verona, dove gran parte del consumo è legata alla costruzione di capannoni lungo le autostrade. ' +
				'Il rapporto cita un’ex area ferroviaria di Bolzano trasformata in parco urbano dopo la demolizione dei magazzini.'
		);
		expect(cards.find((c) => c.answer === 'costruzione di capannoni')?.prompt).toContain(
			`legata alla ${GAP} lungo le autostrade`
		);
		expect(cards.find((c) => c.answer === 'parco urbano')?.prompt).toContain(
			`trasformata in ${GAP} dopo`
		);
	});
	it('asks a rank against ranks of the same gender, and types an elided number', () => {
		const cards = cardsOf(
			'Verbeke è arrivato quinto, a un minuto, ed è sceso al terzo posto della classifica generale. ' +
				'Zanier ha vinto ieri la quarta tappa del Giro delle Alpi Giulie. ' +
				'Il pittore fu per oltre sessant’anni pittore di corte dei Medici a Firenze.'
		);
		const rank = cards.find((c) => c.answer === 'terzo' && c.type === 'multiple-choice');
		expect(rank?.prompt).toContain(`al ${GAP} posto`);
		for (const option of rank!.options) expect(option).toMatch(/o$/u);
		const stage = cards.find((c) => c.answer === 'quarta' && c.type === 'multiple-choice');
		for (const option of stage!.options) expect(option).toMatch(/a$/u);
		const years = cards.filter((c) => c.answer === 'sessant’anni');
		expect(years.map((c) => c.type)).toEqual(['numeric']);
		expect(years[0].accept).toContain('60');
	});
});

describe('places', () => {
	it('offers a province of the same region first', () => {
		const cards = cardsOf(
			'Il nuovo servizio di autobus elettrici coprirà dal prossimo anno le province di Ancona, Macerata e Pesaro e Urbino.'
		);
		const card = cards.find((c) => c.answer === 'Macerata' && c.type === 'multiple-choice');
		const wrong = card!.options.filter((o) => o !== 'Macerata');
		// The Marche's other provinces not named in the sentence: Ascoli Piceno and Fermo.
		expect(wrong.filter((o) => ['Ascoli Piceno', 'Fermo'].includes(o)).length).toBeGreaterThan(0);
	});
});

describe('what the judges of round 4 found', () => {
	it('asks nothing of a sentence that names what the one before said', () => {
		const cards = cardsOf(
			'Il bando fissava due condizioni per le aziende in gara. ' +
				'La prima richiedeva che i mezzi fossero consegnati entro otto mesi. ' +
				'A descriverla è uno studio pubblicato a marzo da un gruppo di ricercatori. ' +
				'Di lui sono esposti due ritratti e un grande bozzetto su tavola.'
		);
		for (const card of cards)
			expect(card.prompt).not.toMatch(/^(?:La prima|A descriverla|Di lui)\b/u);
	});
	it('keeps wrong towns in the province the sentence names, and years before the span asked', () => {
		const cards = cardsOf(
			'Il consiglio comunale di Bormio, in provincia di Sondrio, ha approvato martedì la nuova pista ciclabile. ' +
				'Tra il 2021 e il 2023 il direttore avrebbe ricevuto incarichi di consulenza per 90.000 euro.'
		);
		const town = cards.find((c) => c.answer === 'Bormio' && c.type === 'multiple-choice');
		expect(town?.options).toHaveLength(4);
		for (const o of town!.options) expect(findPlace(o)?.province).toBe('Sondrio');
		const span = cards.find((c) => c.answer.toLowerCase() === 'tra il 2021 e il 2023');
		expect(span?.options).toHaveLength(4);
		for (const option of span!.options)
			for (const year of option.match(/\d{4}/gu)!) expect(Number(year)).toBeLessThanOrEqual(2023);
	});
	it('never offers a clause or a place phrase as the source of a claim', () => {
		const cards = cardsOf(
			'Secondo i gruppi di opposizione, la gara sarebbe stata costruita su misura per l’azienda vincitrice. ' +
				'«I cittadini hanno diritto a una risposta chiara», ha commentato uno di loro, che ha preferito restare anonimo. ' +
				'Secondo il sindacato, i lavoratori sarebbero stati avvisati soltanto a cose fatte. ' +
				'Secondo la Regione, i fondi sarebbero arrivati entro l’estate scorsa.'
		);
		for (const card of cards.filter((c) => /^Secondo chi|^Di chi sono/u.test(c.prompt)))
			for (const option of card.options) {
				expect(option).not.toMatch(/[,;]/u);
				expect(option).not.toMatch(/^in\s/u);
			}
		expect(cards.some((c) => c.answer.startsWith('uno di loro'))).toBe(false);
	});
});
