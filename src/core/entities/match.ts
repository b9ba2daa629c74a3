/**
 * The mention matcher: one pass of one combined pattern over a folded text, then each entity's
 * look-alike rule on the match's context. One matcher per lexicon: the bundled entities, or those
 * and a journalist's watched names.
 */
import { displayText, fold, unfolded } from '../text/fold';
import type { Mention } from '../types';
import { ENTITIES, type EntityDefinition } from './lexicon';

export class Lexicon {
  private readonly combined: RegExp;

  /**
   * `precheck`: a cheap pattern that any text holding a mention matches. Most paragraphs of most
   * pages hold none, and a test of a short pattern is far cheaper than the full scan.
   */
  constructor(
    readonly entities: readonly EntityDefinition[],
    private readonly precheck: RegExp,
  ) {
    // One alternation with a capture group per entity, so a single scan finds every entity and
    // the group that matched tells which. Word-start is checked by the lookbehind rather than \b
    // so that "Ex-Im" (which starts and ends on a word character) behaves like the others; once,
    // before the alternation, not in each entity's branch (with 50 entities a third faster).
    this.combined =
      entities.length === 0
        ? /(?!)/g
        : new RegExp(`(?<![\\w-])(?:${entities.map((e) => `(${e.spellings})`).join('|')})`, 'gi');
  }

  /** False when `text` surely mentions none of the entities (the cheap pre-check). */
  mayMention(text: string): boolean {
    return this.precheck.test(text);
  }

  /** Mentions in `text`; `plain`: the caller knows fold would not change it (needsFolding). */
  find(text: string, plain = false): Mention[] {
    if (!this.mayMention(text)) return [];
    const folded = plain ? unfolded(text) : fold(text);
    const mentions: Mention[] = [];
    const combined = this.combined;
    combined.lastIndex = 0;
    for (let m = combined.exec(folded.text); m !== null; m = combined.exec(folded.text)) {
      const entity = this.entityOf(m);
      const start = m.index;
      const end = start + m[0].length;
      const oStart = folded.toOriginal(start);
      if (
        entity === undefined ||
        entity.isLookAlike(folded.text, start, end, cellBefore(text, oStart))
      ) {
        continue;
      }
      const oEnd = folded.toOriginal(end);
      mentions.push({
        entity: entity.id,
        text: displayText(text, oStart, oEnd),
        start: oStart,
        end: oEnd,
      });
    }
    return mentions;
  }

  private entityOf(m: RegExpExecArray): EntityDefinition | undefined {
    for (let i = 0; i < this.entities.length; i++) {
      if (m[i + 1] !== undefined) return this.entities[i];
    }
    return undefined;
  }

  /** This lexicon and more entities (a journalist's watched names). */
  with(more: readonly EntityDefinition[]): Lexicon {
    return lexiconOf([...this.entities, ...more]);
  }
}

// How far back the spaces before a name are read: a run of spaces is short.
const SPACE_RUN = 8;

/**
 * Does a tab or a line break stand between the name at `start` of the original `text` and the
 * word before it? Folding makes every space alike; a table cell or a line ("Ownership⇥Barrick
 * 50%") is not a given name and a surname, whatever its capitals.
 */
function cellBefore(text: string, start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - SPACE_RUN; k--) {
    const c = text[k] as string;
    if (c === '\t' || c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\u00a0') return false;
  }
  return false;
}

/**
 * A lexicon whose precheck is each entity's own (the bundled ones' hand-written stems, a watched
 * name's the start of each spelling's first word: watched.ts), else the first four letters of
 * every spelling's words. A mention starts a word (the combined pattern's lookbehind), so a stem
 * that starts with a word character is looked for at a word start only: "tai" of "Tai Hills" in
 * no "certain", "kobe" in no "Kobe"-less text that merely holds "kobed".
 */
export function lexiconOf(entities: readonly EntityDefinition[]): Lexicon {
  const stems = new Set<string>();
  for (const e of entities) {
    if (e.precheck) {
      for (const p of e.precheck) stems.add(p);
      continue;
    }
    // The spellings' literal letter runs of 3+ characters (a pattern's words), 4 letters each.
    for (const run of e.spellings.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) {
      stems.add(run.slice(0, 4));
    }
  }
  return new Lexicon(entities, precheckPattern([...stems]));
}

/**
 * One pattern for the stems: those that start with a word character (\w, as the combined
 * pattern's lookbehind reads it, without the u flag) at a word start, the others anywhere. Folding
 * (src/core/text/fold.ts) replaces only characters that are not word characters, with others that
 * are not, or removes invisible ones (a text that holds those is folded before `find`,
 * report/analyze.ts): where the folded text has a mention, the text tested has a word start.
 */
function precheckPattern(stems: readonly string[]): RegExp {
  if (stems.length === 0) return /(?!)/;
  const atWordStart = stems.filter((s) => /^\w/.test(s));
  const anywhere = stems.filter((s) => !/^\w/.test(s));
  const parts = atWordStart.length > 0 ? [`\\b(?:${atWordStart.join('|')})`] : [];
  return new RegExp([...parts, ...anywhere].join('|'), 'i');
}

/** The bundled entities, with their hand-written prechecks. */
export const BUNDLED_LEXICON = lexiconOf(ENTITIES);

/** Mentions in `text` of the bundled entities, or of `lexicon`'s. */
export function findMentions(text: string, plain = false, lexicon = BUNDLED_LEXICON): Mention[] {
  return lexicon.find(text, plain);
}
