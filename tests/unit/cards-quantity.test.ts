import { describe, expect, it } from 'vitest';
import { boundsGiveAway, judgeQuantity, parseQuantity } from '$lib/cards/quantity';

const judge = (claim: string, truth: string) =>
	judgeQuantity(parseQuantity(claim)!, parseQuantity(truth)!);

describe('parseQuantity', () => {
	it('reads qualified figures, labelled numbers and figures in words', () => {
		expect(parseQuantity('più di 10.000')).toMatchObject({ qualifier: 'more-than', prefix: '' });
		expect(parseQuantity('circa 4.000')?.qualifier).toBe('about');
		expect(parseQuantity('fino a 30.000')?.qualifier).toBe('up-to');
		expect(parseQuantity('articolo 4')).toMatchObject({ qualifier: 'exact', prefix: 'articolo' });
		expect(parseQuantity('più di mille')?.literal.min).toBeGreaterThan(1000);
		expect(parseQuantity('due')?.literal).toEqual({ min: 2, max: 2 });
		expect(parseQuantity('decine di migliaia')?.qualifier).toBe('vague');
	});

	it('leaves dates and phrases that merely contain a number alone', () => {
		for (const text of [
			'alla fine del 2024',
			'lo scorso settembre',
			'schierando migliaia di truppe'
		]) {
			expect(parseQuantity(text), text).toBeNull();
		}
	});
});

describe('judgeQuantity', () => {
	it('takes an entailed figure as true, not as a false statement', () => {
		expect(judge('più di 1.000', 'più di 10.000')).toBe('true');
		expect(judge('fino a 100.000', 'fino a 30.000')).toBe('true');
		expect(judge('migliaia', 'decine di migliaia')).toBe('true');
	});

	it('takes a figure as false only when the true one leaves it no room', () => {
		expect(judge('più di 50.000', 'più di 10.000')).toBe('false');
		expect(judge('fino a 10.000', 'fino a 30.000')).toBe('false');
		expect(judge('circa 1.000', 'circa 4.000')).toBe('false');
		expect(judge('circa 4.000', 'più di 10.000')).toBe('false');
		expect(judge('alcune centinaia', 'decine di migliaia')).toBe('false');
		expect(judge('articolo 5', 'articolo 4')).toBe('false');
	});

	it('leaves near figures unclear: fit for neither a true nor a false statement', () => {
		expect(judge('più di 15.000', 'più di 10.000')).toBe('unclear');
		expect(judge('circa 5.000', 'circa 4.000')).toBe('unclear');
		expect(judge('circa 30.000', 'fino a 30.000')).toBe('unclear');
	});
});

describe('boundsGiveAway', () => {
	it('flags options that all bound the figure the same way', () => {
		const all = ['più di 10.000', 'più di 50.000', 'più di 100.000'].map((t) => parseQuantity(t)!);
		expect(boundsGiveAway(all[0], all)).toBe(true);
		const mixed = ['più di 10.000', 'circa 1.000', 'più di 50.000'].map((t) => parseQuantity(t)!);
		expect(boundsGiveAway(mixed[0], mixed)).toBe(false);
	});
});
