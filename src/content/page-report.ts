/**
 * The report of design.md for the page as it is now: a full walk of the visible text (in slices),
 * block analyses from the cache, offsets made global in document order. Same-origin frames' text
 * counts where the frame stands (design.md); each frame paints its own highlights.
 */
import type { FactIndex } from '../core/compare';
import { BUNDLED_LEXICON, type Lexicon } from '../core/entities';
import type { Report } from '../core/types';
import { recognizeCached, setPageLanguage, setPageLexicon } from './analysis-cache';
import { blockRole, LabelTracker, type Label } from '../core/text/labels';
import { PageContextTracker } from './page-context';
import { itemsOfBlock, type PageItem } from './page-items';
import { PageWalker, type PageBlock } from './page-walker';
import { checkpoint, sliceDeadline } from './schedule';

export interface PageReport {
  report: Report;
  /** Each figure and mention of the report, by index, for "reveal" (which makes its range). */
  figureItems: PageItem[];
  mentionItems: PageItem[];
  /**
   * Whether all the walk read is in the page's document tree (it entered no shadow root and no
   * frame), so that a MutationObserver on the document sees every change to it (report-cache.ts).
   */
  inOneTree: boolean;
}

export async function buildPageReport(
  doc: Document,
  facts: FactIndex,
  signal: AbortSignal,
  lexicon: Lexicon = BUNDLED_LEXICON,
): Promise<PageReport> {
  const report: Report = {
    version: 1,
    url: doc.location?.href ?? '',
    title: doc.title.replace(/\s+/g, ' ').trim(),
    mentions: [],
    figures: [],
  };
  const figureItems: PageItem[] = [];
  const mentionItems: PageItem[] = [];
  // Two passes, as the CLI makes them (src/core/report/analyze.ts, analyzeText): the walk collects
  // the blocks and what they name; attribution then uses the whole page's context.
  const blocks: PageBlock[] = [];
  const lang = doc.documentElement?.lang ?? '';
  setPageLanguage(lang);
  setPageLexicon(lexicon);
  const context = new PageContextTracker(report.title, facts.matcher, lang, lexicon);
  const labels = new Map<PageBlock, Label>();
  const tracker = new LabelTracker<PageBlock>();
  const root = doc.body ?? doc.documentElement;
  let inOneTree = true;
  const walker = new PageWalker(
    root,
    (block) => {
      blocks.push(block);
      const found = recognizeCached(block.text);
      context.add(found.mentions, block.text.length, false);
      tracker.push(block, block.text, blockRole(block.text, found.figures), (b, l) =>
        labels.set(b, l),
      );
    },
    {
      enterFrames: true,
      wholeLeafBlocks: true,
      onOtherTree: () => {
        inOneTree = false;
      },
    },
  );
  while (!walker.step(sliceDeadline())) await checkpoint(signal);
  let offset = 0;
  for (const block of blocks) {
    for (const item of itemsOfBlock(block, facts, context.current, labels.get(block))) {
      if (item.type === 'mention') {
        report.mentions.push({
          ...item.mention,
          start: item.mention.start + offset,
          end: item.mention.end + offset,
        });
        mentionItems.push(item);
      } else {
        report.figures.push({
          ...item.figure,
          start: item.figure.start + offset,
          end: item.figure.end + offset,
        });
        figureItems.push(item);
      }
    }
    // Blocks are separated by one '\n' in the visible text.
    offset += block.text.length + 1;
  }
  return { report, figureItems, mentionItems, inOneTree };
}
