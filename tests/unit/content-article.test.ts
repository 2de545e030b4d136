import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFactual, loadArticles, parseArticle } from '$lib/content/article';
import { parseFrontMatter } from '$lib/content/schema';
import { ARTICLE_FILE, SLUG, loadRealArticle, readArticleFile } from '../helpers/content';

/** SHA-256 of ../shared/seeds/000_8431df91ac060f4b.txt, the text as published (7,386 bytes). */
const SEED_SHA256 = '1b767024f22185179661b74f8e2ac255fb6e5d5dc495e537dbbb0302ad886009';
const SEED_PATH = '../shared/seeds/000_8431df91ac060f4b.txt';

const article = loadRealArticle();

describe('the article in content/', () => {
	it('is byte-identical to the seed text once the front matter is removed', () => {
		const body = Buffer.from(article.body, 'utf8');
		expect(body.length).toBe(7386);
		expect(createHash('sha256').update(body).digest('hex')).toBe(SEED_SHA256);
		// Where the shared seed folder is reachable, compare the bytes themselves too.
		if (existsSync(SEED_PATH)) expect(body.equals(readFileSync(SEED_PATH))).toBe(true);
	});

	it('keeps both apostrophe styles and the source typos as they are', () => {
		expect(article.body).toContain('l’Ucraina');
		expect(article.body).toContain("dell'Hudson Institute");
		expect(article.body).toContain('riconsestare');
		expect(article.body).toContain('dissuasire');
	});

	it('has the expected front matter', () => {
		expect(article.meta).toMatchObject({
			author: 'Luke Coffey',
			affiliation: 'Hudson Institute',
			language: 'it'
		});
		expect(article.meta.title).toMatch(/^Questo allineamento tra Mosca e Pyongyang/);
	});
});

describe('paragraphs and sentences of the real article', () => {
	it('finds 20 body paragraphs and 54 sentences, 51 of them in the body', () => {
		expect(article.paragraphs.filter((p) => p.role === 'body')).toHaveLength(20);
		expect(article.sentences).toHaveLength(54);
		expect(article.sentences.filter((s) => s.role === 'body')).toHaveLength(51);
	});

	it('gives every sentence a span that reproduces its text exactly', () => {
		for (const sentence of article.sentences) {
			expect(article.body.slice(sentence.start, sentence.end)).toBe(sentence.text);
		}
	});

	it('loses no text: sentences cover every non-space character of the body, in order', () => {
		let cursor = 0;
		for (const sentence of article.sentences) {
			expect(article.body.slice(cursor, sentence.start).trim()).toBe('');
			cursor = sentence.end;
		}
		expect(article.body.slice(cursor).trim()).toBe('');
	});

	it('splits sentences where the article does', () => {
		const texts = article.sentences.map((s) => s.text);
		expect(texts).toContain('Quella clausola è già stata testata.');
		expect(texts).toContain('Questo intervento ha avuto un costo elevato.');
		expect(texts).toContain(
			'La domanda più ovvia è quindi cosa ottiene in cambio la Corea del Nord?'
		);
		// A colon does not end a sentence.
		expect(texts.find((t) => t.startsWith('Una cosa è chiara:'))).toMatch(/ulteriormente\.$/);
	});

	it('does not take the title line or the byline as facts', () => {
		const [first] = article.sentences;
		expect(first.role).toBe('headline');
		expect(isFactual(first)).toBe(false);
		const byline = article.sentences.find((s) => s.text === 'Di Luke Coffey');
		expect(byline?.role).toBe('byline');
		expect(isFactual(byline!)).toBe(false);
		// The same words as the headline, inside the body with a full stop, are a fact.
		const repeated = article.sentences.find(
			(s) => s.role === 'body' && s.text.startsWith('Questo allineamento')
		);
		expect(repeated && isFactual(repeated)).toBe(true);
		expect(repeated?.id).not.toBe(first.id);
		// The note about the author states a fact (his affiliation).
		const note = article.sentences.at(-1)!;
		expect(note.role).toBe('author-note');
		expect(isFactual(note)).toBe(true);
	});

	it('gives unique ids that are safe in a URL fragment', () => {
		const ids = article.sentences.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});
});

describe('tokens of the real article', () => {
	const tokens = article.sentences.flatMap((s) => s.tokens);

	it('points every token back to its exact place in the text', () => {
		for (const token of tokens) expect(article.body.slice(token.start, token.end)).toBe(token.text);
	});

	it('splits elisions with either apostrophe', () => {
		const texts = tokens.map((t) => t.text);
		const at = (word: string) => texts.indexOf(word);
		expect(texts[at('Ucraina') - 1]).toBe('l’');
		expect(texts[at('occhio') - 1]).toBe('d’');
		expect(texts[at('enorme') - 1]).toBe('un’');
		expect(texts[at('Hudson') - 1]).toBe("dell'");
		expect(texts[at('quest’') + 1]).toBe('anno');
		expect(texts.some((t) => /^\p{L}+['’]\p{L}/u.test(t))).toBe(false);
	});

	it('keeps numbers whole', () => {
		const numbers = tokens.filter((t) => t.kind === 'number').map((t) => t.text);
		expect(numbers).toEqual(['4', '10.000', '2024', '4.000', '30.000']);
	});
});

describe('stable sentence ids', () => {
	const raw = readArticleFile();

	it('do not change when another paragraph is edited, added or removed', () => {
		const edited = raw
			.replace('Quella clausola è già stata testata.', 'Quella clausola è stata messa alla prova.')
			.replace('Di Luke Coffey', 'Un paragrafo nuovo. Con due frasi.\n\nDi Luke Coffey');
		const before = new Map(article.sentences.map((s) => [s.text, s.id]));
		const after = parseArticle(ARTICLE_FILE, SLUG, edited);
		let kept = 0;
		for (const sentence of after.sentences) {
			const old = before.get(sentence.text);
			if (old) {
				expect(sentence.id).toBe(old);
				kept++;
			}
		}
		expect(kept).toBe(article.sentences.length - 1);
	});

	it('change when the sentence itself changes', () => {
		const edited = raw.replace('costo elevato', 'costo altissimo');
		const changed = parseArticle(ARTICLE_FILE, SLUG, edited).sentences[9];
		expect(changed.text).toBe('Questo intervento ha avuto un costo altissimo.');
		expect(changed.id).not.toBe(article.sentences[9].id);
	});

	it('tell identical sentences apart by order', () => {
		const text =
			'---\ntitle: T\nauthor: A\nlanguage: it\ndescription: Una prova breve.\n---\nSì. Sì.\n\nSì.';
		const ids = parseArticle('x.md', 'prova', text).sentences.map((s) => s.id);
		expect(new Set(ids).size).toBe(3);
		expect(ids[1]).toBe(`${ids[0]}-2`);
	});
});

describe('content errors name the file and the field', () => {
	const valid =
		'---\ntitle: T\nauthor: A\nlanguage: it\ndescription: Una prova breve.\n---\nTesto.';

	it.each([
		['no front matter', 'Solo testo.', /x\.md: missing front matter/],
		['broken YAML', '---\ntitle: [\n---\nTesto.', /x\.md: front matter is not valid YAML/],
		['a missing field', valid.replace('author: A\n', ''), /x\.md: front matter field "author"/],
		['a wrong language', valid.replace('language: it', 'language: en'), /field "language"/],
		['an unknown field', valid.replace('title: T', 'title: T\ntitel: X'), /titel/],
		['an empty body', valid.replace('Testo.', '  \n'), /x\.md: the article has no text/]
	])('rejects %s', (_, raw, message) => {
		expect(() => parseFrontMatter('x.md', raw)).toThrow(message);
	});

	it('rejects a folder name that is not a slug', () => {
		expect(() => loadArticles({ '/content/articles/Bad Name/article.it.md': valid })).toThrow(
			/content\/articles\/Bad Name\/article\.it\.md: folder name "Bad Name"/
		);
	});

	it('loads every article in the map, sorted by slug', () => {
		const articles = loadArticles({
			'/content/articles/zeta/article.it.md': valid,
			[`/${ARTICLE_FILE}`]: raw()
		});
		expect(articles.map((a) => a.slug)).toEqual([SLUG, 'zeta']);
		function raw() {
			return readArticleFile();
		}
	});
});
