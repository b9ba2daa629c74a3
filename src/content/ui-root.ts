/**
 * The one element Factmark adds to a page: a host for our UI (hover card, overview strip) with a
 * closed shadow root, so the page's CSS cannot reach in and ours cannot leak out, and page scripts
 * cannot reach our nodes through it.
 */
const HOST_TAG = 'factmark-ui';

export interface UiRoot {
  shadow: ShadowRoot;
  remove(): void;
}

export function createUiRoot(doc: Document, css: string): UiRoot {
  const host = doc.createElement(HOST_TAG);
  // `all: initial` cuts inheritance from the page; the host takes no space and no pointer events,
  // only its children do.
  host.style.cssText =
    'all: initial; position: fixed; inset: 0 0 auto auto; width: 0; height: 0; z-index: 2147483646; pointer-events: none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  doc.documentElement.append(host);
  return { shadow, remove: () => host.remove() };
}

export function isOurs(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === HOST_TAG;
}
