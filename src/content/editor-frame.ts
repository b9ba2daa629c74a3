/**
 * The annotation editor as the page sees it: an `<iframe>` of the extension's editor page
 * (src/editor/) inside our closed shadow root. What the journalist types is typed into the
 * extension's document: its keys, input, paste and composition events are dispatched there, and
 * none reaches the page's listeners, not even capture listeners on `window` (issue 12). The
 * content script and the frame talk over runtime ports joined by the background
 * (src/shared/editor-protocol.ts), never through the page.
 *
 * The frame is shown once it says its form is ready, sized to it, by the selection.
 */
import {
  newEditorToken,
  parseFrameMessage,
  type EditorDraft,
  type EditorResult,
} from '../shared/editor-protocol';
import type { ContentPort } from './browser-api';
import { revealHost } from './ui-root';

export interface EditorFrameDeps {
  shadow: ShadowRoot;
  /** The editor page's URL (runtime.getURL of EDITOR_PAGE). */
  pageUrl: string;
  /** Open the host's port (EDITOR_HOST_PORT). */
  connect(): ContentPort;
  newToken?: () => string;
  /** How long the frame may take to show its form before the opening is given up. */
  readyTimeoutMs?: number;
}

// The frame's width; its height is the form's, as the frame reports it.
const WIDTH_PX = 320;
// The frame sits this far from the selection and from the viewport's edges.
const GAP_PX = 6;
const MARGIN_PX = 4;
// A frame loads within a second; a busy machine may take a few.
const READY_TIMEOUT_MS = 15_000;
// Long enough for the key that closed the editor to be released.
const REMOVE_DELAY_MS = 500;

interface Session {
  frame: HTMLIFrameElement;
  port: ContentPort;
  timer: ReturnType<typeof setTimeout>;
  finish(result: EditorResult | null): void;
}

export class EditorFrame {
  private session: Session | null = null;

  constructor(private readonly deps: EditorFrameDeps) {}

  get isOpen(): boolean {
    return this.session !== null;
  }

  /** Open the editor by `rect`; resolves with the journalist's choice, or null. */
  open(rect: DOMRect, draft: EditorDraft): Promise<EditorResult | null> {
    this.close();
    const { shadow } = this.deps;
    const doc = shadow.ownerDocument ?? document;
    const token = (this.deps.newToken ?? newEditorToken)();
    const frame = doc.createElement('iframe');
    frame.className = 'editor-frame pending';
    frame.title = 'Factmark: annotate the selection';
    frame.src = `${this.deps.pageUrl}#${token}`;
    const port = this.deps.connect();
    let height = 0;

    return new Promise((resolve) => {
      const session: Session = {
        frame,
        port,
        timer: setTimeout(() => finish(null), this.deps.readyTimeoutMs ?? READY_TIMEOUT_MS),
        finish: (result) => finish(result),
      };
      const finish = (result: EditorResult | null) => {
        if (this.session !== session) return;
        this.session = null;
        clearTimeout(session.timer);
        port.disconnect();
        // Hidden at once, removed a moment later: the editor closes on a keydown (Escape,
        // Control+Enter), and the browser is still delivering that key to the frame; a frame
        // removed under it left Chromium's input routing waiting (a test's key press hung).
        frame.classList.add('pending');
        frame.blur();
        setTimeout(() => frame.remove(), REMOVE_DELAY_MS);
        resolve(result);
      };
      this.session = session;

      // The frame loads once. A second load is a navigation away from our page (the frame is
      // out of the page's reach, but should anything navigate it): what it shows is not ours.
      let loads = 0;
      frame.addEventListener('load', () => {
        if (++loads > 1) finish(null);
      });
      port.onDisconnect(() => finish(null));
      port.onMessage((raw) => {
        if (this.session !== session) return;
        if ((raw as { type?: unknown } | null)?.type === 'paired') {
          port.postMessage({ type: 'draft', draft });
          return;
        }
        const message = parseFrameMessage(raw);
        if (!message) return;
        switch (message.type) {
          case 'ready':
            clearTimeout(session.timer);
            height = message.height;
            frame.classList.remove('pending');
            place(frame, rect, height);
            // Into the frame, whose form has the note focused: typing goes there.
            frame.focus();
            break;
          case 'size':
            height = message.height;
            place(frame, rect, height);
            break;
          case 'save': {
            const { factAttribute } = message.result;
            // Only an attribute the editor was offered: the frame chooses among ours.
            const offered =
              factAttribute === null ||
              (draft.fact?.attributes.some((a) => a.id === factAttribute) ?? false);
            finish(offered ? message.result : { ...message.result, factAttribute: null });
            break;
          }
          case 'cancel':
            finish(null);
            break;
          case 'ping':
            break;
        }
      });
      place(frame, rect, height);
      shadow.append(frame);
      revealHost(shadow);
      port.postMessage({ type: 'hello', token });
    });
  }

  /** Close the editor, if open (its opening resolves with null). */
  close(): void {
    this.session?.finish(null);
  }
}

/**
 * Below the selection if the frame fits there, else above it; always inside the viewport, and no
 * taller than it (the editor's document scrolls).
 */
function place(frame: HTMLIFrameElement, rect: DOMRect, contentHeight: number): void {
  const view = frame.ownerDocument.defaultView;
  const vw = view?.innerWidth ?? 1024;
  const vh = view?.innerHeight ?? 768;
  const height = Math.min(contentHeight, vh - 2 * MARGIN_PX);
  const below = rect.bottom + GAP_PX;
  const y = below + height <= vh ? below : Math.max(MARGIN_PX, rect.top - GAP_PX - height);
  const x = Math.max(MARGIN_PX, Math.min(rect.left, vw - WIDTH_PX - MARGIN_PX));
  frame.style.left = `${Math.round(x)}px`;
  frame.style.top = `${Math.round(y)}px`;
  frame.style.width = `${WIDTH_PX}px`;
  frame.style.height = `${Math.ceil(height)}px`;
}
