import { describe, expect, it } from 'vitest';
import {
	agreementFault,
	determinerAtEnd,
	faultInContext,
	misfitOptions
} from '$lib/cards/agreement';
import { GAP } from '$lib/cards/types';
import { fitsItsGap } from '$lib/deck/fit';

describe('agreementFault', () => {
	it.each([
		['alla', 'Guatemala', /m/],
		['dalla', 'Ghana', /m/],
		['Gli', 'Paesi Bassi', /cannot stand before/],
		['alla', 'epoca zarista', /cannot stand before/],
		['il', 'Zambia', /cannot stand before/],
		['i', 'Emirati Arabi Uniti', /cannot stand before/],
		['della', 'territori occupati', /pl/]
	])('finds "%s %s" wrong', (determiner, phrase, message) => {
		expect(agreementFault(determiner, phrase)).toMatch(message);
	});

	it.each([
		['alla', 'Russia'],
		['gli', 'Stati Uniti'],
		['gli', 'Emirati Arabi Uniti'],
		['i', 'Paesi Bassi'],
		["dell'", 'Europa'],
		['lo', 'Zambia'],
		['dalle', 'unità logistiche'],
		['dei', 'partner commerciali'],
		['il', 'suo alleato'],
		['suo', 'alleato a sud'],
		['la', 'Corea del Nord']
	])('lets "%s %s" pass', (determiner, phrase) => {
		expect(agreementFault(determiner, phrase)).toBeNull();
	});
});

describe('finding the determiner before a gap', () => {
	it('reads elided and whole articles and articulated prepositions, nothing else', () => {
		expect(determinerAtEnd('il sostegno alla ')).toBe('alla');
		expect(determinerAtEnd('all’interno dell’')).toBe("dell'");
		expect(determinerAtEnd('Gli ')).toBe('gli');
		expect(determinerAtEnd('Pyongyang, ')).toBeNull();
		expect(determinerAtEnd('a ')).toBeNull();
	});

	it('judges a phrase where it would stand', () => {
		const text = 'I legami risalgono alla Guerra Fredda.';
		expect(faultInContext(text, text.indexOf('Guerra'), 'epoca zarista')).not.toBeNull();
		expect(faultInContext(text, text.indexOf('Guerra'), 'Prima guerra mondiale')).toBeNull();
	});

	it('names the options of a gapped card that do not fit, and keeps such cards out', () => {
		const prompt = `Anche il sostegno della Corea del Nord alla ${GAP} è stato ampio.`;
		const options = ['Russia', 'Guatemala', 'Bolivia', 'Ghana'];
		expect(misfitOptions(prompt, GAP, options)).toEqual(['Guatemala', 'Ghana']);
		const card = { prompt, options } as Parameters<typeof fitsItsGap>[0];
		expect(fitsItsGap(card)).toBe(false);
		expect(fitsItsGap({ ...card, options: ['Russia', 'Bolivia', 'Cina', 'Siria'] })).toBe(true);
	});
});
