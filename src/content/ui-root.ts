/**
 * The one element Factmark adds to a page: a host for our UI (hover card, overview strip) with a
 * closed shadow root, so the page's CSS cannot reach in and ours cannot leak out, and page scripts
 * cannot reach our nodes through it.
 */
export const HOST_TAG = 'factmark-ui';

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
  return { shadow, remove: () => host.remove() };
}

/**
 * Put the host of `shadow` into the page (a no-op once there): call before showing any UI in it.
 * The host joins the page only when there is something to show. Any element added to a page
 * makes the browser render a frame, and a positioned one has it redo compositing inputs for the
 * whole page (about 70 ms on a 50,000-paragraph page): paid once, when the first piece of UI
 * appears, and never on a page where Factmark has nothing to show.
 */
export function revealHost(shadow: ShadowRoot): void {
  const host = shadow.host;
  if (!host.isConnected) host.ownerDocument.documentElement.append(host);
}

export function isOurs(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === HOST_TAG;
}
