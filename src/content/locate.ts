/**
 * From offsets in a block's text to a DOM Range: find the segments (text nodes) that hold the
 * start and the end, and map the collapsed offsets back to offsets in the nodes' raw data.
 */
import { rawOffset, type TextSegment } from '../core/text/visible-text';

function segmentIndex(
  segments: readonly TextSegment<Text>[],
  offset: number,
  isEnd: boolean,
): number {
  // The segment holding the character at `offset` (start), or the one ending at/after it (end).
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid] as TextSegment<Text>;
    if (isEnd ? seg.end < offset : seg.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function rangeFor(
  segments: readonly TextSegment<Text>[],
  start: number,
  end: number,
): Range | null {
  if (segments.length === 0 || end <= start) return null;
  const a = segments[segmentIndex(segments, start, false)] as TextSegment<Text>;
  const b = segments[segmentIndex(segments, end, true)] as TextSegment<Text>;
  if (!a.ref.isConnected || !b.ref.isConnected) return null;
  const range = (a.ref.ownerDocument ?? document).createRange();
  try {
    range.setStart(a.ref, rawOffset(a, Math.max(start, a.start)));
    range.setEnd(b.ref, rawOffset(b, Math.min(end, b.end)));
  } catch {
    // The node changed under us since it was walked; the next pass over its block will redo it.
    return null;
  }
  return range;
}

/**
 * The same span as a StaticRange: made without the DOM's bookkeeping for live ranges, which is
 * what painting thousands of highlights wants. Offsets past a node's end (its text changed since
 * it was walked) give null; the MutationObserver redoes such a block anyway.
 */
export function staticRangeFor(
  segments: readonly TextSegment<Text>[],
  start: number,
  end: number,
): StaticRange | null {
  if (segments.length === 0 || end <= start) return null;
  const a = segments[segmentIndex(segments, start, false)] as TextSegment<Text>;
  const b = segments[segmentIndex(segments, end, true)] as TextSegment<Text>;
  const startOffset = rawOffset(a, Math.max(start, a.start));
  const endOffset = rawOffset(b, Math.min(end, b.end));
  if (startOffset > a.ref.length || endOffset > b.ref.length) return null;
  return new StaticRange({ startContainer: a.ref, startOffset, endContainer: b.ref, endOffset });
}
