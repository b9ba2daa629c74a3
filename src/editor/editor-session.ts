/**
 * One opening of the editor, in its frame: say hello with the token, show the form when the
 * draft comes, tell the host its height (the host sizes and places the frame), and send what the
 * journalist chose. Once the host says the annotation is stored (`saved`), the journalist's
 * "Shared with the desk" is asked of the background from here (`share`: the extension's own
 * document, which the page cannot script — the content script cannot share), and the host is told
 * the outcome (`done`). Knows nothing of the browser's APIs: a port-like object and the share
 * request are handed in.
 */
import {
  EDITOR_PING_MS,
  isEditorToken,
  parseHostMessage,
  type DeskSwitch,
  type EditorResult,
  type FrameMessage,
} from '../shared/editor-protocol';
import type { AnnotationShareRequest } from '../shared/sync-protocol';
import { failureOf, messageOf } from '../shared/answers';
import { EditorForm } from './editor-form';

export interface EditorPort {
  postMessage(message: FrameMessage | { type: 'hello'; token: string }): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}

/** Send factmark/annotation-share to the background; its answer, unchecked (runtime.sendMessage). */
export type ShareAsk = (request: AnnotationShareRequest) => Promise<unknown>;

/** Start the editor in `root`; `connect` opens its port (only once the token is known good). */
export function startEditor(
  root: HTMLElement,
  token: string,
  connect: () => EditorPort,
  share: ShareAsk,
  pingMs = EDITOR_PING_MS,
): void {
  const doc = root.ownerDocument;
  if (!isEditorToken(token)) {
    // Opened by anything but Factmark's content script (which always gives a token).
    root.textContent = 'Select a passage on a page and choose “Annotate” to open the editor.';
    return;
  }
  const port = connect();
  let form: EditorForm | null = null;
  // What the journalist saved, and whether the draft opened with "Shared with the desk" ticked.
  let saved: EditorResult | null = null;
  let draftShared = false;
  let storing = false;
  let done = false;
  const send = (message: FrameMessage) => {
    if (!done) port.postMessage(message);
  };
  const ping = setInterval(() => send({ type: 'ping' }), pingMs);
  const height = () => Math.ceil(form?.element.getBoundingClientRect().height ?? 0);
  /** The caret to the note, unless something in the frame has focus already (the journalist's). */
  const focusNote = () => {
    if (doc.activeElement === null || doc.activeElement === doc.body) form?.focus();
  };

  /** The annotation `id` is stored: share it (or stop) as the journalist chose, then say done. */
  const stored = async (id: string, result: EditorResult) => {
    // Asked only when the box was ticked on either side: a new annotation left private (stored
    // private by the background) needs no request.
    if (!result.shared && !draftShared) {
      send({ type: 'done', desk: null });
      done = true;
      return;
    }
    const answer = await share({
      type: 'factmark/annotation-share',
      id,
      shared: result.shared,
      saved: { color: result.color, note: result.note, tags: result.tags },
    }).catch((thrown: unknown) => ({ ok: false, error: messageOf(thrown) }));
    const desk = deskSwitchOf(answer);
    const finish = () => {
      send({ type: 'done', desk });
      done = true;
    };
    // A share that did not take is said before the editor goes: the journalist ticked the box and
    // would otherwise believe the note is on the desk (desk sync off, the background refusing).
    if (desk === null || desk.shared !== result.shared) {
      const reason = failureOf(answer) ?? 'the desk did not take the change.';
      if (form) {
        form.saveDoneShareFailed(/[.!?]$/.test(reason) ? reason : `${reason}.`, finish);
        send({ type: 'notice', height: height() });
        return;
      }
    }
    finish();
  };

  port.onMessage((message) => {
    const parsed = parseHostMessage(message);
    if (parsed?.type === 'shown') {
      // The window's focus event (below) may come before this or, in Firefox, whose frames run
      // in their own process, later or not at all: whichever comes first puts the caret in the
      // note, and the other finds it there.
      if (!done && saved === null) focusNote();
      return;
    }
    if (parsed?.type === 'saved') {
      // Once, and only after this frame's own save.
      if (saved === null || storing || done) return;
      storing = true;
      void stored(parsed.id, saved);
      return;
    }
    const draft = parsed?.draft;
    // One draft per opening: a second one would replace what is being typed.
    if (!draft || form) return;
    draftShared = draft.shared === true;
    form = new EditorForm(doc, draft, {
      save: (result) => {
        if (saved !== null || done) return;
        saved = result;
        send({ type: 'save', result });
      },
      cancel: () => {
        if (saved !== null) return;
        send({ type: 'cancel' });
        done = true;
      },
    });
    root.replaceChildren(form.element);
    form.focus();
    const view = doc.defaultView;
    // The host focuses the frame once it is ready; the browser then focuses the frame's document,
    // not the note (Chromium): the caret goes to the note when the frame gets focus and nothing
    // in it has it yet.
    view?.addEventListener('focus', focusNote);
    send({ type: 'ready', height: height() });
    if (view && 'ResizeObserver' in view) {
      new view.ResizeObserver(() => send({ type: 'size', height: height() })).observe(form.element);
    }
  });
  port.onDisconnect(() => {
    clearInterval(ping);
    done = true;
  });
  port.postMessage({ type: 'hello', token });
}

/** The desk switch of a factmark/annotation-share answer, or null when it is not one. */
function deskSwitchOf(answer: unknown): DeskSwitch | null {
  const a = answer as { ok?: unknown; shared?: unknown; creator?: unknown } | null;
  if (a?.ok !== true || typeof a.shared !== 'boolean') return null;
  return { shared: a.shared, creator: typeof a.creator === 'string' ? a.creator : null };
}
