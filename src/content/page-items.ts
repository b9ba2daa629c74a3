/**
 * What Factmark found in one block of the live page: mentions and figures with their verdicts and
 * their DOM ranges. Shared by the highlighter (which paints them) and the report (which lists them).
 */
import type { FactIndex } from '../core/compare';
import { reportFigure, reportMention } from '../core/report/analyze';
import type { ReportFigure, ReportMention } from '../core/types';
import { analyzeCached, type KeyedContext } from './analysis-cache';
import { rangeFor } from './locate';
import type { PageBlock } from './page-walker';

export type PageItem =
  | { type: 'mention'; mention: ReportMention; range: Range }
  | { type: 'figure'; figure: ReportFigure; range: Range };

/** Items of one block; offsets in the reported entries are local to the block. */
export function itemsOfBlock(
  block: PageBlock,
  facts: FactIndex,
  context: KeyedContext,
): PageItem[] {
  const analysis = analyzeCached(block.text, context);
  if (analysis.mentions.length === 0 && analysis.figures.length === 0) return [];
  const items: PageItem[] = [];
  for (const m of analysis.mentions) {
    const range = rangeFor(block.segments, m.start, m.end);
    if (range) items.push({ type: 'mention', mention: reportMention(m), range });
  }
  for (const f of analysis.figures) {
    const range = rangeFor(block.segments, f.start, f.end);
    if (range) items.push({ type: 'figure', figure: reportFigure(f, facts), range });
  }
  return items;
}
