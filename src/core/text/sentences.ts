/**
 * Sentence boundaries, for telling which words speak of a figure and for quoting a fact.
 *
 * A sentence ends at '.', '!' or '?' (with any closing quotes or brackets) followed by whitespace
 * and a capital letter, a digit or an opening quote — unless the word before the period is an
 * abbreviation or an initial ("U.S. Export-Import Bank", "Natalie A. Baker", "Barrick Gold Corp.
 * said"). A line break always ends a sentence: blocks of the visible text are separated by '\n'.
 */
import type { Span } from '../types';

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sr jr corp inc ltd co no nos vs approx gen sen rep gov govt dept est fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec rs mt ft u.s u.k u.n e.g i.e etc'
  ).split(' '),
);

// Candidate ends: terminal punctuation, closers, then whitespace, then what may open a sentence.
const CANDIDATE_END = /[.!?]['"’”)\]]*(?=\s+['"‘“([]?[A-Z0-9\u2022])|\n/g;

export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  CANDIDATE_END.lastIndex = 0;
  for (let m = CANDIDATE_END.exec(text); m !== null; m = CANDIDATE_END.exec(text)) {
    if (m[0] !== '\n' && m[0][0] === '.' && isAbbreviationBefore(text, m.index)) continue;
    const end = m[0] === '\n' ? m.index : m.index + m[0].length;
    pushTrimmed(text, start, end, spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  let i = dot;
  // Walk back over the word (letters and inner periods, as in "U.S").
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1] as string)) i--;
  const word = text.slice(i, dot);
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial: "Natalie A. Baker"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end > start) out.push({ start, end });
}

/** The index in `spans` of the span containing `offset` (or the last one before it). */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid] as Span).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
