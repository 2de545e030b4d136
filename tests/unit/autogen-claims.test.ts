/**
 * What someone claims, asked as the answer ("Che cosa sostiene X?"), who speaks when the
 * sentence says something else first, and reasons inside a claim asked with their source.
 */
import { describe, expect, it } from 'vitest';
import { findFacts } from '$lib/autogen/facts';
import { candidateCards } from '$lib/autogen/generate';
import type { Card } from '$lib/cards/types';
import { buildArticle } from '$lib/content/article';
import { loadLemmaTable } from '$lib/server/lemmas';

const lemmas = loadLemmaTable();
const meta = { title: '', author: '', language: 'it' as const, description: '' };
const article = (text: string) => buildArticle('inline', 'prova', meta, text);
const candidates = (text: string): Card[] => candidateCards(article(text), { seed: 1, lemmas });
const speakers = (text: string) =>
	findFacts(article(text), lemmas).sentences.map((s) => s.attribution?.speaker.text ?? null);

const DEBATE = [
	'Il sindaco uscente Paolo Rinaldi ha riconosciuto la sconfitta, ma sostiene che il risultato sia stato condizionato dalla pioggia.',
	'Legambiente sostiene che la nuova strada abbia reso la valle più fragile.',
	'I commercianti respingono le critiche e ricordano che il mercato porta lavoro a tutta la zona.',
	'Secondo la Regione Marche, la variante ridurrà il traffico pesante nel centro storico.',
	'«Il mio primo impegno sarà ascoltare i quartieri», ha detto la nuova sindaca davanti ai suoi sostenitori in piazza.'
].join('\n\n');

describe('who speaks', () => {
	it('is the subject of the first clause, not the clause, and not where they spoke', () => {
		const found = speakers(DEBATE);
		expect(found[0]).toBe('Il sindaco uscente Paolo Rinaldi');
		expect(found[2]).toBe('I commercianti');
		expect(found[4]).toBe('la nuova sindaca');
	});
	it('is never named by a verb inside a quote', () => {
		const [who] = speakers(
			'«La sentenza riconosce che i piccoli proprietari non sono il problema», ha dichiarato l’avvocato Lorenzo Bacci.'
		);
		expect(who).not.toMatch(/sentenza/u);
	});
});

describe('what a source claims', () => {
	const cards = candidates(DEBATE);
	const claim = (who: RegExp) => cards.find((c) => who.test(c.prompt));
	it('asks it with the verb of the text, the claim as the answer and others’ claims as options', () => {
		const card = claim(/^Che cosa sostiene Paolo Rinaldi\?$/u);
		expect(card?.type).toBe('multiple-choice');
		expect(card?.answer).toBe('Che il risultato sia stato condizionato dalla pioggia');
		expect(card?.options).toContain(card?.answer);
		expect(card!.options.length).toBeGreaterThanOrEqual(3);
		// The others' claims, each once, none of them his.
		expect(new Set(card!.options).size).toBe(card!.options.length);
		expect(card!.options.filter((o) => /pioggia/u.test(o))).toHaveLength(1);
		expect(claim(/^Che cosa ricordano i commercianti\?$/u)?.answer).toBe(
			'Che il mercato porta lavoro a tutta la zona'
		);
	});
	it('says "sostiene" for a claim introduced by "secondo"', () => {
		expect(claim(/^Che cosa sostiene la Regione Marche\?$/u)?.answer).toBe(
			'Che la variante ridurrà il traffico pesante nel centro storico'
		);
	});
	it('offers quotes only against quotes', () => {
		for (const c of cards.filter((c) => /^Che cosa /u.test(c.prompt)))
			for (const o of c.options) expect(o.startsWith('«')).toBe(c.answer.startsWith('«'));
	});
	it('asks nothing when the text has no other source to offer', () => {
		const alone = candidates(
			'Legambiente sostiene che la nuova strada abbia reso la valle più fragile.\n\nLa strada è lunga otto chilometri.'
		);
		expect(alone.some((c) => /^Che cosa sostiene/u.test(c.prompt))).toBe(false);
	});
});

describe('a reason inside a claim', () => {
	it('is asked with its source first', () => {
		const cards = candidates(
			'Secondo l’ex sindaco, molti elettori sono rimasti a casa perché davano per scontata la vittoria.\n\n' +
				'I negozi chiudono perché gli affitti sono troppo alti.\n\n' +
				'La fiera è stata rinviata perché mancavano i fondi.\n\n' +
				'Il ponte resterà chiuso perché servono nuovi controlli.'
		);
		const asked = cards.find((c) => c.answer.startsWith('perché davano'));
		expect(asked?.prompt).toBe('Secondo l’ex sindaco, perché molti elettori sono rimasti a casa?');
	});
});

describe('a quote that opens on its verb', () => {
	it('is asked on its own: its speaker, named after it, is its subject', () => {
		const cards = candidates(
			'Il museo ha riaperto a maggio dopo due anni di lavori.\n\n' +
				'«Abbiamo restaurato forse un terzo delle sale», dice il direttore del museo, Luca Mancini.'
		);
		const gap = cards.find((c) => c.answer === 'un terzo');
		expect(gap?.prompt).toMatch(/^«Abbiamo restaurato forse _____ delle sale»/u);
	});
});

describe('the gap of a reason', () => {
	it('never covers an article and a noun without what they are of ("un sistema")', () => {
		const cards = candidates(
			'La città antica si trova in gran parte sotto il livello della falda, e il cantiere ha potuto lavorare solo grazie a un sistema di pompe che ha tenuto l’acqua lontana dagli strati più profondi, con una spesa di 450 mila euro.'
		);
		expect(cards.some((c) => c.answer === 'un sistema')).toBe(false);
	});
});

describe('speakers offered as wrong options', () => {
	it('are never towns, and a claim after "che," starts on its first word', () => {
		const cards = candidates(
			[
				'Secondo i gruppi di opposizione, la gara sarebbe stata costruita su misura per una società con sede a Bologna.',
				'Secondo i sindacati, un terzo degli autobus ha più di quindici anni.',
				'Secondo i commercianti, il mercato porta lavoro a tutta la zona.',
				'Secondo i tecnici, la nuova linea sarà pronta entro l’estate.',
				'Stefano Ricciardi ha annunciato che, se entro trenta giorni non arriveranno risposte, l’opposizione presenterà una mozione.',
				'Marta Bellini ha detto che la giunta risponderà entro venerdì.'
			].join('\n\n')
		);
		for (const c of cards.filter((c) => /^Secondo chi /u.test(c.prompt)))
			expect(c.options).not.toContain('Bologna');
		for (const c of cards) expect(c.prompt).not.toMatch(/che ,/u);
	});
});
