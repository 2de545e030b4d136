import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		// Vitest needs no compiler watching the messages (and would not exit with one running);
		// `npm install` already compiled them (the `prepare` script).
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// The choice made with the language switch (a cookie) wins, then the browser's languages.
				strategy: ['cookie', 'preferredLanguage', 'baseLocale']
			})
	],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// A test that checks nothing fails instead of passing silently.
		expect: { requireAssertions: true }
	}
});
