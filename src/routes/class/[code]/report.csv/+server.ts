import { error } from '@sveltejs/kit';
import { REPORT_TABLES, reportCsv, type ReportTable } from '$lib/classroom/report';
import { requireHost } from '$lib/server/classroom';
import type { RequestHandler } from './$types';

/** `?table=students|questions|answers`: the report as a CSV file for a spreadsheet. */
export const GET: RequestHandler = async (event) => {
	const { params, url } = event;
	const { state, cards } = await requireHost(event, params.code);
	const table = (url.searchParams.get('table') ?? 'students') as ReportTable;
	if (!REPORT_TABLES.includes(table))
		error(400, `Unknown table: choose ${REPORT_TABLES.join(', ')}.`);
	// A byte-order mark, so spreadsheet programs read the accents (Niccolò) as UTF-8.
	return new Response('\uFEFF' + reportCsv(state, cards, table), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="ripasso-${params.code}-${table}.csv"`
		}
	});
};
