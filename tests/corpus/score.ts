/**
 * Scoring a report against a labelled page of the corpus (see README.md here).
 *
 * Expected items carry no offsets: they are found in the page's visible text in order, each
 * searched from where the previous one of its list was found. A predicted item matches an expected
 * one when their spans overlap and they are of the same entity (mentions) or kind (figures); each
 * expected item matches at most one prediction, taken in document order. Verdict accuracy is over
 * all expected figures: an expected figure that was missed counts as a wrong verdict, so detection
 * misses cannot flatter it.
 */
import type { Report } from '../../src/core/types';

export interface ExpectedMention {
  entity: string;
  text: string;
}

export interface ExpectedFigure {
  text: string;
  kind: string;
  value: number;
  unit: string;
  /** The team's split names the attribute; the blind splits say in words which claim (LABELLING.md). */
  attribute?: string | null;
  claim?: string | null;
  verdict: string;
}

export interface ExpectedPage {
  page: string;
  notes?: string;
  mentions: ExpectedMention[];
  figures: ExpectedFigure[];
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface PageScore {
  page: string;
  mentions: Counts;
  figures: Counts;
  verdictsRight: number;
  verdictsTotal: number;
  /** Figures called contradicted whose truth is supported or unverified: false alarms. */
  falseAlarms: number;
  /** Wrong figures (truth: contradicted) called supported: blessed errors. */
  blessedErrors: number;
  /** Figures given a verdict other than unverified (what a page about no story must not have). */
  verdicts: number;
  /** Expected texts that could not be found in the visible text: a labelling or extraction error. */
  unlocated: string[];
  /** Human-readable list of what went wrong, for the test's output. */
  errors: string[];
}

interface Located<T> {
  item: T;
  start: number;
  end: number;
}

// Invisible characters a page may hold inside a word (soft hyphen, zero-width space and joiners).
const INVISIBLE = '[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]*';

/**
 * A label as a pattern over visible text: any run of whitespace for a space, any dash for a
 * hyphen, any apostrophe for an apostrophe, and invisible characters allowed between characters.
 */
function labelPattern(label: string): RegExp {
  const parts: string[] = [];
  for (const word of label.trim().split(/\s+/)) {
    const chars = [...word].map((c) => {
      if (c === '-' || c === '\u2010' || c === '\u2011' || c === '\u2013')
        return '[-\u2010\u2011\u2013]';
      if (c === "'" || c === '\u2019') return "['\u2019]";
      return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    });
    parts.push(chars.join(INVISIBLE));
  }
  return new RegExp(parts.join('\\s+'), 'g');
}

/** Whitespace-insensitive search: the labels write text whitespace-collapsed, as reports do. */
function locate<T extends { text: string }>(
  text: string,
  items: readonly T[],
  unlocated: string[],
): Located<T>[] {
  const out: Located<T>[] = [];
  let from = 0;
  for (const item of items) {
    const pattern = labelPattern(item.text);
    pattern.lastIndex = from;
    const m = pattern.exec(text);
    if (!m) {
      unlocated.push(item.text);
      continue;
    }
    out.push({ item, start: m.index, end: m.index + m[0].length });
    from = m.index + 1;
  }
  return out;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function match<E, P extends { start: number; end: number }>(
  expected: Located<E>[],
  predicted: readonly P[],
  same: (e: E, p: P) => boolean,
): { pairs: [Located<E>, P][]; missed: Located<E>[]; extra: P[] } {
  const used = new Set<number>();
  const pairs: [Located<E>, P][] = [];
  const missed: Located<E>[] = [];
  for (const e of expected) {
    const i = predicted.findIndex((p, j) => !used.has(j) && overlaps(e, p) && same(e.item, p));
    if (i === -1) {
      missed.push(e);
      continue;
    }
    used.add(i);
    pairs.push([e, predicted[i] as P]);
  }
  const extra = predicted.filter((_, j) => !used.has(j));
  return { pairs, missed, extra };
}

export function scorePage(visibleText: string, report: Report, expected: ExpectedPage): PageScore {
  const unlocated: string[] = [];
  const errors: string[] = [];
  const mentions = match(
    locate(visibleText, expected.mentions, unlocated),
    report.mentions,
    (e, p) => e.entity === p.entity,
  );
  const figures = match(
    locate(visibleText, expected.figures, unlocated),
    report.figures,
    (e, p) => e.kind === p.kind,
  );
  for (const m of mentions.missed) errors.push(`missed mention ${m.item.entity} "${m.item.text}"`);
  for (const p of mentions.extra) errors.push(`extra mention ${p.entity} "${p.text}"`);
  for (const f of figures.missed) errors.push(`missed figure ${f.item.kind} "${f.item.text}"`);
  for (const p of figures.extra) errors.push(`extra figure ${p.kind} "${p.text}"`);
  let verdictsRight = 0;
  let falseAlarms = 0;
  let blessedErrors = 0;
  for (const [e, p] of figures.pairs) {
    if (e.item.verdict === p.verdict) verdictsRight++;
    else {
      const label = e.item.attribute ?? e.item.claim ?? null;
      const kind =
        p.verdict === 'contradicted'
          ? 'FALSE ALARM '
          : p.verdict === 'supported' && e.item.verdict === 'contradicted'
            ? 'BLESSED ERROR '
            : '';
      errors.push(
        `${kind}verdict "${e.item.text}": expected ${e.item.verdict} (${label}), got ${p.verdict} (${p.attribute})`,
      );
      if (p.verdict === 'contradicted') falseAlarms++;
      if (p.verdict === 'supported' && e.item.verdict === 'contradicted') blessedErrors++;
    }
    if (e.item.value !== p.value || e.item.unit !== p.unit)
      errors.push(
        `value "${e.item.text}": expected ${e.item.value} ${e.item.unit}, got ${p.value} ${p.unit}`,
      );
  }
  for (const text of unlocated) errors.push(`label not found in visible text: "${text}"`);
  return {
    page: expected.page,
    mentions: {
      truePositives: mentions.pairs.length,
      falsePositives: mentions.extra.length,
      falseNegatives: mentions.missed.length + unlocatedCount(unlocated, expected.mentions),
    },
    figures: {
      truePositives: figures.pairs.length,
      falsePositives: figures.extra.length,
      falseNegatives: figures.missed.length + unlocatedCount(unlocated, expected.figures),
    },
    verdictsRight,
    verdictsTotal: expected.figures.length,
    falseAlarms,
    blessedErrors,
    verdicts: report.figures.filter((f) => f.verdict !== 'unverified').length,
    unlocated,
    errors,
  };
}

function unlocatedCount(unlocated: string[], items: readonly { text: string }[]): number {
  return unlocated.filter((t) => items.some((i) => i.text === t)).length;
}

export interface CorpusScore {
  mentionsF1: number;
  figuresF1: number;
  verdictAccuracy: number;
  figures: number;
  falseAlarms: number;
  blessedErrors: number;
  /** Figures with a verdict other than unverified. */
  verdicts: number;
  /** Mentions reported that are not labelled: look-alikes taken for a watched name. */
  extraMentions: number;
  pages: PageScore[];
}

function f1(c: Counts): number {
  const denominator = 2 * c.truePositives + c.falsePositives + c.falseNegatives;
  return denominator === 0 ? 1 : (2 * c.truePositives) / denominator;
}

function sum(counts: Counts[]): Counts {
  return counts.reduce(
    (a, c) => ({
      truePositives: a.truePositives + c.truePositives,
      falsePositives: a.falsePositives + c.falsePositives,
      falseNegatives: a.falseNegatives + c.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
}

/** Micro-averaged over all pages: every mention and figure weighs the same. */
export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const right = pages.reduce((a, p) => a + p.verdictsRight, 0);
  const total = pages.reduce((a, p) => a + p.verdictsTotal, 0);
  const add = (pick: (p: PageScore) => number): number => pages.reduce((a, p) => a + pick(p), 0);
  return {
    mentionsF1: f1(sum(pages.map((p) => p.mentions))),
    figuresF1: f1(sum(pages.map((p) => p.figures))),
    verdictAccuracy: total === 0 ? 1 : right / total,
    figures: total,
    falseAlarms: add((p) => p.falseAlarms),
    blessedErrors: add((p) => p.blessedErrors),
    verdicts: add((p) => p.verdicts),
    extraMentions: add((p) => p.mentions.falsePositives),
    pages,
  };
}

export function formatScore(score: CorpusScore, name = 'corpus', details = true): string {
  const per100 = score.figures === 0 ? 0 : (100 * score.falseAlarms) / score.figures;
  const lines = [
    `${name}: ${score.pages.length} pages, ${score.figures} figures`,
    `  mentions F1       ${score.mentionsF1.toFixed(3)}  (goal ≥ 0.99; ${score.extraMentions} look-alikes or other extra mentions)`,
    `  figure F1         ${score.figuresF1.toFixed(3)}  (goal ≥ 0.98)`,
    `  verdict accuracy  ${score.verdictAccuracy.toFixed(3)}  (goal ≥ 0.95)`,
    `  false alarms      ${score.falseAlarms} (${per100.toFixed(1)} per 100 figures; goal ≤ 1)`,
    `  blessed errors    ${score.blessedErrors} (goal 0)`,
    `  verdicts given    ${score.verdicts} (a page about no story: goal 0)`,
  ];
  if (!details) return lines.join('\n');
  for (const p of score.pages) {
    if (p.errors.length === 0) continue;
    lines.push(`  ${p.page}:`);
    for (const e of p.errors) lines.push(`    - ${e}`);
  }
  return lines.join('\n');
}

/** The design's goals (../shared/design.md, "Goals the numbers must reach"). */
export const GOALS = {
  mentionsF1: 0.99,
  figuresF1: 0.98,
  verdictAccuracy: 0.95,
  falseAlarmsPer100: 1,
} as const;
