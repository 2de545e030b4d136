import { describe, expect, it } from 'vitest';
import {
	fallbackCsp,
	HTML_FALLBACK_CSP,
	NON_PAGE_CSP,
	SECURITY_HEADERS,
	SECURITY_HEADERS_OBJECT,
	withSecurityHeaders
} from '$lib/server/security-headers';

const PAGE_CSP = "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'";

describe('security headers', () => {
	it('come as a list and as the same plain object', () => {
		expect(SECURITY_HEADERS_OBJECT).toEqual({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'same-origin',
			'x-frame-options': 'DENY'
		});
		expect(Object.entries(SECURITY_HEADERS_OBJECT)).toEqual(SECURITY_HEADERS);
		expect(Object.isFrozen(SECURITY_HEADERS_OBJECT)).toBe(true);
	});

	it('are added to a response, keeping a page its own policy', () => {
		const page = new Response('<!doctype html>', {
			headers: { 'content-type': 'text/html', 'content-security-policy': PAGE_CSP }
		});
		const out = withSecurityHeaders(page);
		expect(out).toBe(page);
		for (const [name, value] of SECURITY_HEADERS) expect(out.headers.get(name)).toBe(value);
		expect(out.headers.get('content-security-policy')).toBe(PAGE_CSP);
	});

	it('give what is not a page a policy that loads nothing and cannot be framed', () => {
		for (const type of ['application/json', 'text/csv; charset=utf-8', 'text/event-stream']) {
			const out = withSecurityHeaders(new Response('{}', { headers: { 'content-type': type } }));
			expect(out.headers.get('content-security-policy')).toBe(NON_PAGE_CSP);
		}
		expect(
			withSecurityHeaders(new Response(null, { status: 204 })).headers.get('x-frame-options')
		).toBe('DENY');
	});

	it('keep an HTML response without a policy from being framed, without breaking it', () => {
		expect(fallbackCsp('text/html; charset=utf-8')).toBe(HTML_FALLBACK_CSP);
		expect(fallbackCsp(' TEXT/HTML')).toBe(HTML_FALLBACK_CSP);
		expect(fallbackCsp('text/htmlx')).toBe(NON_PAGE_CSP);
		expect(fallbackCsp(null)).toBe(NON_PAGE_CSP);
	});

	it('leave a header an endpoint chose', () => {
		const out = withSecurityHeaders(
			new Response('', { headers: { 'referrer-policy': 'no-referrer' } })
		);
		expect(out.headers.get('referrer-policy')).toBe('no-referrer');
	});

	it('reach a response whose headers cannot be changed, through a copy', () => {
		const redirect = Response.redirect('http://localhost/elsewhere', 303);
		expect(() => redirect.headers.set('x-test', '1')).toThrow();
		const out = withSecurityHeaders(redirect);
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toBe('http://localhost/elsewhere');
		expect(out.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
