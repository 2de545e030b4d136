import { describe, expect, it } from 'vitest';
import { keptPreview } from '../../src/routes/class/new/preview';
import { testCard } from '../helpers/classroom';

const pool = ['a', 'b', 'c'].map((id) =>
	testCard(id, { prompt: `Domanda ${id}`, answer: `Risposta ${id}` })
);

describe('a quiz started again', () => {
	it('previews the same questions in the same order, with their answers', () => {
		const { preview, dropped } = keptPreview(pool, ['c', 'a'], 7);
		expect(dropped).toBe(0);
		expect(preview?.chosen).toEqual(['c', 'a']);
		expect(preview?.questions).toEqual([
			{ id: 'c', prompt: 'Domanda c', answer: 'Risposta c' },
			{ id: 'a', prompt: 'Domanda a', answer: 'Risposta a' }
		]);
		expect(preview?.seed).toBe(7);
	});

	it('leaves out the questions no longer in the text and says how many', () => {
		expect(keptPreview(pool, ['a', 'gone', 'b', 'edited'], 1)).toMatchObject({
			preview: { chosen: ['a', 'b'] },
			dropped: 2
		});
		expect(keptPreview(pool, ['gone'], 1)).toEqual({ preview: null, dropped: 1 });
	});
});
