/**
 * The attributor: which attribute of the schema a figure speaks of, from its sentence and the
 * figures beside it. See schema.ts for the rules an entry states; this file applies them.
 */
import { sentenceSpans, spanIndexAt } from '../text/sentences';
import type { AttributeId, EntityId, Figure, Mention, Span } from '../types';
import { ATTRIBUTES, type Cue, type Requirement } from './schema';

/** A sentence that opens like this refers back to the subject of the sentence before. */
const ANAPHORIC_OPENING =
  /^\W*(?:it|its|they|their|this|that|the\s+(?:bank|lender|agency|loan|deal|financing|package))\b/i;

// Where the stretch between two figures of one sentence is cut: the last clause joint in it
// ("6,000 jobs in the US and 7,500 jobs in Balochistan"), or a table cell's edge, else the middle.
const CLAUSE_JOINT = /\b(?:and|while|whereas|but|or)\b|[;,\t]/gi;

/** What the page as a whole names: a story names its subject once and then says "the project". */
export interface PageContext {
  entities: ReadonlySet<EntityId>;
}

interface BlockContext {
  text: string;
  sentences: Span[];
  mentions: readonly Mention[];
  page: PageContext;
}

/**
 * Attribute each figure of one block of text. Figures and mentions carry offsets into `text` and
 * are sorted by start. Returns one attribute id (or null) per figure, in order.
 */
export function attributeFigures(
  text: string,
  figures: readonly Figure[],
  mentions: readonly Mention[],
  page: PageContext = { entities: new Set() },
): (AttributeId | null)[] {
  if (figures.length === 0) return [];
  // The block is part of its page: what it names counts as named on the page.
  const entities = new Set(page.entities);
  for (const m of mentions) entities.add(m.entity);
  const ctx: BlockContext = { text, sentences: sentenceSpans(text), mentions, page: { entities } };
  return figures.map((figure, i) => attributeOne(ctx, figures, i));
}

function attributeOne(
  ctx: BlockContext,
  figures: readonly Figure[],
  i: number,
): AttributeId | null {
  const figure = figures[i] as Figure;
  const sIndex = spanIndexAt(ctx.sentences, figure.start);
  const sentence = ctx.sentences[sIndex] ?? { start: 0, end: ctx.text.length };
  const previous = sIndex > 0 ? ctx.sentences[sIndex - 1] : undefined;
  const hood = clipToCell(ctx.text, neighbourhood(ctx.text, figures, i, sentence), figure);

  // Two tiers: cues in the figure's own neighbourhood decide; only when none is there do cues in
  // the rest of its sentence and the sentence before count ("…a big minerals meeting last week.
  // Sixty countries?"; "…the government of Balochistan, which hold 25% each").
  const wide = clipToCell(
    ctx.text,
    { start: previous?.start ?? sentence.start, end: sentence.end },
    figure,
  );
  const candidates = ATTRIBUTES.filter(
    (def) =>
      def.kind === figure.kind &&
      (!def.units || def.units.includes(figure.unit)) &&
      def.requires.every((r) => holds(ctx, r, sentence, previous)) &&
      !(def.excludes && def.excludes.test(ctx.text.slice(hood.start, hood.end))),
  );
  for (const area of [hood, wide]) {
    let best: AttributeId | null = null;
    let bestDistance = Infinity;
    for (const def of candidates) {
      const d = nearestCue(ctx, def.cues, area, figure);
      // Strictly nearer wins; on a tie the earlier entry of the schema stays (its order is deliberate).
      if (d < bestDistance) {
        bestDistance = d;
        best = def.id;
      }
    }
    if (best !== null) return best;
  }
  return null;
}

/**
 * In a table row (cells separated by tabs) a figure is described by its own cell and the cells
 * before it (the row's label); cells after it are other columns ("Source: US Embassy").
 */
function clipToCell(text: string, area: Span, figure: Figure): Span {
  const tab = text.indexOf('\t', figure.end);
  return tab !== -1 && tab < area.end ? { start: area.start, end: tab } : area;
}

/** The stretch of the sentence that belongs to figure i rather than to its neighbours. */
function neighbourhood(text: string, figures: readonly Figure[], i: number, sentence: Span): Span {
  const figure = figures[i] as Figure;
  const prev = figures[i - 1];
  const next = figures[i + 1];
  const start =
    prev && prev.end > sentence.start ? cut(text, prev.end, figure.start).right : sentence.start;
  const end =
    next && next.start < sentence.end ? cut(text, figure.end, next.start).left : sentence.end;
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

function holds(
  ctx: BlockContext,
  r: Requirement,
  sentence: Span,
  previous: Span | undefined,
): boolean {
  if ('anyOf' in r) return r.anyOf.some((x) => holds(ctx, x, sentence, previous));
  if (r.scope === 'page') return 'entity' in r && ctx.page.entities.has(r.entity);
  const spans = [sentence];
  if (
    previous &&
    (r.scope === 'nearby' ||
      (r.scope === 'anaphora' &&
        ANAPHORIC_OPENING.test(ctx.text.slice(sentence.start, sentence.end))))
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
    // What follows a figure usually says what it measures ("$2 billion in equipment", "6,000 jobs in
    // the US"), what precedes it who did what ("EXIM's financing will bring in $2 billion"): a cue
    // after the figure counts at half its distance.
    const d =
      end <= figure.start ? figure.start - end : start >= figure.end ? (start - figure.end) / 2 : 0;
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
