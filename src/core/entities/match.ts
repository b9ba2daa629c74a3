/**
 * The mention matcher: one pass of one combined pattern over a folded text, then each entity's
 * look-alike rule on the match's context. One matcher per lexicon: the bundled entities, or those
 * and a journalist's watched names.
 */
import { displayText, fold, unfolded } from '../text/fold';
import type { Mention } from '../types';
import { ENTITIES, type EntityDefinition } from './lexicon';

/**
 * A lexicon's entities are kept in parts (the bundled ones; a journalist's watched names), each
 * with its own pre-check: a text that holds no stem of a part can mention none of its entities,
 * so its mentions are found with the pattern of the other parts alone. A page about the bundled
 * story then never compiles nor runs the pattern of 47 watched names (some 4 ms to compile in V8,
 * and a pattern a third slower to run), and the mentions are the same: an alternative that
 * cannot match anywhere in a text changes nothing of what the others match there.
 */
interface Part {
  entities: readonly EntityDefinition[];
  precheck: RegExp;
}

/** A combined pattern and the entities of its capture groups, in order. */
interface Combined {
  pattern: RegExp;
  entities: readonly EntityDefinition[];
}

export class Lexicon {
  readonly entities: readonly EntityDefinition[];
  /** Any text holding a mention matches it (the parts' pre-checks together). */
  private readonly precheck: RegExp;
  private readonly parts: readonly Part[];
  /** The combined pattern of each set of parts (a bit per part), made at its first use. */
  private readonly combined = new Map<number, Combined>();

  /**
   * `parts`: the entities in order, in runs with a pre-check of their own each (lexiconOf). Most
   * paragraphs of most pages hold no stem, and a test of a short pattern is far cheaper than the
   * full scan.
   */
  constructor(parts: readonly Part[], precheck: RegExp) {
    this.parts = parts;
    this.entities = parts.flatMap((p) => p.entities);
    this.precheck = precheck;
  }

  /** False when `text` surely mentions none of the entities (the cheap pre-check). */
  mayMention(text: string): boolean {
    return this.precheck.test(text);
  }

  /** Mentions in `text`; `plain`: the caller knows fold would not change it (needsFolding). */
  find(text: string, plain = false): Mention[] {
    if (!this.mayMention(text)) return [];
    const { pattern, entities } = this.combinedFor(this.partsIn(text));
    const folded = plain ? unfolded(text) : fold(text);
    const mentions: Mention[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded.text); m !== null; m = pattern.exec(folded.text)) {
      const entity = entityOf(m, entities);
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

  /** The parts whose pre-check `text` (which passed the lexicon's) passes, a bit each. */
  private partsIn(text: string): number {
    if (this.parts.length === 1) return 1;
    let mask = 0;
    this.parts.forEach((part, i) => {
      if (part.precheck.test(text)) mask |= 1 << i;
    });
    // The lexicon's pre-check is the parts' together, so one passes; all, should that ever fail.
    return mask === 0 ? (1 << this.parts.length) - 1 : mask;
  }

  private combinedFor(mask: number): Combined {
    let made = this.combined.get(mask);
    if (made === undefined) {
      const entities = this.parts.filter((_, i) => mask & (1 << i)).flatMap((p) => p.entities);
      // One alternation with a capture group per entity, so a single scan finds every entity
      // and the group that matched tells which. Word-start is checked by the lookbehind rather
      // than \b so that "Ex-Im" (which starts and ends on a word character) behaves like the
      // others; once, before the alternation, not in each entity's branch (with 50 entities a
      // third faster).
      const pattern =
        entities.length === 0
          ? /(?!)/g
          : new RegExp(`(?<![\\w-])(?:${entities.map((e) => `(${e.spellings})`).join('|')})`, 'gi');
      made = { pattern, entities };
      this.combined.set(mask, made);
    }
    return made;
  }

  /** This lexicon and more entities (a journalist's watched names), as a part of their own. */
  with(more: readonly EntityDefinition[]): Lexicon {
    return lexiconOfParts([...this.parts.map((p) => p.entities), more]);
  }
}

/** The entity of the capture group that matched (the combined pattern has one per entity). */
function entityOf(
  m: RegExpExecArray,
  entities: readonly EntityDefinition[],
): EntityDefinition | undefined {
  for (let i = 0; i < entities.length; i++) {
    if (m[i + 1] !== undefined) return entities[i];
  }
  return undefined;
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
 * no "certain", "maintain" or "retail".
 */
export function lexiconOf(entities: readonly EntityDefinition[]): Lexicon {
  return lexiconOfParts([entities]);
}

/** A lexicon of the entities of `parts`, in order, each part with a pre-check of its own. */
export function lexiconOfParts(parts: readonly (readonly EntityDefinition[])[]): Lexicon {
  const kept = parts.filter((p) => p.length > 0);
  const stemsOf = kept.map(stemsOfEntities);
  return new Lexicon(
    kept.map((entities, i) => ({ entities, precheck: precheckPattern(stemsOf[i] ?? []) })),
    precheckPattern([...new Set(stemsOf.flat())]),
  );
}

function stemsOfEntities(entities: readonly EntityDefinition[]): string[] {
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
  return [...stems];
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
