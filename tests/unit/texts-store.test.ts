import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteTextStore, StorageError, type TextRow } from '$lib/server/texts/db';

const text = (id: string, over: Partial<TextRow> = {}): TextRow => ({
	id,
	ownerHash: 'owner-a',
	title: 'Riapre la biblioteca civica di Chiavari',
	author: 'Giulia Ferraris',
	sourceUrl: 'https://example.org/biblioteca',
	body: 'Dopo due anni di lavori, la biblioteca riapre.\n\nIl restauro è costato 2,4 milioni di euro.',
	hash: `hash-${id}`,
	words: 17,
	createdAt: 1000,
	...over
});

const tmp = () => mkdtempSync(join(tmpdir(), 'ripasso-texts-'));

describe('the texts database', () => {
	it('keeps a text across a restart, in a folder it creates', () => {
		const file = join(tmp(), 'nested', 'texts.sqlite');
		const store = openSqliteTextStore(file);
		expect(store.add(text('aaa'))).toBe(true);
		store.close();
		const reopened = openSqliteTextStore(file);
		expect(reopened.get('aaa')).toEqual(text('aaa'));
		expect(reopened.get('nope')).toBeUndefined();
		reopened.close();
	});

	it('recognises the same text from the same owner, not from another', () => {
		const store = openSqliteTextStore(':memory:');
		expect(store.add(text('first', { hash: 'same' }))).toBe(true);
		// Same owner, same text: refused by the database itself, whatever the caller checked.
		expect(store.add(text('again', { hash: 'same' }))).toBe(false);
		expect(store.get('again')).toBeUndefined();
		expect(store.findByHash('owner-a', 'same')?.id).toBe('first');
		// Another browser may add the same article: it is its own copy.
		expect(store.add(text('other', { hash: 'same', ownerHash: 'owner-b' }))).toBe(true);
		expect(store.findByHash('owner-b', 'same')?.id).toBe('other');
	});

	it('lists an owner’s texts newest first, without their bodies, and texts by id', () => {
		const store = openSqliteTextStore(':memory:');
		store.add(text('old', { createdAt: 1 }));
		store.add(text('new', { createdAt: 2 }));
		store.add(text('theirs', { ownerHash: 'owner-b' }));
		const own = store.ownedBy('owner-a');
		expect(own.map((t) => t.id)).toEqual(['new', 'old']);
		expect(own[0]).not.toHaveProperty('body');
		expect(own[0]).not.toHaveProperty('ownerHash');
		expect(store.countOwnedBy('owner-a')).toBe(2);
		expect(store.summaries(['theirs', 'gone', 'old']).map((t) => t.id)).toEqual(['theirs', 'old']);
		expect(store.summaries([])).toEqual([]);
	});

	it('deletes a text for its owner only', () => {
		const store = openSqliteTextStore(':memory:');
		store.add(text('mine'));
		expect(store.delete('mine', 'owner-b')).toBe(false);
		expect(store.get('mine')).toBeDefined();
		expect(store.delete('mine', 'owner-a')).toBe(true);
		expect(store.get('mine')).toBeUndefined();
		expect(store.delete('mine', 'owner-a')).toBe(false);
	});

	it('turns a failed write into a StorageError and changes nothing', () => {
		const dir = tmp();
		const fault = join(dir, 'fault');
		const store = openSqliteTextStore(join(dir, 'texts.sqlite'), { faultFile: fault });
		store.add(text('kept'));
		writeFileSync(fault, '');
		expect(() => store.add(text('lost'))).toThrow(StorageError);
		expect(() => store.delete('kept', 'owner-a')).toThrow(/texts\.delete/u);
		// Reads go on while writes fail.
		expect(store.get('kept')?.id).toBe('kept');
		expect(store.get('lost')).toBeUndefined();
		rmSync(fault);
		expect(store.add(text('later'))).toBe(true);
		store.close();
	});

	it('says so when the database is from a newer Ripasso', () => {
		const file = join(tmp(), 'texts.sqlite');
		openSqliteTextStore(file).close();
		const db = new Database(file);
		db.pragma('user_version = 99');
		db.close();
		expect(() => openSqliteTextStore(file)).toThrow(/newer Ripasso/u);
	});
});
