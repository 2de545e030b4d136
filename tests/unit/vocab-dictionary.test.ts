import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVERBS } from '$lib/vocab/content-words';
import { FUNCTION_WORDS } from '$lib/lemma/function-words';
import { DICTIONARY_FILE, dictionaryGloss, parseDictionary } from '$lib/vocab/dictionary';

const root = join(import.meta.dirname, '..', '..');
const path = join(root, DICTIONARY_FILE);
const raw = readFileSync(path, 'utf8');
const dictionary = parseDictionary(raw);
const rows = raw.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe('the dictionary shipped in content/dictionary', () => {
	it('is small, attributed, and every line of it is read', () => {
		expect(statSync(path).size).toBeLessThan(2_000_000);
		expect(raw).toMatch(/FreeDict/);
		expect(raw).toMatch(/GNU GPL version 2 or later/);
		expect(readFileSync(join(root, 'content/dictionary/COPYING'), 'utf8')).toMatch(
			/GNU GENERAL PUBLIC LICENSE\s+Version 2/
		);
		expect(rows.length).toBeGreaterThan(2000);
		expect(dictionary.size).toBe(rows.length);
	});

	it('glosses a word as its own part of speech only, a verb as "to …"', () => {
		expect(dictionaryGloss(dictionary, 'ape', 'noun')).toBe('bee');
		expect(dictionaryGloss(dictionary, 'mercato', 'noun')).toMatch(/^market/);
		expect(dictionaryGloss(dictionary, 'aiutare', 'verb')).toBe('to aid, to assist, to help');
		expect(dictionaryGloss(dictionary, 'caldo', 'adjective')).toBe('warm');
		// "warm" is no noun: il caldo (the heat) gets no gloss rather than a wrong one.
		expect(dictionaryGloss(dictionary, 'caldo', 'noun')).toBeNull();
		for (const [key, gloss] of dictionary) {
			if (key.startsWith('verb:')) expect(gloss, key).toMatch(/^to /);
		}
	});

	it('leaves out what the review found wrong and the source’s cut phrases', () => {
		// collega and collegio are swapped in the source; edizione → "evening paper" is a cut phrase.
		for (const lemma of ['collega', 'collegio', 'edizione', 'energia', 'sciopero', 'essere']) {
			for (const pos of ['noun', 'verb', 'adjective', 'adverb']) {
				expect(dictionaryGloss(dictionary, lemma, pos), `${pos}:${lemma}`).toBeNull();
			}
		}
		expect(dictionaryGloss(dictionary, 'aspettare', 'verb')).not.toMatch(/abide|attention/);
		expect(dictionaryGloss(dictionary, 'arrivare', 'verb')).toMatch(/^to arrive/);
	});

	it('has no function words, names or multi-word headwords', () => {
		const TAG: Record<string, string> = {
			noun: 'NOUN',
			verb: 'VERB',
			adjective: 'ADJ',
			adverb: 'ADV'
		};
		for (const row of rows) {
			const [lemma, pos] = row.split('\t');
			// Adverbs of time are words to learn, though the lemmatizer lists them with the others;
			// a function word may head a gloss of another part of speech (spesso: "thick", not "often").
			if (ADVERBS.has(lemma)) continue;
			const asFunctionWord = (FUNCTION_WORDS.get(lemma) ?? []).some((a) => a.pos === TAG[pos]);
			expect(asFunctionWord, lemma).toBe(false);
			expect(lemma, lemma).toMatch(/^[\p{Ll}][\p{Ll}’]*$/u);
		}
	});
});
