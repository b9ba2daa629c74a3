/**
 * The page's same-origin frames, as the top frame's content script reaches them: annotations live
 * in the top frame, whose visible text includes these frames' text (page-text.ts), so a passage
 * selected in one of them is annotated, placed and painted from there (issue 12: selections in
 * same-origin iframes could not be annotated). A cross-origin frame's document is out of reach
 * (`contentDocument` is null) and is left to itself.
 */

/** The document of a frame element, when it is of the page's origin. */
function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    // Some engines throw rather than answer null for a cross-origin frame.
    return null;
  }
}

/** The documents of the same-origin frames within `doc`, nested ones included. */
export function sameOriginFrameDocs(doc: Document): Document[] {
  const found: Document[] = [];
  const visit = (d: Document) => {
    for (const frame of d.querySelectorAll<HTMLIFrameElement>('iframe, frame')) {
      const inner = frameDocument(frame);
      if (inner && !found.includes(inner)) {
        found.push(inner);
        visit(inner);
      }
    }
  };
  visit(doc);
  return found;
}

/**
 * Call `onDocument` once for every same-origin frame document of `top`: those there now, and
 * each one a frame loads later (a frame's `load` event reaches its parent's capture listeners).
 */
export function watchSameOriginFrames(
  top: Document,
  signal: AbortSignal,
  onDocument: (doc: Document) => void,
): void {
  const seen = new WeakSet<Document>();
  const scan = () => {
    for (const doc of sameOriginFrameDocs(top)) {
      if (seen.has(doc)) continue;
      seen.add(doc);
      // Frames nested in this one load later too.
      doc.addEventListener('load', scan, { capture: true, passive: true, signal });
      onDocument(doc);
    }
  };
  top.addEventListener('load', scan, { capture: true, passive: true, signal });
  scan();
}

/** A rectangle in the viewport of `doc` (a frame's), moved into the viewport of `top`. */
export function rectInTop(rect: DOMRect, doc: Document, top: Document): DOMRect {
  let x = rect.left;
  let y = rect.top;
  for (let d: Document = doc; d !== top;) {
    const frame = d.defaultView?.frameElement;
    if (!frame) break;
    const box = frame.getBoundingClientRect();
    // The frame's content starts inside its border and padding.
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
    d = frame.ownerDocument;
  }
  return new DOMRect(x, y, rect.width, rect.height);
}
