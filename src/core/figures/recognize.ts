/**
 * The figure recognizer: money, counts, percentages and years in running text.
 *
 * One scan of one trigger pattern finds where a figure may start (a digit, a currency sign or
 * code, a number word, "half", "quarter", "third"); from each, a small forward parser reads
 *
 *   [currency] number [scale] ( % | per cent | currency word | [modifier]{0,2} plural-noun )
 *
 * and the qualifier ("up to", "about") is read from the words just before. A number with none of
 * these is not a figure ("Section 7", "page 12"), except a four-digit year, a number that
 * carries the noun of a count just before it ("6,000 jobs in the US and 7,500 in Balochistan";
 * carry.ts) and a number alone in a table cell whose row header names a count noun ("US jobs |
 * 6,000"; rows.ts). Fractions are shares ("half", "a quarter of the project", "a third stake").
 * In markets text a percentage takes the sign of a fall, and share prices are dropped
 * (markets.ts).
 *
 * The page's language (FindFiguresOptions.lang; locale.ts, languages.ts) decides the decimal
 * mark and digit grouping ("40.000" and "2,5" on a German page) and the words read around a
 * number; English is read when no language is given.
 *
 * Everything runs on the folded text (src/core/text/fold.ts) so that a non-breaking space or a
 * soft hyphen inside "$1.25\u00a0billion" changes nothing; offsets are mapped back at the end.
 * Time is linear in the text: each trigger is tried once, parsers read forward without
 * backtracking, and the scan resumes after whatever a figure consumed.
 */
import { displayText, fold, unfolded } from '../text/fold';
import type { Figure, FigureKind, Qualifier } from '../types';
import { carriedUnit, carryOf, labelled, type PreviousFigure } from './carry';
import {
  COMPOUND_COUNT_NOUNS,
  COUNT_UNIT_ALIASES,
  FIRST_YEAR,
  IRREGULAR_PLURALS,
  isDemonymPlural,
  KNOWN_COUNT_NOUNS,
  LAST_YEAR,
  NOT_NOUNS,
} from './lexicon';
import { localeFor, type Locale } from './locale';
import { pluralCount } from './plural-nouns';
import { declineBefore, isSharePrice, minusBefore, quoteComparedBefore } from './markets';
import { readArticle, readDigits, readWords, type Numeral } from './numerals';
import { aloneInCell, rowOf, type Row } from './rows';

export interface FindFiguresOptions {
  /**
   * The page's language (`<html lang>`: "de", "es-MX", "en-IN"…). It decides digit grouping and
   * the decimal mark ("40.000" and "2,5" on a German page), the scale, currency, percent and
   * count words, and whether "Rs" is Pakistani or Indian. English when absent.
   */
  lang?: string;
}

const COMPOUND_COUNT = /-(nation|country|job|member|worker|seat|classroom)(?![a-z])/y;
const NEXT_WORD = / ([a-z][a-z.'-]*)/y;
const HALF_BLOCKERS_AFTER =
  / ?-? ?(a|an|dozen|hour|hours|century|decade|day|days|way|time|year|mile|inch|term|hearted|baked)(?![a-z])/y;
const HALF_BLOCKERS_BEFORE = /(?:first|second|latter|final|and a|one)\s+$/;
// "half of them", "half of those hired": a share of a group, not an ownership fraction.
const HALF_OF_GROUP = / +of +(?:them|those|these|us|you|whom)(?![a-z])/y;
// "half-billion", "a half-million": the number of a scale word (numerals.ts readArticle), not a share.
const HALF_SCALE = /half-(?:thousand|million|billion|trillion)(?![a-z])/y;
// A fraction right after a verb of moving ("prices fall another third", "fell by half", "cut by
// a quarter") is the size of a move, not a share of something owned: LABELLING.md counts only
// ownership fractions. "lost half its value" (a share of the value) and "rose to a third" (a level
// reached) are not moves of this kind and stay.
const MOVE_BEFORE =
  /(?:^|[^a-z])(?:(?:fall|falls|fell|fallen|falling|drop|drops|dropped|dropping|rise|rises|rose|risen|rising|climb|climbs|climbed|climbing|slide|slides|slid|sliding|slump|slumps|slumped|plunge|plunges|plunged|plunging|jump|jumps|jumped|jumping|grow|grows|grew|grown|growing|shrink|shrinks|shrank|shrunk|shrinking|decline|declines|declined|declining|sink|sinks|sank|sunk|tumble|tumbles|tumbled|tumbling)(?: by)?|(?:cut|cuts|reduced|increased|decreased|raised|lowered|slashed|boosted|trimmed|down|up) by)(?: (?:another|a further|almost|nearly|about|around|roughly|some|more than|over|just over|just under|close to))? +$/;
const MOVE_WINDOW = 48;

/** Does a verb of moving stand right before the fraction at `start` (see MOVE_BEFORE)? */
function moveBefore(lower: string, start: number): boolean {
  return MOVE_BEFORE.test(lower.slice(Math.max(0, start - MOVE_WINDOW), start));
}

// ---- Fractions as shares ("a quarter", "a third", "three quarters") ---------------------------
// Like "half", a fraction is a share of something ("holds a quarter of the project", "a third
// stake", "a quarter each"), never a period, an ordinal or a measure ("the first quarter", "third
// quarter results", "a third country", "a quarter of an hour", "a third of the way",
// "quarter-final"). Unlike "half", which is rarely anything but a share, "quarter" and "third"
// are more often something else, so a share must be said: a determiner before ("a", "another",
// "the other", "the remaining"…) and a word after that speaks of shares.
// Fifths and tenths are shares as quarters and thirds are ("a fifth of the shares", "holds
// one-tenth", "two-fifths"), and read by the same rules.
const FRACTION_WORD = /(quarters?|thirds?|fifths?|tenths?)(?![a-z])/y;
const FRACTION_AFTER_NUMBER = /[ -](quarters?|thirds?|fifths?|tenths?)(?![a-z])/y;
/** The denominator a fraction word names, by its first letter. */
const DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ['q', 4],
  ['t', 3],
  ['f', 5],
]);
function denominatorOf(word: string): number {
  return word.startsWith('ten') ? 10 : (DENOMINATORS.get(word[0] ?? '') ?? 3);
}
// The determiner before a fraction word. The text of the figure is "a quarter" (as the labelling
// rules write it); after the other determiners ("another quarter", "the other third") it is the
// fraction word alone, as for "the other half".
const FRACTION_DETERMINER = /(?:^|[^a-z])(a|another|other|remaining|further|additional)( +)$/;
// "one and a quarter" is read as a number; "two hours and a quarter", "in a quarter", "per
// quarter" are times.
const FRACTION_BLOCKERS_BEFORE =
  /(?:(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hours?|minutes?|days?|weeks?|months?|years?|miles?|inch(?:es)?)) and|\b(?:in|within|per|every|each|for|during)) a +$/;
const SHARE_FOLLOWS =
  /(?:$|[.,;:!?)]| +(?:[-—(]|(?:of|each|apiece|stake|stakes|share|shares|interest|holding|equity|ownership|is|was|will|would|goes|went|belongs|remains|remained|held|owned|and|with|while|but|through|via)(?![a-z])|to(?! +(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)(?![a-z]))(?![a-z])))/y;
// "of them", "of those": a share of a group of people or things ("half of them will go to people
// from Nampula"), not of an owned thing; and "a third and final round" is an ordinal.
const NOT_A_SHARE_OF =
  / +(?:and +(?:final|last|deciding)(?![a-z])|of +(?:them|those|these|us|you|whom)(?![a-z])|of +(?:(?:a|an|the) +)?(?:\d|(?:hours?|century|centuries|miles?|way|seconds?|minutes?|time|points?|percentage|per|percent|inch(?:es)?|days?|weeks?|years?|months?|decades?|games?|match|laps?|length|billion|million|trillion|thousand|dollars?|cents?|kilomet(?:re|er)s?|met(?:re|er)s?|pounds?|ounces?|tonnes?|tons?|lakh|crore|season)(?![a-z])))/y;

// An adjective of employment standing for "jobs" ("1,100 permanent", "2,800 temporary") when
// nothing that could be its noun follows: a punctuation mark, a cell or line break, a capitalized
// word (the next label of a fact box), a preposition, or "and"/"or" before another number.
const JOB_ADJECTIVE_ALONE =
  / (permanent|temporary|full-time|part-time|seasonal|direct|indirect)(?![a-z-])/y;
const JOB_ELLIPSIS_FOLLOWS =
  /^(?:$|[,.;:!?)\t\n]| (?:in|at|during|once|when|by|from)(?![a-z])| (?:and|or) \d| [A-Z])/;

// The qualifier is in the few words right before the figure; 32 characters hold the longest
// ("no fewer than") with room for an article.
const QUALIFIER_WINDOW = 32;

// A count's noun may follow up to two modifiers: "7,500 new jobs", "11 new bilateral agreements".
const MAX_MODIFIERS = 3;
// A plural noun may be the first word of a compound that ends in another ("11 new critical minerals
// cooperation agreements"): the count's noun is the compound's last plural, at most this many words on.
const MAX_COMPOUND_TAIL = 2;
const DOTTED_DATE = /\d{1,2}\.\d{1,2}\.(\d{4})(?!\d)/y;
// "4.2 lakh crore" (4.2 × 10^5 × 10^7), "5 thousand crore": Indian reporting says a large amount
// in crores of lakhs or thousands.
const CRORE_AFTER = / ?-? ?crores?(?![a-z])/y;
// An article number after a fraction is part of it ("a quarter of a billion"), not one of its
// own; after "one in" it is a ratio ("one in a million").
const FRACTION_OF_BEFORE =
  /(?:(?:quarters?|thirds?|half|fraction|part|share|tenth|fifth) of|(?:^|[^a-z])(?:one|1) in) $/;
// The count nouns after "points": only "basis points" counts something a story claims (a rate
// move); index points and scores are levels (markets.ts).
const POINTS = new Set(['points', 'pts']);
const RAND_DIGIT = /\d/;
// An earlier year is read only where a preposition of time says it is one ("in 1851", "since
// 1793", "en 1598", "seit 1871", "desde 1810"), and no plural noun follows ("in 1500 cases").
const FIRST_HISTORICAL_YEAR = 1000;
const YEAR_PREPOSITION_BEFORE =
  /(?:^|[^a-z\u00df-\u00ff])(?:in|since|until|circa|en|depuis|dès|jusqu'en|desde|hasta|em|desde|im|seit|bis|anno|år|sedan)\s+$/;
const PLURAL_AFTER = / ([a-z\u00df-\u00ff]+)/y;

function historicalYear(lower: string, at: number, end: number, value: number): boolean {
  if (value < FIRST_HISTORICAL_YEAR || value >= FIRST_YEAR) return false;
  if (!YEAR_PREPOSITION_BEFORE.test(lower.slice(Math.max(0, at - 12), at))) return false;
  const next = sticky(PLURAL_AFTER, lower, end);
  return next === null || !isPluralNoun(next[1] as string);
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Lower-case letters, keeping offsets ("İ" lower-cases to two units: then ASCII letters only). */
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
  /** Written in words ("two", "trois"): a small one may refer rather than count. */
  words?: boolean;
  /** Money written with a scale word ("$1.25 billion"), never a share price. */
  scaled?: boolean;
  /** Digits after the decimal point. */
  decimals?: number;
  /** A percentage of a number (not a fraction word), which may take the sign of a fall. */
  signable?: boolean;
}

/**
 * Whether `text` may hold a figure: a place where findFigures would try to read one (a candidate
 * that passes the trigger). Every figure findFigures returns starts at such a place, so a text
 * this says no to has none; a yes may still find none ("one of them"). Only for a text fold
 * would not change (needsFolding false), as findFigures' `plain`. The content script's first
 * pass asks this of long paragraphs and reads their figures when they are needed.
 */
export function mayHaveFigures(text: string, options: FindFiguresOptions = {}): boolean {
  return firstFigurePlace(text, options) >= 0;
}

/**
 * The first place in `text` where findFigures would try to read a figure (see mayHaveFigures), or
 * -1. No figure starts more than FIGURE_START_REACH characters before it.
 */
export function firstFigurePlace(text: string, options: FindFiguresOptions = {}): number {
  const loc = localeFor(options.lang);
  const { candidate, triggerAt } = loc;
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m !== null; m = candidate.exec(text)) {
    triggerAt.lastIndex = m.index;
    if (triggerAt.test(text)) return m.index;
    candidate.lastIndex = m.index + 1;
  }
  return -1;
}

/**
 * How far before the place it is read from a figure may start: a minus sign, the "a" of "a
 * quarter" (parseFractionWord, whose determiner is looked for in the 24 characters before).
 */
export const FIGURE_START_REACH = 24;

/**
 * Figures in `text`; `plain`: the caller knows fold would not change it (needsFolding);
 * `options.lang`: the page's language (see FindFiguresOptions).
 */
export function findFigures(
  text: string,
  plain = false,
  options: FindFiguresOptions = {},
): Figure[] {
  const loc = localeFor(options.lang);
  const folded = plain ? unfolded(text) : fold(text);
  const t = folded.text;
  // The parsers read a lower-cased copy; it is made at the first place where a figure may start
  // (many blocks have none). The candidate and trigger patterns ignore case and read only ASCII
  // letters, so they find on `t` what they would on the copy.
  const figures: Figure[] = [];
  const candidate = loc.candidate;
  const triggerAt = loc.triggerAt;
  let lower: string | null = null;
  let row: Row | null | undefined;
  let prev: PreviousFigure | null = null;
  // The end of the last market quote dropped, or -1.
  let quoteEnd = -1;
  candidate.lastIndex = 0;
  for (let m = candidate.exec(t); m !== null; m = candidate.exec(t)) {
    triggerAt.lastIndex = m.index;
    if (!triggerAt.test(t)) {
      // As a scan of the trigger would, try again from the next character ("a$5": "$" starts one).
      candidate.lastIndex = m.index + 1;
      continue;
    }
    lower ??= lowerSameLength(t);
    if (row === undefined) row = rowOf(text, folded, lower, loc);
    const { parsed, consumed } = parseAt(t, lower, m.index, loc, prev, row);
    candidate.lastIndex = Math.max(consumed, m.index + 1);
    if (parsed === null) continue;
    if (isReferential(lower, parsed, loc)) continue;
    if (parsed.kind === 'money') {
      // A market quote is no figure, nor the earlier price it is compared with (markets.ts).
      const compared =
        quoteEnd >= 0 && !parsed.scaled && quoteComparedBefore(lower, parsed.start, quoteEnd);
      if (compared || sharePrice(lower, parsed, row, loc)) {
        quoteEnd = parsed.end;
        continue;
      }
    }
    if (parsed.signable) {
      const original = (i: number): string => text[folded.toOriginal(i)] ?? '';
      if (parsed.start - 1 >= (prev?.end ?? 0) && minusBefore(lower, parsed.start, original)) {
        parsed.start -= 1;
        parsed.value = -parsed.value;
      } else if (loc.english && declineBefore(lower, parsed.start)) {
        parsed.value = -parsed.value;
      }
    }
    prev = {
      end: parsed.end,
      kind: parsed.kind,
      unit: parsed.unit,
      carry:
        parsed.kind === 'count' ? carryOf(lower, parsed.start, parsed.unit, prev) : parsed.unit,
      labelled: parsed.kind === 'count' && labelled(lower, parsed.start),
    };
    const qualifier = parsed.kind === 'year' ? null : qualifierBefore(lower, parsed.start, loc);
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

// "the two countries", "les deux pays": a small number in words after a determiner refers to
// things already named (Locale.referentialBefore). 12 characters hold the longest determiner
// with its space ("toutes ", "entrambi ").
const REFERENTIAL_WINDOW = 12;

function isReferential(lower: string, parsed: Parsed, loc: Locale): boolean {
  if (parsed.kind !== 'count' || parsed.value > 10 || parsed.words !== true) return false;
  const before = lower.slice(Math.max(0, parsed.start - REFERENTIAL_WINDOW), parsed.start);
  return loc.referentialBefore.test(before);
}

/** Is the money `parsed` a share price (markets.ts), given the table row it may stand in? */
function sharePrice(lower: string, parsed: Parsed, row: Row | null, loc: Locale): boolean {
  const header =
    row !== null && aloneInCell(row, lower, parsed.start, parsed.end, loc) ? row.header : null;
  return isSharePrice(
    lower,
    parsed.start,
    parsed.end,
    parsed.scaled ?? false,
    parsed.decimals ?? 0,
    header,
  );
}

interface Attempt {
  parsed: Parsed | null;
  /** Where the scan may resume: past a long number that was read and rejected, so it is read once. */
  consumed: number;
}

function parseAt(
  t: string,
  lower: string,
  trigger: number,
  loc: Locale,
  prev: PreviousFigure | null,
  row: Row | null,
): Attempt {
  // The South African rand's "R" glued to the digits ("R2.5 billion", "R500m"): the figure starts
  // at the letter. Only a capital, and only with a scale word (below): "R2" alone is as often a
  // code, a road or a round.
  const rand = t[trigger - 1] === 'R' && RAND_DIGIT.test(lower[trigger] ?? '');
  const at = rand ? trigger - 1 : trigger;
  if (loc.english) {
    if (
      lower.startsWith('half', at) &&
      !lower.startsWith('half a', at) &&
      sticky(HALF_SCALE, lower, at) === null
    ) {
      return { parsed: parseHalf(lower, at), consumed: at + 4 };
    }
    const c = lower[at];
    const fraction = c === 'q' || c === 't' || c === 'f' ? sticky(FRACTION_WORD, lower, at) : null;
    if (fraction) {
      const word = fraction[1] as string;
      return {
        parsed: parseFractionWord(lower, at, word, prev?.end ?? 0),
        consumed: at + word.length,
      };
    }
  }
  if (loc.percentBefore && lower[at] === '%') return parsePercentBefore(lower, at, loc);
  let pos = at;
  let currency: string | null = null;
  let prefixKey: string | null = null;
  const prefix = rand ? null : sticky(loc.currencyPrefix, lower, pos);
  if (rand) {
    prefixKey = 'r';
    currency = 'ZAR';
    pos = trigger;
  } else if (prefix) {
    prefixKey = (prefix[1] as string).replace(' ', '');
    currency = loc.prefixes.get(prefixKey) ?? null;
    pos = prefix.index + prefix[0].length;
  }
  if (loc.decimalComma && currency === null) {
    // "03.10.2025": a date written with dots; its year is a figure, its day and month are not.
    const date = sticky(DOTTED_DATE, lower, pos);
    if (date) return { parsed: yearOf(date), consumed: date.index + date[0].length };
  }
  const isDigit = /[\d.]/.test(lower[pos] ?? '');
  const numeral = isDigit
    ? readDigits(lower, pos, loc.decimalComma)
    : currency
      ? null
      : loc.english
        ? readEnglishWords(lower, pos)
        : readForeignWord(lower, pos, loc);
  if (numeral === null) {
    // "half a day": read as "half" alone (a share, or nothing).
    if (loc.english && lower.startsWith('half', at)) {
      return { parsed: parseHalf(lower, at), consumed: at + 4 };
    }
    return { parsed: null, consumed: at + 1 };
  }
  const miss = { parsed: null, consumed: numeral.end };
  if (!numeral.valid) return miss;
  pos = numeral.end;

  if (loc.english && numeral.words && currency === null) {
    // "three quarters", "two-thirds", "one third": a share, or nothing.
    const f = sticky(FRACTION_AFTER_NUMBER, lower, pos);
    if (f)
      return { parsed: parseFractionAfter(lower, at, numeral, f), consumed: f.index + f[0].length };
  }

  let scale = 1;
  const scaleMatch = sticky(loc.scale, lower, pos);
  if (scaleMatch) {
    const spacing = scaleMatch[1] as string;
    const word = scaleMatch[2] as string;
    const def = loc.scales.get(word);
    // Single letters count only attached to the number, and "m"/"b" only with a currency: "5m"
    // alone is as likely five metres, "5b" a clause number.
    const letterOk = !def?.attachedOnly || (spacing === '' && (word === 'k' || currency !== null));
    if (def && letterOk) {
      scale = def.value;
      pos = scaleMatch.index + scaleMatch[0].length;
      if (loc.english && (word === 'lakh' || word === 'thousand')) {
        const crore = sticky(CRORE_AFTER, lower, pos);
        if (crore) {
          scale *= 1e7;
          pos = crore.index + crore[0].length;
        }
      }
    }
  }
  if (numeral.article?.needsScale && scale === 1) return miss;
  if (rand && scale === 1) return miss;
  const value = exactValue(numeral, scale);
  const precision = 0.5 * 10 ** (numeral.trailingZeros - numeral.decimals) * scale;
  const found = (end: number, kind: FigureKind, unit: string, p = precision): Attempt => ({
    parsed: {
      start: at,
      end,
      kind,
      value,
      unit,
      precision: p,
      words: numeral.words,
      scaled: scale !== 1,
      decimals: numeral.decimals,
      signable: kind === 'percent',
    },
    consumed: end,
  });

  if (currency !== null) {
    // "Rs 5 billion rupees" names its currency twice; take the words in. When the sign is the
    // bare "$" or "Rs" and the words say which dollars or rupees ("$3 million Australian
    // dollars"), the words decide: never USD when the text says another currency.
    const suffix = sticky(loc.currencySuffix, lower, pos);
    if (!suffix) return found(pos, 'money', currency);
    const named = suffixCurrency(suffix, loc);
    const bare = prefixKey === '$' || prefixKey === 'rs' || prefixKey === 'rs.';
    return found(suffix.index + suffix[0].length, 'money', bare && named ? named : currency);
  }
  const percent = sticky(loc.percent, lower, pos);
  if (percent && scale === 1) return found(percent.index + percent[0].length, 'percent', '%');
  // A number run on into letters is a code or an ordinal ("3D", "21st"), not a figure; so is one
  // run on into a dot and digits that its language cannot read as part of it ("49.3", an article
  // of the French constitution; "15.03.2026" on a German page; "1.2.3").
  if (loc.letter.test(lower[pos] ?? '')) return miss;
  if (lower[pos] === '.' && isDigitCode(lower.charCodeAt(pos + 1))) return miss;
  const suffix = sticky(loc.currencySuffix, lower, pos);
  if (suffix) {
    return found(suffix.index + suffix[0].length, 'money', suffixCurrency(suffix, loc) ?? 'USD');
  }
  const isYear =
    numeral.yearLike &&
    scale === 1 &&
    ((numeral.mantissa >= FIRST_YEAR && numeral.mantissa <= LAST_YEAR) ||
      historicalYear(lower, at, pos, numeral.mantissa) ||
      // A table's header row of years ("1793 | 1851 | 1901"): its earlier ones are years too.
      (row?.years === true && numeral.mantissa >= FIRST_HISTORICAL_YEAR));
  // A number alone in a table cell whose row header names a count noun (rows.ts). A year stays
  // a year ("Jobs created by | 2030"). Read before a noun after it, which would be the next
  // cell's ("US jobs | 6,000 | Balochistan jobs | 7,500").
  if (row?.unit && !numeral.words && !isYear && aloneInCell(row, lower, at, pos, loc)) {
    return found(pos, 'count', row.unit);
  }
  if (loc.english) {
    const count = readCountNoun(t, lower, pos, numeral.yearLike && scale === 1);
    if (count) {
      // "a thousand reasons", "a million things": an article number is a manner of speaking,
      // unless it counts what a story counts ("a million people").
      if (numeral.article && !KNOWN_COUNT_NOUNS.has(count.noun) && count.unit !== 'people') {
        return miss;
      }
      if (numeral.words ? isTitle(t, at, count) : digitsTitle(t, at, count)) return miss;
      if (!numeral.words && scale === 1 && partOfAName(t, at, count)) return miss;
      if (!numeral.words && scale === 1 && numberedBy(lower, at)) return miss;
      return found(count.end, 'count', count.unit);
    }
    // "1,100 permanent, and around 2,800 at the peak", "Mozambique: 1,100 permanent": an
    // adjective of employment with its noun left out speaks of jobs; the figure is the number,
    // as for a carried noun (LABELLING.md).
    if (!numeral.words || scale * numeral.mantissa >= 100) {
      const elided = sticky(JOB_ADJECTIVE_ALONE, lower, pos);
      if (
        elided &&
        JOB_ELLIPSIS_FOLLOWS.test(
          t.slice(elided.index + elided[0].length, elided.index + elided[0].length + 8),
        )
      ) {
        return found(pos, 'count', 'jobs');
      }
    }
  } else if (!isYear) {
    const count = loc.countNoun && sticky(loc.countNoun, lower, pos);
    if (count) return found(count.index + count[0].length, 'count', count[1] as string);
    const plural = loc.plurals && pluralCount(t, pos, loc.plurals);
    if (plural) return found(plural.end, 'count', plural.unit);
  }
  if (isYear) {
    // "les années 2000", "los años 1990": a decade, which no calendar year is (LABELLING.md: a
    // year is a calendar year; English writes the decade "the 2000s", no year either). A decade
    // is a round year: "os anos 2026 e 2027" are years.
    if (numeral.mantissa % 10 === 0 && DECADE_BEFORE.test(lower.slice(Math.max(0, at - 8), at))) {
      return miss;
    }
    return {
      parsed: {
        start: at,
        end: numeral.end,
        kind: 'year',
        value: numeral.mantissa,
        unit: 'year',
        precision: 0,
      },
      consumed: numeral.end,
    };
  }
  // A bare number: it may count what a count just before it counted (carry.ts), in any language
  // ("6.000 empleos en Estados Unidos y 7.500 en Baluchistán"). A number in words carries only
  // in English and when it is large ("six thousand"): "two", "one" are referential.
  if (numeral.words ? loc.english && numeral.mantissa * scale >= 100 : true) {
    const unit = carriedUnit(t, lower, at, pos, value, prev);
    if (unit !== null) return found(pos, 'count', unit);
  }
  return miss;
}

/**
 * "Two Cents", "Three Kings": a capitalized number word before a capitalized noun is a name or a
 * title, unless the noun is one a story counts ("Six Thousand Jobs") or a people ("Twelve
 * Pakistanis were hired": a demonym is capitalized in any sentence). A title capitalizes each of
 * its words: one in lower case between them ("Six hundred young Mozambicans") makes it a
 * sentence.
 */
function isTitle(
  t: string,
  at: number,
  count: { nounStart: number; noun: string; unit: string },
): boolean {
  if (!/[A-Z]/.test(t[at] ?? '') || !/[A-Z]/.test(t[count.nounStart] ?? '')) return false;
  if (KNOWN_COUNT_NOUNS.has(count.noun) || count.unit === 'people') return false;
  return !/[ -][a-z]/.test(t.slice(at, count.nounStart));
}

// A heading's opening: the start of the block, or a line break.
const HEADING_START = /(?:^|\n)$/;

/**
 * "10 Budget Baking Swaps", "7 Habits Of Good Leaders": digits that open a heading written in Title Case,
 * every word up to the noun capitalized, are a listicle's or a menu's title, not a count, unless
 * the noun is one a story counts ("43 Ministers Meet", "6,000 Jobs") or a people.
 */
function digitsTitle(
  t: string,
  at: number,
  count: { end: number; nounStart: number; noun: string; unit: string },
): boolean {
  if (!HEADING_START.test(t.slice(Math.max(0, at - 1), at))) return false;
  if (!/[A-Z]/.test(t[count.nounStart] ?? '')) return false;
  if (KNOWN_COUNT_NOUNS.has(count.noun) || count.unit === 'people') return false;
  // A title has more words in Title Case, before its noun or after it ("7 Habits Of…"); a lone
  // "47 Comments" is a counter, which counts.
  const between = t.slice(at, count.nounStart);
  if (/[ -][a-z]/.test(between)) return false;
  return /[A-Z]/.test(between) || TITLE_GOES_ON.test(t.slice(count.end, count.end + 3));
}
const TITLE_GOES_ON = /^ [A-Z]/;

// A capitalized word right before the number, inside a sentence: "the Halo 11 starts at",
// "Apollo 11 astronauts", "CorvidOS 19 users". A sentence's first word may be capitalized
// ("Some 6,000 jobs", "Nearly 50 countries"): after a sentence end it says nothing.
const NAME_BEFORE = /[^\n.!?:;"“‘(\t] ([A-Z][A-Za-z]*[a-z][A-Za-z]*) $/;
// Words that stand capitalized inside a sentence and before a count without being a name.
const NOT_A_NAME = new Set(['Some', 'About', 'Around', 'Nearly', 'Almost', 'Over', 'Only', 'All']);

/** Does the count at `at` follow a name it is part of (a model, a mission, a product)? */
function partOfAName(
  t: string,
  at: number,
  count: { nounStart: number; noun: string; unit: string },
): boolean {
  if (KNOWN_COUNT_NOUNS.has(count.noun) || count.unit === 'people') return false;
  const m = NAME_BEFORE.exec(t.slice(Math.max(0, at - 40), at));
  return m !== null && !NOT_A_NAME.has(m[1] as string);
}

// The decades' words before a year: French "années", Spanish "años", Portuguese "anos", Italian
// "anni" ("les années 2000").
const DECADE_BEFORE = /(?:^|[^a-z\u00df-\u00ff])(?:années|annees|años|anos|anni) $/;

// Words that take a number as their name ("version 3", "chapter 3", "season 2"): the number is a
// label (LABELLING.md: numbers inside names, titles or codes), and a verb after it that ends in -s
// is no plural noun ("iOS 19 beta 3 adds", "Chapter 3 covers").
const NUMBERED_BY: ReadonlySet<string> = new Set([
  'version',
  'v',
  'beta',
  'alpha',
  'release',
  'build',
  'chapter',
  'season',
  'episode',
  'part',
  'page',
  'slide',
  'section',
  'article',
  'volume',
  'vol',
  'issue',
  'level',
  'model',
  'gen',
  'generation',
]);
const WORD_BEFORE = /([a-z]+)\.? $/;

/** Is the number at `at` a name's number: the word right before it takes one ("version 3")? */
function numberedBy(lower: string, at: number): boolean {
  const m = WORD_BEFORE.exec(lower.slice(Math.max(0, at - 12), at));
  return m !== null && NUMBERED_BY.has(m[1] as string);
}

/** A number in English words at `pos`: "six thousand", or with an article ("a hundred"). */
function readEnglishWords(lower: string, pos: number): Numeral | null {
  const c = lower[pos];
  if (c === 'a' || c === 'h') {
    if (FRACTION_OF_BEFORE.test(lower.slice(Math.max(0, pos - 12), pos))) return null;
    return readArticle(lower, pos);
  }
  return readWords(lower, pos);
}

/** A number in one word of the page's language at `pos` ("trois", "elva"), or null. */
function readForeignWord(lower: string, pos: number, loc: Locale): Numeral | null {
  if (loc.numberWord === null) return null;
  const m = sticky(loc.numberWord, lower, pos);
  const value = m ? loc.numberWords.get(m[1] as string) : undefined;
  if (!m || value === undefined) return null;
  return {
    start: pos,
    end: pos + (m[1] as string).length,
    mantissa: value,
    units: value,
    decimals: 0,
    trailingZeros: 0,
    yearLike: false,
    words: true,
    valid: true,
  };
}

function yearOf(date: RegExpExecArray): Parsed | null {
  const year = Number(date[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const end = date.index + date[0].length;
  return { start: end - 4, end, kind: 'year', value: year, unit: 'year', precision: 0 };
}

function suffixCurrency(m: RegExpExecArray, loc: Locale): string | null {
  const sign = m[1];
  if (sign) return loc.signsAfter.get(sign) ?? null;
  return loc.suffixes.get(m[2] as string) ?? null;
}

/** "%5" (Turkish): the percent sign before the number. */
function parsePercentBefore(lower: string, at: number, loc: Locale): Attempt {
  const numeral = readDigits(lower, at + 1, loc.decimalComma);
  if (numeral === null || !numeral.valid) return { parsed: null, consumed: at + 1 };
  return {
    parsed: {
      start: at,
      end: numeral.end,
      kind: 'percent',
      value: numeral.mantissa,
      unit: '%',
      precision: 0.5 * 10 ** -numeral.decimals,
    },
    consumed: numeral.end,
  };
}

/** The value of numeral × scale computed on integers, so "$1.3 billion" is exactly 1300000000. */
function exactValue(n: Numeral, scale: number): number {
  const divisor = 10 ** n.decimals;
  return scale >= divisor ? n.units * (scale / divisor) : (n.units * scale) / divisor;
}

/** "half" is a 50 % share ("owns half of the project", "the other half"), not "half an hour". */
function parseHalf(lower: string, at: number): Parsed | null {
  if (sticky(HALF_BLOCKERS_AFTER, lower, at + 4) || sticky(HALF_OF_GROUP, lower, at + 4))
    return null;
  if (HALF_BLOCKERS_BEFORE.test(lower.slice(Math.max(0, at - 12), at))) return null;
  if (moveBefore(lower, at)) return null;
  return { start: at, end: at + 4, kind: 'percent', value: 50, unit: '%', precision: 0 };
}

/** Does what follows a fraction at `pos` speak of a share ("of the project", "each", "stake")? */
function sharesFollow(lower: string, pos: number): boolean {
  return sticky(SHARE_FOLLOWS, lower, pos) !== null && sticky(NOT_A_SHARE_OF, lower, pos) === null;
}

/**
 * n/d as a percentage: a quarter 25, three quarters 75 (precision 0, like "half"); a third 33.3
 * and two thirds 66.7, as the labelling rules write them, with precision 0.5 so that "33%" and
 * "67%" agree with them as they would with "33.3%".
 */
function fraction(start: number, end: number, n: number, d: number): Parsed {
  return {
    start,
    end,
    kind: 'percent',
    value: Math.round((n * 1000) / d) / 10,
    unit: '%',
    precision: d === 3 ? 0.5 : 0,
  };
}

/** "a quarter", "a third", "another quarter", "the other third": shares (see FRACTION_WORD). */
function parseFractionWord(
  lower: string,
  at: number,
  word: string,
  minStart: number,
): Parsed | null {
  // Plural fractions need a number word ("three quarters"), read with it.
  if (word.endsWith('s')) return null;
  const before = lower.slice(Math.max(0, at - 24), at);
  const det = FRACTION_DETERMINER.exec(before);
  if (!det || FRACTION_BLOCKERS_BEFORE.test(before)) return null;
  const end = at + word.length;
  if (!sharesFollow(lower, end)) return null;
  const article = det[1] as string;
  const start = article === 'a' ? at - article.length - (det[2] as string).length : at;
  if (moveBefore(lower, start)) return null;
  return fraction(Math.max(start, minStart), end, 1, denominatorOf(word));
}

/** "one third", "two-thirds", "three quarters" after a number in words: a share, or nothing. */
function parseFractionAfter(
  lower: string,
  at: number,
  numeral: Numeral,
  match: RegExpExecArray,
): Parsed | null {
  const end = match.index + match[0].length;
  const d = denominatorOf(match[1] as string);
  const n = numeral.mantissa;
  if (numeral.decimals !== 0 || n < 1 || n >= d || !sharesFollow(lower, end)) return null;
  if (moveBefore(lower, at)) return null;
  return fraction(at, end, n, d);
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
): { end: number; unit: string; noun: string; nounStart: number } | null {
  const compound = sticky(COMPOUND_COUNT, lower, pos);
  if (compound) {
    const noun = compound[1] as string;
    return {
      end: compound.index + compound[0].length,
      unit: COMPOUND_COUNT_NOUNS.get(noun) ?? 'items',
      noun,
      nounStart: compound.index + 1,
    };
  }
  let p = pos;
  let previous = '';
  for (let i = 0; i <= MAX_MODIFIERS; i++) {
    const w = sticky(NEXT_WORD, lower, p);
    if (!w) return null;
    const raw = w[1] as string;
    const word = raw.replace(/[.'-]+$/, '');
    const wordEnd = w.index + 1 + word.length;
    // "600 young Mozambicans", "2,000 Pakistanis": people.
    if (!yearLike && isDemonymPlural(t.slice(w.index + 1, wordEnd))) {
      return { end: wordEnd, unit: 'people', noun: word, nounStart: w.index + 1 };
    }
    if (POINTS.has(word) && previous !== 'basis') return null;
    if (isPluralNoun(word) && (!yearLike || KNOWN_COUNT_NOUNS.has(word))) {
      const tail = compoundTail(t, lower, w.index + w[0].length);
      if (tail) return tail;
      return {
        end: wordEnd,
        unit: COUNT_UNIT_ALIASES.get(word) ?? word,
        noun: word,
        nounStart: w.index + 1,
      };
    }
    // A modifier: an adjective or a proper adjective ("new", "local", "American", "US", "U.S.").
    // Anything else ends the phrase, as does a full stop after an ordinary word.
    const original = t.slice(w.index + 1, w.index + 1 + raw.length);
    const isAcronym = /^[A-Z](?:\.?[A-Z])+\.?$/.test(original);
    // "seven more languages", "5,000 fewer jobs": a comparative right before the noun is a
    // modifier; before anything else it ends the phrase ("50 more than", "1,500 more during…").
    const comparative =
      word === raw &&
      (word === 'more' || word === 'fewer') &&
      i === 0 &&
      pluralNext(lower, w.index + w[0].length);
    if (!isAcronym && !comparative && (NOT_NOUNS.has(word) || word !== raw)) return null;
    // A possessive ends the phrase: "one another's names" counts nothing.
    if (word.endsWith("'s")) return null;
    // A full stop after an acronym without dots of its own ends the sentence ("at 15:00 CET.
    // Questions…"); "U.S." keeps its dots and goes on ("6,000 U.S. jobs").
    if (isAcronym && raw.endsWith('.') && !original.slice(0, -1).includes('.')) return null;
    previous = word;
    p = w.index + w[0].length;
  }
  return null;
}

/** The compound's last plural noun after `pos` (see MAX_COMPOUND_TAIL), or null. */
function compoundTail(
  t: string,
  lower: string,
  pos: number,
): { end: number; unit: string; noun: string; nounStart: number } | null {
  let p = pos;
  for (let i = 0; i < MAX_COMPOUND_TAIL; i++) {
    const w = sticky(NEXT_WORD, lower, p);
    if (!w) return null;
    const raw = w[1] as string;
    const word = raw.replace(/[.'-]+$/, '');
    // Only plain lower-case words continue a compound; a name or a function word ends it.
    if (NOT_NOUNS.has(word) || t[w.index + 1] !== lower[w.index + 1]) return null;
    if (isPluralNoun(word) && KNOWN_COUNT_NOUNS.has(word)) {
      return {
        end: w.index + 1 + word.length,
        unit: COUNT_UNIT_ALIASES.get(word) ?? word,
        noun: word,
        nounStart: w.index + 1,
      };
    }
    // A word that ends a sentence ends the compound.
    if (word !== raw) return null;
    p = w.index + w[0].length;
  }
  return null;
}

/** Is the word after `pos` a plural noun? */
function pluralNext(lower: string, pos: number): boolean {
  const raw = sticky(NEXT_WORD, lower, pos)?.[1];
  return raw !== undefined && !/[.'-]$/.test(raw) && isPluralNoun(raw);
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
    // A possessive is no plural: "one another's", "the company's".
    !word.includes("'") &&
    !NOT_NOUNS.has(word)
  );
}

function qualifierBefore(lower: string, start: number, loc: Locale): Qualifier | null {
  const before = lower.slice(Math.max(0, start - QUALIFIER_WINDOW), start);
  const m = loc.qualifierBefore.exec(before);
  if (!m) return null;
  const text = m[1] as string;
  const sense = loc.qualifiers.get(text);
  return sense ? { text, sense } : null;
}

/** Whether a character code is an ASCII digit. */
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
