/**
 * The mention matcher: one pass of one combined pattern over a folded text, then each entity's
 * look-alike rule on the match's context.
 */
import { displayText, fold, unfolded } from '../text/fold';
import type { Mention } from '../types';
import { ENTITIES, type EntityDefinition } from './lexicon';

// One alternation with a capture group per entity, so a single scan finds every entity and the
// group that matched tells which. Word-start is checked by the lookbehind rather than \b so that
// "Ex-Im" (which starts and ends on a word character) behaves like the other spellings.
const COMBINED = new RegExp(ENTITIES.map((e) => `(?<![\\w-])(${e.spellings})`).join('|'), 'gi');

// Cheap pre-check: a text without any of these letters cannot hold a mention. Most paragraphs
// of most pages hold none, and a test of this short pattern is far cheaper than the full scan.
const PRECHECK = /reko|reco|exim|ex-im|export|barrick/i;

/** Mentions in `text`; `plain`: the caller knows fold would not change it (needsFolding). */
export function findMentions(text: string, plain = false): Mention[] {
  if (!PRECHECK.test(text)) return [];
  const folded = plain ? unfolded(text) : fold(text);
  const mentions: Mention[] = [];
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(folded.text); m !== null; m = COMBINED.exec(folded.text)) {
    const entity = entityOf(m);
    const start = m.index;
    const end = start + m[0].length;
    if (entity === undefined || entity.isLookAlike(folded.text, start, end)) continue;
    const oStart = folded.toOriginal(start);
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

function entityOf(m: RegExpExecArray): EntityDefinition | undefined {
  for (let i = 0; i < ENTITIES.length; i++) {
    if (m[i + 1] !== undefined) return ENTITIES[i];
  }
  return undefined;
}
