/**
 * What Factmark found in one block of the live page: mentions and figures with their verdicts, and
 * where they are (the block's segments and local offsets). Shared by the highlighter (which paints
 * them) and the report (which lists them).
 *
 * Items hold no DOM range: a range is made when one is needed — a StaticRange to paint a block
 * near the viewport, a live Range to reveal or hover one item. Live ranges are updated by the
 * browser on every DOM change of the page, so tens of thousands of them would tax the page's own
 * scripts; static ones cost nothing after they are made, and our MutationObserver redoes a block
 * whose text changes.
 */
import type { FactIndex } from '../core/compare';
import { reportFigure, reportMention } from '../core/report/analyze';
import type { Label } from '../core/text/labels';
import type { ReportFigure, ReportMention } from '../core/types';
import { analyzeCached, type KeyedContext } from './analysis-cache';
import { rangeFor, staticRangeFor } from './locate';
import type { PageBlock } from './page-walker';

interface Placed {
  block: PageBlock;
  /** Offsets into the block's text. */
  start: number;
  end: number;
}

export type PageItem =
  | ({ type: 'mention'; mention: ReportMention } & Placed)
  | ({ type: 'figure'; figure: ReportFigure } & Placed);

/** Items of one block; offsets in the reported entries are local to the block. */
export function itemsOfBlock(
  block: PageBlock,
  facts: FactIndex,
  context: KeyedContext,
  label?: Label,
): PageItem[] {
  const analysis = analyzeCached(block.text, context, label);
  if (analysis.mentions.length === 0 && analysis.figures.length === 0) return [];
  const items: PageItem[] = [];
  for (const m of analysis.mentions) {
    items.push({ type: 'mention', mention: reportMention(m), block, start: m.start, end: m.end });
  }
  for (const f of analysis.figures) {
    items.push({
      type: 'figure',
      figure: reportFigure(f, facts),
      block,
      start: f.start,
      end: f.end,
    });
  }
  return items;
}

/** A live Range over the item (to reveal it, to test a point against it), or null if it is gone. */
export function rangeOfItem(item: PageItem): Range | null {
  return rangeFor(item.block.segments, item.start, item.end);
}

/** A StaticRange over the item, to paint it. */
export function staticRangeOfItem(item: PageItem): StaticRange | null {
  return staticRangeFor(item.block.segments, item.start, item.end);
}
