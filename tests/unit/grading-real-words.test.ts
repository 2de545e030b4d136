import { describe, expect, it } from 'vitest';
import type { WordForms } from '$lib/grading/forms';
import { grade } from '$lib/grading/grade';
import { doubledConsonant, homophones } from '$lib/grading/spelling';
import { optionalSpellings } from '$lib/grading/words';

const guerra: WordForms = { lemma: 'guerra', other: { plural: ['guerre'] }, neighbours: {} };
const forza: WordForms = {
	lemma: 'forza',
	other: { plural: ['forze'] },
	neighbours: { forzi: 'forzare', forzo: 'forzare' }
};
const essere: WordForms = {
	lemma: 'essere',
	other: { 'verb-form': ['sono', 'è', 'sarà', 'stato'], noun: ['esseri'] },
	neighbours: {}
};
const nordcoreano: WordForms = {
	lemma: 'nordcoreano',
	other: { feminine: ['nordcoreana'], plural: ['nordcoreani'], 'feminine-plural': ['nordcoreane'] },
	neighbours: {}
};

describe('a real form of the asked word is named, never taken for a typo', () => {
	it('accepts another form where the card asks for the word, naming the form', () => {
		const result = grade('nordcoreani', 'nordcoreano', [], {
			forms: nordcoreano,
			acceptForms: true
		});
		expect(result.verdict).toBe('close');
		expect(result.feedback).toEqual([
			{
				kind: 'form',
				slip: 'plural',
				lemma: 'nordcoreano',
				expected: 'nordcoreano',
				given: 'nordcoreani'
			}
		]);
		expect(grade('sono', 'essere', [], { forms: essere, acceptForms: true }).feedback).toEqual([
			expect.objectContaining({ kind: 'form', slip: 'verb-form' })
		]);
	});

	it('refuses another form where one form is asked (a gap, a word heard), naming it', () => {
		const result = grade('guerre', 'guerra', [], { forms: guerra });
		expect(result.verdict).toBe('wrong');
		expect(result.feedback).toEqual([expect.objectContaining({ kind: 'form', slip: 'plural' })]);
	});

	it('never grades a real form worse than a non-word', () => {
		const options = { forms: guerra, acceptForms: true };
		const rank = { correct: 0, close: 1, wrong: 2 };
		const real = rank[grade('guerre', 'guerra', [], options).verdict];
		for (const nonWord of ['guerri', 'guerro', 'guere']) {
			expect(rank[grade(nonWord, 'guerra', [], options).verdict], nonWord).toBeGreaterThanOrEqual(
				real
			);
		}
	});

	it('does not let a non-word one letter from another form pass as the answer', () => {
		const result = grade('guerri', 'guerra', [], { forms: guerra, acceptForms: true });
		expect(result.verdict).toBe('wrong');
		expect(result.feedback).toEqual([
			{
				kind: 'near-form',
				slip: 'plural',
				form: 'guerre',
				lemma: 'guerra',
				expected: 'guerra',
				given: 'guerri'
			}
		]);
		// A plain typo, near no other form, still passes.
		expect(grade('gurra', 'guerra', [], { forms: guerra }).feedback).toEqual([
			{ kind: 'typo', expected: 'guerra', given: 'gurra' }
		]);
	});

	it('still calls a letter left out a typo, when it is as near the answer as another form', () => {
		const russo: WordForms = {
			lemma: 'russo',
			other: { feminine: ['russa'], plural: ['russi'], 'feminine-plural': ['russe'] },
			neighbours: {}
		};
		expect(grade('russ', 'russo', [], { forms: russo }).feedback).toEqual([
			{ kind: 'typo', expected: 'russo', given: 'russ' }
		]);
		// But an ending changed is grammar: russu is a botched form, near russa.
		expect(grade('russu', 'russo', [], { forms: russo }).feedback[0]).toMatchObject({
			kind: 'near-form'
		});
	});

	it('names another word one letter away instead of calling it a typo', () => {
		const result = grade('forzi', 'forza', [], { forms: forza, acceptForms: true });
		expect(result.verdict).toBe('wrong');
		expect(result.feedback).toEqual([
			{ kind: 'other-word', lemma: 'forzare', expected: 'forza', given: 'forzi' }
		]);
	});

	it('does not take a form of the same lemma as another part of speech for the word', () => {
		// esseri (beings) is the noun essere, not a form of the verb.
		const result = grade('esseri', 'essere', [], { forms: essere, acceptForms: true });
		expect(result.verdict).toBe('wrong');
		expect(result.feedback).toEqual([expect.objectContaining({ kind: 'form', slip: 'noun' })]);
	});

	it('names a form typed without its accent, and the accent', () => {
		const result = grade('sara', 'essere', [], { forms: essere, acceptForms: true });
		expect(result.verdict).toBe('close');
		expect(result.feedback).toEqual([
			{ kind: 'accent', expected: 'sarà', given: 'sara' },
			expect.objectContaining({ kind: 'form', slip: 'verb-form', given: 'sara' })
		]);
	});

	it('still prefers the answer itself, or an accent slip of it, to a form', () => {
		const withAnswer: WordForms = { ...guerra, other: { plural: ['guerre', 'guerra'] } };
		expect(grade('Guerra', 'guerra', [], { forms: withAnswer }).verdict).toBe('correct');
		expect(grade('la guerre', 'guerra', [], { forms: guerra }).feedback[0]).toMatchObject({
			kind: 'form'
		});
	});
});

describe('homophones and double consonants', () => {
	it('knows the silent-h pairs and the accent pairs', () => {
		expect(homophones('a', 'ha')).toBe(true);
		expect(homophones('anno', 'hanno')).toBe(true);
		expect(homophones('e', 'è')).toBe(true);
		expect(homophones('anno', 'hanni')).toBe(false);
	});

	it('accepts a homophone heard, naming it, and refuses one written', () => {
		for (const [given, answer] of [
			['a', 'ha'],
			['o', 'ho'],
			['anno', 'hanno'],
			['hai', 'ai'],
			['e', 'è']
		]) {
			const heard = grade(given, answer, [], { heard: true });
			expect(heard.verdict, given).toBe('close');
			expect(heard.feedback, given).toEqual([{ kind: 'homophone', expected: answer, given }]);
		}
		// Written, a for ha is a mistake of grammar, not a typo: anno used to pass as one.
		for (const [given, answer] of [
			['a', 'ha'],
			['anno', 'hanno']
		]) {
			const read = grade(given, answer);
			expect(read.verdict, given).toBe('wrong');
			expect(read.feedback, given).toEqual([{ kind: 'homophone', expected: answer, given }]);
		}
		// e for è, read, stays the accent slip it always was.
		expect(grade('e', 'è').feedback).toEqual([{ kind: 'accent', expected: 'è', given: 'e' }]);
	});

	it('tells a single from a double consonant', () => {
		expect(doubledConsonant('note', 'notte')).toBe(true);
		expect(doubledConsonant('carro', 'caro')).toBe(true);
		expect(doubledConsonant('nota', 'note')).toBe(false);
		// Vowels are not doubled consonants.
		expect(doubledConsonant('zoo', 'zo')).toBe(false);
	});

	it('does not forgive a double consonant heard, and names it when read', () => {
		for (const [given, answer] of [
			['note', 'notte'],
			['caro', 'carro'],
			['pala', 'palla'],
			['palla', 'pala']
		]) {
			const heard = grade(given, answer, [], { heard: true });
			expect(heard.verdict, given).toBe('wrong');
			expect(heard.feedback, given).toEqual([{ kind: 'double', expected: answer, given }]);
			const read = grade(given, answer);
			expect(read.verdict, given).toBe('close');
			expect(read.feedback, given).toEqual([{ kind: 'double', expected: answer, given }]);
		}
		// Any other slip heard is still a typo.
		expect(grade('notta', 'notte', [], { heard: true }).verdict).toBe('close');
	});

	it('names a double consonant even where a word is too short for typos', () => {
		expect(grade('ano', 'anno', [], { heard: true }).feedback).toEqual([
			{ kind: 'double', expected: 'anno', given: 'ano' }
		]);
	});
});

describe('optional parts and synonyms', () => {
	it('spells an answer with and without its optional parts', () => {
		expect(optionalSpellings('in cambio (di)')).toEqual(['in cambio di', 'in cambio']);
		expect(optionalSpellings("all'inizio (di)")).toEqual(["all'inizio di", "all'inizio"]);
		expect(optionalSpellings('sostegno')).toEqual(['sostegno']);
	});

	it('accepts an answer with or without its optional part', () => {
		for (const given of ['in cambio', 'in cambio di', 'In cambio (di)']) {
			expect(grade(given, 'in cambio (di)').verdict, given).toBe('correct');
		}
		expect(grade('in cambo', 'in cambio (di)').verdict).toBe('close');
		expect(grade('in', 'in cambio (di)').verdict).toBe('wrong');
		expect(grade('cambio di', 'in cambio (di)').verdict).toBe('wrong');
	});

	it('accepts a synonym as right, saying which word the article uses', () => {
		const result = grade('supporto', 'sostegno', [], { synonyms: ['supporto'] });
		expect(result.verdict).toBe('correct');
		expect(result.accepted).toBe(true);
		expect(result.feedback).toEqual([{ kind: 'synonym', expected: 'sostegno', given: 'supporto' }]);
		const typo = grade('supprto', 'sostegno', [], { synonyms: ['supporto'] });
		expect(typo.verdict).toBe('close');
		expect(typo.feedback.map((f) => f.kind)).toEqual(['typo', 'synonym']);
		// The article's own word needs no remark.
		expect(grade('sostegno', 'sostegno', [], { synonyms: ['supporto'] }).feedback).toEqual([]);
	});
});
