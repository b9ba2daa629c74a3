/**
 * Which of a long page's blocks the IntersectionObserver watches: those within WATCH_SPAN of the
 * viewport in document order, not all of them, the window moving as the reader scrolls.
 *
 * Why: Chromium computes every observed target's intersection at each rendering update. On the
 * bench's 50,000-paragraph page, an observer of its 25,000 paragraphs took every frame of that
 * page from 42–52 ms to 67–86 ms (a page script adding one element to a shown popover; four
 * loads each, Chromium 156), over design.md's 50 ms: the frame that draws the overview strip was
 * counted as a long task. Only a long page (page-highlights.ts LONG_PAGE_BLOCKS) has its watching
 * windowed: there the blocks near the viewport are found by their positions anyway, and a block
 * outside the window is at least WATCH_SPAN / 2 blocks away from the one in view.
 */

// Blocks watched on each side of the viewport's. A screen holds some 10–20 paragraphs; 1,000 is
// dozens of screens, so the window moves rarely while reading, and 2,000 targets cost a frame
// some 2–3 ms (a twelfth of 25,000's).
export const WATCH_SPAN = 1_000;

export class WatchWindow {
  private from = 0;
  private to = 0;

  /**
   * `owners`: the blocks in document order. `wanted`: whether one still needs watching (not yet
   * painted, still holding findings).
   */
  constructor(
    readonly owners: readonly Element[],
    private readonly unwatch: (owner: Element) => void,
    private readonly wanted: (owner: Element) => boolean,
  ) {}

  /** Is the block at `at` far enough from the window's middle for the window to move? */
  shouldMove(at: number): boolean {
    if (this.from === this.to) return true;
    const middle = (this.from + this.to) >> 1;
    return Math.abs(at - middle) > WATCH_SPAN / 2;
  }

  /**
   * Move the window to the blocks within WATCH_SPAN of `at`: those it leaves are unwatched; those
   * it takes in and still wanted are returned, in order, for the caller to watch (in slices).
   */
  moveTo(at: number): Element[] {
    const from = Math.max(0, Math.min(at, this.owners.length) - WATCH_SPAN);
    const to = Math.min(this.owners.length, at + WATCH_SPAN);
    for (let i = this.from; i < this.to; i++) {
      if (i >= from && i < to) continue;
      this.unwatch(this.owners[i] as Element);
    }
    const added: Element[] = [];
    for (let i = from; i < to; i++) {
      if (i >= this.from && i < this.to) continue;
      const owner = this.owners[i] as Element;
      if (this.wanted(owner)) added.push(owner);
    }
    this.from = from;
    this.to = to;
    return added;
  }
}
