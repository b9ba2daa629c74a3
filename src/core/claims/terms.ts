/**
 * Words as claim matching compares them: content words only, stemmed (Porter, via `stemmer`),
 * with the spellings reporting varies folded together. Story-independent: nothing here names an
 * entity, a project or a figure of any one story.
 *
 * - Function words and the words that only carry a number ("billion", "per cent", "dollars") are
 *   dropped: the figure itself says those.
 * - "US", "U.S.", "USA", "America", "American" are one term; so are the other countries'
 *   names and demonyms listed below (a page says "American jobs" where a source says "jobs in the US").
 * - A capitalized word of six letters or more is also compared by its consonant skeleton, so that
 *   transliterations agree ("Baluchistan", "Balochistan").
 * - Count nouns that name the same thing fall into one class ("people", "workers" → jobs).
 * - Words of Spanish, French, Portuguese, Italian, German, Swedish and Dutch pages read as the
 *   English words they say (translations.ts): "préstamos" as loan, "arbetstillfällen" as jobs.
 */
import { stemmer } from 'stemmer';
import { FOREIGN_STOPWORDS, PLACE_NAMES, translate, type Translation } from './translations';

export interface Token {
  /** The term compared: a stem, a class, or an entity's "@id". */
  term: string;
  /** The word as written, for saying which words matched. */
  surface: string;
  start: number;
  end: number;
  /** Written with a capital letter not at the start of its sentence: likely a name. */
  proper: boolean;
  /**
   * For a long word written in lower case: the consonant skeleton it would have as a name
   * ("community": "~cmmnt"). A source that names a thing writes its words capitalized ("the Cuamba
   * Community Development Trust", "Spodumene concentrate" in a table cell) and a page that speaks
   * of it writes them as ordinary words ("the community trust", "espodumena"): the page's word
   * may match the source's name by it (matcher.ts).
   */
  alias?: string;
}

const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here of in on at to ' +
    'for from by with without within into onto over under about above below after before during ' +
    'since until up down out off per via as is are was were be been being am do does did done has ' +
    'have had having will would shall should can could may might must it its it’s they them their ' +
    'theirs he him his she her hers we our ours you your yours i me my mine us who whom whose which ' +
    'what when where why how all any both each few more most other some such no not only own same ' +
    'too very just also even still again ever now while whereas though although because whether ' +
    'said says say according told tell new one two three four five six seven eight nine ten eleven ' +
    'twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion ' +
    'trillion lakh crore bn mn m k b cent percent pc pct dollar dollars usd rs rupee rupees euro euros ' +
    'pound pounds yuan mln bln trn tn around approximately roughly nearly almost estimated ' +
    'close circa least upwards excess another another’s mr mrs ms dr its thirteen fourteen fifteen ' +
    'sixteen seventeen eighteen nineteen quarter quarters half halves third thirds point dozen zero ' +
    // Function words and number words of the other languages news pages come in (es, fr, de, pt,
    // it): unknown to every fact, they would otherwise count against every claim.
    'de la el los las del en y o que por para con un una uno al se su sus es fue son como más ' +
    'millones millón mil milliard milliards millions mrd milliarden millionen bilhões milhões ' +
    'miliardi milioni dólares dolares dollar euros real reais le les des du et ou à au aux pour ' +
    'avec une sur dans par est sont qui ce cette ces son sa ses pas plus selon a été der die das ' +
    'und oder von mit für im den dem des ein eine einer zu zum zur auf ist sind wird wurde nach ' +
    'bei aus um über laut sowie da do dos das na nos nas em com uma para pelo pela foi são il lo ' +
    'gli di da nel nella che per è'
  )
    .split(' ')
    // …and the rest of those languages' function words, Swedish's and Dutch's (translations.ts).
    .concat(FOREIGN_STOPWORDS),
);

/** Country names and demonyms, to one term each. General English, not any one story's. */
const PLACES: ReadonlyMap<string, string> = new Map([
  ['us', 'united-states'],
  ['usa', 'united-states'],
  ['u.s', 'united-states'],
  ['u.s.a', 'united-states'],
  ['america', 'united-states'],
  ['american', 'united-states'],
  ['americans', 'united-states'],
  ['washington', 'united-states'],
  ['pakistan', 'pakistan'],
  ['pakistani', 'pakistan'],
  ['pakistanis', 'pakistan'],
  ['islamabad', 'pakistan'],
  ['india', 'india'],
  ['indian', 'india'],
  ['china', 'china'],
  ['chinese', 'china'],
  ['canada', 'canada'],
  ['canadian', 'canada'],
  ['saudi', 'saudi-arabia'],
  ['saudis', 'saudi-arabia'],
  ['arabia', 'saudi-arabia'],
  ['britain', 'united-kingdom'],
  ['british', 'united-kingdom'],
  ['uk', 'united-kingdom'],
  ['u.k', 'united-kingdom'],
  ['australia', 'australia'],
  ['australian', 'australia'],
  ['japan', 'japan'],
  ['japanese', 'japan'],
  ['korea', 'korea'],
  ['korean', 'korea'],
  ['germany', 'germany'],
  ['german', 'germany'],
  ['france', 'france'],
  ['french', 'france'],
  ['mexico', 'mexico'],
  ['mexican', 'mexico'],
  ['brazil', 'brazil'],
  ['brazilian', 'brazil'],
  ['chile', 'chile'],
  ['chilean', 'chile'],
  ['peru', 'peru'],
  ['peruvian', 'peru'],
  ['russia', 'russia'],
  ['russian', 'russia'],
]);

/**
 * Count nouns by what they count. A count's unit is compared by class, and the class is a term
 * of the figure's context: "7,500 people" and "7,500 jobs" speak of the same thing.
 */
const COUNT_CLASSES: ReadonlyMap<string, string> = new Map([
  ['jobs', 'jobs'],
  ['job', 'jobs'],
  ['workers', 'jobs'],
  ['positions', 'jobs'],
  ['roles', 'jobs'],
  ['employees', 'jobs'],
  ['posts', 'jobs'],
  ['countries', 'countries'],
  ['nations', 'countries'],
  ['governments', 'countries'],
  ['delegations', 'countries'],
  ['agreements', 'agreements'],
  ['frameworks', 'agreements'],
  ['deals', 'agreements'],
  ['memorandums', 'agreements'],
  ['memoranda', 'agreements'],
  ['mous', 'agreements'],
  ['pacts', 'agreements'],
  ['accords', 'agreements'],
  ['treaties', 'agreements'],
  ['ministers', 'ministers'],
  ['people', 'people'],
  ['persons', 'people'],
  ['residents', 'people'],
  // The same nouns in the other languages pages come in (es, fr, de, pt, it).
  ['empleos', 'jobs'],
  ['puestos', 'jobs'],
  ['emplois', 'jobs'],
  ['postes', 'jobs'],
  ['arbeitsplätze', 'jobs'],
  ['stellen', 'jobs'],
  ['empregos', 'jobs'],
  ['países', 'countries'],
  ['paises', 'countries'],
  ['pays', 'countries'],
  ['länder', 'countries'],
  ['staaten', 'countries'],
  // Swedish "stater": English spells it too (a coin), so the lexicon leaves the word to English.
  ['stater', 'countries'],
  ['paesi', 'countries'],
  ['naciones', 'countries'],
  ['nations', 'countries'],
  ['ministros', 'ministers'],
  ['ministres', 'ministers'],
  ['minister', 'ministers'],
  ['ministri', 'ministers'],
  ['acuerdos', 'agreements'],
  ['accords', 'agreements'],
  ['acordos', 'agreements'],
  ['abkommen', 'agreements'],
  ['vereinbarungen', 'agreements'],
  ['accordi', 'agreements'],
  ['personas', 'people'],
  ['personnes', 'people'],
  ['pessoas', 'people'],
  ['menschen', 'people'],
  ['persone', 'people'],
  ['toneladas', 'tonnes'],
  ['tonnen', 'tonnes'],
  ['tonnellate', 'tonnes'],
  ['tonnes', 'tonnes'],
  ['tons', 'tonnes'],
  // The singular, as Swedish and Norwegian write their plural ("310 000 ton"), and English
  // after a number used as an adjective.
  ['ton', 'tonnes'],
  ['tonne', 'tonnes'],
  ['metric tons', 'tonnes'],
]);

/**
 * Words news writing uses for one another when it reports a figure: general English, not any one
 * story's vocabulary. Each group becomes one term ("slated to start" says what "expected to
 * begin" says). Kept small on purpose: a group that is too wide makes different claims alike.
 */
const SYNONYM_GROUPS: readonly string[] = [
  'begin start commence launch',
  'production produce output operational operations',
  'create generate add employ',
  'approve sanction authorize authorise greenlight',
  'financing finance loan credit funding fund lending lend facility back backing backed',
  'cost price capex expenditure',
  'stake share holding ownership equity own owned owns shareholder shareholders control controls controlled',
  'equipment machinery gear goods',
  'export exports shipments',
  'tariff tariffs duty duties levy levies',
  'ministerial summit conference meeting gathering forum',
  'expect expected forecast anticipate slated scheduled due set estimate estimates target targeted',
  'total overall whole entire',
  'plan plans intend intends aim aims',
  'reserve stockpile',
  'attend attended represent represented delegation participate',
  'sign signed conclude concluded',
  // A "-ment" noun and its verb, where the stemmer keeps the suffix of a short stem: "has agreed
  // to take 60%" says what "an agreement covering 60%" says.
  'agreement agree agreed agrees',
];
const SYNONYMS: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.flatMap((g) => {
    const words = g.split(' ');
    const head = stemmer(words[0] as string);
    return words.map((w) => [stemmer(w), head] as [string, string]);
  }),
);

/** Words whose presence makes "people" a count of jobs: "will employ 7,500 people". */
const JOB_WORDS: ReadonlySet<string> = new Set(
  ['job', 'jobs', 'employ', 'hire', 'work', 'worker', 'create', 'employment'].map(
    (w) => SYNONYMS.get(stemmer(w)) ?? stemmer(w),
  ),
);

/**
 * Can a page's count in `pageUnit` be compared with a fact's count in `factUnit`? The same class,
 * or people counted where the clause speaks of jobs.
 */
export function countsCompare(
  pageUnit: string,
  factUnit: string,
  clauseTerms: ReadonlySet<string> | { has(t: string): boolean },
): boolean {
  const page = countClass(pageUnit);
  const fact = countClass(factUnit);
  if (page === fact) return true;
  if (page === 'people' && fact === 'jobs') {
    for (const w of JOB_WORDS) if (clauseTerms.has(w)) return true;
  }
  return false;
}

/**
 * Can a page's count in `pageUnit` agree with a fact's count in `factUnit` though they are of
 * different classes? Countries and the states a source counts ("owned by 11 member states",
 * "eleven countries own that bank"): a page calls a state a country. Only agree: a source's
 * states are not every count of countries on a page (a summit's delegations, a treaty's parties),
 * so such a count is never called wrong by them.
 */
export function countsLoosely(pageUnit: string, factUnit: string): boolean {
  return classesLoosely(countClass(pageUnit), countClass(factUnit));
}
/** countsLoosely, of two count classes. */
export function classesLoosely(page: string, fact: string): boolean {
  return page === 'countries' && fact === STATES;
}
const STATES = stemmer('states');

/**
 * The class of a count's unit: the same for units that count the same thing. A unit of another
 * language reads as its English word ("anställda" as employees: jobs; "puestos de trabajo" by its
 * first word).
 */
export function countClass(unit: string): string {
  const u = unit.toLowerCase();
  const own = COUNT_CLASSES.get(u);
  if (own) return own;
  // Into a class ("avtal": agreement, the class of "agreements"); a unit that counts nothing the
  // classes know reads as its English word's stem, as the facts' English units do ("delegados"
  // are the delegates a source counts, "agregados familiares" its households).
  const foreign = translate(u.split(' ')[0] as string);
  const english = foreign?.english;
  const known = english && (COUNT_CLASSES.get(english) ?? COUNT_CLASSES.get(english + 's'));
  return known || stemmer(english ?? u);
}

const WORD = /[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’]*(?:\.[A-Za-z](?=\.))*/g;
const VOWELS = /[aeiouy]/g;
// Words this long or longer, written capitalized, are also compared by consonants: short names
// ("Peru", "Mali") would collide with other words.
const SKELETON_MIN_LENGTH = 6;

// The words seen, remembered: a page repeats its words, and the Porter stemmer and the lexicon of
// other languages are the costliest steps of reading a clause. Bounded so that a page of random
// words cannot grow it.
interface Seen {
  /** What the word says in English, if it is a word of another language (translations.ts). */
  foreign: Translation | null;
  /** The term of that English word. */
  foreignTerm?: string | null;
  /** The word's own stem, as its synonym group's term. */
  stem?: string;
}
const SEEN = new Map<string, Seen>();
const SEEN_MAX = 50_000;

function seen(word: string): Seen {
  let known = SEEN.get(word);
  if (known === undefined) {
    known = { foreign: translate(word) };
    if (SEEN.size >= SEEN_MAX) SEEN.clear();
    SEEN.set(word, known);
  }
  return known;
}

/** A term's form for comparison, or null for a word that carries nothing. */
export function termOf(word: string, capitalized: boolean, name = capitalized): string | null {
  return read(word, capitalized, name).term;
}

interface Reading {
  term: string | null;
  /** A German noun of the lexicon: its capital is German spelling, not a name's. */
  common: boolean;
}

const NOTHING: Reading = { term: null, common: false };

// A page repeats its words: each (word, capital, name) is read once. Readings are pure; a cache
// is cleared when it holds READINGS_MAX of them (a long page's vocabulary is a few ten thousands).
// One cache per way a word is read (lower-case, capitalized, capitalized as a name), keyed by the
// word itself: a key made of a flag and the word was a new string per word read.
const readings = [
  new Map<string, Reading>(),
  new Map<string, Reading>(),
  new Map<string, Reading>(),
];
const READINGS_MAX = 100_000;

function read(word: string, capitalized: boolean, name: boolean): Reading {
  const cache = readings[capitalized ? (name ? 2 : 1) : 0] as Map<string, Reading>;
  let reading = cache.get(word);
  if (reading === undefined) {
    if (cache.size >= READINGS_MAX) cache.clear();
    reading = readUncached(word, capitalized, name);
    cache.set(word, reading);
  }
  return reading;
}

function readUncached(word: string, capitalized: boolean, name: boolean): Reading {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  // French elision: "l'emploi", "d'euros".
  const elided = /^[ldjnmst]'(.+)$/.exec(w);
  if (elided) w = elided[1] as string;
  const english = PLACE_NAMES.get(w);
  if (english) {
    w = english;
    if (w === 'us') return { term: 'united-states', common: false };
  }
  // "US" the country, not "us" the pronoun.
  if ((w === 'us' || w === 'usa') && !capitalized) return NOTHING;
  if (w === 'us' && word !== 'US') return NOTHING;
  // "United States", "United Kingdom": the first word says nothing alone, the second says which.
  if (capitalized && w === 'united') return NOTHING;
  if (capitalized && (w === 'states' || w === 'kingdom'))
    return { term: w === 'states' ? 'united-states' : 'united-kingdom', common: false };
  const place = PLACES.get(w);
  if (place) return { term: place, common: false };
  if (MONTHS.has(w)) return { term: MONTH_ABBREVIATIONS.get(w) ?? w, common: false };
  if (STOPWORDS.has(w) || w.length < 2) return NOTHING;
  // A word of another language reads as the English word it says (translations.ts); English
  // words are not in its lexicon, so they read on as before. German capitalizes every noun, so a
  // German noun of the lexicon is no name; in the other languages a capital mid-sentence is a
  // name's ("Julio", "Marco"), which reads as English reads a name.
  const known = seen(w);
  const found = english ? null : known.foreign;
  const foreign = found && (found.german || !name) ? found : null;
  // A name is compared by its consonants; a capitalized word that opens a sentence, a heading or
  // a table cell ("Ownership", "Government") is an ordinary word and keeps its stem.
  if (name && w.length >= SKELETON_MIN_LENGTH && !foreign) {
    return { term: '~' + w.replace(VOWELS, ''), common: false };
  }
  if (foreign) {
    if (known.foreignTerm === undefined) {
      known.foreignTerm = read(foreign.english, false, false).term;
    }
    return { term: known.foreignTerm, common: foreign.german };
  }
  if (known.stem === undefined) {
    const stem = stemmer(w);
    known.stem = SYNONYMS.get(stem) ?? stem;
  }
  return { term: known.stem, common: false };
}

/** A lower-case word's skeleton as a name's (Token.alias), or null for a short word. */
function skeletonOf(word: string): string | null {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return w.length >= SKELETON_MIN_LENGTH ? '~' + w.replace(VOWELS, '') : null;
}

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

// "Feb 4, 2026" and "February 4" name one month: abbreviations read as the full name.
const MONTH_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  [...MONTHS]
    .filter((m) => m.length <= 4 && m !== 'may' && m !== 'june' && m !== 'july')
    .map((abbr) => [
      abbr,
      [...MONTHS].find((full) => full.length > abbr.length && full.startsWith(abbr)) ?? abbr,
    ]),
);

/** Is the term the name of a month ("december"; abbreviations are read as the full name)? */
export function isMonthTerm(term: string): boolean {
  return MONTHS.has(term) && !term.endsWith('day') && !MONTH_ABBREVIATIONS.has(term);
}

/**
 * Does a term say what happened or what is counted (a predicate word), rather than who, where or
 * when? Entities, places, names of days and months and capitalized names do not.
 */
export function isPredicateTerm(term: string): boolean {
  return !(
    term.startsWith('@') ||
    term.startsWith('~') ||
    PLACE_TERMS.has(term) ||
    MONTHS.has(term)
  );
}
const PLACE_TERMS: ReadonlySet<string> = new Set(PLACES.values());

/** Is the term a country (or its demonym)? */
export function isPlaceTerm(term: string): boolean {
  return PLACE_TERMS.has(term);
}

export interface EntitySpan {
  start: number;
  end: number;
  entity: string;
}

/**
 * The names a source sentence uses: the terms of its capitalized words and their skeletons
 * ("Southern Corridor": "~sthrn", "~crrdr"), its first word read as a sentence's. Stored with a
 * fact (`Fact.names`, by the fact-base build and the background) so that a claim matcher over
 * thousands of facts does not read every quote again, and so that a content script, which gets
 * facts without their quotes, knows the same names as the CLI.
 */
export function namesIn(sentence: string): string[] {
  const names = new Set<string>();
  for (const t of tokenize(sentence, 0, sentence.length, [], new Set([0]))) {
    if (t.proper || t.term.startsWith('~')) names.add(t.term);
  }
  return [...names];
}

/**
 * The tokens of text[start, end): words as terms, entity mentions as "@id" (one token each).
 * `sentenceStarts` are offsets where a sentence begins (a capital there is not a name's).
 */
export function tokenize(
  text: string,
  start: number,
  end: number,
  entities: readonly EntitySpan[],
  sentenceStarts: ReadonlySet<number>,
): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  let e = 0;
  const sorted = entities.filter((m) => m.end > start && m.start < end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    const s = start + m.index;
    const wEnd = s + m[0].length;
    while (e < sorted.length && (sorted[e] as EntitySpan).end <= s) e++;
    const inside = sorted[e];
    if (inside && inside.start <= s && wEnd <= inside.end + 2) {
      // One token per mention, at its first word.
      if (out.length === 0 || out[out.length - 1]?.term !== '@' + inside.entity) {
        out.push({
          term: '@' + inside.entity,
          surface: text.slice(inside.start, inside.end),
          start: inside.start,
          end: inside.end,
          proper: true,
        });
      }
      continue;
    }
    const word = m[0];
    const capital = /^[A-Z]/.test(word);
    let proper =
      capital && !sentenceStarts.has(s) && !isOpening(text, s) && !isDefinedTerm(text, s, word);
    const { term, common } = read(word, capital, proper);
    if (term === null) continue;
    // "die Finanzierung": a German noun's capital says nothing of a name.
    if (common) proper = false;
    const token: Token = { term, surface: word, start: s, end: wEnd, proper };
    if (!capital && !term.startsWith('~')) {
      const alias = skeletonOf(word);
      if (alias !== null) token.alias = alias;
    }
    out.push(token);
    // A capitalized word that opens a sentence or a cell may be a name too ("Manara proposes…"):
    // it is read both ways.
    if (capital && !proper) {
      const asName = termOf(word, true, true);
      if (asName !== null && asName !== term) {
        out.push({ term: asName, surface: word, start: s, end: wEnd, proper });
      }
    }
  }
  return out;
}

/** A capital right after an opening quote or bracket, a colon or a bullet starts a sentence too. */
/**
 * Filings and releases capitalize the common nouns they define ("the Company", "the Bank's
 * board", "the Project"): after "the", such a noun is the ordinary word, not a name no source
 * uses (which would make the figure beside it someone else's).
 */
const DEFINED_TERMS = new Set(
  'company group bank board project issuer borrower lender lenders government ministry agreement facility loan mine fund trust offering transaction shareholders directors'.split(
    ' ',
  ),
);
const THE_BEFORE = /\bthe\s+$/i;

function isDefinedTerm(text: string, at: number, word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s?$/, '');
  return DEFINED_TERMS.has(w) && THE_BEFORE.test(text.slice(Math.max(0, at - 6), at));
}

function isOpening(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"'“‘([•*\-–—|]/.test(text[i] as string)) i--;
  return i < 0 || /[.!?:;\t]/.test(text[i] as string);
}
