import { error } from '@sveltejs/kit';
import { report, reportCsv } from '$lib/classroom/report';
import { requireHost } from '$lib/server/classroom';
import type { RequestHandler } from './$types';

const TABLES = ['students', 'questions', 'answers'] as const;

/** `?table=students|questions|answers`: the report as a CSV file for a spreadsheet. */
export const GET: RequestHandler = (event) => {
	const { params, url } = event;
	const { state, cards } = requireHost(event, params.code);
	const table = (url.searchParams.get('table') ?? 'students') as (typeof TABLES)[number];
	if (!TABLES.includes(table)) error(400, `Unknown table: choose ${TABLES.join(', ')}.`);
	// A byte-order mark, so spreadsheet programs read the accents (Niccolò) as UTF-8.
	return new Response('\uFEFF' + reportCsv(report(state, cards), table), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="ripasso-${params.code}-${table}.csv"`
		}
	});
};
