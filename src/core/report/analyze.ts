/**
 * Analysis of visible text into mentions, figures and attributes, and the report of design.md.
 *
 * The visible text is a sequence of blocks separated by '\n' (src/core/text/visible-text.ts).
 * Everything is decided within one block — a figure's sentence and its neighbours never cross a
 * block boundary — so a block's analysis does not depend on the rest of the page: the content
 * script analyzes blocks as they appear and gets what the CLI gets for the whole page.
 */
import { attributeFigures } from '../attribution';
import { compareFigure, type FactIndex } from '../compare';
import { findMentions } from '../entities';
import { findFigures } from '../figures';
import type { AttributedFigure, Mention, Report, ReportFigure, ReportMention } from '../types';

export interface Analysis {
  mentions: Mention[];
  figures: AttributedFigure[];
}

/** Analyze one block (no '\n' inside is assumed); offsets are into `text`. */
export function analyzeBlock(text: string): Analysis {
  const mentions = findMentions(text);
  const figures = findFigures(text);
  const attributes = attributeFigures(text, figures, mentions);
  return {
    mentions,
    figures: figures.map((f, i) => ({ ...f, attribute: attributes[i] ?? null })),
  };
}

/** Analyze a whole visible text, block by block; offsets are into `text`. */
export function analyzeText(text: string): Analysis {
  const result: Analysis = { mentions: [], figures: [] };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) appendShifted(result, analyzeBlock(text.slice(start, end)), start);
    start = end + 1;
  }
  return result;
}

/** Append a block's analysis to a page's, moving its offsets by the block's start. */
export function appendShifted(into: Analysis, block: Analysis, offset: number): void {
  for (const m of block.mentions) into.mentions.push({ ...m, start: m.start + offset, end: m.end + offset });
  for (const f of block.figures) into.figures.push({ ...f, start: f.start + offset, end: f.end + offset });
}

export function reportMention(m: Mention): ReportMention {
  return { entity: m.entity, text: m.text, start: m.start, end: m.end };
}

export function reportFigure(f: AttributedFigure, facts: FactIndex): ReportFigure {
  const { verdict, facts: factIds } = compareFigure(f, facts);
  const out: ReportFigure = {
    text: f.text,
    start: f.start,
    end: f.end,
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    attribute: f.attribute,
    verdict,
    facts: factIds,
  };
  if (f.qualifier) out.qualifier = f.qualifier.text;
  return out;
}

export function buildReport(
  page: { url: string; title: string },
  analysis: Analysis,
  facts: FactIndex,
): Report {
  return {
    version: 1,
    url: page.url,
    title: page.title,
    mentions: analysis.mentions.map(reportMention),
    figures: analysis.figures.map((f) => reportFigure(f, facts)),
  };
}
