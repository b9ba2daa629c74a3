/**
 * Annotations as a spreadsheet: one row per annotation, through the report's CSV helper
 * (src/core/report/csv.ts: RFC 4180 quoting, CRLF rows, cells that would start a formula
 * neutralised with an apostrophe — notes and page text are untrusted).
 *
 * The text starts with a UTF-8 byte order mark (U+FEFF, written as EF BB BF when the text is
 * saved as UTF-8): without it Excel reads a CSV file in the system's legacy code page, and
 * "Balochistan’s" (a U+2019 apostrophe) comes out as "Balochistanâ€™s". Other spreadsheets and
 * CSV readers skip the mark.
 */
import { csvRow } from '../report/csv';
import type { Annotation } from './types';

export const ANNOTATION_CSV_HEADER = [
  'url',
  'title',
  'quote',
  'note',
  'tags',
  'color',
  'entities',
  'verdicts',
  'created',
  'updated',
] as const;

/** What joins the items of a list in one cell. */
export const CSV_LIST_SEPARATOR = '; ';

const BOM = '\uFEFF';

function isoOrEmpty(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : '';
}

/** A header row, then one row per annotation, in the order given; dates in ISO 8601 (UTC). */
export function annotationsToCsv(annotations: readonly Annotation[]): string {
  let out = BOM + csvRow(ANNOTATION_CSV_HEADER);
  for (const a of annotations) {
    out += csvRow([
      a.url,
      a.title,
      a.quote.exact,
      a.note,
      a.tags.join(CSV_LIST_SEPARATOR),
      a.color,
      a.entities.join(CSV_LIST_SEPARATOR),
      a.verdicts.join(CSV_LIST_SEPARATOR),
      isoOrEmpty(a.created),
      isoOrEmpty(a.updated),
    ]);
  }
  return out;
}
