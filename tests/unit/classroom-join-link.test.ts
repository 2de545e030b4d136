import { describe, expect, it } from 'vitest';
import { joinLink, lanAddress, qrDataUrl } from '$lib/server/classroom/join-link';

const iface = (address: string, internal = false) => ({
	address,
	internal,
	family: 'IPv4' as const,
	netmask: '255.255.255.0',
	mac: '00:00:00:00:00:00',
	cidr: null
});

describe('the join link', () => {
	it('keeps a real host name and port', () => {
		const link = joinLink(
			new URL('https://quiz.scuola.it/class/123456/host'),
			'123456',
			'10.0.0.5'
		);
		expect(link).toEqual({
			page: 'https://quiz.scuola.it/join',
			direct: 'https://quiz.scuola.it/join?code=123456',
			rewritten: false
		});
	});

	it('replaces localhost with the address phones can reach', () => {
		const link = joinLink(new URL('http://localhost:3000/x'), '042042', '192.168.1.23');
		expect(link.direct).toBe('http://192.168.1.23:3000/join?code=042042');
		expect(link.rewritten).toBe(true);
		// No network at all: the link stays as it was.
		expect(joinLink(new URL('http://127.0.0.1:3000/'), '1', null).rewritten).toBe(false);
	});

	it('prefers a private LAN address over others and skips loopback', () => {
		expect(
			lanAddress({
				lo: [iface('127.0.0.1', true)],
				eth0: [iface('8.8.4.4')],
				wlan0: [iface('172.20.1.9')]
			})
		).toBe('172.20.1.9');
		expect(lanAddress({ lo: [iface('127.0.0.1', true)] })).toBeUndefined();
	});

	it('draws a QR code as an SVG image', () => {
		const url = qrDataUrl('http://192.168.1.23:3000/join?code=042042');
		expect(url).toMatch(/^data:image\/svg\+xml/);
		expect(qrDataUrl('a')).not.toBe(qrDataUrl('b'));
	});
});
