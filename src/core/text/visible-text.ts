/**
 * One block's visible text, built from the raw data of its text nodes, with whitespace collapsed
 * as a browser renders normal text (`white-space: normal`).
 *
 * - A run of document white space (space, tab, line feed, carriage return, form feed) is one space,
 *   also when the run spans several text nodes or a `<br>` (`addBreak`). Other spaces — U+00A0
 *   NO-BREAK SPACE above all — are characters like any other and stay as they are.
 * - White space at the start and at the end of the block is dropped: a space is emitted only when
 *   a later non-white-space character arrives, and it then belongs to the segment of the text node
 *   that brings that character.
 *
 * - Table cells are separated by a tab (`addCellBreak`); a table row is one block.
 *
 * The page's visible text is its blocks joined with '\n' (so a block never holds '\n'). The content
 * script and the CLI both build blocks with this class, so their offsets agree.
 *
 * Each `addText` call that contributes characters gets a segment telling where its characters are
 * in the block's text, and how to map an offset in the block back to an offset in the node's raw
 * data (`rawOffset`), to set a DOM Range. The map is stored as the few points where it shifts.
 */

/** The characters of one text node (one `addText` call) in the block's text. */
export interface TextSegment<Ref> {
  /** The text node (or whatever the caller passed). */
  readonly ref: Ref;
  /** Offset in the block's text of the segment's first character. */
  readonly start: number;
  /** Offset in the block's text just after the segment's last character (never a space). */
  readonly end: number;
  /**
   * The raw offset of the character at `start`: output offset `start + k` maps to raw offset
   * `rawStart + k` until the first jump. It is -1 when the segment starts with a space that was
   * pending from before the node (an earlier node's trailing white space, a break) and the node's
   * data starts with a visible character; `rawOffset` gives 0 for that space.
   */
  readonly rawStart: number;
  /**
   * Where the map jumps, as pairs [k, raw] (k counted from `start`): from output offset
   * `start + k` on, output offset `start + k + d` maps to raw offset `raw + d`, until the next pair.
   * A jump happens after a collapsed run of more than one white-space character. Null when there is
   * none (a node that needed no collapsing).
   */
  readonly jumps: readonly number[] | null;
}

/**
 * The offset in the segment's raw data of output offset `offset` (start ≤ offset ≤ end): the raw
 * offset of the character at `offset` (a collapsed space: of its run's first white-space character
 * in this node), which is also the raw offset just after the character before `offset` — so it
 * serves for a Range's start and end alike. O(log jumps).
 */
export function rawOffset<Ref>(segment: TextSegment<Ref>, offset: number): number {
  const k = offset - segment.start;
  const jumps = segment.jumps;
  if (jumps === null || k < (jumps[0] as number)) return Math.max(0, segment.rawStart + k);
  // The last pair whose k is ≤ the wanted one.
  let lo = 0;
  let hi = (jumps.length >> 1) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((jumps[2 * mid] as number) <= k) lo = mid;
    else hi = mid - 1;
  }
  return (jumps[2 * lo + 1] as number) + (k - (jumps[2 * lo] as number));
}

/** Document white space: what `white-space: normal` collapses (not U+00A0). */
const WHITESPACE = /[ \t\n\r\f]/;
/** Anything needing more than dropping a leading or trailing single space. */
const NEEDS_COLLAPSING = /[\t\n\r\f]| {2}/;
const WHITESPACE_RUN = /[ \t\n\r\f]+/g;

const SPACE = 0x20;

/**
 * Whether `data` is white space only (the line breaks and indentation between a page's blocks,
 * a text node for every one of them): read by character code, which stops at the first other
 * character — the first one, for nearly every text node that is not blank.
 */
function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    // Space, tab, line feed, form feed, carriage return (WHITESPACE).
    if (c !== SPACE && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return false;
  }
  return true;
}

/**
 * The visible text of one piece of raw text with no break or cell inside (a block's
 * `textContent` when it holds nothing but plain inline content): white space collapsed and
 * trimmed exactly as VisibleTextBuilder does over the same text in any number of nodes.
 */
export function collapseWhitespace(raw: string): string {
  let text = NEEDS_COLLAPSING.test(raw) ? raw.replace(WHITESPACE_RUN, ' ') : raw;
  if (text.charCodeAt(0) === SPACE) text = text.slice(1);
  if (text.charCodeAt(text.length - 1) === SPACE) text = text.slice(0, -1);
  return text;
}

export class VisibleTextBuilder<Ref> {
  private chunks: string[] = [];
  private segments: TextSegment<Ref>[] = [];
  private length = 0;
  /** A white-space run (or a break) was seen after the last emitted character. */
  private pending = false;
  /** What the pending separator is: a space, or a tab between table cells (`addCellBreak`). */
  private pendingChar = ' ';

  /** The length of the text so far (without a pending space). */
  get textLength(): number {
    return this.length;
  }

  /** Appends a text node's raw data. */
  addText(data: string, ref: Ref): void {
    if (data.length === 0) return;
    if (!WHITESPACE.test(data)) {
      this.addPlain(data, 0, data.length, ref);
      return;
    }
    if (isBlank(data)) {
      // No characters, only a separator before the next ones (as a run inside addCollapsing).
      if (this.length > 0) this.pending = true;
      return;
    }
    if (!NEEDS_COLLAPSING.test(data)) {
      // Only single spaces: at most a leading and a trailing one to deal with (most text nodes).
      const lead = data.charCodeAt(0) === SPACE ? 1 : 0;
      const trail = data.length > lead && data.charCodeAt(data.length - 1) === SPACE ? 1 : 0;
      if (lead === 1 && this.length > 0) this.pending = true;
      if (data.length - lead - trail > 0) this.addPlain(data, lead, data.length - trail, ref);
      if (trail === 1 && this.length > 0) this.pending = true;
      return;
    }
    this.addCollapsing(data, ref);
  }

  /** A line break (`<br>`): white space, as far as the text is concerned. */
  addBreak(): void {
    if (this.length > 0) this.pending = true;
  }

  /**
   * The start of a table cell: a tab, in place of any white space around it. A table row is one
   * block, its cells separated by tabs, so that "EXIM financing | $1.25 billion" stays one unit
   * of meaning for attribution while no figure or name can run from one cell into the next.
   */
  addCellBreak(): void {
    if (this.length > 0) {
      this.pending = true;
      this.pendingChar = '\t';
    }
  }

  /** The block's text and its segments. */
  finish(): { text: string; segments: TextSegment<Ref>[] } {
    return { text: this.chunks.join(''), segments: this.segments.slice() };
  }

  /**
   * The block's text and segments, the builder starting over for the next block (a walk over a
   * page builds tens of thousands of blocks with one builder). Null for a block without text.
   */
  take(): { text: string; segments: TextSegment<Ref>[] } | null {
    if (this.length === 0) {
      this.pending = false;
      this.pendingChar = ' ';
      return null;
    }
    const text = this.chunks.length === 1 ? (this.chunks[0] as string) : this.chunks.join('');
    const segments = this.segments;
    this.chunks = [];
    this.segments = [];
    this.length = 0;
    this.pending = false;
    this.pendingChar = ' ';
    return { text, segments };
  }

  /**
   * `data[from, to)` holds no collapsible white space (its own single spaces, if any, are
   * one-for-one); a pending space goes before it. One segment, no jump.
   */
  private addPlain(data: string, from: number, to: number, ref: Ref): void {
    const start = this.length;
    let rawStart = from;
    if (this.pending && start > 0) {
      // The space maps to the raw character before `from`: the leading white space of this node
      // if any (from = 1), or -1 (read as 0) when it came from an earlier node or a break.
      this.chunks.push(this.pendingChar);
      this.length++;
      rawStart = from - 1;
    }
    this.pending = false;
    this.pendingChar = ' ';
    this.chunks.push(from === 0 && to === data.length ? data : data.slice(from, to));
    this.length += to - from;
    this.segments.push({ ref, start, end: this.length, rawStart, jumps: null });
  }

  /** The general case: runs of white space inside the data. */
  private addCollapsing(data: string, ref: Ref): void {
    const start = this.length;
    let rawStart = 0;
    let jumps: number[] | null = null;
    // Where the map stands: output k `baseK + d` is raw `baseRaw + d`.
    let baseK = 0;
    let baseRaw = 0;
    let emitted = false;
    let pos = 0;
    WHITESPACE_RUN.lastIndex = 0;
    for (;;) {
      const match = WHITESPACE_RUN.exec(data);
      const wordEnd = match ? match.index : data.length;
      if (wordEnd > pos) {
        // A word: data[pos, wordEnd), preceded by a space when one is pending.
        const space = this.pending && this.length > 0;
        if (space) {
          this.chunks.push(this.pendingChar);
          this.length++;
        }
        if (!emitted) {
          // First characters of the segment: the map starts with them. A leading space maps to
          // the raw offset just before the word (inside this node's leading run, or -1).
          emitted = true;
          rawStart = space ? pos - 1 : pos;
          baseK = 0;
          baseRaw = rawStart;
        } else {
          // A space here always stands for the run just before the word, inside this node: it
          // maps to the run's first character (just after the previous word), which the current
          // map already gives; the word maps to itself — a jump unless the run was one character.
          const k = this.length - start;
          if (baseRaw + (k - baseK) !== pos) {
            if (jumps === null) jumps = [];
            jumps.push(k, pos);
            baseK = k;
            baseRaw = pos;
          }
        }
        this.pending = false;
        this.pendingChar = ' ';
        this.chunks.push(data.slice(pos, wordEnd));
        this.length += wordEnd - pos;
      }
      if (!match) break;
      if (this.length > 0) this.pending = true;
      pos = match.index + match[0].length;
    }
    if (emitted) this.segments.push({ ref, start, end: this.length, rawStart, jumps });
  }
}
