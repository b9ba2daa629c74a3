/**
 * The entity lexicon: how reporting writes each entity's name, and which look-alikes are not it.
 *
 * Patterns run case-insensitively on folded text (src/core/text/fold.ts), so a pattern writes a
 * space as ' +' and a dash as '-' and need not care about NBSP, soft hyphens, en dashes or line breaks.
 */
import type { EntityId } from '../types';

export interface EntityDefinition {
  id: EntityId;
  /** How the popup names the entity. */
  label: string;
  /** Regex source of every spelling, without flags; the matcher joins them into one pattern. */
  spellings: string;
  /**
   * Look-alike rule: given the folded text and a match's span, true when the context says the
   * match is not this entity (China's Exim, a street named Barrick). `cellBefore`: a tab or a line
   * break, not a space, separates the match from the word before it (match.ts).
   */
  isLookAlike(folded: string, start: number, end: number, cellBefore?: boolean): boolean;
  /**
   * Regex sources of which any text holding a mention holds one (case ignored): the lexicon's
   * cheap pre-check (match.ts lexiconOf). Absent: derived from the spellings' words.
   */
  precheck?: readonly string[];
}

// Words that, written directly before "Exim"/"Export-Import Bank", make it another country's bank.
const FOREIGN_EXIM_PREFIX =
  /(?:^|[^\w])(?:china|chinese|india|indian|korea|korean|japan|japanese|thai|thailand|malaysia|malaysian|hungary|hungarian|taiwan|taiwanese|africa|african|afri|russia|russian|pakistan|pak|egypt|egyptian|indonesia|indonesian|turkey|turkish|iran|iranian|bangladesh|sri lanka|nepal)(?:'s)?[ -]+(?:the +)?$/i;

// "… Bank of China": an "of <place>" right after the name, unless the place is the United States.
const FOREIGN_EXIM_SUFFIX = /^ +of +(?!the +united +states|the +us\b|the +u\.s\.|america)[a-z]/i;

// A code or version number glued to the name: "EXIM-200", "Exim 4.96".
const CODE_SUFFIX = /^(?:-?\d|[ ]\d+\.\d)/;

// A street, building, place or business named after the name: the next word says so ("Barrick
// Street", "Monte Cuamba Lodge", "Tembo Hills Hotel"): a hotel or a stadium named after a mine or
// a company is not it.
const PLACE_SUFFIX =
  /^ +(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|way|close|crescent|place|court|terrace|boulevard|blvd\.?|square|park|hall|house|school|bridge|gardens|lodge|hotel|resort|inn|motel|hostel|guesthouse|guest +house|restaurant|cafe|café|stadium|airport|station|hospital|clinic|church|mosque|museum|library)(?![\w])/i;

// A title before the name makes it a person: "Mr Barrick", "Dr. Barrick".
const PERSON_TITLE =
  /(?:^|[^\w])(?:mr|mrs|ms|miss|mx|dr|prof|professor|judge|justice|sen|senator|rep|gov|sgt|capt|captain|sir|dame|lord|lady|officer|detective|councillor|councilor|mayor)\.? +$/i;

// A capitalized word before "Barrick" that is not a given name: sentence openers, function words,
// and the words reporting puts before the company ("Canadian miner Barrick", "Gold giant Barrick").
const NOT_A_GIVEN_NAME = new Set(
  (
    'the a an and but or nor while when whereas since as for with in on at by from to of after before ' +
    'also yet so meanwhile however both only even if unlike like under through said says did does has ' +
    'had is was will would could should not that this these those why how what where who whom whose ' +
    'which then than now today yesterday per until because although though once their its his her our ' +
    'your my against toward towards via including between over about into onto upon among amid despite ' +
    'canadian canada gold mining miner miners company partner partners giant chief ceo operator owner ' +
    'shareholder shareholders majority minority rival rivals peer peers firm group major us u.s. ' +
    'pakistan pakistani balochistan baluchistan reko reco diq dig nyse tsx nasdaq ltd inc corp ' +
    'according reuters bloomberg ap afp report reports reported sources source photo image file'
  ).split(' '),
);

// Of the words above, those that are also given names ("Per", "Will", "May", "Don"…) are
// capitalized mid-sentence only as names: after a comma ("Thanks, Per Lindqvist") they are.
const DESCRIPTORS = new Set(
  (
    'canadian canada gold mining miner miners company partner partners giant chief ceo operator owner ' +
    'shareholder shareholders majority minority rival rivals peer peers firm group major us u.s. ' +
    'pakistan pakistani balochistan baluchistan reko reco diq dig nyse tsx nasdaq ltd inc corp ' +
    'according reuters bloomberg ap afp report reports reported sources source photo image file'
  ).split(' '),
);

const GIVEN_NAME_BEFORE = /(?:^|[^\w'])([A-Z][a-z]+|[A-Z]\.)(?: [A-Z]\.)? +$/;
// "Barrick said she…", "Barrick, he added,": a personal pronoun right after says a person.
const PRONOUN_AFTER =
  /^,? +(?:(?:said|says|told|added|wrote) +(?:he|she)|(?:he|she) +(?:said|says|told|added|wrote))\b/i;

function precededByGivenName(folded: string, start: number): boolean {
  const before = folded.slice(Math.max(0, start - 40), start);
  const m = GIVEN_NAME_BEFORE.exec(before);
  if (!m || m[1] === undefined) return false;
  const word = m[1].toLowerCase();
  if (NOT_A_GIVEN_NAME.has(word)) {
    const wordStart = m.index + m[0].indexOf(m[1]);
    return /, *$/.test(before.slice(0, wordStart)) && !DESCRIPTORS.has(word);
  }
  // "Swedish Lindqvist", "Danish Ørsted": a nationality adjective is no given name.
  if (/(?:ish|ese)$/.test(word)) return false;
  // A capitalized word that opens a sentence is no evidence of a given name: "While Barrick…"
  // is covered by the set above; an unknown opener ("Analysts Barrick…") is rare enough to accept.
  return true;
}

/**
 * The look-alike rules that hold for any watched name: a place named after it (the next word says
 * "Street", "Road"…), a person (a title before it), a code glued to it ("EXIM-200").
 */
export function ANY_NAME_LOOK_ALIKE(
  folded: string,
  start: number,
  end: number,
  cellBefore = false,
): boolean {
  const before = folded.slice(Math.max(0, start - 20), start);
  const after = folded.slice(end, end + 30);
  return (
    PLACE_SUFFIX.test(after) ||
    PERSON_TITLE.test(before) ||
    CODE_SUFFIX.test(after) ||
    (!cellBefore && surnameOfAPerson(folded, start, end))
  );
}

/**
 * A one-word name (a company known by its founder's surname: "Lindqvist", "Barrick") right after
 * a given name is a person of that surname ("analyst Erik Lindqvist", "Per Lindqvist, editor"),
 * as precededByGivenName reads it for Barrick. Names of more than one word are not surnames.
 */
function surnameOfAPerson(folded: string, start: number, end: number): boolean {
  return !/[ -]/.test(folded.slice(start, end)) && precededByGivenName(folded, start);
}

export const ENTITIES: readonly EntityDefinition[] = [
  {
    id: 'reko-diq',
    label: 'Reko Diq',
    spellings: '(?:reko|reco) ?-?(?:diq|dig|dik)(?: +mining +company)?(?![\\w])',
    precheck: ['reko', 'reco'],
    isLookAlike: () => false,
  },
  {
    id: 'exim',
    label: 'US Export-Import Bank (EXIM)',
    spellings:
      '(?:(?:u\\.s\\.|us|united +states) +)?(?:' +
      // Full name: "Export-Import Bank of the United States", "US Export Import Bank".
      'export[ -]+import +bank(?: +of +the +united +states(?: +of +america)?)?' +
      '|' +
      // Short names: "EXIM", "Ex-Im", "EXIM Bank", "Ex-Im Bank".
      '(?:exim|ex-im)(?: +bank)?' +
      ')(?![\\w])',
    precheck: ['exim', 'ex-im', 'export'],
    isLookAlike(folded, start, end) {
      const before = folded.slice(Math.max(0, start - 30), start);
      const after = folded.slice(end, end + 40);
      return (
        FOREIGN_EXIM_PREFIX.test(before) ||
        FOREIGN_EXIM_SUFFIX.test(after) ||
        CODE_SUFFIX.test(after)
      );
    },
  },
  {
    id: 'barrick',
    label: 'Barrick',
    spellings:
      'barrick(?: +gold(?: +corporation| +corp\\.?)?| +mining +(?:corporation|corp\\.?))?(?![\\w])',
    precheck: ['barrick'],
    isLookAlike(folded, start, end, cellBefore = false) {
      const before = folded.slice(Math.max(0, start - 20), start);
      const after = folded.slice(end, end + 30);
      return (
        PLACE_SUFFIX.test(after) ||
        PERSON_TITLE.test(before) ||
        PRONOUN_AFTER.test(after) ||
        // A word in the cell or line before is no given name ("Ownership⇥Barrick 50%").
        (!cellBefore && precededByGivenName(folded, start))
      );
    },
  },
];
