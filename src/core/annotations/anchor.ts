/**
 * Finding an annotated passage again in the page's visible text, which may have changed since.
 *
 * In order, cheapest and surest first:
 * (a) the stored position, if the text there is still the quote;
 * (b) the quote's exact occurrences: the only one, or the one whose context (prefix and suffix)
 *     agrees best with the stored context, nearest the stored position on a tie;
 * (c) approximate occurrences (approx-string-match: Myers' bit-parallel edit distance), allowing
 *     MAX_ERROR_FRACTION of the quote's length in edits (at most MAX_ERRORS): first in a window
 *     around the stored position, then in the whole text. Candidates are scored by the quote's
 *     similarity, their context's similarity and their distance from the stored position.
 *     A candidate whose numbers (digits, number and scale words: numbers.ts) are not the quote's
 *     is no candidate: an approximate match never moves a note onto another figure ("$1.25
 *     billion" onto "$4.75 billion", "rose 12% in 2021" onto "rose 15% in 2022"). A quote that
 *     begins or ends with a digit is held to this in (a) and (b) too: "1.25 billion" is found
 *     exactly in "$41.25 billion", which is another figure.
 * Nothing close enough: null, an orphan.
 *
 * A position with end ≤ start (what an import without a TextPositionSelector gets: jsonld.ts)
 * is read as "no position".
 */
import search from 'approx-string-match';
import { continuesWord, numberSignature } from './numbers';
import type { TextPositionSelector, TextQuoteSelector } from './types';

export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | null | undefined;
}

export interface Anchored {
  start: number;
  end: number;
  /** True when text[start, end) is the quote exactly; false for an approximate match. */
  exact: boolean;
}

/**
 * Edits allowed, as a fraction of the quote's length: a quarter lets a sentence survive a
 * corrected figure, a changed word or two and re-typed punctuation, while two different sentences
 * of the same length rarely come within a quarter of each other. A quote under 4 characters is
 * thus only ever found exactly.
 */
export const MAX_ERROR_FRACTION = 1 / 4;
/** At most this many edits (8 words of the matcher: its cost grows with the edits allowed). */
export const MAX_ERRORS = 256;
/**
 * The window searched first around the stored position: this many characters on each side, or
 * twice the quote's length if more. A paragraph or two inserted above the passage stays inside.
 */
export const WINDOW_MARGIN = 4096;
/**
 * The whole-text approximate search runs only on texts up to this length and quotes up to
 * MAX_FUZZY_QUOTE characters. The matcher costs about length × ⌈errors / 32⌉ steps: a 1 MB text
 * and a 200-character quote take some 15 ms, 4 M characters with 256 errors a few hundred. Past
 * these sizes only the window around the stored position is searched approximately.
 */
export const MAX_FUZZY_TEXT = 4_000_000;
export const MAX_FUZZY_QUOTE = 4096;
/**
 * A quote shorter than this says too little by itself for an approximate match to be trusted:
 * such a match is accepted only if its context's similarity (mean of prefix and suffix) is at
 * least MIN_SHORT_CONTEXT.
 */
export const SHORT_QUOTE = 32;
export const MIN_SHORT_CONTEXT = 0.5;
/**
 * Exact occurrences scored for context at most (the ones nearest the stored position, or the
 * first ones): a 2-letter quote may occur tens of thousands of times in a long page.
 */
export const MAX_SCORED_OCCURRENCES = 2000;

/** Weights of a candidate's score: the quote matters most, position only breaks near-ties. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** Slack, in characters, around where a context is looked for next to a candidate. */
const CONTEXT_SLACK = 8;
/** Characters of text either side of a candidate that a number cut by its edge is read from. */
const EDGE = 64;
const EDGE_DIGIT = /^\p{Nd}|\p{Nd}$/u;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** The position when it is a usable hint (non-empty span), else null. */
function hintOf(position: TextPositionSelector | null | undefined): TextPositionSelector | null {
  if (!position) return null;
  const { start, end } = position;
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? position : null;
}

/** 1 − (edit distance of `pattern` to its best match within `within`) / pattern length. */
function similarity(pattern: string, within: string): number {
  if (pattern.length === 0) return 1;
  let errors = pattern.length;
  for (const m of search(within, pattern, pattern.length)) errors = Math.min(errors, m.errors);
  return 1 - errors / pattern.length;
}

/** How well the stored prefix agrees with the text just before `start` (1 when it is there). */
function prefixSimilarity(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return 1;
  if (text.endsWith(prefix, start)) return 1;
  const from = Math.max(0, start - prefix.length - CONTEXT_SLACK);
  return similarity(prefix, text.slice(from, start));
}

/** How well the stored suffix agrees with the text just after `end`. */
function suffixSimilarity(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return 1;
  if (text.startsWith(suffix, end)) return 1;
  return similarity(suffix, text.slice(end, end + suffix.length + CONTEXT_SLACK));
}

function contextSimilarity(text: string, c: Candidate, quote: TextQuoteSelector): number {
  return (
    (prefixSimilarity(text, c.start, quote.prefix) + suffixSimilarity(text, c.end, quote.suffix)) /
    2
  );
}

function distance(c: Candidate, hint: TextPositionSelector | null): number {
  return hint === null ? c.start : Math.abs(c.start - hint.start);
}

/** The numbers of text[c.start, c.end), read in place (numbers.ts). */
function numbersAt(text: string, c: Candidate): string {
  return numberSignature(
    text.slice(Math.max(0, c.start - EDGE), c.start),
    text.slice(c.start, c.end),
    text.slice(c.end, c.end + EDGE),
  );
}

/** (b): the exact occurrences of the quote, the best by context, then by nearness. */
function exactOccurrence(
  text: string,
  quote: TextQuoteSelector,
  hint: TextPositionSelector | null,
  sameNumbers: (c: Candidate) => boolean,
): Candidate | null {
  const exact = quote.exact;
  let occurrences: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const c = { start: at, end: at + exact.length, errors: 0 };
    if (sameNumbers(c)) occurrences.push(c);
  }
  if (occurrences.length <= 1) return occurrences[0] ?? null;
  if (occurrences.length > MAX_SCORED_OCCURRENCES) {
    occurrences = occurrences
      .sort((x, y) => distance(x, hint) - distance(y, hint))
      .slice(0, MAX_SCORED_OCCURRENCES);
  }
  let best: Candidate | null = null;
  let bestContext = -1;
  for (const c of occurrences) {
    const context = contextSimilarity(text, c, quote);
    if (
      best === null ||
      context > bestContext + 1e-9 ||
      (Math.abs(context - bestContext) <= 1e-9 && distance(c, hint) < distance(best, hint))
    ) {
      best = c;
      bestContext = context;
    }
  }
  return best;
}

/** (c): the best acceptable approximate match of the quote in text[from, to), or null. */
function approximateOccurrence(
  text: string,
  from: number,
  to: number,
  quote: TextQuoteSelector,
  hint: TextPositionSelector | null,
  maxErrors: number,
): Candidate | null {
  const exact = quote.exact;
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  const matches = search(region, exact, maxErrors);
  const numbers = numberSignature(quote.prefix, exact, quote.suffix);
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    if (m.end <= m.start) continue;
    const c: Candidate = { start: from + m.start, end: from + m.end, errors: m.errors };
    if (numbersAt(text, c) !== numbers) continue;
    const context = contextSimilarity(text, c, quote);
    if (exact.length < SHORT_QUOTE && context < MIN_SHORT_CONTEXT) continue;
    const quoteSimilarity = 1 - c.errors / exact.length;
    const nearness = hint === null ? 1 : 1 - Math.min(1, distance(c, hint) / text.length);
    const score =
      QUOTE_WEIGHT * quoteSimilarity + 2 * CONTEXT_WEIGHT * context + POSITION_WEIGHT * nearness;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Where the passage described by `sel` is in `text` now, or null (an orphan). */
export function anchor(text: string, sel: AnchorSelectors): Anchored | null {
  const exact = sel.quote.exact;
  if (exact.length === 0 || text.length === 0) return null;
  const hint = hintOf(sel.position);
  // Only a quote with a digit at an edge can be the same text as a longer number's tail or head.
  const edgeDigit = EDGE_DIGIT.test(exact);
  const numbers = edgeDigit ? numberSignature(sel.quote.prefix, exact, sel.quote.suffix) : '';
  const { prefix, suffix } = sel.quote;
  const storedAlone = !continuesWord(prefix.slice(-1)) && !continuesWord(suffix.slice(0, 1));
  // For an exact occurrence (the same span): the same numbers unless a number runs on past an
  // edge, here or where it was. Checked cheaply first: a digit quote may occur 100,000 times.
  const sameNumbers = (c: Candidate): boolean =>
    !edgeDigit ||
    (storedAlone &&
      !continuesWord(text.charAt(c.start - 1)) &&
      !continuesWord(text.charAt(c.end))) ||
    numbersAt(text, c) === numbers;

  // (a) Still where it was.
  if (
    hint !== null &&
    text.slice(hint.start, hint.end) === exact &&
    sameNumbers({ start: hint.start, end: hint.end, errors: 0 })
  ) {
    return { start: hint.start, end: hint.end, exact: true };
  }

  // (b) Exactly, elsewhere.
  const found = exactOccurrence(text, sel.quote, hint, sameNumbers);
  if (found !== null) return { start: found.start, end: found.end, exact: true };

  // (c) Approximately: near the stored position first, then anywhere.
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_FRACTION));
  if (maxErrors === 0 || exact.length - maxErrors > text.length) return null;
  if (hint !== null) {
    const margin = Math.max(WINDOW_MARGIN, 2 * exact.length);
    const from = Math.max(0, Math.min(text.length, hint.start) - margin);
    const to = Math.min(text.length, Math.max(0, hint.end) + margin);
    const near = approximateOccurrence(text, from, to, sel.quote, hint, maxErrors);
    if (near !== null) return { start: near.start, end: near.end, exact: false };
    // The window was the whole text: nothing more to search.
    if (from === 0 && to === text.length) return null;
  }
  if (text.length > MAX_FUZZY_TEXT || exact.length > MAX_FUZZY_QUOTE) return null;
  const anywhere = approximateOccurrence(text, 0, text.length, sel.quote, hint, maxErrors);
  return anywhere === null ? null : { start: anywhere.start, end: anywhere.end, exact: false };
}

/** `anchor` for each annotation of one page: id → where it is now, or null (an orphan). */
export function anchorAll(
  text: string,
  annotations: readonly ({ id: string } & AnchorSelectors)[],
): Map<string, Anchored | null> {
  const result = new Map<string, Anchored | null>();
  for (const a of annotations) result.set(a.id, anchor(text, a));
  return result;
}
