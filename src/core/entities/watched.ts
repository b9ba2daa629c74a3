/**
 * Watched names: entities a journalist brings for their own story (`--entities`, the Library's
 * Watched names), as `{ id, name, aliases }`. They become entity definitions like the bundled
 * three, with the look-alike rules that hold for any name: a street or building named after it
 * ("Tembo Hills Road"), a person titled before it ("Mr Kilimani"), or a code glued to it.
 */
import { isEntityId } from './id';
import { ANY_NAME_LOOK_ALIKE, type EntityDefinition } from './lexicon';

export interface WatchedName {
  id: string;
  name: string;
  aliases?: string[];
}

/** A name or alias at most this long: a name, not a sentence. */
export const MAX_NAME_LENGTH = 120;
/** Aliases per entity: spellings, not a thesaurus. */
export const MAX_ALIASES = 50;
/** Watched entities in one list: more would be a directory, and every page pays for each. */
export const MAX_WATCHED = 500;

/** What is wrong with a watched-names list, or null: `where` prefixes each reason. */
export function watchedNamesProblem(x: unknown): string | null {
  if (!Array.isArray(x)) return 'not a JSON array of {"id", "name", "aliases"}';
  if (x.length > MAX_WATCHED) return `more than ${MAX_WATCHED} entities`;
  const seen = new Set<string>();
  for (const [i, e] of x.entries()) {
    const at = `entry ${i + 1}`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return `${at}: not an object`;
    const { id, name, aliases } = e as Record<string, unknown>;
    if (!isEntityId(id)) {
      return `${at}: id ${JSON.stringify(id)} is not lower-case words joined by hyphens`;
    }
    if (seen.has(id)) return `${at}: duplicate id "${id}"`;
    seen.add(id);
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
      return `${at} ("${id}"): name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`;
    }
    if (aliases !== undefined) {
      if (!Array.isArray(aliases) || aliases.length > MAX_ALIASES) {
        return `${at} ("${id}"): aliases must be an array of at most ${MAX_ALIASES} strings`;
      }
      for (const a of aliases) {
        if (typeof a !== 'string' || a.trim() === '' || a.length > MAX_NAME_LENGTH) {
          return `${at} ("${id}"): every alias must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`;
        }
      }
    }
  }
  return null;
}

/** A spelling as a pattern over folded text: any run of spaces, any dash, case ignored. */
function spellingPattern(spelling: string): string {
  return spelling
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) =>
      word
        .split(/[-‐‑–]/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('[ -]?'),
    )
    .join(' +');
}

/**
 * What any mention of a spelling holds, for the lexicon's pre-check: the start of its first word
 * (up to the first dash or apostrophe, at most PRECHECK_CHARS characters), as written, case
 * ignored. A mention
 * of "Tembo Hills project" holds "Temb"; of "S.C.D.B.", "S.C."; of "Ex-Im", "Ex". The first
 * word, not every word: names are often made of common words ("Development Bank", "Mining"),
 * and every news paragraph that holds one would otherwise be scanned in full, for 50 names
 * about ten times as long as for the bundled three (bench/story.ts).
 */
function precheckOf(spelling: string): string {
  // Up to the first character that folding may write otherwise in a page (a dash, an
  // apostrophe: src/core/text/fold.ts), so that the raw text holds it as written here.
  const first =
    spelling
      .trim()
      .toLowerCase()
      .split(/[\s\-‐‑–−'‘’ʼ]/)[0] ?? '';
  return [...first]
    .slice(0, PRECHECK_CHARS)
    .join('')
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
/** Four characters: as long as the bundled pre-check's words ("reko", "exim"), rare enough. */
const PRECHECK_CHARS = 4;

export function watchedEntity(w: WatchedName): EntityDefinition {
  // Longest first, so "Kilimani Resources" is one mention, not "Kilimani" and a word.
  const names = [w.name, ...(w.aliases ?? [])]
    .filter((s) => s.trim() !== '')
    .sort((a, b) => b.length - a.length);
  return {
    id: w.id,
    label: w.name,
    // A genitive "s" written on the name, as Swedish, Danish, Norwegian, German and Dutch write it
    // ("Lindqvists", "Siemens'"), is still the name.
    spellings: `(?:${names.map(spellingPattern).join('|')})s?(?![\\w])`,
    isLookAlike: ANY_NAME_LOOK_ALIKE,
    precheck: [...new Set(names.map(precheckOf).filter((p) => p !== ''))],
  };
}
