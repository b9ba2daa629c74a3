/**
 * Carried nouns: "6,000 jobs in the US and 7,500 in Balochistan", "creating 6,000 jobs in
 * America, 7,500 in Pakistan", "jobs: around 6,000 in the United States". The bare number
 * ("7,500") counts what a count just before it in the same sentence counted, or what a plural
 * noun followed by a colon names.
 *
 * The rule (English pages only): a bare number — no currency, no percent sign or word, no noun
 * after it, not a year — takes the unit of the nearest figure before it when that figure is a
 * count, or of a count noun followed by a colon, and nothing but a short stretch of words lies
 * between: at most MAX_CARRY_WORDS words and MAX_CARRY_CHARS characters, with no digit and no
 * sentence end. Six words hold "in the United States and" with room; a longer stretch is usually
 * a new clause about something else. Commas, semicolons, parentheses and dashes may stand in
 * the stretch ("6,000 jobs in America, 7,500 in Pakistan").
 *
 * Around the number itself, what would make it a label rather than an amount keeps it out:
 * a following word other than a preposition, conjunction or adverb ("7,500 kilometres", "5
 * March"), a following "-", "/", ":" or "°" ("34-year-old", "3-1", "42/50", "17:05", "14°C"), and
 * a word right before it that names a label ("page 12", "No. 1", "aged 34", "version 19") or is
 * capitalized ("Apollo 11", "iOS 19", "March 5"), a small number after "at", "by", "until" (a
 * time: "at 5"), and a ratio ("1 in 3"). A digit in the stretch ends it, so counters ("3 of 12",
 * "Slide 3 of 12") never carry.
 *
 * Cost: the stretch is read backwards at most MAX_CARRY_CHARS characters, once per bare number.
 */
import type { FigureKind } from '../types';
import { COLON_COUNT_NOUNS, COUNT_UNIT_ALIASES } from './lexicon';

export const MAX_CARRY_WORDS = 6;
export const MAX_CARRY_CHARS = 120;

/** The figure found last, in offsets of the folded text. */
export interface PreviousFigure {
  end: number;
  kind: FigureKind;
  unit: string;
}

/** Words that may follow a carried number: it is an amount, and the sentence goes on. */
const FOLLOWERS: ReadonlySet<string> = new Set([
  'in',
  'at',
  'on',
  'for',
  'from',
  'by',
  'and',
  'or',
  'to',
  'across',
  'each',
  'with',
  'were',
  'are',
  'was',
  'will',
  'would',
  'could',
  'have',
  'had',
  'more',
  'then',
  'while',
  'but',
  'as',
  'under',
  'over',
  'within',
  'through',
  'during',
  'via',
  'alone',
  'among',
  'nationwide',
  'now',
  'later',
  'today',
  'overall',
  'eventually',
  'altogether',
  'directly',
  'indirectly',
  'respectively',
  'already',
  'this',
  'last',
  'next',
  'thereafter',
  'afterwards',
  'permanently',
  'locally',
  'abroad',
  'annually',
  'elsewhere',
  'there',
  'too',
  'also',
  'mostly',
  'mainly',
  'once',
  'when',
  'after',
  'before',
  'until',
  'since',
  'if',
  'including',
  'who',
  'which',
  'that',
  // "7,500 a year", "2,000 per site" (but not "5 a.m.": a word must end there).
  'a',
  'per',
]);

/** Words right before a number that make it a label, a rank, an age or a date, not an amount. */
const LABELS_BEFORE: ReadonlySet<string> = new Set([
  'no',
  'nos',
  'number',
  'numbers',
  'page',
  'pages',
  'p',
  'pp',
  'section',
  'chapter',
  'article',
  'clause',
  'paragraph',
  'slide',
  'slides',
  'part',
  'phase',
  'stage',
  'round',
  'level',
  'grade',
  'class',
  'episode',
  'season',
  'volume',
  'vol',
  'issue',
  'item',
  'figure',
  'fig',
  'table',
  'line',
  'route',
  'highway',
  'flight',
  'platform',
  'gate',
  'room',
  'block',
  'unit',
  'lot',
  'plot',
  'aged',
  'age',
  'ages',
  'ranked',
  'rank',
  'version',
  'v',
  'step',
  'game',
  'match',
  'week',
  'day',
  'month',
  'year',
  'hour',
  'minute',
  'model',
  'series',
  'top',
  'score',
  'scored',
  'ext',
  'tel',
  'phone',
]);

/**
 * Words that before a small whole number make it a time of day or a date ("at 5", "by 10",
 * "until 12"), not an amount.
 */
const TIME_BEFORE: ReadonlySet<string> = new Set(['at', 'by', 'until', 'till', 'before', 'after']);
const SMALL = 25;

/** Capitalized words that may still stand right before a carried number (a sentence opening). */
const CAPITALIZED_OK: ReadonlySet<string> = new Set([
  'about',
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'some',
  'over',
  'under',
  'and',
  'or',
  'but',
  'another',
  'with',
  'while',
  'plus',
  'just',
  'only',
]);

const WORD_CHAR = /[a-z.'-]/;
const LETTER = /[a-z]/;
const DIGIT = /\d/;
const UPPER = /[A-Z]/;
const INITIALISM = /^(?:[a-z]\.)+$/;
const FOLLOWER = /[a-z]+/y;
const RATIO_REST = /^ (?:of )?\d/;

/** Does what follows the number at `end` let it be an amount carried from before? */
function followsAsAmount(lower: string, end: number): boolean {
  const c = lower[end];
  if (c === undefined) return true;
  if (c === ',' || c === ';' || c === ')' || c === '.' || c === '!' || c === '?' || c === '—') {
    return true;
  }
  if (c !== ' ') return false;
  const n = lower[end + 1];
  if (n === '(' || n === '—') return true;
  // A spaced dash, but not a score written "3 - 1".
  if (n === '-') return lower[end + 2] === ' ' && !DIGIT.test(lower[end + 3] ?? '');
  FOLLOWER.lastIndex = end + 1;
  const m = FOLLOWER.exec(lower);
  if (!m) return false;
  const after = lower[end + 1 + m[0].length];
  if (after !== undefined && WORD_CHAR.test(after)) return false;
  // "1 in 3", "2 out of 5": a ratio.
  if (
    (m[0] === 'in' || m[0] === 'out') &&
    RATIO_REST.test(lower.slice(end + 1 + m[0].length, end + 12))
  ) {
    return false;
  }
  return FOLLOWERS.has(m[0]);
}

/**
 * The unit a bare number at [at, end) carries from before, or null. `t` is the folded text,
 * `lower` its lower-cased copy (same length), `prev` the last figure found before `at`.
 */
export function carriedUnit(
  t: string,
  lower: string,
  at: number,
  end: number,
  value: number,
  prev: PreviousFigure | null,
): string | null {
  if (!followsAsAmount(lower, end)) return null;
  const floor = Math.max(0, at - MAX_CARRY_CHARS);
  let i = at;
  let words = 0;
  // Nothing but spaces yet between the word being read and the number.
  let adjacent = true;
  let gap = false;
  for (;;) {
    if (prev !== null && i === prev.end) {
      return gap && prev.kind === 'count' ? prev.unit : null;
    }
    if (i <= floor) return null;
    const c = lower[i - 1] as string;
    if (c === ' ') {
      i--;
      continue;
    }
    gap = true;
    if (c === ',' || c === ';' || c === '(' || c === ')' || c === '—') {
      adjacent = false;
      i--;
      continue;
    }
    if (c === ':') {
      // "jobs: around 6,000": the word right before the colon names what is counted.
      let j = i - 1;
      while (j > floor && LETTER.test(lower[j - 1] as string)) j--;
      if (j > 0 && WORD_CHAR.test(lower[j - 1] as string)) return null;
      const noun = lower.slice(j, i - 1);
      return COLON_COUNT_NOUNS.has(noun) ? (COUNT_UNIT_ALIASES.get(noun) ?? noun) : null;
    }
    if (!WORD_CHAR.test(c)) return null;
    let j = i - 1;
    while (j > floor && WORD_CHAR.test(lower[j - 1] as string)) j--;
    const token = lower.slice(j, i);
    // A word run on from digits ("3-year", "G20s"), or cut off by the window: not read.
    if (j > 0 && DIGIT.test(lower[j - 1] as string)) return null;
    if (j === floor && floor > 0) return null;
    if (!LETTER.test(token)) {
      // Dashes and dots alone: a spaced dash goes, an ellipsis or a full stop ends the sentence.
      if (token.includes('.')) return null;
      adjacent = false;
      i = j;
      continue;
    }
    if (token.endsWith('.') && !INITIALISM.test(token)) return null;
    if (adjacent) {
      const word = token.replace(/^[-']+|[-'.]+$/g, '');
      if (LABELS_BEFORE.has(word)) return null;
      if (TIME_BEFORE.has(word) && value < SMALL && Number.isInteger(value)) return null;
      if (UPPER.test(t.slice(j, i)) && !CAPITALIZED_OK.has(word)) return null;
      adjacent = false;
    }
    if (++words > MAX_CARRY_WORDS) return null;
    i = j;
  }
}
