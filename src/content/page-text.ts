/**
 * The page's whole visible text with a map back to the DOM, for annotations: a selection becomes
 * offsets into the text (TextPositionSelector, and the quote's context), and stored offsets become
 * a Range again. The text is the report's (blocks joined by '\n', same-origin frames included), so
 * an annotation's offsets and a report's are offsets into the same string.
 *
 * Built on demand — when the page has annotations, or the user makes one — never by the first
 * highlighting pass, which does not need the page as one string.
 */
import { rawOffset, type TextSegment } from '../core/text/visible-text';
import { rangeFor } from './locate';
import { PageWalker, type PageBlock } from './page-walker';
import { checkpoint, sliceDeadline } from './schedule';

interface PlacedBlock {
  /** Offset of the block's first character in the page's text. */
  start: number;
  block: PageBlock;
}

export class PageText {
  private readonly nodes = new Map<Text, { block: PlacedBlock; segment: TextSegment<Text> }>();

  private constructor(
    readonly text: string,
    private readonly blocks: readonly PlacedBlock[],
  ) {
    for (const placed of blocks) {
      for (const segment of placed.block.segments)
        this.nodes.set(segment.ref, { block: placed, segment });
    }
  }

  /** Walk the page in slices (a long page must not freeze it). */
  static async build(doc: Document, signal: AbortSignal): Promise<PageText> {
    const blocks: PlacedBlock[] = [];
    const parts: string[] = [];
    let offset = 0;
    const walker = new PageWalker(
      doc.body ?? doc.documentElement,
      (block) => {
        blocks.push({ start: offset, block });
        parts.push(block.text);
        offset += block.text.length + 1;
      },
      { enterFrames: true },
    );
    while (!walker.step(sliceDeadline())) await checkpoint(signal);
    return new PageText(parts.join('\n'), blocks);
  }

  /** The offsets in the page's text of a DOM range, or null when it holds no visible text. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const start = this.pointOffset(range.startContainer, range.startOffset, 'start');
    const end = this.pointOffset(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /** A DOM range for offsets in the page's text, across blocks if need be. */
  rangeOf(start: number, end: number): Range | null {
    const a = this.blockAt(start);
    const b = this.blockAt(Math.max(start, end - 1));
    if (!a || !b) return null;
    if (a === b) return rangeFor(a.block.segments, start - a.start, end - a.start);
    const head = rangeFor(a.block.segments, start - a.start, a.block.text.length);
    const tail = rangeFor(b.block.segments, 0, end - b.start);
    if (!head || !tail) return null;
    head.setEnd(tail.endContainer, tail.endOffset);
    return head;
  }

  private blockAt(offset: number): PlacedBlock | undefined {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.blocks[mid] as PlacedBlock).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const placed = this.blocks[lo];
    return placed && offset <= placed.start + placed.block.text.length ? placed : undefined;
  }

  /**
   * A DOM point as an offset in the text. A point inside a text node we walked maps through its
   * segment; a point between nodes (an element boundary) or in a node we skipped moves to the
   * nearest walked text in the direction that keeps the selection's content: forward for a start,
   * backward for an end.
   */
  private pointOffset(node: Node, offset: number, side: 'start' | 'end'): number | null {
    if (node.nodeType === Node.TEXT_NODE) {
      const hit = this.nodes.get(node as Text);
      if (hit) return hit.block.start + outputOffset(hit.segment, offset);
    }
    const doc = node.ownerDocument ?? document;
    const root = doc.body ?? doc.documentElement;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // Position the walker at the point: the child at `offset` for an element, the node itself.
    const anchor = node.nodeType === Node.TEXT_NODE ? node : (node.childNodes[offset] ?? null);
    if (side === 'start') {
      walker.currentNode = anchor ?? node;
      for (
        let t: Node | null =
          anchor && anchor.nodeType === Node.TEXT_NODE ? anchor : walker.nextNode();
        t;
        t = walker.nextNode()
      ) {
        const hit = this.nodes.get(t as Text);
        if (hit) return hit.block.start + hit.segment.start;
      }
      return null;
    }
    walker.currentNode = anchor ?? lastDescendant(node);
    if (anchor) walker.previousNode();
    for (let t: Node | null = walker.currentNode; t; t = walker.previousNode()) {
      if (t.nodeType !== Node.TEXT_NODE) continue;
      const hit = this.nodes.get(t as Text);
      if (hit) return hit.block.start + hit.segment.end;
    }
    return null;
  }
}

function lastDescendant(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/** The block-text offset of a raw offset in a segment's node: the inverse of rawOffset. */
function outputOffset(segment: TextSegment<Text>, raw: number): number {
  // rawOffset is non-decreasing in its output offset: the first output offset whose raw offset
  // reaches `raw` is the character the raw offset stands before.
  let lo = segment.start;
  let hi = segment.end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rawOffset(segment, mid) < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
