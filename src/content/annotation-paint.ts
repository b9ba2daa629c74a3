/**
 * The user's highlights, painted like Factmark's own (CSS Custom Highlight API, no DOM writes), one
 * highlight name per colour: ::highlight(factmark-note-yellow) and so on in highlights.css.
 *
 * A document paints only the highlights of its own registry: a passage in a same-origin frame
 * (same-origin-frames.ts) is registered with that frame's `CSS.highlights`, whose document has
 * highlights.css too (the manifest injects it into every frame).
 */
import type { AnnotationColor } from '../core/annotations/types';
import { highlightsSupported } from './highlighter';

const name = (color: AnnotationColor) => `factmark-note-${color}`;

// Above Factmark's own highlights (priority 0–3 in highlighter.ts): what the journalist marked is
// what they came back for.
const PRIORITY = 4;

type Registry = HighlightRegistry;

interface DocumentPaint {
  registry: Registry;
  sets: Map<AnnotationColor, Highlight>;
}

/** The window's Highlight API, if it has one (a frame's window, reached from the top frame). */
function highlightApi(doc: Document): { registry: Registry; make: () => Highlight } | null {
  // Our own document: the content script's globals, as highlighter.ts paints with.
  if (doc === globalThis.document) return { registry: CSS.highlights, make: () => new Highlight() };
  // A frame's window, as the top frame's script sees it: its own CSS and Highlight.
  const view = doc.defaultView as
    (Window & { Highlight?: typeof Highlight; CSS?: { highlights?: Registry } }) | null;
  const registry = view?.CSS?.highlights;
  const Ctor = view?.Highlight;
  if (!registry || !Ctor) return null;
  return { registry, make: () => new Ctor() };
}

export class AnnotationPaint {
  private readonly byDocument = new Map<Document, DocumentPaint>();

  add(color: AnnotationColor, range: AbstractRange): void {
    if (!highlightsSupported()) return;
    const doc = range.startContainer.ownerDocument;
    if (!doc) return;
    const paint = this.paintOf(doc);
    if (!paint) return;
    let set = paint.sets.get(color);
    if (!set) {
      set = highlightApi(doc)?.make();
      if (!set) return;
      set.priority = PRIORITY;
      paint.sets.set(color, set);
    }
    // Registered with the document on first use, as Factmark's own (highlighter.ts): a change to
    // a document's highlight registry repaints the whole document.
    if (paint.registry.get(name(color)) !== set) paint.registry.set(name(color), set);
    set.add(range);
  }

  clear(): void {
    for (const paint of this.byDocument.values()) for (const h of paint.sets.values()) h.clear();
  }

  dispose(): void {
    for (const paint of this.byDocument.values()) {
      for (const [color, h] of paint.sets) {
        h.clear();
        if (paint.registry.get(name(color)) === h) paint.registry.delete(name(color));
      }
    }
    this.byDocument.clear();
  }

  private paintOf(doc: Document): DocumentPaint | null {
    let paint = this.byDocument.get(doc);
    if (!paint) {
      const api = highlightApi(doc);
      if (!api) return null;
      paint = { registry: api.registry, sets: new Map() };
      this.byDocument.set(doc, paint);
    }
    return paint;
  }
}
