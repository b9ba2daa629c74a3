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
 * a new clause about something else (but for parallel lists, below). Commas, semicolons, parentheses and dashes may stand in
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
 * A longer stretch, up to MAX_PARALLEL_WORDS words, carries only when the sentence is built as a
 * list of the same thing in two places: "would put some 6,000 people to work in the United States
 * and 7,500 in Balochistan", "6,000 jobs will follow in the United States along with some 7,500
 * in Balochistan". Two marks say so, both needed: the word after the number is a preposition that
 * the stretch used too ("… in the United States … 7,500 in …"), and the stretch ends in a
 * connective ("and", "along with", "while", a comma), a qualifier ("some", "about") aside. A
 * stretch that ends in anything else ("…; officials say 7,500 in …") is another clause.
 *
 * A count of other things right after a preposition ("6,000 jobs in 12 states") counts those
 * things (12 states); it says where the first count is, so the list goes on with the first count's
 * noun: "6,000 jobs in 12 states and 7,500 in Balochistan" carries "jobs" to 7,500 (see
 * `carryOf`). A count after anything else starts a new list ("6,000 jobs, 12 new plants and 40 in
 * Texas": 40 plants).
 *
 * Cost: the stretch is read backwards at most MAX_CARRY_CHARS characters, once per bare number.
 */
import type { FigureKind } from '../types';
import { LANGUAGE_WORDS } from './languages';
import { COLON_COUNT_NOUNS, COUNT_UNIT_ALIASES } from './lexicon';

export const MAX_CARRY_WORDS = 6;
// Twelve words hold a verb phrase, a preposition, a three-word place and a two-word connective
// ("will follow in the United States along with some"), or "would be created in the United
// States over the decade, and"; a longer stretch is a sentence about more than one list.
export const MAX_PARALLEL_WORDS = 12;
export const MAX_CARRY_CHARS = 120;

/** The figure found last, in offsets of the folded text. */
export interface PreviousFigure {
  end: number;
  kind: FigureKind;
  unit: string;
  /** What a bare number after it counts: its unit, or the head's for "jobs in 12 states". */
  carry: string;
  /** It stood right after a label and a colon ("Mozambique: 1,100 permanent"): see `labelled`. */
  labelled?: boolean;
}

// A label and a colon right before a number, a "~" qualifier aside: "Mozambique: 1,100".
const LABEL_BEFORE = /[a-z\u00df-\u00ff)]: *~?$/;

/**
 * Does the figure at `start` of `lower` stand right after a label and a colon? In a fact box's
 * list of such pairs ("Jobs — Mozambique: 1,100 permanent Sweden: ~530", "US: 6,000 jobs;
 * Pakistan: 7,500") the next pair's bare number counts what the first pair's count counted.
 */
export function labelled(lower: string, start: number): boolean {
  return LABEL_BEFORE.test(lower.slice(Math.max(0, start - 4), start));
}

// "Empleos: unos 6.000…", "Emplois : environ 6 000…": the count nouns of every language's list.
const FOREIGN_COUNT_NOUNS: ReadonlySet<string> = new Set(
  [...LANGUAGE_WORDS.values()].flatMap((l) => l.counts ?? []).filter((n) => !n.includes(' ')),
);

// The same lists in the languages pages come in (es, fr, pt, it, de, sv, nl): "6.000 empleos en
// Estados Unidos y 7.500 en Baluchistán", "6 000 emplois aux États-Unis et 7 500 au Baloutchistan".
const FOREIGN_PREPOSITIONS = [
  'en',
  'em',
  'no',
  'na',
  'à',
  'au',
  'aux',
  'dans',
  'nel',
  'nella',
  'im',
  'i',
  'på',
  'a',
];
const FOREIGN_CONNECTIVES = [
  'y',
  'e',
  'et',
  'und',
  'och',
  'mientras',
  'tandis',
  'enquanto',
  'mentre',
  'sowie',
];
const FOREIGN_QUALIFIERS = [
  'unos',
  'unas',
  'cerca',
  'alrededor',
  'environ',
  'près',
  'quelque',
  'circa',
  'etwa',
  'rund',
  'ungefär',
  'omkring',
  'ongeveer',
  'aproximadamente',
];

/** Prepositions that may repeat in a parallel list ("in the US and 7,500 in Balochistan"). */
const PARALLEL_PREPOSITIONS: ReadonlySet<string> = new Set([
  ...FOREIGN_PREPOSITIONS,
  'in',
  'at',
  'on',
  'across',
  'for',
  'from',
  'to',
  'within',
  'among',
  'throughout',
]);

/** Words and marks that join the second member of a list to the first. */
const CONNECTIVES: ReadonlySet<string> = new Set([
  ...FOREIGN_CONNECTIVES,
  ',',
  ';',
  'and',
  'with',
  'while',
  'whereas',
  'plus',
  'but',
  'versus',
  'against',
  'besides',
]);

/** Qualifier words that may stand between the connective and the number ("and about 7,500"). */
const QUALIFYING_WORDS: ReadonlySet<string> = new Set([
  ...FOREIGN_QUALIFIERS,
  'about',
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'some',
  'another',
  'over',
  'under',
  'more',
  'than',
  'up',
  'to',
  'at',
  'least',
  'just',
  'only',
  'an',
  'estimated',
  'as',
  'many',
  'close',
  'fewer',
  'less',
  'further',
  'additional',
]);

// A count right after one of these, just after another count, says where or for whom the other
// count is ("6,000 jobs in 12 states", "jobs across 5 provinces"), with an optional qualifier.
const MODIFYING_COUNT =
  /^ (?:in|across|at|from|among|for|over|throughout|spread across) (?:(?:about|around|some|nearly|almost|more than|over|at least) )?$/;

/**
 * What a bare number after the count at [start, end) with unit `unit` counts: its own unit, or
 * the list's (the previous count's) when this count only says where the previous one is.
 */
export function carryOf(
  lower: string,
  start: number,
  unit: string,
  prev: PreviousFigure | null,
): string {
  // MODIFYING_COUNT matches at most 25 characters (" spread across more than "): a longer gap is
  // not sliced.
  if (prev === null || prev.kind !== 'count' || start - prev.end > 25) return unit;
  return MODIFYING_COUNT.test(lower.slice(prev.end, start)) ? prev.carry : unit;
}

/** Words that may follow a carried number: it is an amount, and the sentence goes on. */
const FOLLOWERS: ReadonlySet<string> = new Set([
  ...FOREIGN_PREPOSITIONS,
  ...FOREIGN_CONNECTIVES,
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

// Letters of the languages pages come in too ("baluchistán", "états-unis").
const WORD_CHAR = /[a-z\u00df-\u00ff.'-]/;
const LETTER = /[a-z\u00df-\u00ff]/;
const DIGIT = /\d/;
const UPPER = /[A-Z]/;
const INITIALISM = /^(?:[a-z]\.)+$/;
const ABBREVIATION = /^[A-Z]{2,3}\.$/;
const FOLLOWER = /[a-z\u00df-\u00ff]+/y;
const RATIO_REST = /^ (?:of )?\d/;
const SENTENCE_END = /[.!?](?:\s|$)/;

/**
 * Does what follows the number at `end` let it be an amount carried from before? The word that
 * follows when it does ('' for punctuation or the end of the text), null when it does not.
 */
function followerOf(lower: string, end: number): string | null {
  const c = lower[end];
  if (c === undefined) return '';
  if (c === ',' || c === ';' || c === ')' || c === '.' || c === '!' || c === '?' || c === '—') {
    return '';
  }
  if (c !== ' ') return null;
  const n = lower[end + 1];
  if (n === '(' || n === '—') return '';
  // A spaced dash, but not a score written "3 - 1".
  if (n === '-') return lower[end + 2] === ' ' && !DIGIT.test(lower[end + 3] ?? '') ? '' : null;
  FOLLOWER.lastIndex = end + 1;
  const m = FOLLOWER.exec(lower);
  if (!m) return null;
  const after = lower[end + 1 + m[0].length];
  if (after !== undefined && WORD_CHAR.test(after)) return null;
  // "1 in 3", "2 out of 5": a ratio.
  if (
    (m[0] === 'in' || m[0] === 'out') &&
    RATIO_REST.test(lower.slice(end + 1 + m[0].length, end + 12))
  ) {
    return null;
  }
  return FOLLOWERS.has(m[0]) ? m[0] : null;
}

const STRETCH_TOKEN = /[a-z\u00df-\u00ff][a-z\u00df-\u00ff'.-]*|[,;]/g;

/**
 * Is a stretch longer than MAX_CARRY_WORDS a parallel list (see the header)? `stretch` is its
 * lower-cased text (read only when it is that long, so the common path allocates nothing);
 * `follower` is the word after the number.
 */
function isParallel(stretch: string, follower: string): boolean {
  if (!PARALLEL_PREPOSITIONS.has(follower)) return false;
  const tokens = (stretch.match(STRETCH_TOKEN) ?? []).map((w) => w.replace(/[-'.]+$/, ''));
  if (!tokens.includes(follower)) return false;
  // The joint: the last word or mark before the number, qualifiers aside.
  for (let k = tokens.length - 1; k >= 0; k--) {
    const w = tokens[k] as string;
    if (!QUALIFYING_WORDS.has(w)) return CONNECTIVES.has(w);
  }
  return false;
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
  const follower = followerOf(lower, end);
  if (follower === null) return null;
  const floor = Math.max(0, at - MAX_CARRY_CHARS);
  // Beyond MAX_CARRY_WORDS only a count before may carry (a colon's noun may not).
  const maxWords =
    prev !== null && prev.kind === 'count' && at - prev.end <= MAX_CARRY_CHARS
      ? MAX_PARALLEL_WORDS
      : MAX_CARRY_WORDS;
  let i = at;
  let words = 0;
  // Nothing but spaces yet between the word being read and the number.
  let adjacent = true;
  let gap = false;
  for (;;) {
    if (prev !== null && i === prev.end) {
      if (!gap || prev.kind !== 'count') return null;
      if (words <= MAX_CARRY_WORDS) return prev.carry;
      return isParallel(lower.slice(prev.end, at), follower) ? prev.carry : null;
    }
    if (i <= floor) return null;
    const c = lower[i - 1] as string;
    // "~530": the sign of "about" (a qualifier, left out of the figure as words are).
    if (c === ' ' || (c === '~' && adjacent)) {
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
      if (words > MAX_CARRY_WORDS) return null;
      let j = i - 1;
      while (j > floor && LETTER.test(lower[j - 1] as string)) j--;
      if (j > 0 && WORD_CHAR.test(lower[j - 1] as string)) return null;
      const noun = lower.slice(j, i - 1);
      if (COLON_COUNT_NOUNS.has(noun)) return COUNT_UNIT_ALIASES.get(noun) ?? noun;
      if (FOREIGN_COUNT_NOUNS.has(noun)) return noun;
      // The next pair of a list of labelled counts ("Mozambique: 1,100 permanent Sweden: ~530").
      // The pairs are of one list: no sentence ends between them, and the label is no counter's.
      if (
        prev?.kind === 'count' &&
        prev.labelled === true &&
        noun !== '' &&
        !LABELS_BEFORE.has(noun) &&
        at - prev.end <= MAX_CARRY_CHARS &&
        !SENTENCE_END.test(lower.slice(prev.end, j))
      ) {
        return prev.carry;
      }
      return null;
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
    // A full stop ends the sentence, but not an initialism's ("u.s.") nor a short abbreviation's
    // ("EE. UU.", "Mio.").
    if (token.endsWith('.') && !INITIALISM.test(token) && !ABBREVIATION.test(t.slice(j, i)))
      return null;
    if (adjacent) {
      const word = token.replace(/^[-']+|[-'.]+$/g, '');
      if (LABELS_BEFORE.has(word)) return null;
      if (TIME_BEFORE.has(word) && value < SMALL && Number.isInteger(value)) return null;
      if (UPPER.test(t.slice(j, i)) && !CAPITALIZED_OK.has(word)) return null;
      adjacent = false;
    }
    if (++words > maxWords) return null;
    i = j;
  }
}
