import { describe, expect, it } from 'vitest';
import { findQuantities } from '$lib/autogen/quantities';
import { buildArticle } from '$lib/content/article';

const meta = { title: '', author: '', language: 'it' as const, description: '' };
const quantities = (text: string) =>
	findQuantities(buildArticle('inline', 'prova', meta, text).sentences[0]).map((q) => ({
		kind: q.kind,
		text: q.text,
		value: q.value,
		qualifier: q.qualifier,
		unit: q.unit
	}));

describe('quantities', () => {
	it('reads ranges, percentages with a decimal comma, money and centuries', () => {
		expect(quantities('I clienti erano calati tra il 20 e il 30 per cento.')).toEqual([
			{
				kind: 'range',
				text: 'tra il 20 e il 30 per cento',
				value: undefined,
				qualifier: 'exact',
				unit: undefined
			}
		]);
		expect(quantities('Le api sono rientrate nel 62,5 per cento dei casi.')[0]).toMatchObject({
			kind: 'percent',
			text: '62,5',
			value: 62.5
		});
		expect(quantities('La spesa è stata di 1,2 milioni di euro.')[0]).toMatchObject({
			kind: 'money',
			text: '1,2 milioni',
			value: 1_200_000
		});
		expect(quantities('La rotonda dovrebbe costare € 350.000 in tutto.')[0]).toMatchObject({
			kind: 'money',
			text: '€ 350.000',
			value: 350_000
		});
		expect(quantities('È una pittrice del XVII secolo.')[0]).toMatchObject({
			kind: 'century',
			text: 'XVII'
		});
	});

	it('reads dates, years, scores and counts with their noun and qualifier', () => {
		expect(quantities('La mostra resterà aperta fino al 12 gennaio 2025.')[0]).toMatchObject({
			kind: 'date',
			text: '12 gennaio 2025'
		});
		expect(quantities('La fabbrica è nata nel 1961.')[0]).toMatchObject({
			kind: 'year',
			value: 1961
		});
		expect(quantities('Ha vinto per 3-1 in finale.')[0]).toMatchObject({
			kind: 'score',
			text: '3-1'
		});
		expect(quantities('Hanno partecipato circa 1.500 persone al corteo.')[0]).toMatchObject({
			kind: 'count',
			text: '1.500',
			value: 1500,
			qualifier: 'about',
			unit: 'persone'
		});
	});
});

describe('number words above twelve', () => {
	it('finds "quaranta specie", "trentadue operatori", "ventitré giorni" as counts', () => {
		const found = findQuantities(
			buildArticle(
				'inline',
				'prova',
				{ title: '', author: '', language: 'it', description: '' },
				'Le praterie ospitano oltre quaranta specie di pesci, trentadue operatori e ventitré giorni di pioggia.'
			).sentences[0]
		);
		const counts = found.filter((q) => q.kind === 'count').map((q) => [q.text, q.value]);
		expect(counts).toEqual([
			['quaranta', 40],
			['trentadue', 32],
			['ventitré', 23]
		]);
	});

	it('reads shares in words, months without a day, hours and "intorno ai"', () => {
		expect(
			quantities('Secondo l’ASL, oltre la metà degli iscritti ha figli lontani.')
		).toContainEqual(
			expect.objectContaining({ kind: 'share', text: 'la metà', qualifier: 'more-than' })
		);
		expect(quantities('Quasi due terzi dei capannoni sono vuoti.')[0]).toMatchObject({
			kind: 'share',
			text: 'due terzi',
			qualifier: 'about'
		});
		// "un terzo" alone is an ordinal or a person, not a share of something.
		expect(quantities('È arrivato un terzo corridore.')).toEqual([]);
		expect(quantities('Il primo autobus entrerà in servizio a gennaio.')).toEqual([
			expect.objectContaining({ kind: 'month', text: 'gennaio' })
		]);
		expect(quantities('La gara si è corsa il 12 gennaio.')[0]).toMatchObject({ kind: 'date' });
		expect(quantities('Evitate di uscire tra le 11 e le 18.')[0]).toMatchObject({
			kind: 'range',
			text: 'tra le 11 e le 18'
		});
		expect(quantities('Il mare resta intorno ai 13,8 gradi.')[0]).toMatchObject({
			kind: 'count',
			text: '13,8',
			qualifier: 'about',
			unit: 'gradi'
		});
		expect(quantities('Il prezzo ha superato i 2.500 dollari l’oncia.')[0]).toMatchObject({
			kind: 'money',
			text: '2.500',
			unit: 'dollari'
		});
	});
});
