import { describe, expect, it } from 'vitest';
import { labelForms, oneEditAway, scanLemmaTable, wordFormsOf } from '$lib/lemma/forms';

// A few lines as scripts/build-lemmas.ts writes them.
const TSV = [
	'# header',
	'essere\tessere VERB inf\tessere NOUN m:s\tessere ADJ ?',
	'esseri\tessere NOUN m:p',
	'sono\tessere VERB ind:pres:1:s\tessere VERB ind:pres:3:p',
	'è\tessere VERB ind:pres:3:s',
	'forza\tforzare VERB ind:pres:3:s\tforza NOUN f:s',
	'forze\tforza NOUN f:p',
	'forzi\tforzare VERB ind:pres:2:s',
	'minaccia\tminaccia NOUN f:s',
	'minacce\tminaccia NOUN f:p',
	'minaccie\tminaccia NOUN f:p',
	'nordcoreano\tnordcoreano NOUN m:s\tnordcoreano ADJ m:s',
	'nordcoreana\tnordcoreano NOUN f:s\tnordcoreano ADJ f:s',
	'nordcoreani\tnordcoreano NOUN m:p\tnordcoreano ADJ m:p',
	'nordcoreane\tnordcoreano NOUN f:p\tnordcoreano ADJ f:p',
	'grande\tgrande NOUN m:s\tgrande ADJ ?',
	'grandi\tgrande NOUN m:p\tgrande ADJ ?',
	'generale\tgenerale NOUN m:s',
	'generali\tgenerale NOUN m:p',
	'general\tgenerale NOUN m:p',
	'sostegno\tsostegno NOUN m:s',
	'sostengo\tsostenere VERB ind:pres:1:s',
	'strategia\tstrategia NOUN f:s',
	'stategia\tstategia NOUN f:s',
	'moderno\tmoderno ADJ m:s',
	'modern\tmodern ADJ m:s\tmodern ADJ f:s',
	''
].join('\n');

const lookup = (lemmas: string[], words: string[] = []) =>
	scanLemmaTable(TSV, new Set(lemmas), new Set(words));
const formsOf = (lemma: string) => lookup([lemma]).forms.get(lemma) ?? [];

describe('scanLemmaTable', () => {
	it('finds every form of the lemmas asked for, and the readings of the words asked for', () => {
		const found = lookup(['forza'], ['forzi', 'forzz']);
		expect(found.forms.get('forza')).toEqual([
			{ form: 'forza', pos: 'NOUN', features: 'f:s' },
			{ form: 'forze', pos: 'NOUN', features: 'f:p' }
		]);
		expect(found.words.get('forzi')).toEqual([
			{ lemma: 'forzare', pos: 'VERB', features: 'ind:pres:2:s' }
		]);
		expect(found.words.has('forzz')).toBe(false);
	});
});

describe('oneEditAway', () => {
	it('lists what one slip of the finger makes of a word', () => {
		const near = oneEditAway('ha');
		for (const word of ['a', 'h', 'hai', 'ah', 'ho', 'hà']) expect(near.has(word), word).toBe(true);
		expect(near.has('ha')).toBe(false);
		expect(near.has('hanno')).toBe(false);
	});
});

describe('labelForms', () => {
	it('names each form of a noun or adjective by how it differs from the answer', () => {
		expect(labelForms('nordcoreano', 'adjective', 'nordcoreano', formsOf('nordcoreano'))).toEqual({
			feminine: ['nordcoreana'],
			plural: ['nordcoreani'],
			'feminine-plural': ['nordcoreane']
		});
		// Against a form in a sentence: the singular of truppe, the masculine of nordcoreane.
		expect(labelForms('nordcoreano', 'adjective', 'nordcoreane', formsOf('nordcoreano'))).toEqual({
			'masculine-singular': ['nordcoreano'],
			singular: ['nordcoreana'],
			masculine: ['nordcoreani']
		});
		// Adjectives the table leaves without gender and number borrow them from the noun.
		expect(labelForms('grande', 'adjective', 'grande', formsOf('grande'))).toEqual({
			plural: ['grandi']
		});
	});

	it('calls every other form of a verb a verb form, and a noun of the same lemma a noun', () => {
		expect(labelForms('essere', 'verb', 'essere', formsOf('essere'))).toEqual({
			noun: ['esseri'],
			'verb-form': ['sono', 'è']
		});
	});

	it('leaves out a truncated noun the table calls a plural', () => {
		expect(labelForms('generale', 'noun', 'generale', formsOf('generale'))).toEqual({
			plural: ['generali']
		});
	});

	it('leaves out another spelling of a form the article uses', () => {
		// minaccie is the old spelling of minacce: not a form to name as right.
		expect(labelForms('minaccia', 'noun', 'minaccia', formsOf('minaccia'), ['minacce'])).toEqual({
			plural: ['minacce']
		});
	});
});

describe('wordFormsOf', () => {
	it('lists the real words one letter from the answer that belong to other lemmas', () => {
		const found = lookup(['forza'], [...oneEditAway('forza')]);
		expect(wordFormsOf({ lemma: 'forza', pos: 'noun' }, 'forza', found)).toEqual({
			lemma: 'forza',
			other: { plural: ['forze'] },
			neighbours: { forzi: 'forzare' }
		});
	});

	it('never lists a right answer as another word', () => {
		const found = lookup(['forza'], [...oneEditAway('forza')]);
		expect(
			wordFormsOf({ lemma: 'forza', pos: 'noun' }, 'forza', found, ['forzi']).neighbours
		).toEqual({});
	});

	it('counts the truncated infinitive as a form of the verb', () => {
		const found = lookup(['essere'], [...oneEditAway('essere')]);
		expect(
			wordFormsOf({ lemma: 'essere', pos: 'verb' }, 'essere', found).other['verb-form']
		).toContain('esser');
	});

	it('trusts only the other words the table can vouch for', () => {
		const near = (lemma: string, pos: string) =>
			wordFormsOf({ lemma, pos }, lemma, lookup([lemma], [...oneEditAway(lemma)])).neighbours;
		expect(near('sostegno', 'noun')).toEqual({ sostengo: 'sostenere' });
		// stategia is a misspelling the table holds; modern an English word.
		expect(near('strategia', 'noun')).toEqual({});
		expect(near('moderno', 'adjective')).toEqual({});
	});
});
