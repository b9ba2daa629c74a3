/**
 * The words figures are made of: number words, scales, currencies, percent signs, qualifiers and
 * the nouns that make a number a count. Lower-case keys; the recognizer folds case before lookup.
 */
import type { QualifierSense } from '../types';

/** Number words below one hundred that stand on their own ("seven", "fifteen"). */
export const UNIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);

/** Tens, which may take a unit after a hyphen or space ("twenty-five", "fifty four"). */
export const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

/**
 * Scale words and abbreviations. Single letters ("$500m", "7.5k") are accepted only when attached
 * to the number (see `attachedOnly`), since "5 m" is as likely metres as millions.
 * Lakh and crore are South Asian scales that Pakistani reporting uses ("Rs 10 crore").
 */
export interface Scale {
  value: number;
  attachedOnly: boolean;
}

export const SCALES: ReadonlyMap<string, Scale> = new Map([
  ['thousand', { value: 1e3, attachedOnly: false }],
  ['k', { value: 1e3, attachedOnly: true }],
  ['lakh', { value: 1e5, attachedOnly: false }],
  ['million', { value: 1e6, attachedOnly: false }],
  ['mn', { value: 1e6, attachedOnly: false }],
  ['mln', { value: 1e6, attachedOnly: false }],
  ['m', { value: 1e6, attachedOnly: true }],
  ['crore', { value: 1e7, attachedOnly: false }],
  ['billion', { value: 1e9, attachedOnly: false }],
  ['bn', { value: 1e9, attachedOnly: false }],
  ['bln', { value: 1e9, attachedOnly: false }],
  ['b', { value: 1e9, attachedOnly: true }],
  ['trillion', { value: 1e12, attachedOnly: false }],
  ['tn', { value: 1e12, attachedOnly: false }],
  ['trn', { value: 1e12, attachedOnly: false }],
]);

/**
 * Currency signs and codes written before the number. `$` alone is the US dollar: the story's
 * money is American and Pakistani, and outlets of both countries write US dollars as "$".
 * "Rs" is read as the Pakistani rupee for the same reason (Indian outlets would write ₹ or INR);
 * on a page whose language says India (`en-IN`, `hi`) the recognizer reads it as INR instead.
 */
/**
 * Other currencies' ISO 4217 codes, read before or after a number ("SEK 11.4 billion", "3,500
 * MZN"): a page about another country's money says which money it is.
 */
export const OTHER_ISO_CODES: readonly string[] = (
  'sek nok dkk chf jpy zar mzn kes tzs ugx ngn ghs egp mad aed sar qar try rub mxn ars clp cop ' +
  'pen idr myr thb php vnd krw twd sgd hkd bdt lkr npr ils pln czk huf ron'
).split(' ');

/** Other currencies by the names English writes after a number ("4.1 billion meticais"). */
export const OTHER_CURRENCY_NAMES: readonly string[] = [
  'meticais',
  'metical',
  'rand',
  'naira',
  'cedis',
  'kronor',
  'krona',
  'yen',
  'reais',
  'rupiah',
  'ringgit',
  'baht',
  'dirhams',
  'riyals',
  'lira',
  'zloty',
  'kenyan shillings',
  'tanzanian shillings',
  'ugandan shillings',
  'swiss francs',
];

const OTHER_CURRENCY_CODES: ReadonlyMap<string, string> = new Map([
  ['meticais', 'MZN'],
  ['metical', 'MZN'],
  ['rand', 'ZAR'],
  ['naira', 'NGN'],
  ['cedis', 'GHS'],
  ['kronor', 'SEK'],
  ['krona', 'SEK'],
  ['yen', 'JPY'],
  ['reais', 'BRL'],
  ['rupiah', 'IDR'],
  ['ringgit', 'MYR'],
  ['baht', 'THB'],
  ['dirhams', 'AED'],
  ['riyals', 'SAR'],
  ['lira', 'TRY'],
  ['zloty', 'PLN'],
  ['kenyan shillings', 'KES'],
  ['tanzanian shillings', 'TZS'],
  ['ugandan shillings', 'UGX'],
  ['swiss francs', 'CHF'],
]);

export const CURRENCY_PREFIXES: ReadonlyMap<string, string> = new Map([
  ...OTHER_ISO_CODES.map((c) => [c, c.toUpperCase()] as [string, string]),
  ['$', 'USD'],
  ['us$', 'USD'],
  ['us $', 'USD'],
  ['usd', 'USD'],
  ['c$', 'CAD'],
  ['ca$', 'CAD'],
  ['cad', 'CAD'],
  ['a$', 'AUD'],
  ['au$', 'AUD'],
  ['aud', 'AUD'],
  ['nz$', 'NZD'],
  ['nzd', 'NZD'],
  ['hk$', 'HKD'],
  ['r$', 'BRL'],
  ['brl', 'BRL'],
  ['€', 'EUR'],
  ['eur', 'EUR'],
  ['£', 'GBP'],
  ['gbp', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₱', 'PHP'],
  ['₦', 'NGN'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['₽', 'RUB'],
  ['₪', 'ILS'],
  ['₴', 'UAH'],
  ['₵', 'GHS'],
  ['฿', 'THB'],
  ['inr', 'INR'],
  ['rs', 'PKR'],
  ['rs.', 'PKR'],
  ['pkr', 'PKR'],
  ['cny', 'CNY'],
  ['rmb', 'CNY'],
]);

/**
 * Currency words written after the number ("1.25 billion dollars", "Rs 5 billion rupees",
 * "3 million Australian dollars"). Plain rupees are read like "Rs" (see CURRENCY_PREFIXES).
 */
export const CURRENCY_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ...OTHER_CURRENCY_CODES,
  ...OTHER_ISO_CODES.map((c) => [c, c.toUpperCase()] as [string, string]),
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['us dollars', 'USD'],
  ['us dollar', 'USD'],
  ['u.s. dollars', 'USD'],
  ['u.s. dollar', 'USD'],
  ['american dollars', 'USD'],
  ['american dollar', 'USD'],
  ['australian dollars', 'AUD'],
  ['australian dollar', 'AUD'],
  ['canadian dollars', 'CAD'],
  ['canadian dollar', 'CAD'],
  ['new zealand dollars', 'NZD'],
  ['new zealand dollar', 'NZD'],
  ['hong kong dollars', 'HKD'],
  ['hong kong dollar', 'HKD'],
  ['singapore dollars', 'SGD'],
  ['singapore dollar', 'SGD'],
  ['indian rupees', 'INR'],
  ['indian rupee', 'INR'],
  ['pakistani rupees', 'PKR'],
  ['pakistani rupee', 'PKR'],
  ['pounds sterling', 'GBP'],
  ['rupees', 'PKR'],
  ['rupee', 'PKR'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['yuan', 'CNY'],
]);

/** Words after a number that make it a percentage ("25 per cent", "25pc" in British and Pakistani style). */
export const PERCENT_WORDS: ReadonlySet<string> = new Set([
  'percent',
  'per cent',
  'pc',
  'pct',
  'per-cent',
]);

/**
 * Qualifiers, as they stand right before a figure. Longest first matters only for readability:
 * the recognizer matches them against the words before the figure, end-anchored.
 */
export const QUALIFIERS: ReadonlyMap<string, QualifierSense> = new Map([
  ['about', 'approx'],
  ['around', 'approx'],
  ['approximately', 'approx'],
  ['roughly', 'approx'],
  ['nearly', 'approx'],
  ['almost', 'approx'],
  ['some', 'approx'],
  ['close to', 'approx'],
  ['an estimated', 'approx'],
  ['estimated', 'approx'],
  ['circa', 'approx'],
  ['up to', 'max'],
  ['as much as', 'max'],
  ['as many as', 'max'],
  ['at most', 'max'],
  ['no more than', 'max'],
  ['not more than', 'max'],
  ['less than', 'max'],
  ['fewer than', 'max'],
  ['under', 'max'],
  ['below', 'max'],
  ['just under', 'max'],
  ['more than', 'min'],
  ['over', 'min'],
  ['just over', 'min'],
  ['above', 'min'],
  ['at least', 'min'],
  ['upwards of', 'min'],
  ['in excess of', 'min'],
  ['no less than', 'min'],
  ['no fewer than', 'min'],
]);

/**
 * Nouns that make a bare number a count even when the number looks like a year ("2000 jobs").
 * Other plural nouns make a count too, but not after a year-like number ("2025 elections").
 */
export const KNOWN_COUNT_NOUNS: ReadonlySet<string> = new Set([
  'jobs',
  'workers',
  'employees',
  'people',
  'persons',
  'staff',
  'personnel',
  'countries',
  'nations',
  'ministers',
  'families',
  'households',
  'members',
  'companies',
  'firms',
  'contractors',
  'engineers',
  'positions',
  'posts',
  'vacancies',
  'residents',
  'agreements',
  'frameworks',
  'deals',
  'memorandums',
  'accords',
  'treaties',
  'projects',
  'mines',
  'delegations',
  'representatives',
  // Quantities of a commodity are counts ("240,000 tonnes", "1.2 million ounces").
  'tonnes',
  'tons',
  'ounces',
]);

/**
 * Plural nouns that, followed by a colon or heading a table row, name what the numbers after them
 * count ("jobs: around 6,000 in the United States", a row "US jobs | 6,000"). Kept to nouns of
 * things news counts (people, places, organisations, vehicles, meetings, agreements): "Figures:
 * 12", "Rank | 3" or "Points | 12" count nothing a story claims.
 */
export const COLON_COUNT_NOUNS: ReadonlySet<string> = new Set([
  ...KNOWN_COUNT_NOUNS,
  'delegates',
  'participants',
  'students',
  'visitors',
  'tourists',
  'passengers',
  'patients',
  'migrants',
  'refugees',
  'troops',
  'soldiers',
  'farmers',
  'teachers',
  'doctors',
  'nurses',
  'children',
  'women',
  'men',
  // Not "states": a row headed "United States" names a place, not what its number counts.
  'provinces',
  'regions',
  'districts',
  'cities',
  'villages',
  'sessions',
  'meetings',
  'trucks',
  'vehicles',
  'homes',
  'houses',
  'schools',
  'hospitals',
  'plants',
  'factories',
  'sites',
  'contracts',
  'licences',
  'licenses',
  'seats',
]);

/**
 * Demonyms written as plurals that do not end like the regular ones ("-ans", "-is"): a number
 * before a demonym counts people ("600 young Mozambicans", "2,000 Britons").
 */
export const DEMONYM_PLURALS: ReadonlySet<string> = new Set([
  'britons',
  'swedes',
  'danes',
  'finns',
  'poles',
  'turks',
  'thais',
  'greeks',
  'scots',
  'czechs',
  'slovaks',
  'serbs',
  'croats',
  'arabs',
  'kurds',
  'uzbeks',
  'kazakhs',
  'tajiks',
  'filipinos',
]);

// "Mozambicans", "Americans", "Pakistanis", "Iraqis": a capitalized plural ending in "-ans", or
// in "-is" after one of the consonants demonyms put there (two letters at least before it, so
// that "Paris", "Davis" and "Lewis" are not read).
const DEMONYM_SUFFIX = /^[A-Z][a-z]+ans$|^[A-Z][a-z]{2,}[nqdlrt]is$/;

/** Is `word` (as written, capitalized) a demonym plural, which counts people? */
export function isDemonymPlural(word: string): boolean {
  return (
    DEMONYM_SUFFIX.test(word) || (/^[A-Z]/.test(word) && DEMONYM_PLURALS.has(word.toLowerCase()))
  );
}

/** Irregular plurals that do not end in "s". */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set([
  'people',
  'staff',
  'personnel',
  'children',
  'men',
  'women',
  'police',
  // Nouns whose plural is the singular ("160 aircraft", "40 spacecraft", "2,000 cattle").
  'aircraft',
  'spacecraft',
  'cattle',
  'livestock',
]);

/** Count units that are the same thing under another name. */
export const COUNT_UNIT_ALIASES: ReadonlyMap<string, string> = new Map([
  ['nations', 'countries'],
  ['persons', 'people'],
]);

/** Singular nouns in the compound form "a 55-nation meeting", "a 6,000-job plan". */
export const COMPOUND_COUNT_NOUNS: ReadonlyMap<string, string> = new Map([
  ['nation', 'countries'],
  ['country', 'countries'],
  ['job', 'jobs'],
  ['member', 'members'],
  ['worker', 'workers'],
  // What a parliament or a school is counted in ("a 151-seat chamber", "an 18-classroom school").
  ['seat', 'seats'],
  ['classroom', 'classrooms'],
]);

/**
 * Words that end a count's noun phrase: a number followed by these is not counting anything
 * ("2,000 of its", "50 were hired"), and a word ending in "s" from this list is not a plural noun.
 */
export const NOT_NOUNS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'by',
  'for',
  'from',
  'with',
  'and',
  'or',
  'but',
  'as',
  'is',
  'was',
  'has',
  'does',
  'its',
  'this',
  'thus',
  'plus',
  'us',
  'yes',
  'less',
  'unless',
  'across',
  'perhaps',
  'always',
  'sometimes',
  'towards',
  'afterwards',
  'besides',
  'whereas',
  'his',
  'hers',
  'ours',
  'yours',
  'theirs',
  'were',
  'are',
  'be',
  'been',
  'had',
  'have',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'said',
  'says',
  'that',
  'which',
  'who',
  'than',
  'more',
  'per',
  'cent',
  'percent',
  // Money is read as money or not at all, never as a count of dollars ("3 million Zimbabwean
  // dollars"; "Two Cents").
  'dollars',
  'rupees',
  'euros',
  'cents',
  // Fractions ("three quarters", "two thirds") are shares or nothing; fiscal quarters are durations.
  'quarters',
  'thirds',
  'halves',
  'times',
  'years',
  'days',
  'hours',
  'minutes',
  'seconds',
  'weeks',
  'months',
  'decades',
  // Their abbreviations, as recipes and schedules write them ("Prep: 30 mins · Rise: 2 hrs").
  'mins',
  'hrs',
  'secs',
  'yrs',
  // Measures are quantities, not counts of things a story claims ("roughly 1,300 kilometres").
  // Tonnes and ounces of a commodity are the exception (KNOWN_COUNT_NOUNS).
  'kilometres',
  'kilometers',
  'kms',
  'miles',
  'metres',
  'meters',
  'feet',
  'inches',
  'kilograms',
  'kgs',
  'kilos',
  'grams',
  'milligrams',
  'pounds',
  'hectares',
  'acres',
  'degrees',
  'litres',
  'liters',
  'barrels',
  'megawatts',
  'watts',
]);

/** The years the recognizer reads as years wherever they stand (earlier ones need a preposition). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2099;
