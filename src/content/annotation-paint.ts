/**
 * The user's highlights, painted like Factmark's own (CSS Custom Highlight API, no DOM writes), one
 * highlight name per colour: ::highlight(factmark-note-yellow) and so on in highlights.css.
 */
import { ANNOTATION_COLORS, type AnnotationColor } from '../core/annotations/types';
import { highlightsSupported } from './highlighter';

const name = (color: AnnotationColor) => `factmark-note-${color}`;

// Above Factmark's own highlights (priority 0–3 in highlighter.ts): what the journalist marked is
// what they came back for.
const PRIORITY = 4;

export class AnnotationPaint {
  private readonly sets = new Map<AnnotationColor, Highlight>();

  constructor() {
    if (!highlightsSupported()) return;
    for (const color of ANNOTATION_COLORS) {
      const h = new Highlight();
      h.priority = PRIORITY;
      this.sets.set(color, h);
    }
  }

  add(color: AnnotationColor, range: AbstractRange): void {
    const set = this.sets.get(color);
    if (!set) return;
    // Registered with the page on first use, as Factmark's own (highlighter.ts): a change to the
    // page's highlight registry repaints the whole page.
    if (CSS.highlights.get(name(color)) !== set) CSS.highlights.set(name(color), set);
    set.add(range);
  }

  clear(): void {
    for (const h of this.sets.values()) h.clear();
  }

  dispose(): void {
    this.clear();
    if (!highlightsSupported()) return;
    for (const [color, h] of this.sets) {
      if (CSS.highlights.get(name(color)) === h) CSS.highlights.delete(name(color));
    }
    this.sets.clear();
  }
}
