/**
 * The attributor: which attribute of the schema a figure speaks of, from its sentence and the
 * figures beside it. See schema.ts for the rules an entry states; this file applies them.
 */
import { sentenceSpans, spanIndexAt } from '../text/sentences';
import type { AttributeId, Figure, Mention, Span } from '../types';
import { ATTRIBUTES, type Cue, type Requirement } from './schema';

/** A sentence that opens like this refers back to the subject of the sentence before. */
const ANAPHORIC_OPENING =
  /^\W*(?:it|its|they|their|this|that|the\s+(?:bank|lender|agency|loan|deal|financing|package))\b/i;

// Where the stretch between two figures of one sentence is cut: the last clause joint in it
// ("6,000 jobs in the US and 7,500 jobs in Balochistan"), else the middle.
const CLAUSE_JOINT = /\b(?:and|while|whereas|but|or)\b|[;,]/gi;

interface BlockContext {
  text: string;
  sentences: Span[];
  mentions: readonly Mention[];
}

/**
 * Attribute each figure of one block of text. Figures and mentions carry offsets into `text` and
 * are sorted by start. Returns one attribute id (or null) per figure, in order.
 */
export function attributeFigures(
  text: string,
  figures: readonly Figure[],
  mentions: readonly Mention[],
): (AttributeId | null)[] {
  if (figures.length === 0) return [];
  const ctx: BlockContext = { text, sentences: sentenceSpans(text), mentions };
  return figures.map((figure, i) => attributeOne(ctx, figures, i));
}

function attributeOne(ctx: BlockContext, figures: readonly Figure[], i: number): AttributeId | null {
  const figure = figures[i] as Figure;
  const sIndex = spanIndexAt(ctx.sentences, figure.start);
  const sentence = ctx.sentences[sIndex] ?? { start: 0, end: ctx.text.length };
  const previous = sIndex > 0 ? ctx.sentences[sIndex - 1] : undefined;
  const hood = neighbourhood(ctx.text, figures, i, sentence);

  let best: AttributeId | null = null;
  let bestDistance = Infinity;
  for (const def of ATTRIBUTES) {
    if (def.kind !== figure.kind) continue;
    if (def.units && !def.units.includes(figure.unit)) continue;
    if (!def.requires.every((r) => holds(ctx, r, sentence, previous))) continue;
    const hoodText = ctx.text.slice(hood.start, hood.end);
    if (def.excludes && def.excludes.test(hoodText)) continue;
    const d = nearestCue(ctx, def.cues, hood, figure);
    // Strictly nearer wins; on a tie the earlier entry of the schema stays (its order is deliberate).
    if (d < bestDistance) {
      bestDistance = d;
      best = def.id;
    }
  }
  return best;
}

/** The stretch of the sentence that belongs to figure i rather than to its neighbours. */
function neighbourhood(text: string, figures: readonly Figure[], i: number, sentence: Span): Span {
  const figure = figures[i] as Figure;
  const prev = figures[i - 1];
  const next = figures[i + 1];
  const start =
    prev && prev.end > sentence.start ? cut(text, prev.end, figure.start).right : sentence.start;
  const end = next && next.start < sentence.end ? cut(text, figure.end, next.start).left : sentence.end;
  return { start, end };
}

function cut(text: string, from: number, to: number): { left: number; right: number } {
  const gap = text.slice(from, to);
  let joint: RegExpExecArray | null = null;
  CLAUSE_JOINT.lastIndex = 0;
  for (let m = CLAUSE_JOINT.exec(gap); m !== null; m = CLAUSE_JOINT.exec(gap)) joint = m;
  if (joint === null) {
    const mid = from + Math.floor(gap.length / 2);
    return { left: mid, right: mid };
  }
  return { left: from + joint.index, right: from + joint.index + joint[0].length };
}

function holds(ctx: BlockContext, r: Requirement, sentence: Span, previous: Span | undefined): boolean {
  if ('anyOf' in r) return r.anyOf.some((x) => holds(ctx, x, sentence, previous));
  const spans = [sentence];
  if (
    previous &&
    (r.scope === 'nearby' ||
      (r.scope === 'anaphora' && ANAPHORIC_OPENING.test(ctx.text.slice(sentence.start, sentence.end))))
  ) {
    spans.push(previous);
  }
  return spans.some((s) =>
    'entity' in r
      ? ctx.mentions.some((m) => m.entity === r.entity && m.start >= s.start && m.end <= s.end)
      : r.pattern.test(ctx.text.slice(s.start, s.end)),
  );
}

/** Distance in characters from the figure to the nearest cue inside its neighbourhood. */
function nearestCue(ctx: BlockContext, cues: readonly Cue[], hood: Span, figure: Figure): number {
  let best = Infinity;
  const consider = (start: number, end: number): void => {
    if (start < hood.start || end > hood.end) return;
    const d = end <= figure.start ? figure.start - end : start >= figure.end ? start - figure.end : 0;
    if (d < best) best = d;
  };
  for (const cue of cues) {
    if (cue instanceof RegExp) {
      const re = globalCopy(cue);
      re.lastIndex = 0;
      const hoodText = ctx.text.slice(hood.start, hood.end);
      for (let m = re.exec(hoodText); m !== null; m = re.exec(hoodText)) {
        if (m[0].length === 0) re.lastIndex++;
        consider(hood.start + m.index, hood.start + m.index + m[0].length);
      }
    } else {
      for (const m of ctx.mentions) if (m.entity === cue.entity) consider(m.start, m.end);
    }
  }
  return best;
}

// Cues are written without the g flag (they are also used with .test); scanning needs a global
// copy, made once per cue rather than once per figure.
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();
function globalCopy(re: RegExp): RegExp {
  let copy = GLOBAL_COPIES.get(re);
  if (!copy) {
    copy = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    GLOBAL_COPIES.set(re, copy);
  }
  return copy;
}
