/**
 * The annotation editor as the page sees it: an `<iframe>` of the extension's editor page
 * (src/editor/) inside our closed shadow root. What the journalist types is typed into the
 * extension's document: its keys, input, paste and composition events are dispatched there, and
 * none reaches the page's listeners, not even capture listeners on `window` (issue 12). The
 * content script and the frame talk over runtime ports joined by the background
 * (src/shared/editor-protocol.ts), never through the page.
 *
 * The frame is shown once it says its form is ready, sized to it, by the selection.
 *
 * Saving: when the journalist saves, the frame is hidden and `store` (the caller's) saves the
 * annotation; its id is then sent to the frame (`saved`), which asks the background itself to
 * share it when the journalist ticked "Shared with the desk" — the content script cannot — and
 * answers `done` with the desk switch as stored. Only then is the editor closed.
 */
import {
  newEditorToken,
  parseFrameMessage,
  type DeskSwitch,
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
// The frame's share request goes through the background's desk sync (a write and a comparison
// with its mirror): well under a second; a busy machine may take a few.
const DONE_TIMEOUT_MS = 15_000;

/**
 * Store what the journalist saved (the caller's: factmark/annotation-save); answers the stored
 * annotation's id, or null when it was not stored.
 */
export type StoreEditorResult = (result: EditorResult) => Promise<string | null>;

/** What came of an opening that the journalist saved. */
export interface EditorOutcome {
  result: EditorResult;
  /** The stored annotation's id (`store`'s answer), or null when it was not stored. */
  id: string | null;
  /**
   * The annotation's desk switch as the background stored it after the frame's share request, or
   * null when the frame asked none (or it failed, or the frame did not say in time).
   */
  desk: DeskSwitch | null;
}

interface Session {
  frame: HTMLIFrameElement;
  port: ContentPort;
  timer: ReturnType<typeof setTimeout>;
  finish(outcome: EditorOutcome | null): void;
}

export class EditorFrame {
  private session: Session | null = null;

  constructor(private readonly deps: EditorFrameDeps) {}

  get isOpen(): boolean {
    return this.session !== null;
  }

  /**
   * Open the editor by `rect`. When the journalist saves, `store` stores it; resolves once the
   * frame is done with it (its share request answered), or null when nothing was saved.
   */
  open(rect: DOMRect, draft: EditorDraft, store: StoreEditorResult): Promise<EditorOutcome | null> {
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
      // Once saved, the opening ends with what was saved, whatever else happens: `doneWaiter` is
      // the wait for the frame's `done` (null when the frame goes or does not say in time).
      let saving = false;
      let closing = false;
      let finished = false;
      let portGone = false;
      let doneWaiter: ((desk: DeskSwitch | null) => void) | null = null;
      let noticeShown: (() => void) | null = null;
      const session: Session = {
        frame,
        port,
        timer: setTimeout(() => finish(null), this.deps.readyTimeoutMs ?? READY_TIMEOUT_MS),
        finish: (outcome) => finish(outcome),
      };
      const hide = () => {
        // Hidden at once, removed a moment later: the editor closes on a keydown (Escape,
        // Control+Enter), and the browser is still delivering that key to the frame; a frame
        // removed under it left Chromium's input routing waiting (a test's key press hung).
        frame.classList.add('pending');
        frame.blur();
      };
      const finish = (outcome: EditorOutcome | null) => {
        if (finished) return;
        if (saving && outcome === null) {
          // Closed while the save is under way: stop waiting for the frame; the save ends it.
          closing = true;
          doneWaiter?.(null);
          return;
        }
        finished = true;
        if (this.session === session) this.session = null;
        clearTimeout(session.timer);
        port.disconnect();
        hide();
        setTimeout(() => frame.remove(), REMOVE_DELAY_MS);
        resolve(outcome);
      };
      const save = async (result: EditorResult) => {
        saving = true;
        clearTimeout(session.timer);
        hide();
        const id = await store(result).catch(() => null);
        let desk: DeskSwitch | null = null;
        if (id !== null && !closing && !portGone) {
          desk = await new Promise<DeskSwitch | null>((settle) => {
            const timer = setTimeout(() => settle(null), DONE_TIMEOUT_MS);
            // A notice is the journalist's to read: no timeout then (closing ends it, as does
            // the port going).
            noticeShown = () => clearTimeout(timer);
            doneWaiter = (value) => {
              clearTimeout(timer);
              doneWaiter = null;
              settle(value);
            };
            try {
              port.postMessage({ type: 'saved', id });
            } catch {
              settle(null); // the port closed meanwhile
            }
          });
        }
        saving = false;
        finish({ result, id, desk });
      };
      this.session = session;

      // The frame loads once. A second load is a navigation away from our page (the frame is
      // out of the page's reach, but should anything navigate it): what it shows is not ours.
      let loads = 0;
      frame.addEventListener('load', () => {
        if (++loads > 1) finish(null);
      });
      port.onDisconnect(() => {
        portGone = true;
        finish(null);
      });
      port.onMessage((raw) => {
        if (this.session !== session) return;
        if ((raw as { type?: unknown } | null)?.type === 'paired') {
          port.postMessage({ type: 'draft', draft });
          return;
        }
        const message = parseFrameMessage(raw);
        if (!message) return;
        if (saving) {
          // Saved: the frame has only `done`, a notice before it (and pings) left to say.
          if (message.type === 'done') doneWaiter?.(message.desk);
          if (message.type === 'notice' && doneWaiter) {
            noticeShown?.();
            height = message.height;
            frame.classList.remove('pending');
            place(frame, rect, height);
            frame.focus();
          }
          return;
        }
        switch (message.type) {
          case 'ready':
            clearTimeout(session.timer);
            height = message.height;
            frame.classList.remove('pending');
            place(frame, rect, height);
            // Into the frame, whose form puts the caret in the note: typing goes there.
            frame.focus();
            port.postMessage({ type: 'shown' });
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
            void save(offered ? message.result : { ...message.result, factAttribute: null });
            break;
          }
          case 'cancel':
            finish(null);
            break;
          case 'ping':
          case 'done':
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
