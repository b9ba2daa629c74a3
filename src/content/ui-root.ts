/**
 * The one element Factmark adds to a page: a host for our UI (hover card, overview strip, the
 * "Annotate" button and the editor's frame) with a closed shadow root, so the page's CSS cannot
 * reach in and ours cannot leak out, and page scripts cannot reach our nodes through it.
 *
 * The host is a built-in `<div>`, never a custom element: with a fixed custom-element name
 * (`factmark-ui`), a page that defines that element first runs its own constructor for our host
 * and gets our closed shadow root through `attachInternals().shadowRoot` (issue 12). A `<div>`
 * is never upgraded, `attachInternals()` refuses it, and a closed shadow root on it is reachable
 * only through the reference we keep. (`<div>` is one of the built-ins that take a shadow root in
 * every browser; its name cannot be defined, having no hyphen.) Our content script runs in an
 * isolated world (Chromium) or behind Xray wrappers (Firefox), so a page that replaces
 * `Element.prototype.attachShadow` does not see our call either.
 */
const HOST_ELEMENT = 'div';

// Our hosts, by identity: a page can create any number of <div>s, none of them ours, and nothing
// page-visible (a name, an attribute) tells ours apart. The page walker skips them through
// isOurs(), so a page cannot hide its own text from Factmark by dressing it up as our host.
const hosts = new WeakSet<Node>();

export interface UiRoot {
  shadow: ShadowRoot;
  remove(): void;
}

export function createUiRoot(doc: Document, css: string): UiRoot {
  const host = doc.createElement(HOST_ELEMENT);
  // `all: initial` cuts inheritance from the page; the host takes no space and no pointer events,
  // only its children do.
  host.style.cssText =
    'all: initial; position: fixed; inset: 0 0 auto auto; width: 0; height: 0; z-index: 2147483646; pointer-events: none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  hosts.add(host);
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

/** Whether `node` is the host of one of our UI roots. */
export function isOurs(node: Node): boolean {
  return hosts.has(node);
}
