/**
 * A table's unit, stated once for all its numbers: in its caption ("Asignaciones del presupuesto
 * (cifras en billones de pesos)", "Évolution démographique (nombre d'habitants)") or in its first
 * header cell ("in Mio. Euro | 2025 | 2024"). Each cell that holds a number alone then states
 * that amount of that unit: on a Colombian page "70,5" under "cifras en billones de pesos" is
 * 70.5 × 10^12 COP, and "73 879" under "nombre d'habitants" counts inhabitants (LABELLING.md: the
 * currency the page says; a count's unit is its noun).
 *
 * The statement is read by the recognizer itself: the words of the caption's parentheses or the
 * header cell, from the first word on which "1 <words>" reads as one amount of money or one count
 * ("billones de pesos", "Mio. Euro", "habitants"). So every language the recognizer reads has its
 * table units, with no list of its own.
 *
 * A cell keeps what it says itself: a percentage, a year, a figure its row's header names
 * (rows.ts). A number of four ungrouped digits stays out, as in rows.ts: a header row of years
 * ("1793 | 1851 | 1901"); tables group their amounts ("1.200", "73 879").
 */
import type { Figure } from '../types';
import { displayText } from '../text/fold';
import { isBareNumber } from '../text/labels';
import { findFigures } from './recognize';

// A statement of unit is a few words ("cifras en billones de pesos"); more make a sentence.
const MAX_STATEMENT_WORDS = 8;
// A word start: after a space, an opening parenthesis or an elided article ("d'habitants").
const WORD_START = /(?:^|[\s(]|[’'])(?=[\p{L}$€£¥₹])/gu;

/**
 * The unit phrase a statement gives ("billones de pesos"), or null: the longest run of its last
 * words on which "1 <words>" reads as one amount of money or one count. The words in its closing
 * parentheses if it has them, else all of it.
 */
export function tableUnitOf(statement: string, lang: string): string | null {
  // Every row of a table asks this of the same statement: the last answer is kept.
  if (last !== null && last.statement === statement && last.lang === lang) return last.phrase;
  const phrase = readStatement(statement, lang);
  last = { statement, lang, phrase };
  return phrase;
}

let last: { statement: string; lang: string; phrase: string | null } | null = null;

function readStatement(statement: string, lang: string): string | null {
  const inner = /\(([^()]*)\)\s*$/.exec(statement)?.[1] ?? statement;
  const words = inner.replace(/\s+/g, ' ').trim();
  if (words === '' || words.split(' ').length > MAX_STATEMENT_WORDS) return null;
  WORD_START.lastIndex = 0;
  for (let m = WORD_START.exec(words); m !== null; m = WORD_START.exec(words)) {
    const at = m.index + m[0].length;
    // A scale left out of the phrase would make every amount a million times too small ("in
    // millions of dollars", where "dollars" alone reads): no unit, rather than a wrong one.
    if (SCALE_WORD.test(words.slice(0, at))) return null;
    const phrase = words.slice(at);
    // An elided article is no part of the unit: "d'habitants" is "habitants".
    if (!ELIDED.test(phrase) && readsAsUnit(phrase, lang)) return phrase;
    if (WORD_START.lastIndex === m.index) WORD_START.lastIndex++;
  }
  return null;
}

const ELIDED = /^[dl][’']/i;

// The scale words of the languages the recognizer reads, in any case and form.
const SCALE_WORD =
  /(?:^|[^\p{L}])(?:thousands?|millions?|billions?|trillions?|lakhs?|crores?|tsd|mio|mrd|milliarden?|millionen|millones|billones|mil|milliards?|milhões|milhoes|bilhões|bilhoes|miljoner|miljarder|miljoen|miljard|milioni|miliardi)(?![\p{L}])/iu;

function readsAsUnit(phrase: string, lang: string): boolean {
  const probe = `1 ${phrase}`;
  const [f, ...rest] = findFigures(probe, false, { lang });
  return (
    f !== undefined &&
    rest.length === 0 &&
    f.start === 0 &&
    f.end === probe.length &&
    (f.kind === 'money' || (f.kind === 'count' && !SCALE_WORD.test(f.unit)))
  );
}

const YEAR_LIKE = /^\d{4}$/;

/**
 * The figures of a table row's cells that hold a number alone, read with the table's unit
 * phrase; `figures`: those the row holds already (a cell with one keeps it). Offsets into `row`.
 */
export function tableCellFigures(
  row: string,
  figures: readonly Figure[],
  phrase: string,
  lang: string,
): Figure[] {
  const out: Figure[] = [];
  let start = 0;
  for (const cell of row.split('\t')) {
    const end = start + cell.length;
    // A number alone (isBareNumber, as a stat card's value is told); with a qualifier or a "+"
    // beside it, the probe below reads no amount from the cell's first character: left.
    const number = cell.trim();
    if (
      isBareNumber(cell) &&
      !YEAR_LIKE.test(number) &&
      !figures.some((f) => f.start < end && f.end > start)
    ) {
      const at = start + cell.indexOf(number);
      const probe = `${number} ${phrase}`;
      const [f] = findFigures(probe, false, { lang });
      if (f !== undefined && f.start === 0 && f.end === probe.length) {
        const stop = at + number.length;
        out.push({ ...f, start: at, end: stop, text: displayText(row, at, stop) });
      }
    }
    start = end + 1;
  }
  return out;
}
