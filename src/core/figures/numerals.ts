/**
 * Numbers as written: digits ("1,250", "6 000", "1.25", ".5"; on a comma-decimal page "40.000",
 * "1 250", "2,5") and words ("six thousand", "one point two five", "seven and a half", "two
 * hundred and forty"). Each parser reads forward from a position in a folded text and returns the
 * number with what the comparison needs to know about its rounding. Both run in time linear in what they consume, with sticky regexes that cannot
 * backtrack catastrophically (every repetition is anchored on a literal separator).
 */
import { TENS_WORDS, UNIT_WORDS } from './lexicon';

export interface Numeral {
  start: number;
  end: number;
  /** The number as written, before any scale word: "1.25" → 1.25, "six thousand" → 6 (scale 1e3). */
  mantissa: number;
  /** The digits as one integer, so that values are computed exactly: "1.25" → 125 (decimals 2). */
  units: number;
  /** Digits after the decimal point as stated ("1.25" → 2, "and a half" → 1, "and a quarter" → 2). */
  decimals: number;
  /** Zeros ending an integer that was grouped or is at least 1,000 ("6,000" → 3); rounding, not precision. */
  trailingZeros: number;
  /** Written as a four-digit integer without separators: may be a year. */
  yearLike: boolean;
  /** Written in words. */
  words: boolean;
  /** False for a run of digits too long to be a figure; `end` is still past it. */
  valid: boolean;
  /**
   * Read from an article ("a hundred", "a billion", "half a million"): a figure only with the
   * scale word that follows (`needsScale`) and, for a count, a noun a story counts.
   */
  article?: { needsScale: boolean };
}

// Digits grouped by commas ("1,250,000"), by spaces as French and SI style write them ("6 000"),
// or ungrouped; then an optional decimal part. A space group must be exactly three digits and not
// run on into more digits, so "in 2025 300 workers" is not read as 2,025,300.
const GROUPED_COMMA = /\d{1,3}(?:,\d{3})+(?![\d])/y;
const GROUPED_SPACE = /\d{1,3}(?: \d{3})+(?![\d])/y;
const PLAIN = /\d+/y;
const DECIMAL = /\.\d+/y;
// Where the page's language writes a decimal comma (German, Spanish, French…), groups are marked
// by dots ("68.700") or spaces ("12 000"), and the decimal part follows a comma ("2,5"). A dot
// followed by anything but a group of three digits ends the number ("17.30 Uhr", "am 3. Oktober").
const GROUPED_DOT = /\d{1,3}(?:\.\d{3})+(?![\d])/y;
const DECIMAL_COMMA = /,\d+/y;

// A number longer than this is an identifier (a phone or account number), not a figure; it also
// keeps the value exactly representable as a double.
const MAX_DIGITS = 15;

function stickyMatch(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : null;
}

/** Digits at `at`; `decimalComma`: the page writes "2,5" for two and a half and "40.000" for forty thousand. */
export function readDigits(text: string, at: number, decimalComma = false): Numeral | null {
  let intPart = stickyMatch(decimalComma ? GROUPED_DOT : GROUPED_COMMA, text, at);
  let grouped = intPart !== null;
  if (intPart === null) {
    intPart = stickyMatch(GROUPED_SPACE, text, at);
    grouped = intPart !== null;
  }
  if (intPart === null) intPart = stickyMatch(PLAIN, text, at);
  // ".5%" is written too, with no integer part.
  let end = at + (intPart?.length ?? 0);
  const decimal = stickyMatch(decimalComma ? DECIMAL_COMMA : DECIMAL, text, end);
  if (intPart === null && decimal === null) return null;
  // A comma-grouped number followed by a dot and digits is "1,250.5"; a plain integer followed by
  // ".5" is a decimal. A dot followed by no digit is a full stop and is left alone.
  if (decimal !== null) end += decimal.length;
  const intDigits = (intPart ?? '').replace(/[,. ]/g, '');
  const fracDigits = decimal ? decimal.slice(1) : '';
  const valid = intDigits.length + fracDigits.length <= MAX_DIGITS;
  const mantissa = Number(`${intDigits || '0'}.${fracDigits || '0'}`);
  let trailingZeros = 0;
  if (fracDigits === '' && (grouped || mantissa >= 1000)) {
    for (let i = intDigits.length - 1; i > 0 && intDigits[i] === '0'; i--) trailingZeros++;
  }
  return {
    start: at,
    end,
    mantissa,
    decimals: fracDigits.length,
    trailingZeros,
    units: Number(intDigits + fracDigits),
    yearLike: !grouped && fracDigits === '' && intDigits.length === 4,
    words: false,
    valid,
  };
}

// ---- Numbers in words ---------------------------------------------------------------------------

const WORD = /[a-z]+/y;

interface WordCursor {
  text: string;
  pos: number;
}

/** The next word after optional separators (spaces, and a hyphen when `hyphen`); does not move. */
function peekWord(c: WordCursor, hyphen: boolean): { word: string; end: number } | null {
  // No separator is needed: the previous word ended at a word boundary, so a letter cannot follow.
  let p = c.pos;
  while (p < c.text.length && (c.text[p] === ' ' || (hyphen && c.text[p] === '-'))) p++;
  WORD.lastIndex = p;
  const m = WORD.exec(c.text);
  if (!m) return null;
  // A word must end at a word boundary ("oneself" is not "one").
  const end = p + m[0].length;
  if (end < c.text.length && /\w/.test(c.text[end] as string)) return null;
  return { word: m[0], end };
}

/** One to ninety-nine in words, at the cursor; moves past it. */
function readBelowHundred(c: WordCursor, lower: string): number | null {
  const saved = c.pos;
  const first = peekWord({ text: lower, pos: c.pos }, false);
  if (!first) return null;
  const unit = UNIT_WORDS.get(first.word);
  if (unit !== undefined) {
    c.pos = first.end;
    return unit;
  }
  const tens = TENS_WORDS.get(first.word);
  if (tens === undefined) {
    c.pos = saved;
    return null;
  }
  c.pos = first.end;
  const next = peekWord({ text: lower, pos: c.pos }, true);
  const u = next ? UNIT_WORDS.get(next.word) : undefined;
  if (next && u !== undefined && u >= 1 && u <= 9) {
    c.pos = next.end;
    return tens + u;
  }
  return tens;
}

/**
 * A number in words below a thousand, with an optional fraction: "two hundred and forty",
 * "seven and a half", "one point two five". `lower` is the text lower-cased (same length).
 */
export function readWords(lower: string, at: number): Numeral | null {
  const c: WordCursor = { text: lower, pos: at };
  let value = readBelowHundred(c, lower);
  if (value === null) return null;
  let end = c.pos;
  // "two hundred", "two hundred and forty", "two hundred forty"; and the hundreds of "eleven
  // hundred" and "seventy-five hundred" (1,100 and 7,500), as reporting and speech say them.
  const hundred = peekWord({ text: lower, pos: end }, false);
  if (hundred?.word === 'hundred' && value >= 1 && value <= 99) {
    value *= 100;
    end = hundred.end;
    const and = peekWord({ text: lower, pos: end }, false);
    const restAt = and?.word === 'and' ? and.end : end;
    const rest = { text: lower, pos: restAt };
    const below = readBelowHundred(rest, lower);
    if (below !== null && below > 0) {
      value += below;
      end = rest.pos;
    }
  }
  let decimals = 0;
  // "seven and a half", "one and a quarter".
  const and = peekWord({ text: lower, pos: end }, false);
  if (and?.word === 'and') {
    const a = peekWord({ text: lower, pos: and.end }, false);
    if (a?.word === 'a') {
      const frac = peekWord({ text: lower, pos: a.end }, false);
      if (frac?.word === 'half') {
        value += 0.5;
        decimals = 1;
        end = frac.end;
      } else if (frac?.word === 'quarter') {
        value += 0.25;
        decimals = 2;
        end = frac.end;
      }
    }
  } else if (and?.word === 'point') {
    // "one point two five": digits one by one.
    let digits = '';
    let p = and.end;
    for (;;) {
      const d = peekWord({ text: lower, pos: p }, false);
      const n = d ? UNIT_WORDS.get(d.word) : undefined;
      if (!d || n === undefined || n > 9) break;
      digits += String(n);
      p = d.end;
    }
    if (digits !== '') {
      value = Number(`${value}.${digits}`);
      decimals = digits.length;
      end = p;
    }
  }
  return {
    start: at,
    end,
    mantissa: value,
    decimals,
    trailingZeros: 0,
    units: Math.round(value * 10 ** decimals),
    yearLike: false,
    words: true,
    valid: true,
  };
}

// "a hundred", "a thousand", "half a billion": the article (or "half a") stands for the number
// when "hundred" or a scale word follows. "half a dozen" is not read (six of something is rarely
// a claim, and "half a dozen times" is a manner of speaking).
const ARTICLE = /(half )?an? (?=(hundred|thousand|million|billion|trillion|lakh|crore)(?![a-z]))/y;
// "a half-billion-dollar loan", "half-million": "half" joined to the scale word by a hyphen is the
// same half as "half a billion" (compound adjectives write it so).
const HALF_HYPHEN = /half(?=-(thousand|million|billion|trillion)(?![a-z]))/y;

/**
 * A number said with an article at `at` in `lower`: "a hundred" (100, with "and fifty" after it
 * as in "two hundred and fifty"), "a billion" (1, the scale read by the caller), "half a
 * million" (0.5, written as "0.5 million" would be: one decimal).
 */
export function readArticle(lower: string, at: number): Numeral | null {
  HALF_HYPHEN.lastIndex = at;
  if (HALF_HYPHEN.test(lower)) {
    return {
      start: at,
      end: at + 4,
      mantissa: 0.5,
      units: 5,
      decimals: 1,
      trailingZeros: 0,
      yearLike: false,
      words: true,
      valid: true,
      article: { needsScale: true },
    };
  }
  ARTICLE.lastIndex = at;
  const m = ARTICLE.exec(lower);
  if (!m) return null;
  const half = m[1] !== undefined;
  const next = m[2] as string;
  const base = { start: at, trailingZeros: 0, yearLike: false, words: true, valid: true };
  if (next === 'hundred') {
    if (half) return null;
    const c: WordCursor = { text: lower, pos: at + m[0].length + next.length };
    let value = 100;
    const and = peekWord(c, false);
    const rest = { text: lower, pos: and?.word === 'and' ? and.end : c.pos };
    const below = readBelowHundred(rest, lower);
    if (below !== null && below > 0) {
      value += below;
      c.pos = rest.pos;
    }
    return {
      ...base,
      end: c.pos,
      mantissa: value,
      units: value,
      decimals: 0,
      article: { needsScale: false },
    };
  }
  // The number ends before the space, where the scale pattern starts reading.
  const end = at + m[0].length - 1;
  return half
    ? { ...base, end, mantissa: 0.5, units: 5, decimals: 1, article: { needsScale: true } }
    : { ...base, end, mantissa: 1, units: 1, decimals: 0, article: { needsScale: true } };
}
