import { test as base, expect, type BrowserContext } from '@playwright/test';

/**
 * Playwright's `test`, failing any test in which a page broke the Content-Security-Policy: a
 * blocked script, style or request shows only as a console message, and the page may look
 * nearly right without it. Every browser context counts, the test's own and those it makes
 * with `browser.newContext()` (the classroom's phones).
 */
export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ browser, context }, use) => {
			const violations: string[] = [];
			const watch = async (watched: BrowserContext) => {
				// The page reports each violation as an event, which names the directive and where;
				// it is logged here, and any console line about the policy (also Chromium's own,
				// where Playwright passes them on: the only ones without scripts) is collected.
				watched.on('console', (message) => {
					if (/Content Security Policy/iu.test(message.text())) violations.push(message.text());
				});
				await watched.addInitScript(() =>
					document.addEventListener('securitypolicyviolation', (event) => {
						const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
						console.error(
							`Content Security Policy violation on ${location.pathname}: ` +
								`${event.violatedDirective} ${event.blockedURI} at ${where}`
						);
					})
				);
			};
			await watch(context);
			const newContext = browser.newContext.bind(browser);
			browser.newContext = async (options) => {
				const made = await newContext(options);
				await watch(made);
				return made;
			};
			try {
				await use(violations);
			} finally {
				browser.newContext = newContext;
			}
			expect(violations, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
