/**
 * Years stated as bounds: "by 2030 at the latest", "no later than 2030", "not before 2031", "2029
 * or later". The figure recognizer reads a year as a point; said this way it is an inequality, and
 * the comparison (src/core/agreement.ts) checks the fact against it. A plain "by 2028" is the
 * target date itself and stays a point: a source that says "production by 2028" states 2028.
 */
import type { Figure, Qualifier } from '../types';

// How far around the year the words are looked for: the longest phrase, "no earlier than", with
// room for "the end of".
const REACH = 28;

const MAX_BEFORE = /\b(no later than|not later than|before)\s+(?:the end of\s+)?$/i;
// "not expected before 2031" is a lower bound, so the negated forms are tried before "before".
const MIN_BEFORE =
  /\b(not(?:\s+[a-z]+){0,2}\s+before|no earlier than|not earlier than|after)\s+(?:the end of\s+)?$/i;
const MAX_AFTER = /^\s*(at the latest|or earlier|or sooner)\b/i;
const MIN_AFTER = /^\s*(at the earliest|or later|and beyond)\b/i;

/** The bound a year is written as, or null for a plain year. */
export function yearBound(text: string, figure: Figure): Qualifier | null {
  if (figure.kind !== 'year') return null;
  const before = text.slice(Math.max(0, figure.start - REACH), figure.start);
  const after = text.slice(figure.end, figure.end + REACH);
  const min = MIN_AFTER.exec(after) ?? MIN_BEFORE.exec(before);
  if (min) return { text: (min[1] as string).toLowerCase(), sense: 'min' };
  const max = MAX_AFTER.exec(after) ?? MAX_BEFORE.exec(before);
  if (max) return { text: (max[1] as string).toLowerCase(), sense: 'max' };
  return null;
}
