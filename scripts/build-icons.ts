/**
 * `npx tsx scripts/build-icons.ts`: draws the app's PNG icons (the web manifest's and the
 * home-screen icon) from the SVGs in `static/icons/`, with the Chromium the e2e tests use.
 * The PNGs are committed; run this again after changing an SVG.
 *
 * `icon.svg` is the favicon's rounded square; `maskable.svg` fills the whole square and keeps the
 * letter inside the central 80 % circle that every launcher's mask leaves visible.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const folder = join(import.meta.dirname, '..', 'static', 'icons');
const SIZES = [192, 512];
const SOURCES = ['icon', 'maskable'];
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const browser = await chromium.launch({
	executablePath: existsSync(systemChromium) ? systemChromium : undefined,
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	for (const source of SOURCES) {
		const svg = readFileSync(join(folder, `${source}.svg`), 'utf8');
		for (const size of SIZES) {
			const page = await browser.newPage({ viewport: { width: size, height: size } });
			await page.setContent(
				`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`
			);
			const out = join(folder, `${source}-${size}.png`);
			await page.screenshot({ path: out, omitBackground: true });
			await page.close();
			console.log(out);
		}
	}
} finally {
	await browser.close();
}
