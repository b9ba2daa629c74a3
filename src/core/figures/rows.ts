/**
 * Table rows. The CLI and the content script give a table row as one block, its cells joined by
 * tabs (src/core/text/visible-text.ts): "US jobs\t6,000", "Year\t2028". A bare number alone in a
 * cell counts what the row's first cell, its header, names when the header holds a count noun
 * ("US jobs" → 6,000 jobs; Locale.headerCount: COLON_COUNT_NOUNS in English, the language's count
 * nouns elsewhere). A header that names no count noun ("Year", "Rank", "Section") gives nothing:
 * a year stays a year, a rank or a section number is no figure. A number that reads as a year
 * (four digits, 1900-2099, ungrouped) stays a year in any row ("Jobs created by | 2030"): tables
 * group counts ("2,000"), and a wrong count is worse than a year.
 *
 * "Alone in its cell" allows a qualifier before the number ("about", "~"), a "+" after it and an
 * aside in parentheses after it ("6,000 (Philippines)", "1,200 (est.)"): what the number counts is
 * still the header's. A cell with more words ("6,000 by 2030") is read as running text. The header
 * itself is not read as a value cell, and a row with no tab has no header.
 *
 * Cost: one pass over the block to find its tabs, only when it holds one.
 */
import type { Folded } from '../text/fold';
import { COUNT_UNIT_ALIASES, FIRST_YEAR, LAST_YEAR } from './lexicon';
import type { Locale } from './locale';

export interface Row {
  /** Offsets in the folded text of the tabs between cells, ascending. */
  tabs: readonly number[];
  /** The header cell (the first), lower-cased and trimmed. */
  header: string;
  /** What the header says the row's bare numbers count, or null. */
  unit: string | null;
  /**
   * Every cell is four digits, in order, one of them at least a year the recognizer reads alone
   * (1900–2099): a header row of years ("1793 | 1851 | 1901 | 2022"), whose earlier years are
   * years too (no preposition says so in a table).
   */
  years: boolean;
}

const FOUR_DIGITS = /^\d{4}$/;

function isYearsRow(lower: string): boolean {
  const cells = lower.split(' ').filter((c) => c !== '');
  if (cells.length < 2 || !cells.every((c) => FOUR_DIGITS.test(c))) return false;
  const values = cells.map(Number);
  const rising = values.every((v, i) => i === 0 || v > (values[i - 1] as number));
  const falling = values.every((v, i) => i === 0 || v < (values[i - 1] as number));
  return (rising || falling) && values.some((v) => v >= FIRST_YEAR && v <= LAST_YEAR);
}

/** The row `original` is, when it holds a tab; offsets are those of `folded` (whose copy is `lower`). */
export function rowOf(original: string, folded: Folded, lower: string, loc: Locale): Row | null {
  if (!original.includes('\t')) return null;
  const tabs: number[] = [];
  // Fold turns a tab into a space one for one: the tabs are the spaces that were tabs.
  for (let i = lower.indexOf(' '); i !== -1; i = lower.indexOf(' ', i + 1)) {
    if (original[folded.toOriginal(i)] === '\t') tabs.push(i);
  }
  const first = tabs[0];
  if (first === undefined) return null;
  const header = lower.slice(0, first).trim();
  const m = loc.headerCount.exec(header);
  const noun = m?.[1];
  const unit =
    noun === undefined ? null : loc.english ? (COUNT_UNIT_ALIASES.get(noun) ?? noun) : noun;
  return { tabs, header, unit, years: isYearsRow(lower) };
}

const AFTER_IN_CELL = /^ *\+? *(?:\([^()]*\) *)?$/;
const SIGN_BEFORE = /^[~≈]? */;

/**
 * Is the number at [start, end) alone in a value cell of `row` (a qualifier before it aside)?
 * `lower` is the folded, lower-cased text.
 */
export function aloneInCell(
  row: Row,
  lower: string,
  start: number,
  end: number,
  loc: Locale,
): boolean {
  const tabs = row.tabs;
  if (start < (tabs[0] as number)) return false;
  // The last tab before `start`, by bisection: a long row holds many numbers.
  let lo = 0;
  let hi = tabs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tabs[mid] as number) < start) lo = mid;
    else hi = mid - 1;
  }
  const cellStart = (tabs[lo] as number) + 1;
  const cellEnd = tabs[lo + 1] ?? lower.length;
  if (end > cellEnd || !AFTER_IN_CELL.test(lower.slice(end, cellEnd))) return false;
  const before = lower.slice(cellStart, start).trim().replace(SIGN_BEFORE, '');
  return before === '' || loc.qualifiers.has(before);
}
