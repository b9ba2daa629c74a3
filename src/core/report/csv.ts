/**
 * CSV that opens correctly in a spreadsheet (RFC 4180 quoting, CRLF rows) and cannot run a formula.
 *
 * A cell a spreadsheet would read as a formula — one that starts with =, +, -, @, a tab or a carriage
 * return — is prefixed with an apostrophe (OWASP's advice on CSV injection); page text and users'
 * notes are untrusted. Numbers are written as numbers and never start a formula.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
