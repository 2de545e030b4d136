import { ankiCollection } from '$lib/export/anki';
import { apkgFile } from '$lib/server/export/apkg';
import {
	download,
	ExportError,
	exportDeck,
	exportRefusal,
	readExportRequest
} from '$lib/server/export';
import type { RequestHandler } from './$types';

/**
 * An Anki package of some articles: `{ articles: [slug…], history: [{ id, state?, reviews }] }`
 * (`$lib/export/history`), gzipped or not. The cards come from the server's decks; the browser
 * sends only what it alone has, the learner's history.
 */
export const POST: RequestHandler = async ({ request, url }) => {
	try {
		const { articles, history } = await readExportRequest(request);
		const deck = exportDeck(articles);
		const file = apkgFile(ankiCollection(deck, history, { origin: url.origin, now: new Date() }));
		const name = articles.length === 1 ? articles[0] : 'articles';
		return download(
			file as Uint8Array<ArrayBuffer>,
			`ripasso-${name}.apkg`,
			'application/octet-stream'
		);
	} catch (error) {
		if (error instanceof ExportError) return exportRefusal(error);
		throw error;
	}
};
