import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests run against the production build served by adapter-node.
 *
 * Browser: Debian's Chromium at /usr/bin/chromium when present (Playwright's own browser
 * download does not work on our machines), otherwise Playwright's own Chromium, so a developer
 * who ran `npx playwright install` elsewhere needs nothing more. `CHROMIUM_PATH` overrides both.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
const port = Number(process.env.E2E_PORT ?? 4173);
// The server under test keeps its games in a fresh folder of its own, never the developer's
// ./data. Set once in the main process; the workers inherit it instead of making their own.
const dataDir = (process.env.RIPASSO_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'ripasso-e2e-')));

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	// A flaky test is a bug to fix, not to retry.
	retries: 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run'
					]
				}
			}
		}
	],
	webServer: {
		command: 'node scripts/start.js',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			RIPASSO_DATA_DIR: dataDir,
			// Every test comes from 127.0.0.1: the limits per address are tested on servers of
			// their own (classroom-abuse), not here, where they would only make tests wait.
			RIPASSO_CREATE_LIMIT: '10000',
			RIPASSO_PROBE_LIMIT: '10000'
		},
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: false,
		timeout: 180_000
	}
});
