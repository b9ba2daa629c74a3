/**
 * The user's highlights, painted like Factmark's own (CSS Custom Highlight API, no DOM writes), one
 * highlight name per colour: ::highlight(factmark-note-yellow) and so on in highlights.css.
 *
 * A teammate's annotation (desk sync: another journalist's `creator`) is painted under names of its
 * own, ::highlight(factmark-team-yellow) and so on: a lighter tint and a dashed underline, so the
 * journalist tells at a glance what is theirs and what a teammate marked.
 *
 * A document paints only the highlights of its own registry: a passage in a same-origin frame
 * (same-origin-frames.ts) is registered with that frame's `CSS.highlights`, whose document has
 * highlights.css too (the manifest injects it into every frame).
 */
import type { AnnotationColor } from '../core/annotations/types';
import { highlightsSupported } from './highlighter';

/** A highlight set: the journalist's own annotations in a colour, or a teammate's. */
type SetKey = `${'note' | 'team'}-${AnnotationColor}`;
const name = (key: SetKey) => `factmark-${key}`;

// Above Factmark's own highlights (priority 0–3 in highlighter.ts): what the journalist marked is
// what they came back for.
const PRIORITY = 4;

type Registry = HighlightRegistry;

interface DocumentPaint {
  registry: Registry;
  sets: Map<SetKey, Highlight>;
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

  /** Paint `range` in `color`; `theirs`: a teammate's annotation (desk sync). */
  add(color: AnnotationColor, range: AbstractRange, theirs = false): void {
    const key: SetKey = `${theirs ? 'team' : 'note'}-${color}`;
    if (!highlightsSupported()) return;
    const doc = range.startContainer.ownerDocument;
    if (!doc) return;
    const paint = this.paintOf(doc);
    if (!paint) return;
    let set = paint.sets.get(key);
    if (!set) {
      set = highlightApi(doc)?.make();
      if (!set) return;
      set.priority = PRIORITY;
      paint.sets.set(key, set);
    }
    // Registered with the document on first use, as Factmark's own (highlighter.ts): a change to
    // a document's highlight registry repaints the whole document.
    if (paint.registry.get(name(key)) !== set) paint.registry.set(name(key), set);
    set.add(range);
  }

  clear(): void {
    for (const paint of this.byDocument.values()) for (const h of paint.sets.values()) h.clear();
  }

  dispose(): void {
    for (const paint of this.byDocument.values()) {
      for (const [key, h] of paint.sets) {
        h.clear();
        if (paint.registry.get(name(key)) === h) paint.registry.delete(name(key));
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
