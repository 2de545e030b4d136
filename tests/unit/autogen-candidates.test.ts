import { describe, expect, it } from 'vitest';
import { findCandidates } from '$lib/autogen/candidates';
import { filterCandidates, needsContext, rankCandidates, rejectReason } from '$lib/autogen/filter';
import { italianNumberWords, numberDistractors, parseItalianNumber } from '$lib/autogen/numbers';
import { mulberry32 } from '$lib/random/prng';
import { isFactual } from '$lib/content/article';
import { loadRealArticle } from '../helpers/content';

const article = loadRealArticle();
const candidates = findCandidates(article);
const find = (text: string) => candidates.find((c) => c.text === text);
const sentenceOf = (c: { sentenceIndex: number }) => article.sentences[c.sentenceIndex];

describe('numbers and dates', () => {
	it('finds every number with its qualifier, gapping only the digits', () => {
		expect(find('10.000')).toMatchObject({
			kind: 'number',
			display: 'più di 10.000',
			value: 10000,
			qualifier: 'more-than'
		});
		expect(find('4.000')).toMatchObject({
			display: 'circa 4.000',
			value: 4000,
			qualifier: 'about'
		});
		expect(find('30.000')).toMatchObject({ display: 'fino a 30.000', qualifier: 'up-to' });
		expect(find('4')).toMatchObject({ kind: 'number', value: 4, qualifier: 'exact' });
		expect(find('due')).toMatchObject({ kind: 'number', value: 2, format: 'words' });
	});

	it('finds years and month names with the words that date them', () => {
		expect(find('2024')).toMatchObject({
			kind: 'year',
			display: 'alla fine del 2024',
			value: 2024
		});
		expect(find('settembre')).toMatchObject({
			kind: 'month',
			display: 'lo scorso settembre',
			value: 9
		});
	});

	it('writes numbers out in Italian', () => {
		expect(italianNumberWords(10000)).toBe('diecimila');
		expect(italianNumberWords(4000)).toBe('quattromila');
		expect(italianNumberWords(30000)).toBe('trentamila');
		expect(italianNumberWords(2024)).toBe('duemilaventiquattro');
		expect(italianNumberWords(21000)).toBe('ventunmila');
		expect(italianNumberWords(188)).toBe('centottantotto');
		expect(italianNumberWords(23)).toBe('ventitré');
		expect(parseItalianNumber('3,5')).toEqual({ value: 3.5, format: 'decimal' });
	});

	it('makes number distractors of the same format and magnitude, never the answer', () => {
		for (let seed = 0; seed < 20; seed++) {
			const options = numberDistractors(
				{ kind: 'number', text: '10.000', value: 10000, format: 'grouped' },
				mulberry32(seed)
			);
			expect(new Set(options).size).toBe(3);
			expect(options).not.toContain('10.000');
			for (const option of options) {
				expect(option).toMatch(/^\d{1,3}\.\d{3}$/);
				const value = Number(option.replace('.', ''));
				expect(value).toBeGreaterThanOrEqual(1000);
				expect(value).toBeLessThan(100_000);
			}
		}
		const years = numberDistractors(
			{ kind: 'year', text: '2024', value: 2024, format: 'plain' },
			mulberry32(1)
		);
		for (const year of years) expect(Math.abs(Number(year) - 2024)).toBeLessThanOrEqual(5);
	});
});

describe('content words', () => {
	const words = candidates.filter((c) => c.kind === 'word').map((c) => c.text);

	it('are long lower-case words, never function words, -mente adverbs or source typos', () => {
		expect(words).toContain('alleanza');
		expect(words).toContain('manodopera');
		for (const word of words) expect(word.length).toBeGreaterThanOrEqual(6);
		for (const bad of [
			'attualmente',
			'rapidamente',
			'riconsestare',
			'dissuasire',
			'potrebbero',
			'tuttavia'
		]) {
			expect(words).not.toContain(bad);
		}
	});
});

describe('filters', () => {
	it('only looks at factual sentences', () => {
		for (const c of candidates) expect(isFactual(sentenceOf(c))).toBe(true);
	});

	it('drops sentences that open with a word pointing back', () => {
		expect(needsContext('Questo intervento ha avuto un costo elevato.')).toBe(true);
		expect(needsContext('Queste truppe provenivano dalle forze speciali.')).toBe(true);
		expect(needsContext('Le loro regole di ingaggio includevano una disposizione brutale.')).toBe(
			true
		);
		expect(needsContext('Anche prima di questo trattato, la Russia e la Corea…')).toBe(false);
		const kept = filterCandidates(article, candidates);
		for (const c of kept) expect(sentenceOf(c).text).not.toMatch(/^(Questo|Queste|Quella)\b/);
		const clause = candidates.find((c) => sentenceOf(c).text.startsWith('Quella clausola'))!;
		expect(rejectReason(clause, sentenceOf(clause).text)).toBe('needs-context');
	});

	it('drops answers repeated in their sentence and the subject of the whole text', () => {
		const repeated = candidates.find((c) => c.features.inSentence > 1)!;
		expect(rejectReason(repeated, sentenceOf(repeated).text)).toBe('repeated-in-sentence');
		const korea = candidates.filter((c) => c.text === 'Corea del Nord');
		expect(korea.length).toBeGreaterThan(10);
		expect(filterCandidates(article, korea)).toEqual([]);
	});
});

describe('rankCandidates', () => {
	const ranked = rankCandidates(filterCandidates(article, candidates));

	it('puts numbers and named entities above common words', () => {
		const firstWord = ranked.findIndex((c) => c.kind === 'word');
		const lastEntity = ranked.findLastIndex((c) => c.kind !== 'word' && c.kind !== 'name');
		expect(lastEntity).toBeLessThan(firstWord);
		expect(ranked.slice(0, 6).every((c) => c.kind === 'number' || c.kind === 'year')).toBe(true);
	});

	it('keeps one candidate per sentence and answer, and is sorted by score', () => {
		const keys = ranked.map((c) => `${c.sentenceId}|${c.text.toLowerCase()}`);
		expect(new Set(keys).size).toBe(keys.length);
		for (let i = 1; i < ranked.length; i++)
			expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
	});
});
