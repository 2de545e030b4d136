import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '$lib/deck/deck';
import { textToLibraryEntry } from '$lib/deck/input';
import { getArticle, getEntry } from '$lib/server/content';
import { loadDictionary } from '$lib/server/dictionary';
import { loadLemmaTable } from '$lib/server/lemmas';
import { getLexicon } from '$lib/server/lexicon';
import { getCard, getDeck } from '$lib/server/deck';
import { getReaderArticle } from '$lib/server/reader';
import {
	addText,
	browserTexts,
	deletedTitle,
	deleteText,
	isOwner,
	newTextId,
	OPENED_COOKIE,
	OWNER_COOKIE,
	rememberOpened,
	shareLink,
	getTextStore
} from '$lib/server/texts';
import { importText, type ImportedText } from '$lib/text/import';

// The server's own store, in a folder of this test (opened on first use, after these are set).
const dir = mkdtempSync(join(tmpdir(), 'ripasso-texts-content-'));
const FAULT = join(dir, 'fault');
process.env.RIPASSO_DATA_DIR = dir;
process.env.RIPASSO_FAULT_FILE = FAULT;

const ARTICLE = `Riapre la biblioteca civica di Chiavari dopo due anni di lavori

Di Giulia Ferraris

Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca. Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria e per metà dal Comune.

La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi, tra cui una raccolta di 1.200 manoscritti del XVII secolo. Al piano terra è nata una sala per i ragazzi con 40 posti a sedere.

Non tutti però sono soddisfatti. L'associazione Amici del Centro Storico sostiene che il progetto abbia ridotto la sala di consultazione, che passa da 60 a 35 posti.`;

/** A browser: its cookies, as SvelteKit hands them to a route. */
function browser(address = '192.0.2.1') {
	const jar = new Map<string, { value: string; options: Record<string, unknown> }>();
	const cookies = {
		get: (name: string) => jar.get(name)?.value,
		set: (name: string, value: string, options: Record<string, unknown>) =>
			void jar.set(name, { value, options }),
		delete: (name: string) => void jar.delete(name)
	} as unknown as Cookies;
	const url = new URL('http://127.0.0.1:3000/texts/new');
	return { jar, cookies, url, getClientAddress: () => address };
}

const checked = (raw: string): ImportedText => {
	const result = importText(raw);
	if (!result.ok) throw new Error(result.code);
	return result.text;
};

const add = (who: ReturnType<typeof browser>, raw = ARTICLE, title = '', now = Date.now()) =>
	addText(who, { imported: checked(raw), title, author: '', sourceUrl: '' }, now);

function added(who: ReturnType<typeof browser>, raw = ARTICLE, now = Date.now()): string {
	const outcome = add(who, raw, '', now);
	if (!outcome.ok) throw new Error(outcome.code);
	return outcome.slug;
}

describe('an added text is served as the curated article is', { timeout: 30_000 }, () => {
	it('has its article, reader view, deck and cards under its own slug', () => {
		const teacher = browser();
		const slug = added(teacher);
		expect(slug).toMatch(/^t-[a-z2-7]{26}$/u);
		// The owner's secret: httpOnly, as the host's, and kept for a school year.
		const owner = teacher.jar.get(OWNER_COOKIE)!;
		expect(owner.value).toMatch(/^[\w-]{32}$/u);
		expect(owner.options).toMatchObject({ httpOnly: true, path: '/', secure: false });
		expect(owner.options.maxAge).toBeGreaterThan(365 * 24 * 3600);

		const article = getArticle(slug)!;
		expect(article.meta).toMatchObject({
			title: 'Riapre la biblioteca civica di Chiavari dopo due anni di lavori',
			author: 'Giulia Ferraris'
		});
		const reader = getReaderArticle(slug)!;
		expect(reader.paragraphs.map((p) => p.role)).toEqual([
			'headline',
			'body',
			'body',
			'body',
			'byline'
		]);
		expect(reader.paragraphs[1].sentences[0].text).toMatch(/^Dopo due anni di lavori/u);

		const facts = getDeck(slug).cards.filter((card) => card.track === 'facts');
		expect(facts.length).toBeGreaterThan(0);
		for (const card of facts) {
			expect(card.source.article).toBe(slug);
			// Never from the headline or the byline.
			expect(article.sentences.find((s) => s.id === card.source.sentence)?.role).toBe('body');
			expect(getCard(card.id)).toEqual(card);
		}
		// The curated deck is not mixed with anyone's texts.
		expect(getDeck().cards.some((card) => card.source.article === slug)).toBe(false);
		const curated = getDeck('mosca-pyongyang').cards;
		expect(curated.length).toBeGreaterThan(200);
		expect(curated.every((c) => c.source.article === 'mosca-pyongyang')).toBe(true);
	});

	it('has the deck that deck --input prints for the same text', () => {
		const slug = added(browser(), ARTICLE.replace('1.200', '1.300'));
		const file = textToLibraryEntry('biblioteca.md', ARTICLE.replace('1.200', '1.300'), { slug });
		const lemmas = loadLemmaTable();
		const cli = buildDeck([file], {
			lexicon: getLexicon(),
			lemmas,
			generate: { lemmas, dictionary: loadDictionary() }
		});
		const ids = (cards: readonly { id: string; track: string }[], track: string) =>
			cards.filter((card) => card.track === track).map((card) => card.id);
		for (const track of ['facts', 'vocab']) {
			expect(ids(getDeck(slug).cards, track)).toEqual(ids(cli.cards, track));
			expect(ids(cli.cards, track).length).toBeGreaterThan(0);
		}
		expect(getDeck(slug).vocab.map((entry) => entry.lemma)).toEqual(
			cli.vocab.map((entry) => entry.lemma)
		);
	});

	it('is recognised when the same browser adds it again, however it is laid out', () => {
		const teacher = browser();
		const first = added(teacher);
		const relaid = ARTICLE.replace(/\n\n/gu, '\n').replace(/ di /gu, '  di ');
		expect(add(teacher, relaid, 'Un altro titolo')).toEqual({
			ok: false,
			code: 'duplicate',
			slug: first,
			title: 'Riapre la biblioteca civica di Chiavari dopo due anni di lavori'
		});
		// Another browser's copy is its own.
		const other = add(browser());
		expect(other.ok && other.slug !== first).toBe(true);
	});

	it('can be deleted by its owner only, and then nothing of it is served', async () => {
		const teacher = browser();
		const student = browser();
		const slug = added(teacher);
		const id = slug.slice(2);
		const card = getDeck(slug).cards[0];
		const article = getArticle(slug)!;
		expect(await deleteText(student, id)).toBe('not-owner');
		expect(getArticle(slug)).toBeDefined();
		expect(isOwner(student.cookies, getTextStore().get(id)!)).toBe(false);
		expect(isOwner(teacher.cookies, getTextStore().get(id)!)).toBe(true);

		expect(await deleteText(teacher, id)).toBe('deleted');
		// The home page says once which text went.
		expect(deletedTitle(teacher)).toBe(article.meta.title);
		expect(deletedTitle(teacher)).toBeNull();
		expect(getEntry(slug)).toBeUndefined();
		expect(getReaderArticle(slug)).toBeUndefined();
		expect(getDeck(slug).cards).toEqual([]);
		expect(getCard(card.id)).toBeUndefined();
		expect(await deleteText(teacher, id)).toBe('unknown');
		expect(await deleteText(teacher, 'not an id')).toBe('unknown');
	});

	it('lists what a browser added and what it opened through a share link', async () => {
		const teacher = browser();
		const student = browser();
		const a = added(teacher, ARTICLE, 1000);
		const b = added(teacher, ARTICLE.replace('sabato 14 settembre', 'domenica 15 settembre'), 2000);
		// Newest first.
		expect(browserTexts(teacher.cookies).own.map((t) => t.slug)).toEqual([b, a]);
		expect(browserTexts(student.cookies)).toEqual({ own: [], opened: [] });

		rememberOpened(student, a.slice(2));
		rememberOpened(student, b.slice(2));
		const opened = student.jar.get(OPENED_COOKIE)!;
		expect(opened.options).toMatchObject({ httpOnly: true });
		expect(browserTexts(student.cookies).opened.map((t) => t.slug)).toEqual([b, a]);
		// Opening one again puts it first, once.
		rememberOpened(student, a.slice(2));
		expect(browserTexts(student.cookies).opened.map((t) => t.slug)).toEqual([a, b]);

		await deleteText(teacher, a.slice(2));
		expect(browserTexts(student.cookies).opened.map((t) => t.slug)).toEqual([b]);
		// A cookie someone wrote by hand lists nothing it should not.
		student.jar.set(OPENED_COOKIE, { value: "x.' OR 1=1 --.", options: {} });
		expect(browserTexts(student.cookies).opened).toEqual([]);
	});

	it('refuses to add when the database cannot write, and keeps nothing half-done', () => {
		const teacher = browser();
		writeFileSync(FAULT, '');
		try {
			expect(add(teacher, ARTICLE.replace('85.000', '86.000'))).toEqual({
				ok: false,
				code: 'storage'
			});
			// No secret handed out for a text that was not kept.
			expect(teacher.jar.has(OWNER_COOKIE)).toBe(false);
		} finally {
			rmSync(FAULT);
		}
		expect(add(teacher, ARTICLE.replace('85.000', '86.000')).ok).toBe(true);
	});
});

describe('ids and share links', () => {
	it('makes ids nobody can guess: 26 letters of base32, all different', () => {
		const ids = new Set(Array.from({ length: 2000 }, newTextId));
		expect(ids.size).toBe(2000);
		for (const id of ids) expect(id).toMatch(/^[a-z2-7]{26}$/u);
	});

	it('shares from a teacher’s laptop at its address on the local network', () => {
		const id = 'abcdefghijklmnopqrstuvwxyz';
		expect(shareLink(new URL('http://localhost:3000/texts/x'), id, '192.168.1.20')).toBe(
			`http://192.168.1.20:3000/texts/${id}`
		);
		expect(shareLink(new URL('https://ripasso.example.org/texts/x'), id, '192.168.1.20')).toBe(
			`https://ripasso.example.org/texts/${id}`
		);
		expect(shareLink(new URL('http://127.0.0.1:3000/'), id, null)).toBe(
			`http://127.0.0.1:3000/texts/${id}`
		);
	});
});
