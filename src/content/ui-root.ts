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
  // only its children do. It starts undisplayed: a positioned element new to the page makes the
  // browser redo compositing inputs for the whole page (about 70 ms on a 50,000-paragraph page),
  // so that is paid once, when the first piece of UI is shown (revealHost), not as the pass starts.
  host.style.cssText =
    'all: initial; display: none; position: fixed; inset: 0 0 auto auto; width: 0; height: 0; z-index: 2147483646; pointer-events: none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  doc.documentElement.append(host);
  return { shadow, remove: () => host.remove() };
}

/** Display the host of `shadow` (a no-op once displayed): call before showing any UI in it. */
export function revealHost(shadow: ShadowRoot): void {
  const host = shadow.host as HTMLElement;
  if (host.style.display === 'none') host.style.removeProperty('display');
}

export function isOurs(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === HOST_TAG;
}
