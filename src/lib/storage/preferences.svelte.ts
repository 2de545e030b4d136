/**
 * The reader's choices on this device (a projector or a phone), kept in `localStorage`: one rune
 * class whose setters store as they change, so nothing has to watch the values to save them.
 * Storage is outside our control (full, disabled, edited by hand): what cannot be read is left at
 * its default, what cannot be written still applies to the page, and nothing here ever throws.
 */
import { createContext } from 'svelte';
import { z } from 'zod';

/** The part of `Storage` used here: `localStorage` in the browser, a stand-in in tests. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Text size as a factor of the normal size, changed by steps within a range. */
export const TEXT_SCALE = { min: 0.8, max: 2, step: 0.15 } as const;

// Field by field: one bad value falls back to its default without taking the others with it.
const readerSchema = z.object({
	showNumbers: z.boolean().catch(false),
	showEnglish: z.boolean().catch(false),
	/** Words coloured by status (new, to study next, learning, known). */
	showColours: z.boolean().catch(true),
	textScale: z.number().min(TEXT_SCALE.min).max(TEXT_SCALE.max).catch(1)
});

export type ReaderChoices = z.infer<typeof readerSchema>;
export const READER_DEFAULTS: ReaderChoices = readerSchema.parse({});

/** `localStorage`, or null where there is none (the server) or the browser refuses it. */
export function browserStorage(): PreferenceStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Chromium throws on the mere access when site data is blocked.
		return null;
	}
}

export class ReaderPreferences {
	static readonly KEY = 'ripasso:reader';
	#storage: () => PreferenceStorage | null;
	#current = $state.raw<ReaderChoices>(READER_DEFAULTS);

	/** Starts at the defaults, as the server renders the page: `restore` reads the stored ones. */
	constructor(storage: () => PreferenceStorage | null) {
		this.#storage = storage;
	}

	/** Reads the stored choices; broken data is forgotten, so it is not read again. */
	restore(): void {
		const storage = this.#storage();
		let text: string | null;
		try {
			text = storage?.getItem(ReaderPreferences.KEY) ?? null;
		} catch {
			return;
		}
		if (text === null) return;
		try {
			this.#current = readerSchema.catch(READER_DEFAULTS).parse(JSON.parse(text));
		} catch {
			this.#current = READER_DEFAULTS;
			try {
				storage?.removeItem(ReaderPreferences.KEY);
			} catch {
				// Nothing more to do: the defaults apply.
			}
		}
	}

	get showNumbers(): boolean {
		return this.#current.showNumbers;
	}
	set showNumbers(value: boolean) {
		this.#set({ showNumbers: value });
	}
	get showEnglish(): boolean {
		return this.#current.showEnglish;
	}
	set showEnglish(value: boolean) {
		this.#set({ showEnglish: value });
	}
	get showColours(): boolean {
		return this.#current.showColours;
	}
	set showColours(value: boolean) {
		this.#set({ showColours: value });
	}
	get textScale(): number {
		return this.#current.textScale;
	}
	get canEnlarge(): boolean {
		return this.textScale < TEXT_SCALE.max;
	}
	get canShrink(): boolean {
		return this.textScale > TEXT_SCALE.min;
	}

	/** One step larger (`+1`) or smaller (`-1`), within the range, to the hundredth. */
	scale(steps: 1 | -1): void {
		const next = this.textScale + steps * TEXT_SCALE.step;
		const bounded = Math.min(TEXT_SCALE.max, Math.max(TEXT_SCALE.min, next));
		this.#set({ textScale: Math.round(bounded * 100) / 100 });
	}

	#set(change: Partial<ReaderChoices>): void {
		this.#current = { ...this.#current, ...change };
		try {
			this.#storage()?.setItem(ReaderPreferences.KEY, JSON.stringify(this.#current));
		} catch {
			// Storage full or disabled: the choice still applies to this page.
		}
	}
}

/** The reader's preferences, provided by the root layout (they outlive a page). */
export const [getReaderPreferences, setReaderPreferences] = createContext<ReaderPreferences>();
