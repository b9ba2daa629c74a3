// @vitest-environment happy-dom
/**
 * Issue 12: selections inside same-origin iframes could not be annotated. The top frame reaches
 * its same-origin frames' documents (src/content/same-origin-frames.ts) and places their
 * selections in its own viewport.
 */
import { describe, expect, it } from 'vitest';
import { rectInTop, sameOriginFrameDocs } from '../../src/content/same-origin-frames';

/** A frame whose document is reachable (same origin), as `contentDocument` answers. */
function frameWith(doc: Document, box: { left: number; top: number }, border = 0) {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  Object.defineProperty(frame, 'contentDocument', { value: doc });
  Object.defineProperty(frame, 'clientLeft', { value: border });
  Object.defineProperty(frame, 'clientTop', { value: border });
  frame.getBoundingClientRect = () => new DOMRect(box.left, box.top, 300, 200);
  Object.defineProperty(doc, 'defaultView', { value: { frameElement: frame } });
  return frame;
}

describe('same-origin frames', () => {
  it('lists the documents of same-origin frames, nested ones too, and skips cross-origin ones', () => {
    document.body.replaceChildren();
    const inner = document.implementation.createHTMLDocument('inner');
    const nested = document.implementation.createHTMLDocument('nested');
    frameWith(inner, { left: 0, top: 0 });
    const deep = inner.createElement('iframe');
    inner.body.append(deep);
    Object.defineProperty(deep, 'contentDocument', { value: nested });
    const crossOrigin = document.createElement('iframe');
    Object.defineProperty(crossOrigin, 'contentDocument', { value: null });
    document.body.append(crossOrigin);
    expect(sameOriginFrameDocs(document)).toEqual([inner, nested]);
  });

  it("moves a rectangle from a frame's viewport into the top one (frame position and border)", () => {
    document.body.replaceChildren();
    const inner = document.implementation.createHTMLDocument('inner');
    frameWith(inner, { left: 10, top: 120 }, 2);
    const rect = rectInTop(new DOMRect(5, 7, 50, 20), inner, document);
    expect([rect.left, rect.top, rect.width, rect.height]).toEqual([17, 129, 50, 20]);
    // The top document's own rectangles stay as they are.
    const own = rectInTop(new DOMRect(5, 7, 50, 20), document, document);
    expect([own.left, own.top]).toEqual([5, 7]);
  });
});
