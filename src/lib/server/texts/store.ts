/**
 * The server's one store of added texts, opened on first use: builds and pages that never touch
 * an added text open no database.
 */
import { openSqliteTextStore, type TextStore } from './db';

let store: TextStore | undefined;

export function getTextStore(): TextStore {
	store ??= openSqliteTextStore();
	return store;
}

/** An added text's slug: `t-` and its id (26 letters and digits of base32, 130 random bits). */
const TEXT_SLUG = /^t-([a-z2-7]{26})$/u;

export const isTextId = (id: string) => /^[a-z2-7]{26}$/u.test(id);
export const textSlug = (id: string) => `t-${id}`;
/** The id in an added text's slug, or undefined for any other slug. */
export const textIdOf = (slug: string): string | undefined => TEXT_SLUG.exec(slug)?.[1];
