/**
 * The page the service worker shows instead of the browser's error when a page is opened with no
 * network and no saved copy: a plain document, no script, styled by one `<style>` allowed by a
 * nonce, so its policy can stay as strict as the app's.
 */

/** What the notice says, already in the reader's language. */
export interface NoticeText {
	lang: string;
	title: string;
	detail: string;
	retry: string;
	home: string;
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

const escape = (text: string) => text.replace(/[&<>"']/gu, (char) => ESCAPES[char]);

/** The Content-Security-Policy of the notice: nothing loads, only its own style applies. */
export function noticePolicy(nonce: string): string {
	return `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/**
 * The notice as an HTML document.
 *
 * @param text its words
 * @param retryHref the page that failed, for "Try again"
 * @param nonce the nonce its `<style>` carries (see {@link noticePolicy})
 */
export function noticeHtml(text: NoticeText, retryHref: string, nonce: string): string {
	return `<!doctype html>
<html lang="${escape(text.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(text.title)}</title>
<style nonce="${escape(nonce)}">
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; padding: 2rem 1rem; background: #fbfaf7; color: #1d1d1f; }
main { max-width: 40rem; margin: 0 auto; }
a { color: #0a5a8f; margin-right: 1rem; }
@media (prefers-color-scheme: dark) { body { background: #151618; color: #ecebe8; } a { color: #7cc4f5; } }
</style>
</head>
<body>
<main>
<h1>${escape(text.title)}</h1>
<p>${escape(text.detail)}</p>
<p><a href="${escape(retryHref)}">${escape(text.retry)}</a> <a href="/">${escape(text.home)}</a></p>
</main>
</body>
</html>
`;
}
