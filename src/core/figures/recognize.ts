/**
 * The figure recognizer: money, counts, percentages and years in running text.
 *
 * One scan of one trigger pattern finds where a figure may start (a digit, a currency sign or
 * code, a number word, "half"); from each, a small forward parser reads
 *
 *   [currency] number [scale] ( % | per cent | currency word | [modifier]{0,2} plural-noun )
 *
 * and the qualifier ("up to", "about") is read from the words just before. A number with none of
 * these is not a figure ("Section 7", "page 12"), except a four-digit year.
 *
 * Everything runs on the folded text (src/core/text/fold.ts) so that a non-breaking space or a
 * soft hyphen inside "$1.25\u00a0billion" changes nothing; offsets are mapped back at the end.
 * Time is linear in the text: each trigger is tried once, parsers read forward without
 * backtracking, and the scan resumes after whatever a figure consumed.
 */
import { displayText, fold, unfolded } from '../text/fold';
import type { Figure, FigureKind, Qualifier } from '../types';
import {
  COMPOUND_COUNT_NOUNS,
  COUNT_UNIT_ALIASES,
  CURRENCY_PREFIXES,
  CURRENCY_SUFFIXES,
  IRREGULAR_PLURALS,
  KNOWN_COUNT_NOUNS,
  NOT_NOUNS,
  QUALIFIERS,
  SCALES,
  TENS_WORDS,
  UNIT_WORDS,
} from './lexicon';
import { readDigits, readWords, type Numeral } from './numerals';

const NUMBER_WORDS = [...UNIT_WORDS.keys(), ...TENS_WORDS.keys()].join('|');

// Where a figure may start. Digits must not continue a word or a code ("G20", "EXIM-200", "3,5"
// after a comma belongs to the number before). Currency codes need a number right after them.
const TRIGGER_SOURCE = [
  String.raw`(?<![\w.,$€£¥₹]|\w-)\.?\d`,
  String.raw`(?<![\w$])(?:us ?\$|hk\$|[ac]\$|usd|eur|gbp|inr|pkr|cny|rmb|rs\.?)(?= ?[\d.])`,
  String.raw`[$€£¥₹]`,
  String.raw`(?<![\w-])(?:${NUMBER_WORDS}|half)(?![\w])`,
].join('|');
// TRIGGER tried at one place (sticky).
const TRIGGER_AT = new RegExp(TRIGGER_SOURCE, 'iy');
// Every place where TRIGGER may match, and a few more: TRIGGER itself is scanned only there.
// Scanning TRIGGER along a text costs about three times as much, because every alternative
// opens with a lookbehind, which keeps the regexp engine from skipping ahead to a possible first
// character; this pattern starts with plain characters and a word boundary.
const CANDIDATE = new RegExp(
  String.raw`\.?\d|[$€£¥₹]|\b(?:us|hk|[ac]\$|eur|gbp|inr|pkr|cny|rmb|rs|${NUMBER_WORDS}|half)`,
  'gi',
);

const CURRENCY_PREFIX = /(us ?\$|hk\$|[ac]\$|\$|€|£|¥|₹|usd|eur|gbp|inr|pkr|cny|rmb|rs\.?) ?/y;
// A scale after the number: a word after a space or hyphen ("1.25 billion", "$1.25-billion"), or
// an abbreviation attached or spaced ("$7bn", "Rs 15 bn"); single letters only attached ("$500m").
const SCALE =
  /( ?-? ?)(thousand|lakh|million|mln|mn|crore|billion|bln|bn|trillion|trn|tn|k|m|b)(?![a-z])/y;
const PERCENT = / ?(%|per ?-?cent|percent|percentage points?|pct|pc)(?![a-z])/y;
const CURRENCY_SUFFIX = /[ -](us dollars?|dollars?|rupees?|euros?|yuan)(?![a-z])/y;
const COMPOUND_COUNT = /-(nation|country|job|member|worker)(?![a-z])/y;
const NEXT_WORD = / ([a-z][a-z.'-]*)/y;
const HALF_BLOCKERS_AFTER =
  / ?-? ?(a|an|dozen|hour|hours|century|decade|day|days|way|time|year|mile|inch|term|hearted|baked)(?![a-z])/y;
const HALF_BLOCKERS_BEFORE = /(?:first|second|latter|final|and a|one)\s+$/;

// The qualifier is in the few words right before the figure; 32 characters hold the longest
// ("no fewer than") with room for an article.
const QUALIFIER_WINDOW = 32;
const QUALIFIER_BEFORE = new RegExp(
  String.raw`(?:^|[^a-z])(${[...QUALIFIERS.keys()]
    .sort((a, b) => b.length - a.length)
    .join('|')})\s+$`,
);

// A count's noun may follow up to two modifiers: "7,500 new jobs", "11 new bilateral agreements".
const MAX_MODIFIERS = 2;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Lower-case ASCII letters only, so that offsets stay the same ("İ" lower-cases to two units). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

interface Parsed {
  start: number;
  end: number;
  kind: FigureKind;
  value: number;
  unit: string;
  precision: number;
}

/** Figures in `text`; `plain`: the caller knows fold would not change it (needsFolding). */
export function findFigures(text: string, plain = false): Figure[] {
  const folded = plain ? unfolded(text) : fold(text);
  const t = folded.text;
  // The parsers read a lower-cased copy; it is made at the first place where a figure may start
  // (many blocks have none). CANDIDATE and TRIGGER_AT ignore case and read only ASCII letters,
  // so they find on `t` what they would on the copy.
  const figures: Figure[] = [];
  let lower: string | null = null;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(t); m !== null; m = CANDIDATE.exec(t)) {
    TRIGGER_AT.lastIndex = m.index;
    if (!TRIGGER_AT.test(t)) {
      // As a scan of TRIGGER would, try again from the next character ("a$5": "$" starts one).
      CANDIDATE.lastIndex = m.index + 1;
      continue;
    }
    lower ??= lowerSameLength(t);
    const { parsed, consumed } = parseAt(t, lower, m.index);
    CANDIDATE.lastIndex = Math.max(consumed, m.index + 1);
    if (parsed === null) continue;
    const qualifier = parsed.kind === 'year' ? null : qualifierBefore(lower, parsed.start);
    const start = folded.toOriginal(parsed.start);
    const end = folded.toOriginal(parsed.end);
    const figure: Figure = {
      start,
      end,
      kind: parsed.kind,
      text: displayText(text, start, end),
      value: parsed.value,
      unit: parsed.unit,
      precision: parsed.precision,
    };
    if (qualifier) figure.qualifier = qualifier;
    figures.push(figure);
  }
  return figures;
}

interface Attempt {
  parsed: Parsed | null;
  /** Where the scan may resume: past a long number that was read and rejected, so it is read once. */
  consumed: number;
}

function parseAt(t: string, lower: string, at: number): Attempt {
  if (lower.startsWith('half', at)) return { parsed: parseHalf(lower, at), consumed: at + 4 };
  let pos = at;
  let currency: string | null = null;
  const prefix = sticky(CURRENCY_PREFIX, lower, pos);
  if (prefix) {
    currency = CURRENCY_PREFIXES.get((prefix[1] as string).replace(' ', '')) ?? null;
    pos = prefix.index + prefix[0].length;
  }
  const isDigit = /[\d.]/.test(lower[pos] ?? '');
  const numeral = isDigit ? readDigits(lower, pos) : currency ? null : readWords(lower, pos);
  if (numeral === null) return { parsed: null, consumed: at + 1 };
  const miss = { parsed: null, consumed: numeral.end };
  if (!numeral.valid) return miss;
  pos = numeral.end;

  let scale = 1;
  const scaleMatch = sticky(SCALE, lower, pos);
  if (scaleMatch) {
    const spacing = scaleMatch[1] as string;
    const word = scaleMatch[2] as string;
    const def = SCALES.get(word);
    // Single letters count only attached to the number, and "m"/"b" only with a currency: "5m"
    // alone is as likely five metres, "5b" a clause number.
    const letterOk = !def?.attachedOnly || (spacing === '' && (word === 'k' || currency !== null));
    if (def && letterOk) {
      scale = def.value;
      pos = scaleMatch.index + scaleMatch[0].length;
    }
  }
  const value = exactValue(numeral, scale);
  const precision = 0.5 * 10 ** (numeral.trailingZeros - numeral.decimals) * scale;
  const found = (end: number, kind: FigureKind, unit: string, p = precision): Attempt => ({
    parsed: { start: at, end, kind, value, unit, precision: p },
    consumed: end,
  });

  if (currency !== null) {
    // "Rs 5 billion rupees" names its currency twice; take the words in.
    const suffix = sticky(CURRENCY_SUFFIX, lower, pos);
    return found(suffix ? suffix.index + suffix[0].length : pos, 'money', currency);
  }
  const percent = sticky(PERCENT, lower, pos);
  if (percent && scale === 1) return found(percent.index + percent[0].length, 'percent', '%');
  // A number run on into letters is a code or an ordinal ("3D", "21st"), not a figure.
  if (/[a-z]/.test(lower[pos] ?? '')) return miss;
  const suffix = sticky(CURRENCY_SUFFIX, lower, pos);
  if (suffix) {
    return found(
      suffix.index + suffix[0].length,
      'money',
      CURRENCY_SUFFIXES.get(suffix[1] as string) ?? 'USD',
    );
  }
  const count = readCountNoun(t, lower, pos, numeral.yearLike && scale === 1);
  if (count) return found(count.end, 'count', count.unit);
  if (numeral.yearLike && scale === 1) {
    const year = numeral.mantissa;
    if (year >= FIRST_YEAR && year <= LAST_YEAR) {
      return {
        parsed: {
          start: at,
          end: numeral.end,
          kind: 'year',
          value: year,
          unit: 'year',
          precision: 0,
        },
        consumed: numeral.end,
      };
    }
  }
  return miss;
}

/** The value of numeral × scale computed on integers, so "$1.3 billion" is exactly 1300000000. */
function exactValue(n: Numeral, scale: number): number {
  const divisor = 10 ** n.decimals;
  return scale >= divisor ? n.units * (scale / divisor) : (n.units * scale) / divisor;
}

/** "half" is a 50 % share ("owns half of the project", "the other half"), not "half an hour". */
function parseHalf(lower: string, at: number): Parsed | null {
  if (sticky(HALF_BLOCKERS_AFTER, lower, at + 4)) return null;
  if (HALF_BLOCKERS_BEFORE.test(lower.slice(Math.max(0, at - 12), at))) return null;
  return { start: at, end: at + 4, kind: 'percent', value: 50, unit: '%', precision: 0 };
}

/**
 * The noun a number counts: "-nation" compounds, or up to two modifiers and a plural noun. After
 * a year-like number only well-known count nouns qualify ("2000 jobs" but "2025 elections").
 */
function readCountNoun(
  t: string,
  lower: string,
  pos: number,
  yearLike: boolean,
): { end: number; unit: string } | null {
  const compound = sticky(COMPOUND_COUNT, lower, pos);
  if (compound) {
    return {
      end: compound.index + compound[0].length,
      unit: COMPOUND_COUNT_NOUNS.get(compound[1] as string) ?? 'items',
    };
  }
  let p = pos;
  for (let i = 0; i <= MAX_MODIFIERS; i++) {
    const w = sticky(NEXT_WORD, lower, p);
    if (!w) return null;
    const raw = w[1] as string;
    const word = raw.replace(/[.'-]+$/, '');
    const wordEnd = w.index + 1 + word.length;
    if (isPluralNoun(word) && (!yearLike || KNOWN_COUNT_NOUNS.has(word))) {
      return { end: wordEnd, unit: COUNT_UNIT_ALIASES.get(word) ?? word };
    }
    // A modifier: an adjective or a proper adjective ("new", "local", "American", "US", "U.S.").
    // Anything else ends the phrase, as does a full stop after an ordinary word.
    const original = t.slice(w.index + 1, w.index + 1 + raw.length);
    const isAcronym = /^[A-Z](?:\.?[A-Z])+\.?$/.test(original);
    if (!isAcronym && (NOT_NOUNS.has(word) || word !== raw)) return null;
    p = w.index + w[0].length;
  }
  return null;
}

function isPluralNoun(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  return (
    word.length >= 3 &&
    word.endsWith('s') &&
    !word.endsWith('ss') &&
    !word.endsWith('us') &&
    !word.endsWith('is') &&
    !word.includes('.') &&
    !NOT_NOUNS.has(word)
  );
}

function qualifierBefore(lower: string, start: number): Qualifier | null {
  const before = lower.slice(Math.max(0, start - QUALIFIER_WINDOW), start);
  const m = QUALIFIER_BEFORE.exec(before);
  if (!m) return null;
  const text = m[1] as string;
  const sense = QUALIFIERS.get(text);
  return sense ? { text, sense } : null;
}
