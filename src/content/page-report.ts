/**
 * The report of design.md for the page as it is now: a full walk of the visible text (in slices),
 * block analyses from the cache, offsets made global in document order. Same-origin frames' text
 * counts where the frame stands (design.md); each frame paints its own highlights.
 */
import type { FactIndex } from '../core/compare';
import type { Report } from '../core/types';
import { itemsOfBlock } from './page-items';
import { PageWalker } from './page-walker';
import { checkpoint, sliceDeadline } from './schedule';

export interface PageReport {
  report: Report;
  /** The DOM range of each figure and mention of the report, by index, for "reveal". */
  figureRanges: Range[];
  mentionRanges: Range[];
}

export async function buildPageReport(doc: Document, facts: FactIndex, signal: AbortSignal): Promise<PageReport> {
  const report: Report = {
    version: 1,
    url: doc.location?.href ?? '',
    title: doc.title.replace(/\s+/g, ' ').trim(),
    mentions: [],
    figures: [],
  };
  const figureRanges: Range[] = [];
  const mentionRanges: Range[] = [];
  let offset = 0;
  const root = doc.body ?? doc.documentElement;
  const walker = new PageWalker(root, (block) => {
    for (const item of itemsOfBlock(block, facts)) {
      if (item.type === 'mention') {
        report.mentions.push({ ...item.mention, start: item.mention.start + offset, end: item.mention.end + offset });
        mentionRanges.push(item.range);
      } else {
        report.figures.push({ ...item.figure, start: item.figure.start + offset, end: item.figure.end + offset });
        figureRanges.push(item.range);
      }
    }
    // Blocks are separated by one '\n' in the visible text.
    offset += block.text.length + 1;
  }, true);
  while (!walker.step(sliceDeadline())) await checkpoint(signal);
  return { report, figureRanges, mentionRanges };
}
