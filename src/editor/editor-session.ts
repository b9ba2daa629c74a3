/**
 * One opening of the editor, in its frame: say hello with the token, show the form when the
 * draft comes, tell the host its height (the host sizes and places the frame), and send what the
 * journalist chose. Knows nothing of the browser's APIs: a port-like object is handed in.
 */
import {
  EDITOR_PING_MS,
  isEditorToken,
  parseHostMessage,
  type FrameMessage,
} from '../shared/editor-protocol';
import { EditorForm } from './editor-form';

export interface EditorPort {
  postMessage(message: FrameMessage | { type: 'hello'; token: string }): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}

/** Start the editor in `root`; `connect` opens its port (only once the token is known good). */
export function startEditor(
  root: HTMLElement,
  token: string,
  connect: () => EditorPort,
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
  let done = false;
  const send = (message: FrameMessage) => {
    if (!done) port.postMessage(message);
  };
  const ping = setInterval(() => send({ type: 'ping' }), pingMs);
  const height = () => Math.ceil(form?.element.getBoundingClientRect().height ?? 0);

  port.onMessage((message) => {
    const draft = parseHostMessage(message)?.draft;
    // One draft per opening: a second one would replace what is being typed.
    if (!draft || form) return;
    form = new EditorForm(doc, draft, {
      save: (result) => {
        send({ type: 'save', result });
        done = true;
      },
      cancel: () => {
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
    view?.addEventListener('focus', () => {
      if (doc.activeElement === null || doc.activeElement === doc.body) form?.focus();
    });
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
