/**
 * Joins the two ends of an annotation editor (src/shared/editor-protocol.ts): the content script
 * of a tab's top frame, and the editor page it framed into that tab. Each opens a port and says
 * hello with the token; the two ports of one token, one of each kind, in the same tab, are
 * paired, and from then on each message is passed on as it is (each end checks what it gets).
 * When one end goes, so does the other.
 *
 * Who may join, checked on what the browser says of the sender (never on what it claims):
 * - host: a content script of the extension, in a tab's top frame (frameId 0), on an http(s) page;
 * - frame: the extension's editor page (its URL, fragment aside), in a tab.
 * A web page cannot open a port at all; one site's content script cannot join an editor of
 * another tab; a frame of the editor page that a page made itself has no token to join with.
 */
import { EDITOR_FRAME_PORT, EDITOR_HOST_PORT, parseHello } from '../shared/editor-protocol';
import type { Port } from './browser-api';

export interface EditorRelayDeps {
  extensionId: string;
  /** The editor page's path from the extension's root: EDITOR_PAGE. */
  editorPage: string;
  /** An end not joined by its other end within this long is closed. */
  pairTimeoutMs?: number;
}

type Role = 'host' | 'frame';

interface Waiting {
  port: Port;
  role: Role;
  tabId: number;
  join(peer: Port): void;
}

// The frame loads and says hello within a second or two; a loaded machine may take longer.
const PAIR_TIMEOUT_MS = 30_000;

/** The fields of a runtime.MessageSender the relay reads; the browser sets them, not the sender. */
interface SenderFacts {
  id?: unknown;
  url?: unknown;
  tab?: unknown;
  frameId?: unknown;
}

function tabIdOf(sender: SenderFacts): number | null {
  const tab = sender.tab as { id?: unknown } | undefined;
  return typeof tab?.id === 'number' && Number.isInteger(tab.id) && tab.id >= 0 ? tab.id : null;
}

/**
 * Whether `url` is the editor page of this extension, the sender's id being ours already: an
 * extension-scheme URL with the page's path. Not compared with one origin: a web-accessible page
 * may be served from more than the extension's root URL (Chromium's per-session origin for
 * `use_dynamic_url` resources), and only the extension's own documents have an extension-scheme
 * URL and our id as the sender's.
 */
function isEditorPage(url: string, editorPage: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'chrome-extension:' || parsed.protocol === 'moz-extension:') &&
    parsed.pathname === `/${editorPage}` &&
    parsed.search === ''
  );
}

/** The sender's tab when it may be this end of an editor, else null. */
export function editorEndTab(
  sender: SenderFacts | undefined,
  role: Role,
  deps: EditorRelayDeps,
): number | null {
  if (!sender || sender.id !== deps.extensionId || typeof sender.url !== 'string') return null;
  const tabId = tabIdOf(sender);
  if (tabId === null) return null;
  if (role === 'frame') return isEditorPage(sender.url, deps.editorPage) ? tabId : null;
  return sender.frameId === 0 && /^https?:\/\//i.test(sender.url) ? tabId : null;
}

export function createEditorRelay(deps: EditorRelayDeps): (port: Port) => void {
  const waiting = new Map<string, Waiting>();
  const timeoutMs = deps.pairTimeoutMs ?? PAIR_TIMEOUT_MS;

  return (port) => {
    const role: Role | null =
      port.name === EDITOR_HOST_PORT ? 'host' : port.name === EDITOR_FRAME_PORT ? 'frame' : null;
    if (role === null) return;
    const tabId = editorEndTab(port.sender as SenderFacts | undefined, role, deps);
    if (tabId === null) {
      port.disconnect();
      return;
    }
    let token: string | null = null;
    let peer: Port | null = null;
    let closed = false;
    const forget = () => {
      if (token !== null && waiting.get(token)?.port === port) waiting.delete(token);
    };
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      forget();
      port.disconnect();
      peer?.disconnect();
    };
    const timer = setTimeout(() => {
      if (peer === null) close();
    }, timeoutMs);

    port.onDisconnect.addListener(() => {
      closed = true;
      clearTimeout(timer);
      forget();
      peer?.disconnect();
    });
    port.onMessage.addListener((message) => {
      if (closed) return;
      if (peer !== null) {
        peer.postMessage(message);
        return;
      }
      // Before it is joined, an end says hello once and then waits.
      const hello = token === null ? parseHello(message) : null;
      if (hello === null) {
        close();
        return;
      }
      token = hello.token;
      const other = waiting.get(token);
      if (other === undefined) {
        waiting.set(token, { port, role, tabId, join: (p) => (peer = p) });
        return;
      }
      // Two ends of one kind, or of two tabs: neither is who the other expects.
      if (other.role === role || other.tabId !== tabId) {
        close();
        return;
      }
      waiting.delete(token);
      clearTimeout(timer);
      peer = other.port;
      other.join(port);
      (role === 'host' ? port : other.port).postMessage({ type: 'paired' });
    });
  };
}
