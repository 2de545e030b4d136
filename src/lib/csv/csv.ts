/**
 * The one CSV encoder of the app (classroom reports, deck export): RFC 4180 fields, CRLF line
 * ends, and no cell a spreadsheet would run as a formula.
 *
 * Formulas: a cell beginning with `=` `+` `-` `@`, tab or carriage return is run by Excel,
 * LibreOffice and Google Sheets, and the text here comes from students (nicknames, typed
 * answers) and from articles. Italian spreadsheets also split on `;`, and any program may be
 * told to split on the other separator, so `ok;=HYPERLINK(…)` or `a,=1+1` would become a new
 * cell starting with `=`. Such a cell gets a leading `'` (the cell itself is text) and is always
 * quoted (whatever the separator, it stays one cell), as OWASP advises.
 *
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** Options of {@link toCsv}. */
export interface CsvOptions {
	/**
	 * Begin with a byte-order mark, so Excel reads the accents (Niccolò) as UTF-8 instead of the
	 * system's legacy code page.
	 */
	bom?: boolean;
	/** The field separator (`,` unless told): a field holding it is quoted. */
	separator?: ',' | ';' | '\t';
}

/** A character a spreadsheet reads as the start of a formula, at the start or after `,` `;`. */
const FORMULA = /(?:^|[,;])[=+\-@\t\r]/u;

/**
 * Exactly a number as a person writes it (`-3`, `2.5`, `-3,5`): a spreadsheet reads it as that
 * number and there is no function to call, so it is left as it is. A leading `+` is not
 * included: a spreadsheet turns `+1` into the formula `=+1`, and nothing here writes numbers so.
 */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/u;

/** What RFC 4180 requires a field to be quoted for, besides the separator. */
const NEEDS_QUOTES = /["\r\n]/u;

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * One CSV field. Numbers are written as they are (`-3` is a number, not a formula); text is
 * quoted when it holds the separator (a comma unless told), a quote or a line break (quotes doubled), and text that a
 * spreadsheet could run as a formula gets a leading `'` and is quoted.
 *
 * @param value the cell; `null` and `undefined` give an empty field
 */
export function csvField(value: CsvCell, separator: CsvOptions['separator'] = ','): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	const number = typeof value === 'number' || PLAIN_NUMBER.test(text);
	if (!number && FORMULA.test(text)) return quote(`'${text}`);
	return NEEDS_QUOTES.test(text) || text.includes(separator) ? quote(text) : text;
}

/**
 * A CSV document: one line per row, fields separated by `,` (or the `separator` given), every line (the last too) ended by
 * CRLF as RFC 4180 writes it.
 *
 * @param rows the rows, a header row first if there is one
 * @param options `bom: true` to begin with a byte-order mark; `separator`
 */
export function toCsv(rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
	let out = options.bom ? '\uFEFF' : '';
	const separator = options.separator ?? ',';
	for (const row of rows)
		out += row.map((cell) => csvField(cell, separator)).join(separator) + '\r\n';
	return out;
}
