/**
 * Added texts for the routes: who owns a text (a secret in an httpOnly cookie, as the classroom's
 * host has, hashed in the database), adding within limits, deleting by the owner only, and the
 * texts a browser added or opened through a share link.
 */
import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '$env/dynamic/private';
import { m } from '$lib/paraglide/messages';
import { RateLimiter } from '$lib/server/classroom/http';
import { lanAddress } from '$lib/server/classroom/join-link';
import { getEngine } from '$lib/server/classroom';
import { cookieOptions } from '$lib/server/cookies';
import { fallbackTitle, type ImportedText } from '$lib/text/import';
import { forgetText } from './cache';
import { StorageError, type TextRow, type TextSummary } from './db';
import { getTextStore, isTextId, textSlug } from './store';

export { StorageError, type TextRow, type TextSummary } from './db';
export { getTextStore, isTextId, textIdOf, textSlug } from './store';

/** The owner's secret: one per browser, for every text it adds. */
export const OWNER_COOKIE = 'ripasso_owner';
/** The title of the text this browser just deleted, for the home page to say so once. */
export const DELETED_COOKIE = 'ripasso_deleted';
/** Ids of texts this browser opened through a share link, newest first. */
export const OPENED_COOKIE = 'ripasso_opened';
/** As long as browsers keep a cookie (400 days): a teacher's texts outlive a school year. */
const COOKIE_SECONDS = 400 * 24 * 60 * 60;
const MAX_OPENED = 20;

const limit = (name: string, fallback: number) => Number(env[name]) || fallback;
/** Texts added per address: a school's teachers share one, a script adding thousands does not. */
const additions = new RateLimiter(limit('RIPASSO_TEXT_LIMIT', 30), 10 * 60_000);
/** Texts one browser may keep (20,000 words each at most). */
export const MAX_TEXTS_PER_OWNER = limit('RIPASSO_OWNER_TEXTS', 200);

type TextEvent = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The browser's owner secret, when it looks like one this server made. */
function ownerSecret(cookies: Cookies): string | undefined {
	const value = cookies.get(OWNER_COOKIE);
	return value && /^[\w-]{32}$/u.test(value) ? value : undefined;
}

/** The hash this browser's texts are stored under, if it has a secret. */
export function ownerHashOf(cookies: Cookies): string | undefined {
	const secret = ownerSecret(cookies);
	return secret && hashOf(secret);
}

/** Whether this browser added the text (compared in constant time). */
export function isOwner(cookies: Cookies, text: Pick<TextRow, 'ownerHash'>): boolean {
	const mine = ownerHashOf(cookies);
	if (!mine) return false;
	const [a, b] = [Buffer.from(mine), Buffer.from(text.ownerHash)];
	return a.length === b.length && timingSafeEqual(a, b);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 26 characters of base32 from 130 random bits: nobody finds a text by guessing its link. */
export function newTextId(): string {
	const bytes = randomBytes(17);
	let id = '';
	for (let i = 0; i < 26; i++) {
		const bit = i * 5;
		const pair = (bytes[bit >> 3] << 8) | bytes[(bit >> 3) + 1];
		id += BASE32[(pair >> (11 - (bit & 7))) & 31];
	}
	return id;
}

export interface NewText {
	imported: ImportedText;
	title: string;
	author: string;
	sourceUrl: string;
}

export type AddOutcome =
	| { ok: true; slug: string }
	| { ok: false; code: 'duplicate'; slug: string; title: string }
	| { ok: false; code: 'rate-limited'; retryAfter: number }
	| { ok: false; code: 'too-many-texts' | 'storage' };

/**
 * Stores a checked text for this browser (its owner secret is made and set now if it has none).
 * The same text again from the same browser is not stored twice: the outcome names the first.
 */
export function addText(event: TextEvent, text: NewText, now = Date.now()): AddOutcome {
	const wait = additions.hit(event.getClientAddress());
	if (wait > 0) return { ok: false, code: 'rate-limited', retryAfter: wait };
	const secret = ownerSecret(event.cookies) ?? randomBytes(24).toString('base64url');
	const ownerHash = hashOf(secret);
	const store = getTextStore();
	try {
		const same = store.findByHash(ownerHash, text.imported.hash);
		if (same) return { ok: false, code: 'duplicate', slug: textSlug(same.id), title: same.title };
		if (store.countOwnedBy(ownerHash) >= MAX_TEXTS_PER_OWNER) {
			return { ok: false, code: 'too-many-texts' };
		}
		const { imported } = text;
		const row: TextRow = {
			id: newTextId(),
			ownerHash,
			title: text.title || imported.title || fallbackTitle(imported.paragraphs),
			author: text.author || imported.author || '',
			sourceUrl: text.sourceUrl || null,
			body: imported.paragraphs.join('\n\n'),
			hash: imported.hash,
			words: imported.words,
			createdAt: now
		};
		// Two tabs adding the same text at once: the database's unique index keeps one.
		if (!store.add(row)) {
			const first = store.findByHash(ownerHash, imported.hash);
			if (first)
				return { ok: false, code: 'duplicate', slug: textSlug(first.id), title: first.title };
		}
		event.cookies.set(OWNER_COOKIE, secret, cookieOptions(event.url, { maxAge: COOKIE_SECONDS }));
		return { ok: true, slug: textSlug(row.id) };
	} catch (failure) {
		if (failure instanceof StorageError) return { ok: false, code: 'storage' };
		throw failure;
	}
}

/**
 * Deletes the text when this browser added it, with everything derived from it; the home page
 * then says which text went (`deletedTitle`).
 *
 * @throws StorageError when the database refuses
 */
export async function deleteText(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	id: string
): Promise<'deleted' | 'not-owner' | 'unknown'> {
	const text = isTextId(id) ? getTextStore().get(id) : undefined;
	if (!text) return 'unknown';
	if (!isOwner(event.cookies, text)) return 'not-owner';
	// Its class games first: if the database refuses, the text stays and can be deleted again.
	await getEngine().forgetArticle(textSlug(id));
	if (!getTextStore().delete(id, text.ownerHash)) return 'unknown';
	forgetText(textSlug(id));
	event.cookies.set(DELETED_COOKIE, text.title, cookieOptions(event.url, { maxAge: 60 }));
	return 'deleted';
}

/**
 * The title of the text this browser deleted just before, once: the cookie goes as it is read.
 * (A cookie, not the URL: a link cannot make the page say that something was deleted.)
 */
export function deletedTitle(event: Pick<RequestEvent, 'cookies' | 'url'>): string | null {
	const title = event.cookies.get(DELETED_COOKIE);
	if (title === undefined) return null;
	event.cookies.delete(DELETED_COOKIE, cookieOptions(event.url));
	return title.slice(0, 200);
}

/** Ids in the opened-texts cookie (anything malformed in it is ignored). */
function openedIds(cookies: Cookies): string[] {
	return (cookies.get(OPENED_COOKIE) ?? '').split('.').filter(isTextId).slice(0, MAX_OPENED);
}

/** Remembers a text opened through its share link, for this browser's home page. */
export function rememberOpened(event: Pick<RequestEvent, 'cookies' | 'url'>, id: string): void {
	const ids = [id, ...openedIds(event.cookies).filter((other) => other !== id)].slice(
		0,
		MAX_OPENED
	);
	event.cookies.set(
		OPENED_COOKIE,
		ids.join('.'),
		cookieOptions(event.url, { maxAge: COOKIE_SECONDS })
	);
}

/** A text as lists show it, with its slug. */
export type ListedText = TextSummary & { slug: string };

const listed = (text: TextSummary): ListedText => ({ ...text, slug: textSlug(text.id) });

/**
 * The texts this browser added (newest first) and those it opened through a share link (most
 * recently opened first; deleted ones drop out).
 *
 * @throws StorageError when the database cannot be read
 */
export function browserTexts(cookies: Cookies): { own: ListedText[]; opened: ListedText[] } {
	const ownerHash = ownerHashOf(cookies);
	const own = ownerHash ? getTextStore().ownedBy(ownerHash).map(listed) : [];
	const mine = new Set(own.map((text) => text.id));
	const opened = getTextStore()
		.summaries(openedIds(cookies).filter((id) => !mine.has(id)))
		.map(listed);
	return { own, opened };
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/iu;

/**
 * The text's share link. As the classroom's join link does, a loopback host (a teacher who opened
 * Ripasso on the laptop itself) becomes the machine's address on the local network, which
 * students' devices can reach.
 *
 * @param lan the machine's LAN address (null: none, keep the host as it is)
 */
export function shareLink(origin: URL, id: string, lan = lanAddress() ?? null): string {
	const base = new URL(origin.origin);
	if (LOOPBACK.test(base.hostname) && lan) base.hostname = lan;
	return new URL(`/texts/${id}`, base).href;
}

/**
 * The text with this id for its page, or a 404 page (also for a malformed id); a 503 page when
 * the database cannot be read.
 */
export function requireText(id: string): TextRow {
	let text: TextRow | undefined;
	try {
		text = isTextId(id) ? getTextStore().get(id) : undefined;
	} catch (failure) {
		if (failure instanceof StorageError) error(503, m.texts_error_storage_read());
		throw failure;
	}
	if (!text) error(404, m.texts_error_not_found());
	return text;
}
