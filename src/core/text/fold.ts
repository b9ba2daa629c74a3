/**
 * Folding: a copy of a text in which the look of a character no longer matters to a pattern.
 *
 * Reporting types the same name in many ways: "Reko\u00a0Diq" (non-breaking space), "Re\u00adko"
 * (soft hyphen from a CMS's hyphenator), "Export–Import" (en dash), "Barrick’s" (curly apostrophe),
 * a name broken over two lines. Recognizers match against the folded copy and report offsets in the
 * original through `toOriginal`.
 *
 * Folding is one-for-one except for invisible characters, which are removed; so when a text has no
 * invisible character (almost always) the offset map is the identity and costs nothing.
 */

/** Invisible characters a reader does not see: soft hyphen, zero-width (non-)joiner/space, word joiner, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const INVISIBLE_G = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Characters that need a one-for-one replacement: white space other than the plain space (which
 * every text is full of, and which stays as it is), dashes, apostrophes.
 */
const REPLACEABLE = /[^\S ]|[\u2010\u2011\u2013\u2212\u2018\u2019\u02bc]/;

export interface Folded {
  /** The folded text: whitespace of every kind is ' ', hyphen-like dashes are '-', apostrophes are "'". */
  readonly text: string;
  /** Offset in the original text of folded offset `i` (0 ≤ i ≤ text.length). */
  toOriginal(i: number): number;
}

function replaceChar(c: string): string {
  switch (c) {
    case '\u2010': // hyphen
    case '\u2011': // non-breaking hyphen
    case '\u2013': // en dash: "Export–Import Bank"
    case '\u2212': // minus sign
      return '-';
    case '\u2018':
    case '\u2019':
    case '\u02bc':
      return "'";
    default:
      // Every kind of whitespace (line breaks, tabs, NBSP, thin and narrow spaces) is one space.
      return ' ';
  }
}

const REPLACEABLE_G = /[^\S ]|[\u2010\u2011\u2013\u2212\u2018\u2019\u02bc]/g;

// Every character fold changes, in one class: most texts hold none, and one test of this says so
// (the two tests below, with their negated and Unicode classes, cost several times more).
const ANY_FOLDED =
  /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u00ad\u2010\u2011\u2013\u2212\u2018\u2019\u02bc]/;
const IDENTITY = (i: number) => i;

/** Whether fold would change `text` at all (one test; most texts need nothing). */
export function needsFolding(text: string): boolean {
  return ANY_FOLDED.test(text);
}

/** The fold of a text that `needsFolding` said nothing about: itself. */
export function unfolded(text: string): Folded {
  return { text, toOriginal: IDENTITY };
}

export function fold(original: string): Folded {
  if (!ANY_FOLDED.test(original)) return { text: original, toOriginal: IDENTITY };
  const replaced = REPLACEABLE.test(original)
    ? original.replace(REPLACEABLE_G, replaceChar)
    : original;
  if (!INVISIBLE.test(replaced)) {
    return { text: replaced, toOriginal: (i) => i };
  }
  // Build the map only for texts that contain invisible characters.
  const map: number[] = [];
  let out = '';
  for (let i = 0; i < replaced.length; i++) {
    const c = replaced[i] as string;
    INVISIBLE_G.lastIndex = 0;
    if (INVISIBLE_G.test(c)) continue;
    map.push(i);
    out += c;
  }
  map.push(replaced.length);
  return { text: out, toOriginal: (i) => map[i] ?? replaced.length };
}

/** The text of original[start, end) as a reader sees it: invisible characters gone, whitespace collapsed. */
export function displayText(original: string, start: number, end: number): string {
  return original.slice(start, end).replace(INVISIBLE_G, '').replace(/\s+/g, ' ').trim();
}
