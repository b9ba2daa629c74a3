/**
 * Highlights through the CSS Custom Highlight API: ranges registered under our names and painted
 * by ::highlight() rules in highlights.css (declared in the manifest, so no stylesheet is written
 * into the page). The page's DOM is never modified: no wrapper elements, no layout shift, nothing
 * for a framework's virtual DOM to trip over.
 */
import type { Verdict } from '../core/types';

export type HighlightCategory = 'mention' | Verdict | 'flash';

const NAMES: Record<HighlightCategory, string> = {
  mention: 'factmark-mention',
  supported: 'factmark-supported',
  contradicted: 'factmark-contradicted',
  unverified: 'factmark-unverified',
  flash: 'factmark-flash',
};

// Where figures and mentions overlap ("Barrick's 50%"), the verdict paints over the mention.
const PRIORITY: Record<HighlightCategory, number> = {
  mention: 0,
  unverified: 1,
  supported: 1,
  contradicted: 2,
  flash: 3,
};

export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export class Highlighter {
  private readonly sets = new Map<HighlightCategory, Highlight>();

  constructor() {
    if (!highlightsSupported()) return;
    for (const category of Object.keys(NAMES) as HighlightCategory[]) {
      const h = new Highlight();
      h.priority = PRIORITY[category];
      this.sets.set(category, h);
    }
  }

  add(category: HighlightCategory, range: AbstractRange): void {
    this.registered(category)?.add(range);
  }

  /**
   * The category's highlight, registered with the page on first use: any change to the page's
   * highlight registry has the browser repaint the whole page (about 18 ms at 10,000
   * paragraphs), so none is made before there is something to paint.
   */
  private registered(category: HighlightCategory): Highlight | undefined {
    const set = this.sets.get(category);
    if (set && set.size === 0 && CSS.highlights.get(NAMES[category]) !== set) {
      CSS.highlights.set(NAMES[category], set);
    }
    return set;
  }

  delete(category: HighlightCategory, range: AbstractRange): void {
    this.sets.get(category)?.delete(range);
  }

  /** Flash a range for a moment, to show where a click in the popup or strip went. */
  flash(range: AbstractRange, ms = 1600): void {
    const set = this.registered('flash');
    if (!set) return;
    set.clear();
    set.add(range);
    setTimeout(() => set.delete(range), ms);
  }

  clear(): void {
    for (const h of this.sets.values()) h.clear();
  }

  /** Unregister our names: the page is left as it was. */
  dispose(): void {
    this.clear();
    if (!highlightsSupported()) return;
    for (const [category, h] of this.sets) {
      if (CSS.highlights.get(NAMES[category]) === h) CSS.highlights.delete(NAMES[category]);
    }
    this.sets.clear();
  }
}
