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
import { safely } from './safe';

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
  // Shown in the top layer once it joins the page (revealHost). `manual`: no light dismiss, and
  // no page popover opening or closing hides it. The inline style above, over the browser's own
  // popover style, keeps it unpainted and out of the way.
  if (topLayerSupported(host)) host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  hosts.add(host);
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  return { shadow, remove: () => host.remove() };
}

/**
 * Put the host of `shadow` into the page (a no-op once there): call before showing any UI in it.
 * The host joins the page only when there is something to show: any element added to a page
 * makes the browser render a frame, and never on a page where Factmark has nothing to show.
 *
 * It joins the top layer, as a popover, where the browser supports it. An element added among
 * the page's has the browser lay out, redo compositing inputs for and repaint the whole page: on
 * a 50,000-paragraph page, a frame of 101–177 ms (Chromium, four tries), more than the 62–85 ms
 * of the page recolouring one of its own paragraphs. In the top layer the same host costs a frame
 * of 52–66 ms (bench/README.md, "longest task").
 */
export function revealHost(shadow: ShadowRoot): void {
  const host = shadow.host as HTMLElement;
  if (host.isConnected) return;
  const doc = host.ownerDocument;
  doc.documentElement.append(host);
  if (!host.hasAttribute('popover')) return;
  // Shown now, the host would lie above a video or a slide already shown full screen (the top
  // layer stacks in the order shown); it stays a plain fixed element, under it, until that ends.
  if (!doc.fullscreenElement) return showOnTop(host);
  const onChange = safely(() => {
    if (doc.fullscreenElement) return;
    doc.removeEventListener('fullscreenchange', onChange);
    showOnTop(host);
  });
  doc.addEventListener('fullscreenchange', onChange);
}

function showOnTop(host: HTMLElement): void {
  // A page may have taken the host out, or shown it itself: it then stays as it is, a fixed
  // element with the highest z-index, as it would be with no top layer.
  if (!host.isConnected || host.matches(':popover-open')) return;
  try {
    host.showPopover();
  } catch {
    // The document is being torn down, or the page changed our host's attributes.
  }
}

function topLayerSupported(el: HTMLElement): boolean {
  return typeof el.showPopover === 'function';
}

/** Whether `node` is the host of one of our UI roots. */
export function isOurs(node: Node): boolean {
  return hosts.has(node);
}
