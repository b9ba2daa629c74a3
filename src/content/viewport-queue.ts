/**
 * Blocks waiting to be painted until the reader comes near them.
 *
 * Painting costs per highlight, in our work and in every frame the browser draws afterwards; a
 * page of 50,000 paragraphs has 45,000 of them, of which a screen shows a few dozen. So blocks are
 * painted when they come within a screen of the viewport.
 *
 * Blocks arrive in the walk's order, which is the order of their text on the page; in normal flow
 * that is also their order from top to bottom, so the blocks near the viewport are found by a
 * binary search over their positions: a few layout reads per look, whatever the page's length
 * (the page's layout is clean: Factmark writes nothing to the DOM, so reads are cheap). An
 * IntersectionObserver would do this for us, but observing tens of thousands of elements makes the
 * browser compute all their intersections in every frame: measured, that made 200–500 ms tasks
 * on the 50,000-paragraph benchmark page. Blocks that arrive later (appended content) are not in
 * order with the rest and are kept apart, each looked at on its own.
 */

interface Waiting {
  owner: Element;
  /** The block's first text node: its position stands for the block's. */
  probe: Text;
}

// How far beyond the viewport, above and below, blocks are painted ahead of the reader: one
// screen, so that a scroll of a screen or less shows blocks already painted.
const MARGIN_SCREENS = 1;

export class ViewportQueue {
  private readonly ordered: Waiting[] = [];
  private loose: Waiting[] = [];
  private readonly range: Range;

  constructor(
    private readonly doc: Document,
    /** Paint a block's owner; called at most once per owner while it is waiting. */
    private readonly paint: (owner: Element) => void,
    /** Whether the owner still waits (not painted, not dropped since it was queued). */
    private readonly waits: (owner: Element) => boolean,
  ) {
    this.range = doc.createRange();
  }

  /** Queue a block; `inOrder` when it comes from the walk (document order), not from a change. */
  add(owner: Element, probe: Text, inOrder: boolean): void {
    (inOrder ? this.ordered : this.loose).push({ owner, probe });
  }

  /** Paint the waiting blocks within a screen of the viewport. */
  flush(): void {
    const height = this.doc.defaultView?.innerHeight ?? 800;
    const above = -MARGIN_SCREENS * height;
    const below = (1 + MARGIN_SCREENS) * height;
    this.flushOrdered(above, below);
    if (this.loose.length > 0) {
      this.loose = this.loose.filter((w) => {
        if (!this.waits(w.owner)) return false;
        const r = this.rectOf(w.probe);
        if (r === null || r.bottom < above || r.top > below) return true;
        this.paint(w.owner);
        return false;
      });
    }
  }

  clear(): void {
    this.ordered.length = 0;
    this.loose = [];
  }

  private flushOrdered(above: number, below: number): void {
    const list = this.ordered;
    // The first block whose bottom is below the top of the band.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = this.rectOf((list[mid] as Waiting).probe);
      if (r !== null && r.bottom < above) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length; i++) {
      const w = list[i] as Waiting;
      const r = this.rectOf(w.probe);
      if (r !== null && r.top > below) break;
      if (this.waits(w.owner)) this.paint(w.owner);
    }
  }

  /** Where a text node's first character is drawn, or null for a node that is gone. */
  private rectOf(text: Text): DOMRect | null {
    if (!text.isConnected) return null;
    this.range.setStart(text, 0);
    this.range.setEnd(text, Math.min(1, text.length));
    return this.range.getBoundingClientRect();
  }
}
