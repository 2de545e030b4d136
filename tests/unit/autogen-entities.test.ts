import { describe, expect, it } from 'vitest';
import { classifyEntities, findEntities, gazetteer, type EntitySpan } from '$lib/autogen/entities';
import { findCandidates } from '$lib/autogen/candidates';
import { buildArticle } from '$lib/content/article';
import { loadRealArticle } from '../helpers/content';

const article = loadRealArticle();
const candidates = findCandidates(article);
const kindOf = (text: string) =>
	new Set(candidates.filter((c) => c.text === text).map((c) => c.kind));

/** Entities of one made-up sentence, classified against the words of that sentence alone. */
function entities(text: string, lowerCase: string[] = []): EntitySpan[] {
	const [sentence] = buildArticle(
		'inline',
		'inline',
		{ title: 'x', author: 'y', language: 'it', description: 'z' },
		text
	).sentences;
	return classifyEntities(findEntities(sentence), new Set(lowerCase)).filter(
		(span): span is EntitySpan => span !== null
	);
}

describe('the gazetteer', () => {
	it('knows countries in Italian from Intl, and the cities of the news', () => {
		const places = gazetteer();
		expect(places.get('Corea del Nord')?.kind).toBe('country');
		expect(places.get('Stati Uniti')?.kind).toBe('country');
		expect(places.get('Ucraina')?.kind).toBe('country');
		expect(places.get('Mosca')?.kind).toBe('city');
		expect(places.get('Europa')?.kind).toBe('region');
		// Codes that name organisations or nothing real are not places.
		expect(places.has('Nazioni Unite')).toBe(false);
		expect(places.has('Regione sconosciuta')).toBe(false);
	});
});

describe('findEntities on the real article', () => {
	it('finds Corea del Nord as one place, never its parts', () => {
		expect(kindOf('Corea del Nord')).toEqual(new Set(['place']));
		expect(candidates.some((c) => c.text === 'Corea' || c.text === 'Nord')).toBe(false);
	});

	it('splits the apposition "Corea del Nord Kim Jong Un" into a place and a person', () => {
		const first = article.sentences.find((s) => s.text.includes('Kim Jong Un'))!;
		const spans = candidates.filter((c) => c.sentenceId === first.id && c.kind !== 'word');
		expect(spans.map((c) => [c.kind, c.text])).toEqual([
			['name', 'Esteri'],
			['person', 'Sergey Lavrov'],
			['place', 'Pyongyang'],
			['place', 'Corea del Nord'],
			['person', 'Kim Jong Un']
		]);
	});

	it('tells people, places and organisations apart', () => {
		expect(kindOf('Kim Jong Un')).toEqual(new Set(['person']));
		expect(kindOf('Sergey Lavrov')).toEqual(new Set(['person']));
		expect(kindOf('Donald Trump')).toEqual(new Set(['person']));
		expect(kindOf('Hudson Institute')).toEqual(new Set(['organisation']));
		expect(kindOf('Stati Uniti')).toEqual(new Set(['place']));
		// Single mentions of a person named in full elsewhere are that person.
		expect(kindOf('Kim')).toEqual(new Set(['person']));
		expect(kindOf('Lavrov')).toEqual(new Set(['person']));
		// "guerra" occurs in lower case, so "Guerra Fredda" is a name, not a person.
		expect(kindOf('Guerra Fredda')).toEqual(new Set(['name']));
	});

	it('drops function words and words capitalised only because they open a sentence', () => {
		const texts = candidates.filter((c) => c.kind !== 'word').map((c) => c.text);
		for (const wrong of [
			'La Corea del Nord',
			'Eppure Kim',
			'Gli Stati Uniti',
			'Guardando',
			'Finora'
		]) {
			expect(texts).not.toContain(wrong);
		}
		expect(texts).toContain('Pyongyang'); // "Pyongyang deve sempre…" opens a sentence
		expect(texts).toContain('Luke Coffey'); // so does "Luke Coffey è un membro…"
	});
});

describe('findEntities on other sentences', () => {
	it('splits a country from the person after it', () => {
		expect(entities('Il presidente degli Stati Uniti Donald Trump ha parlato ieri.')).toMatchObject(
			[
				{ kind: 'place', text: 'Stati Uniti' },
				{ kind: 'person', text: 'Donald Trump' }
			]
		);
	});

	it('keeps names joined by di/del and by an elided d’', () => {
		expect(
			entities('Il ministro ha visitato la Costa d’Avorio e la Città del Vaticano.')
		).toMatchObject([
			{ kind: 'place', text: 'Costa d’Avorio' },
			{ kind: 'place', text: 'Città del Vaticano' }
		]);
	});

	it('classifies organisations by keyword and acronyms', () => {
		expect(
			entities('Secondo la NATO e il Fondo Monetario Internazionale la crisi continua.')
		).toMatchObject([
			{ kind: 'organisation', text: 'NATO' },
			{ kind: 'organisation', text: 'Fondo Monetario Internazionale' }
		]);
	});

	it('ends a name at punctuation', () => {
		expect(entities('Hanno parlato Mosca, Kiev e Varsavia.').map((e) => e.text)).toEqual([
			'Mosca',
			'Kiev',
			'Varsavia'
		]);
	});
});
