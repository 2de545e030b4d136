import { describe, expect, it } from 'vitest';
import {
	READER_DEFAULTS,
	ReaderPreferences,
	type PreferenceStorage
} from '$lib/storage/preferences.svelte';

const KEY = ReaderPreferences.KEY;

/** `localStorage` as the browser keeps it for this site. */
function memoryStorage(initial: Record<string, string> = {}) {
	const items = new Map(Object.entries(initial));
	const storage: PreferenceStorage = {
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key)
	};
	return { storage, items };
}

/** A reader opening the page: the defaults first, then what this device stored. */
function open(storage: PreferenceStorage | null) {
	const preferences = new ReaderPreferences(() => storage);
	preferences.restore();
	return preferences;
}

const choices = (p: ReaderPreferences) => ({
	showNumbers: p.showNumbers,
	showEnglish: p.showEnglish,
	showColours: p.showColours,
	textScale: p.textScale
});

describe('the reader’s preferences', () => {
	it('start with colours on, nothing else, normal size', () => {
		expect(choices(open(memoryStorage().storage))).toEqual({
			showNumbers: false,
			showEnglish: false,
			showColours: true,
			textScale: 1
		});
		expect(choices(open(null))).toEqual(READER_DEFAULTS);
	});

	it('are remembered on this device from the moment they change', () => {
		const { storage } = memoryStorage();
		const first = open(storage);
		first.showNumbers = true;
		first.showColours = false;
		first.scale(1);
		first.scale(1);
		expect(choices(open(storage))).toEqual({
			showNumbers: true,
			showEnglish: false,
			showColours: false,
			textScale: 1.3
		});
	});

	it('keep the text size within its range', () => {
		const preferences = open(memoryStorage().storage);
		for (let i = 0; i < 20; i++) preferences.scale(1);
		expect(preferences.textScale).toBe(2);
		expect(preferences.canEnlarge).toBe(false);
		for (let i = 0; i < 20; i++) preferences.scale(-1);
		expect(preferences.textScale).toBe(0.8);
		expect(preferences.canShrink).toBe(false);
		expect(preferences.canEnlarge).toBe(true);
	});

	it('forget broken stored data instead of failing', () => {
		const { storage, items } = memoryStorage({ [KEY]: '{not json' });
		expect(choices(open(storage))).toEqual(READER_DEFAULTS);
		expect(items.has(KEY)).toBe(false);
		expect(choices(open(memoryStorage({ [KEY]: '42' }).storage))).toEqual(READER_DEFAULTS);
	});

	it('keep each good value and drop each bad one', () => {
		const stored = { showNumbers: 'yes', showEnglish: true, textScale: 9, extra: 1 };
		const { storage } = memoryStorage({ [KEY]: JSON.stringify(stored) });
		expect(choices(open(storage))).toEqual({ ...READER_DEFAULTS, showEnglish: true });
	});

	it('still apply to the page when the browser refuses storage', () => {
		const refusing: PreferenceStorage = {
			getItem: () => {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			},
			removeItem: () => {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		};
		const preferences = open(refusing);
		expect(choices(preferences)).toEqual(READER_DEFAULTS);
		preferences.showEnglish = true;
		preferences.scale(-1);
		expect(preferences.showEnglish).toBe(true);
		expect(preferences.textScale).toBe(0.85);
	});
});
