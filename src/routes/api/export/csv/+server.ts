import { z } from 'zod';
import { TRACKS } from '$lib/cards/types';
import { SEPARATORS, termPairs, termsFile, type SeparatorName } from '$lib/export/terms';
import { download, ExportError, exportDeck, exportRefusal } from '$lib/server/export';
import type { RequestHandler } from './$types';

const querySchema = z.object({
	article: z.string().min(1).max(100),
	track: z.enum(TRACKS),
	separator: z.enum(Object.keys(SEPARATORS) as [SeparatorName, ...SeparatorName[]]).default('tab')
});

/**
 * One article's track as term and definition pairs, for Quizlet or Anki:
 * `?article=<slug>&track=facts|vocab&separator=tab|comma|semicolon`. A plain link, so it works
 * without JavaScript.
 */
export const GET: RequestHandler = ({ url }) => {
	try {
		const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
		if (!query.success) {
			const issue = query.error.issues[0];
			throw new ExportError(400, 'bad-request', `${issue.path.join('.')}: ${issue.message}`);
		}
		const { article, track, separator } = query.data;
		const pairs = termPairs(exportDeck([article]), article, track);
		const tab = separator === 'tab';
		return download(
			termsFile(pairs, separator),
			`ripasso-${article}-${track}.${tab ? 'tsv' : 'csv'}`,
			`${tab ? 'text/tab-separated-values' : 'text/csv'}; charset=utf-8`
		);
	} catch (error) {
		if (error instanceof ExportError) return exportRefusal(error);
		throw error;
	}
};
