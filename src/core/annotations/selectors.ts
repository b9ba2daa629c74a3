/**
 * Describing a passage of the page's visible text (src/core/text/visible-text.ts) as the W3C Web
 * Annotation selectors that anchor.ts finds it again with.
 */
import type { TextPositionSelector, TextQuoteSelector } from './types';

/**
 * Characters of context kept on each side of the quote. 32 is a few words: enough to tell apart
 * the repeated occurrences of a short quote ("$1.25 billion" in a headline and in a paragraph),
 * short enough that an edit near the passage rarely reaches it and that 100,000 annotations stay
 * small to store and export. It is also what Hypothesis stores, so annotations exchanged with it
 * carry the same amount of context, and it is one machine word of the bit-parallel matcher
 * anchor.ts compares contexts with.
 */
export const CONTEXT_LENGTH = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The selectors of `text[start, end)`: the quote with CONTEXT_LENGTH characters of prefix and
 * suffix (fewer at the text's bounds; one fewer where the cut would split a surrogate pair, so a
 * context is always well-formed text), and the position.
 *
 * Throws a RangeError when the span is not within the text (a caller's bug, not bad data).
 */
export function describe(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`describe: bad span [${start}, ${end})`);
  }
  if (end > text.length) {
    throw new RangeError(`describe: span [${start}, ${end}) beyond the text (${text.length})`);
  }
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(from, start),
      suffix: text.slice(end, to),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
