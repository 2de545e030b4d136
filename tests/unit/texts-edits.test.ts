import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { livePool } from '$lib/classroom/pick';
import { generatedDeck, getCard, getDeck } from '$lib/server/deck';
import { addText, deleteText, getTextStore, textIdOf } from '$lib/server/texts';
import { forgetText } from '$lib/server/texts/cache';
import {
	loadEdits,
	removeEdit,
	saveAddedFact,
	saveCardEdit,
	saveGlossEdit,
	saveWordEdit
} from '$lib/server/texts/edits';
import { addedFactSchema, addedKey } from '$lib/deck/added';
import { getEntry } from '$lib/server/content';
import { MIGRATIONS, openSqliteTextStore } from '$lib/server/texts/db';
import { openDatabase } from '$lib/server/sqlite';
import { importText } from '$lib/text/import';

// The server's own store, in a folder of this test (opened on first use, after this is set).
const dir = mkdtempSync(join(tmpdir(), 'ripasso-texts-edits-'));
process.env.RIPASSO_DATA_DIR = dir;

const ARTICLE = `Riapre la biblioteca civica di Chiavari dopo due anni di lavori

Di Giulia Ferraris

Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca. Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria e per metà dal Comune.

La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi, tra cui una raccolta di 1.200 manoscritti del XVII secolo. Al piano terra è nata una sala per i ragazzi con 40 posti a sedere.

Non tutti però sono soddisfatti. L'associazione Amici del Centro Storico sostiene che il progetto abbia ridotto la sala di consultazione, che passa da 60 a 35 posti.`;

let texts = 0;
/** Adds the article (a little different each time, so no two are the same text). */
function added(): { slug: string; id: string; cookies: Cookies } {
	const jar = new Map<string, string>();
	const cookies = {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name)
	} as unknown as Cookies;
	const imported = importText(`${ARTICLE}\n\nTesto numero ${++texts}.`);
	if (!imported.ok) throw new Error(imported.code);
	const event = { cookies, url: new URL('http://127.0.0.1/'), getClientAddress: () => '192.0.2.9' };
	const outcome = addText(event, { imported: imported.text, title: '', author: '', sourceUrl: '' });
	if (!outcome.ok) throw new Error(outcome.code);
	return { slug: outcome.slug, id: textIdOf(outcome.slug)!, cookies };
}

const kinds = ['multiple-choice', 'true-false', 'numeric'] as const;
const factsOf = (slug: string) => getDeck(slug).cards.filter((card) => card.track === 'facts');

describe('the reviewed deck of an added text', { timeout: 30_000 }, () => {
	it('serves a fact the owner added, after a new server too, and forgets it when removed', () => {
		const { slug, id } = added();
		const sentence = getEntry(slug)!.article.sentences.find((s) =>
			s.text.includes('Palazzo Rocca')
		)!;
		const fact = addedFactSchema.parse({
			sentence: sentence.id,
			span: 'Palazzo Rocca',
			kind: 'open',
			question: 'In quale palazzo ha sede la biblioteca?',
			distractors: 'Palazzo Ducale\nPalazzo Spinola'
		});
		const refused = saveAddedFact(id, sentence.text, { ...fact, distractors: ['palazzo rocca'] });
		expect(refused).toMatchObject({ ok: false, problems: [{ code: 'right-answer' }] });
		expect(loadEdits(id).added?.size).toBe(0);
		expect(saveAddedFact(id, sentence.text, fact)).toEqual({ ok: true, key: addedKey(fact) });
		const served = () => factsOf(slug).find((card) => card.prompt === fact.question);
		expect(served()).toMatchObject({ type: 'multiple-choice', answer: 'Palazzo Rocca' });
		expect(getCard(served()!.id)).toEqual(served());
		const pool = livePool(getDeck(slug).cards, { article: slug, tracks: ['facts'], kinds });
		expect(pool.map((card) => card.id)).toContain(served()!.id);
		forgetText(slug);
		expect(served()).toBeDefined();
		removeEdit(id, 'added', addedKey(fact));
		expect(served()).toBeUndefined();
	});

	it('leaves a dropped word out of vocabulary study, and serves a corrected lemma', () => {
		const { slug, id } = added();
		const [word, other] = generatedDeck(slug).vocab;
		const vocabOf = (entry: string) =>
			getDeck(slug).cards.filter((card) => card.sibling === `${slug}:vocab:${entry}`);
		expect(vocabOf(word.id).length).toBeGreaterThan(0);
		saveWordEdit(id, word, { drop: true });
		expect(vocabOf(word.id)).toEqual([]);
		expect(getDeck(slug).vocab.map((entry) => entry.id)).not.toContain(word.id);
		saveWordEdit(id, other, { lemma: 'parolaccia', pos: other.pos as 'noun' });
		expect(getDeck(slug).vocab.find((entry) => entry.id === other.id)?.lemma).toBe('parolaccia');
		// The same lemma and part of speech as generated: nothing is kept.
		saveWordEdit(id, other, { lemma: other.lemma });
		expect(loadEdits(id).words?.has(other.id)).toBe(false);
	});

	it('leaves out a dropped card from study, class pools and card look-ups, at once', () => {
		const { slug, id } = added();
		const choice = factsOf(slug).find((card) => card.type === 'multiple-choice')!;
		expect(getCard(choice.id)).toBeDefined();
		expect(saveCardEdit(id, choice, { drop: true })).toEqual({ ok: true });
		expect(factsOf(slug).map((card) => card.id)).not.toContain(choice.id);
		const pool = livePool(getDeck(slug).cards, { article: slug, tracks: ['facts'], kinds });
		expect(pool.map((card) => card.id)).not.toContain(choice.id);
		expect(getCard(choice.id)).toBeUndefined();
		// The review page still lists it, as generated, to be restored.
		expect(generatedDeck(slug).cards.map((card) => card.id)).toContain(choice.id);
		removeEdit(id, 'card', choice.id);
		expect(getCard(choice.id)).toEqual(choice);
	});

	it('serves an edited answer, and refuses one that is not in the sentence', () => {
		const { slug, id } = added();
		const cloze = factsOf(slug).find(
			(card) => card.prompt.includes('_____') && !card.number && card.type !== 'true-false'
		)!;
		const other = cloze.source.text
			.split(/[\s,.]+/u)
			.find((w) => w.length >= 6 && !cloze.options.includes(w) && !cloze.answer.includes(w))!;
		const refused = saveCardEdit(id, cloze, { answer: 'Amici del Porto' });
		expect(refused).toMatchObject({ ok: false, problems: [{ code: 'not-in-sentence' }] });
		expect(loadEdits(id).cards.size).toBe(0);
		expect(saveCardEdit(id, cloze, { answer: other, prompt: cloze.prompt })).toEqual({
			ok: true
		});
		// Only what changed is stored: the prompt was sent as it was.
		expect(loadEdits(id).cards.get(cloze.id)).toEqual({ answer: other });
		expect(getCard(cloze.id)?.answer).toBe(other);
	});

	it('keeps the edits when the deck is made again (a new server, the cache gone)', () => {
		const { slug, id } = added();
		const [first, second] = factsOf(slug);
		saveCardEdit(id, first, { drop: true });
		saveCardEdit(id, second, { prompt: `${second.prompt} (rivista)` });
		forgetText(slug);
		const again = factsOf(slug);
		expect(again.map((card) => card.id)).not.toContain(first.id);
		expect(again.find((card) => card.id === second.id)?.prompt).toBe(`${second.prompt} (rivista)`);
		// And in the database itself, opened anew.
		const reopened = openSqliteTextStore(join(dir, 'texts.sqlite'));
		expect(
			reopened
				.edits(id)
				.map((edit) => edit.target)
				.sort()
		).toEqual([first.id, second.id].sort());
		reopened.close();
	});

	it('gives a word its edited gloss, and its gloss cards', () => {
		const { slug, id } = added();
		const word = generatedDeck(slug).vocab[0];
		saveGlossEdit(id, word.id, 'a made-up meaning', word.gloss);
		expect(getDeck(slug).vocab.find((entry) => entry.id === word.id)?.gloss).toBe(
			'a made-up meaning'
		);
		const recognition = getDeck(slug).cards.filter(
			(card) => card.sibling === `${slug}:vocab:${word.id}` && card.type === 'production'
		);
		expect(recognition.map((card) => card.prompt).join()).toContain('a made-up meaning');
	});

	it('deletes the edits with their text', async () => {
		const { slug, id, cookies } = added();
		saveCardEdit(id, factsOf(slug)[0], { drop: true });
		expect(getTextStore().edits(id)).toHaveLength(1);
		expect(await deleteText({ cookies, url: new URL('http://127.0.0.1/') }, id)).toBe('deleted');
		expect(getTextStore().edits(id)).toEqual([]);
	});
});

describe('the edits table', () => {
	it('is added to a database made before it, whose texts stay', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'ripasso-texts-v1-')), 'texts.sqlite');
		const old = openDatabase(file, 'texts', MIGRATIONS.slice(0, 1));
		old
			.prepare(
				`INSERT INTO texts (id, owner_hash, title, author, source_url, body, hash, words, created_at)
				 VALUES ('old', 'owner', 'Titolo', '', NULL, 'Testo.', 'h', 1, 1)`
			)
			.run();
		old.close();
		const store = openSqliteTextStore(file);
		expect(store.get('old')?.title).toBe('Titolo');
		store.putEdit('old', { kind: 'card', target: 'old:c', edit: { drop: true }, updatedAt: 2 });
		store.putEdit('old', { kind: 'card', target: 'old:c', edit: { answer: 'x' }, updatedAt: 3 });
		expect(store.edits('old')).toEqual([
			{ kind: 'card', target: 'old:c', edit: { answer: 'x' }, updatedAt: 3 }
		]);
		expect(store.removeEdit('old', 'card', 'old:c')).toBe(true);
		expect(store.removeEdit('old', 'card', 'old:c')).toBe(false);
		store.close();
	});
});
