/**
 * The address students type or scan to join. A teacher who opens Ripasso on the laptop itself
 * (http://localhost:3000) would otherwise show a link that no phone can reach, so a loopback
 * host is replaced by the machine's address on the local network.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { generate } from 'lean-qr';
import { toSvgDataURL } from 'lean-qr/extras/svg';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The first non-internal IPv4 address, preferring private ranges (the classroom's Wi-Fi). */
export function lanAddress(
	interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()
): string | undefined {
	const candidates = Object.values(interfaces)
		.flat()
		.filter((i): i is NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
		.map((i) => i.address);
	const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
	return candidates.find(isPrivate) ?? candidates[0];
}

export interface JoinLink {
	/** `http://host:port/join` — what to type. */
	page: string;
	/** The page with the code filled in — what the QR code opens. */
	direct: string;
	/** True when the host's address was replaced by the LAN address. */
	rewritten: boolean;
}

/** @param lan the machine's LAN address (null: none, keep the host as it is) */
export function joinLink(origin: URL, code: string, lan = lanAddress() ?? null): JoinLink {
	const base = new URL(origin.origin);
	const rewritten = LOOPBACK.test(base.hostname) && lan !== null;
	if (rewritten && lan) base.hostname = lan;
	const page = new URL('/join', base);
	const direct = new URL(`/join?code=${encodeURIComponent(code)}`, base);
	return { page: page.href, direct: direct.href, rewritten };
}

/** The QR code of `text` as a `data:` URL for an `<img>`, made on this server (no third party). */
export function qrDataUrl(text: string): string {
	return toSvgDataURL(generate(text), { on: 'black', off: 'white', pad: 2 });
}
