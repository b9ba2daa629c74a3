/**
 * What the recognizer reads on a page of a given language: the patterns of recognize.ts, built
 * once per language and kept.
 *
 * English (and any language without a decimal comma, or no language at all) is read as the
 * recognizer always read it, with number words, "half" and other fractions, carried nouns and
 * any plural noun as a count's noun. A page in a language with a decimal comma (languages.ts) is
 * read with its own digit grouping, scale, percent and currency words, and counts only with the
 * nouns listed for that language; English words mean nothing there.
 */
import type { QualifierSense } from '../types';
import { PLURAL_RULES, type PluralRule } from './plural-nouns';
import {
  CURRENCY_CODES_AFTER,
  CURRENCY_SIGNS_AFTER,
  DECIMAL_COMMA_LANGUAGES,
  DECIMAL_POINT_REGIONS,
  LANGUAGE_ALIASES,
  LANGUAGE_WORDS,
  PESO,
  RUPEE,
  type LanguageWords,
} from './languages';
import {
  COLON_COUNT_NOUNS,
  CURRENCY_PREFIXES,
  CURRENCY_SUFFIXES,
  OTHER_CURRENCY_NAMES,
  OTHER_ISO_CODES,
  QUALIFIERS,
  SCALES,
  TENS_WORDS,
  UNIT_WORDS,
  type Scale,
} from './lexicon';

export interface Locale {
  /** English words are read: number words, fractions, carried nouns, any plural noun. */
  english: boolean;
  /** "2,5" is two and a half, "40.000" forty thousand. */
  decimalComma: boolean;
  /** Where a figure may start (global; see recognize.ts). */
  candidate: RegExp;
  /** The same, tried at one place (sticky). */
  triggerAt: RegExp;
  /** Currency sign or code before the number (sticky); group 1 is the key of `prefixes`. */
  currencyPrefix: RegExp;
  prefixes: ReadonlyMap<string, string>;
  /** Scale after the number (sticky): group 1 the spacing, group 2 the key of `scales`. */
  scale: RegExp;
  scales: ReadonlyMap<string, Scale>;
  /** Percent sign or words after the number (sticky). */
  percent: RegExp;
  /** Currency after the number (sticky): group 1 a sign, or group 2 a key of `suffixes`. */
  currencySuffix: RegExp;
  suffixes: ReadonlyMap<string, string>;
  /** A letter: a number run on into one is a code or an ordinal ("3D", "21st"). */
  letter: RegExp;
  /** Non-English pages: a listed count noun after the number (sticky), group 1 the noun. */
  countNoun: RegExp | null;
  /** Languages whose plurals show by their ending: any plural noun counts (plural-nouns.ts). */
  plurals: PluralRule | null;
  /**
   * A count noun anywhere in a table row's header cell (group 1), which names what the bare
   * numbers of the row count ("US jobs | 6,000"; see rows.ts).
   */
  headerCount: RegExp;
  /** Non-English pages: a number in one word at a position (sticky), group 1 a key of `numberWords`. */
  numberWord: RegExp | null;
  numberWords: ReadonlyMap<string, number>;
  /** The words before a small number in words that make it refer rather than count ("the two"). */
  referentialBefore: RegExp;
  /** The qualifier ending a slice of text (group 1), and what it says. */
  qualifierBefore: RegExp;
  qualifiers: ReadonlyMap<string, QualifierSense>;
  /** "%5" (Turkish). */
  percentBefore: boolean;
  /** Currency signs written after the number ("12 €", "200.000 $"), "$" the region's (LOCAL_DOLLARS). */
  signsAfter: ReadonlyMap<string, string>;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of words, longest first so that "mil millones" wins over "mil". */
function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join('|');
}

const NUMBER_WORDS = [...UNIT_WORDS.keys(), ...TENS_WORDS.keys()].join('|');

// Currency signs and codes before a number: "US$", "A$", "NZ$", "R$", "HK$", "Rs.", "PKR"…
const PREFIX_CODES = String.raw`us ?\$|hk\$|nz\$|au\$|ca\$|[acr]\$|usd|eur|gbp|inr|pkr|cny|rmb|aud|cad|nzd|brl|rs\.?|${OTHER_ISO_CODES.join('|')}`;
// The signs of other currencies are read as the dollar's are ("₱93 billion", "₦4.2 trillion").
const OTHER_SIGNS = '₱₦₩₺₽₪₴₵฿';
const CURRENCY_PREFIX = new RegExp(
  String.raw`(${PREFIX_CODES}|\$|€|£|¥|₹|[${OTHER_SIGNS}]) ?`,
  'y',
);

function triggerSource(
  words: string | null,
  percentBefore: boolean,
  foreignWords: string | null = null,
): string {
  return [
    // Digits must not continue a word or a code ("G20", "EXIM-200", "3,5" after a comma belongs
    // to the number before), nor a clock time or a ratio ("15:00", "3:1"). Currency codes need a
    // number right after them.
    String.raw`(?<![\w.,$€£¥₹${OTHER_SIGNS}]|\w-|\d:)\.?\d`,
    // The digits after the rand's "R" ("R2.5 billion"): read from the digit, which the candidate
    // pattern finds anyway, so that no letter "r" in the text costs a try (recognize.ts decides).
    String.raw`(?<=(?:^|[^\w$.,])r)\d`,
    // The second year of a range ("© 2024–2026", "2019-2022"): a year as the first is.
    String.raw`(?<=(?:^|[^\w.,-])\d{4}-)\d{4}(?!\d)`,
    String.raw`(?<![\w$])(?:${PREFIX_CODES})(?= ?[\d.])`,
    String.raw`[$€£¥₹${OTHER_SIGNS}]`,
    ...(words === null ? [] : [String.raw`(?<![\w-])(?:${words})(?![\w])`]),
    // Other languages' number words hold letters outside ASCII ("três", "åtta"): bounded by
    // Unicode letters (the pattern has the u flag then).
    ...(foreignWords === null
      ? []
      : [String.raw`(?<![\p{L}\p{N}_-])(?:${foreignWords})(?![\p{L}\p{N}_])`]),
    ...(percentBefore ? [String.raw`%(?=\d)`] : []),
  ].join('|');
}

// Every place where the trigger may match, and a few more: the trigger itself is tried only
// there. Scanning the trigger along a text costs about three times as much, because every
// alternative opens with a lookbehind, which keeps the regexp engine from skipping ahead to a
// possible first character; this pattern starts with plain characters and a word boundary.
function candidateSource(
  words: string | null,
  percentBefore: boolean,
  foreignWords: string | null = null,
): string {
  const codes = String.raw`us|hk|nz\$|au\$|ca\$|[acr]\$|eur|gbp|inr|pkr|cny|rmb|aud|cad|nzd|brl|rs|${OTHER_ISO_CODES.join('|')}`;
  return [
    String.raw`\.?\d|[$€£¥₹${OTHER_SIGNS}]`,
    String.raw`\b(?:${codes}${words === null ? '' : `|${words}`})`,
    ...(foreignWords === null ? [] : [foreignCandidate(foreignWords)]),
    ...(percentBefore ? ['%'] : []),
  ].join('|');
}

/**
 * Other languages' number words as candidates: behind \b those that start with an ASCII letter
 * (it lets the regexp engine skip ahead, as for English words), without it the few that start
 * with another ("åtta"), which \b does not know as a word's start.
 */
function foreignCandidate(words: string): string {
  const list = words.split('|');
  const ascii = list.filter((w) => /^[a-z]/.test(w));
  const other = list.filter((w) => !/^[a-z]/.test(w));
  return [
    ...(ascii.length > 0 ? [String.raw`\b(?:${ascii.join('|')})`] : []),
    ...(other.length > 0 ? [`(?:${other.join('|')})`] : []),
  ].join('|');
}

function qualifierPattern(keys: Iterable<string>, letter: string): RegExp {
  return new RegExp(String.raw`(?:^|[^${letter}])(${alternation(keys)})\s+$`, 'u');
}

/** What the bare signs and words mean on a page: its rupees' currency, its dollar's ("$"). */
interface LocalCurrencies {
  rupee: string;
  dollar: string;
  /** Its pesos' ("pesos"), or null where the region writes none (languages.ts PESO). */
  peso: string | null;
}

/**
 * Regions whose currency is a peso, as their pages write it in words ("546,9 billones de
 * pesos" on a Colombian page is in COP). LABELLING.md: the unit is the currency the page says.
 */
const LOCAL_PESOS: ReadonlyMap<string, string> = new Map([
  ['mx', 'MXN'],
  ['co', 'COP'],
  ['ar', 'ARS'],
  ['cl', 'CLP'],
  ['uy', 'UYU'],
  ['do', 'DOP'],
  ['cu', 'CUP'],
  ['ph', 'PHP'],
]);

/**
 * Regions whose own currency is written with a bare "$": on their pages "$" alone is theirs, and
 * a US amount is written "US$" (LABELLING.md: '"$" alone on a US or international page is USD').
 * Brazil writes "R$", read as such everywhere.
 */
const LOCAL_DOLLARS: ReadonlyMap<string, string> = new Map([
  ['au', 'AUD'],
  ['nz', 'NZD'],
  ['ca', 'CAD'],
  ['sg', 'SGD'],
  ['hk', 'HKD'],
  ['mx', 'MXN'],
  ['cl', 'CLP'],
  ['co', 'COP'],
  ['ar', 'ARS'],
]);

const DEFAULT_CURRENCIES: LocalCurrencies = { rupee: 'PKR', dollar: 'USD', peso: null };

/** The English reading of "$" and rupees (English reads no peso word: `peso` is not compared). */
function isDefault(local: LocalCurrencies): boolean {
  return local.rupee === DEFAULT_CURRENCIES.rupee && local.dollar === DEFAULT_CURRENCIES.dollar;
}

function withLocal(
  map: ReadonlyMap<string, string>,
  local: LocalCurrencies,
): ReadonlyMap<string, string> {
  if (isDefault(local)) return map;
  const out = new Map(map);
  for (const [key, code] of map) {
    if (code === 'PKR' && !key.includes('pk') && !key.includes('pakistan')) {
      out.set(key, local.rupee);
    }
  }
  if (out.has('$')) out.set('$', local.dollar);
  return out;
}

// ---- English ---------------------------------------------------------------------------------

// "a hundred", "a billion dollars", "an estimated"… : the article is a number only before
// "hundred" or a scale word (numerals.ts, readArticle).
const ARTICLE_NUMBER = 'an? (?:hundred|thousand|million|billion|trillion|lakh|crore)';
const ENGLISH_WORDS = `${NUMBER_WORDS}|half|quarters?|thirds?|fifths?|tenths?|${ARTICLE_NUMBER}`;
const ENGLISH_CANDIDATE_WORDS = `${NUMBER_WORDS}|half|quarter|third|fifth|tenth|${ARTICLE_NUMBER}`;

// "the two countries", "both three parties": a small number in words after a determiner refers to
// things already named; it does not count them for the reader (LABELLING.md: not figures).
const ENGLISH_REFERENTIAL_BEFORE = /\b(?:the|these|those|both|all|its|their|our)\s+$/;
const ENGLISH_HEADER_COUNT = new RegExp(
  String.raw`(?:^|[^a-z])(${alternation(COLON_COUNT_NOUNS)})(?![a-z])`,
);

function englishLocale(local: LocalCurrencies): Locale {
  return {
    english: true,
    decimalComma: false,
    candidate: new RegExp(candidateSource(ENGLISH_CANDIDATE_WORDS, false), 'gi'),
    triggerAt: new RegExp(triggerSource(ENGLISH_WORDS, false), 'iy'),
    currencyPrefix: CURRENCY_PREFIX,
    prefixes: withLocal(CURRENCY_PREFIXES, local),
    // A scale after the number: a word after a space or hyphen ("1.25 billion", "$1.25-billion"),
    // or an abbreviation attached or spaced ("$7bn", "Rs 15 bn"); single letters only attached
    // ("$500m").
    scale:
      /( ?-? ?)(thousand|lakh|million|mln|mn|crore|billion|bln|bn|trillion|trn|tn|k|m|b)(?![a-z])/y,
    scales: SCALES,
    percent: / ?(%|per ?-?cent|percent|percentage points?|pct|pc)(?![a-z])/y,
    // The named dollars and rupees before the bare words, so that "Australian dollars" is AUD.
    // Every phrase this reads is a key of CURRENCY_SUFFIXES (a test says so).
    currencySuffix: new RegExp(
      String.raw`()[ -]((?:(?:australian|canadian|new zealand|hong kong|singapore|american|us|u\.s\.) )?dollars?|(?:(?:indian|pakistani) )?rupees?|euros?|yuan|pounds sterling|${OTHER_CURRENCY_NAMES.map(escape).join('|')}|${OTHER_ISO_CODES.join('|')})(?![a-z])`,
      'y',
    ),
    suffixes: withLocal(CURRENCY_SUFFIXES, local),
    letter: /[a-z]/,
    countNoun: null,
    plurals: null,
    headerCount: ENGLISH_HEADER_COUNT,
    numberWord: null,
    numberWords: new Map(),
    referentialBefore: ENGLISH_REFERENTIAL_BEFORE,
    qualifierBefore: qualifierPattern(QUALIFIERS.keys(), 'a-z'),
    qualifiers: QUALIFIERS,
    percentBefore: false,
    signsAfter: withLocal(CURRENCY_SIGNS_AFTER, local),
  };
}

// ---- Languages with their own words ------------------------------------------------------------

function foreignLocale(
  words: LanguageWords | undefined,
  decimalComma: boolean,
  local: LocalCurrencies,
  plurals: PluralRule | null,
): Locale {
  const w: LanguageWords = words ?? {
    scales: [],
    percent: [],
    currencies: [],
    currencyPrepositions: [],
    counts: [],
    qualifiers: [],
  };
  const scales = new Map<string, Scale>(
    w.scales.map(([k, value]) => [k, { value, attachedOnly: false }]),
  );
  const suffixes = new Map<string, string>();
  for (const [k, code] of w.currencies) {
    if (code === PESO) {
      if (local.peso !== null) suffixes.set(k, local.peso);
    } else suffixes.set(k, code === RUPEE ? local.rupee : code);
  }
  for (const code of [...CURRENCY_CODES_AFTER, ...OTHER_ISO_CODES]) {
    suffixes.set(code, code.toUpperCase());
  }
  const prepositions = w.currencyPrepositions
    .map((p) => (p.endsWith("'") ? escape(p) : `${escape(p)} `))
    .join('|');
  const signs = alternation(CURRENCY_SIGNS_AFTER.keys());
  // "45 M€", "60 M$": a capital M glued to a currency sign is millions of it, as French, Spanish
  // and Italian pages write; "m" alone would be metres.
  const scaleAlt = [alternation(scales.keys()), 'm(?=[€$£])'].filter((a) => a !== '').join('|');
  scales.set('m', { value: 1e6, attachedOnly: false });
  const percentAlt = alternation(['%', ...w.percent]);
  const countAlt = alternation(w.counts);
  const numberWords = new Map(w.numberWords ?? []);
  const wordAlt = numberWords.size === 0 ? null : alternation(numberWords.keys());
  const determiners = alternation(w.determiners ?? []);
  // The u flag only where the trigger reads number words: it is what lets \p{L} bound them.
  const flags = wordAlt === null ? '' : 'u';
  return {
    english: false,
    decimalComma,
    candidate: new RegExp(candidateSource(null, w.percentBefore ?? false, wordAlt), `gi${flags}`),
    triggerAt: new RegExp(triggerSource(null, w.percentBefore ?? false, wordAlt), `iy${flags}`),
    currencyPrefix: CURRENCY_PREFIX,
    prefixes: withLocal(CURRENCY_PREFIXES, local),
    scale: new RegExp(String.raw`( ?)(${scaleAlt})(?![\p{L}\p{N}])`, 'yu'),
    scales,
    percent: new RegExp(String.raw` ?(${percentAlt})(?![\p{L}])`, 'yu'),
    currencySuffix: new RegExp(
      String.raw`(?: ?(${signs})|[ -](?:${prepositions === '' ? '' : `(?:${prepositions})?`})(${alternation(suffixes.keys())}))(?![\p{L}])`,
      'yu',
    ),
    suffixes,
    letter: /\p{L}/u,
    countNoun:
      countAlt === ''
        ? null
        : new RegExp(String.raw` (?:[\p{L}'-]{1,24} )?(${countAlt})(?![\p{L}])`, 'yu'),
    plurals,
    headerCount: foreignHeaderCount(w.counts),
    numberWord:
      wordAlt === null ? null : new RegExp(String.raw`(${wordAlt})(?![\p{L}\p{N}_])`, 'yu'),
    numberWords,
    referentialBefore:
      determiners === ''
        ? /(?!)/
        : new RegExp(String.raw`(?:^|[^\p{L}])(?:${determiners})\s+$`, 'u'),
    qualifierBefore:
      w.qualifiers.length > 0
        ? qualifierPattern(
            w.qualifiers.map(([k]) => k),
            '\\p{L}',
          )
        : /(?!)/,
    qualifiers: new Map(w.qualifiers),
    percentBefore: w.percentBefore ?? false,
    signsAfter: withLocal(CURRENCY_SIGNS_AFTER, local),
  };
}

/**
 * Words for "states", which in a row header are more often a country's name ("Estados Unidos |
 * 6.000", "États-Unis | 7 500") than what the row counts; not read there. (English leaves
 * "states" out of COLON_COUNT_NOUNS for the same reason.)
 */
const STATE_WORDS: ReadonlySet<string> = new Set([
  'estados',
  'états',
  'staaten',
  'stati',
  'stater',
]);

function foreignHeaderCount(counts: readonly string[]): RegExp {
  const alt = alternation(counts.filter((c) => !STATE_WORDS.has(c)));
  return alt === '' ? /(?!)/ : new RegExp(String.raw`(?:^|[^\p{L}])(${alt})(?![\p{L}])`, 'u');
}

// ---- Choosing ----------------------------------------------------------------------------------

const ENGLISH = englishLocale(DEFAULT_CURRENCIES);
const cache = new Map<string, Locale>([['', ENGLISH]]);

/**
 * The locale for a page's language tag ("de", "es-MX", "pt_BR", "en-IN"); English when absent
 * or when the language writes a decimal point. Rupees ("Rs", "rupees") are Pakistani unless the
 * page is Indian (region IN, or Hindi); a bare "$" is the US dollar unless the page's region
 * writes its own currency so (LOCAL_DOLLARS: "en-AU", "es-CL").
 */
export function localeFor(lang: string | undefined): Locale {
  if (lang === undefined) return ENGLISH;
  // Called once per block: the tag as given is the key, so that a page's blocks cost one lookup.
  const hit = cache.get(lang);
  if (hit) return hit;
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  const [primary = '', region = ''] = tag.split('-');
  const local: LocalCurrencies = {
    rupee: region === 'in' || primary === 'hi' ? 'INR' : 'PKR',
    dollar: LOCAL_DOLLARS.get(region) ?? 'USD',
    peso: LOCAL_PESOS.get(region) ?? null,
  };
  const language = LANGUAGE_ALIASES.get(primary) ?? primary;
  const words = LANGUAGE_WORDS.get(language);
  let locale: Locale;
  if (DECIMAL_COMMA_LANGUAGES.has(primary)) {
    const pointRegions = DECIMAL_POINT_REGIONS.get(language);
    locale = foreignLocale(
      words,
      !(pointRegions?.has(region) ?? false),
      local,
      PLURAL_RULES.get(language) ?? null,
    );
  } else {
    locale = isDefault(local) ? ENGLISH : englishLocale(local);
  }
  // Tags come from pages: keep the cache from growing without bound on odd ones.
  if (cache.size < 256) cache.set(lang, locale);
  return locale;
}
