/**
 * The practice quiz's visitor id: a random value in an httpOnly cookie, to which quiz tokens are
 * bound, so a token copied from someone else's screen or history is of no use to anyone else.
 * It identifies a browser to this server only (nothing is stored under it) and no script on the
 * page can read it.
 */
import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieOptions } from '../cookies';

export const VISITOR_COOKIE = 'ripasso_visitor';
/** A year: a quiz left for a while, or a link in the history, still belongs to this browser. */
const MAX_AGE = 60 * 60 * 24 * 365;
/** 128 random bits in base64url: as made below, nothing else. */
const VisitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/**
 * This browser's visitor id, from its cookie, or a new one set in the response. A cookie that is
 * not one of ours (hand-edited, too long) is replaced rather than trusted.
 */
export function visitorId(cookies: Cookies, url: URL): string {
	const existing = VisitorIdSchema.safeParse(cookies.get(VISITOR_COOKIE));
	if (existing.success) return existing.data;
	const id = randomBytes(16).toString('base64url');
	cookies.set(VISITOR_COOKIE, id, cookieOptions(url, { maxAge: MAX_AGE }));
	return id;
}
