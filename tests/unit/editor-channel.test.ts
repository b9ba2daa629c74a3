// @vitest-environment happy-dom
/**
 * The annotation editor in an extension frame (issue 12, "UI the page cannot reach"): the content
 * script's end (src/content/editor-frame.ts), the frame's (src/editor/editor-session.ts) and the
 * background's relay that joins them (src/background/editor-relay.ts), over fake runtime ports
 * that deliver asynchronously and copy what they carry, as the browser's do.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEditorRelay, editorEndTab } from '../../src/background/editor-relay';
import type { Port } from '../../src/background/browser-api';
import type { ContentPort } from '../../src/content/browser-api';
import { EditorFrame } from '../../src/content/editor-frame';
import { startEditor } from '../../src/editor/editor-session';
import type { EditorOutcome } from '../../src/content/editor-frame';
import {
  EDITOR_FRAME_PORT,
  EDITOR_PAGE,
  EDITOR_HOST_PORT,
  parseFrameMessage,
  parseHostMessage,
  type EditorDraft,
  type EditorResult,
} from '../../src/shared/editor-protocol';
import type { AnnotationShareRequest } from '../../src/shared/sync-protocol';

const EXTENSION_ID = 'factmark-test-id';
const EDITOR_URL = 'chrome-extension://factmark-test-id/src/editor/index.html';
const TAB = 7;
const HOST_SENDER = {
  id: EXTENSION_ID,
  url: 'https://news.example/story',
  tab: { id: TAB },
  frameId: 0,
};

type Sender = { id?: unknown; url?: unknown; tab?: unknown; frameId?: unknown };

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await tick();
  }
  throw new Error(`timed out: ${what}`);
}

/** The editor's frame is hidden at once when it closes, and removed a moment later. */
async function frameGone(shadow: ShadowRoot): Promise<void> {
  const frame = shadow.querySelector('iframe');
  expect(frame === null || frame.classList.contains('pending')).toBe(true);
  for (let i = 0; i < 40 && shadow.querySelector('iframe'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(shadow.querySelector('iframe')).toBeNull();
}

/** A runtime port: the client's end and the background's, joined. */
function connect(
  relay: (port: Port) => void,
  name: string,
  sender: Sender,
): ContentPort & { disconnected: boolean; received: unknown[] } {
  const toClient: ((m: unknown) => void)[] = [];
  const toBackground: ((m: unknown) => void)[] = [];
  const clientGone: (() => void)[] = [];
  const backgroundGone: (() => void)[] = [];
  let open = true;
  const deliver = (listeners: ((m: unknown) => void)[], message: unknown) => {
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    setTimeout(() => {
      if (open) for (const l of listeners) l(copy);
    }, 0);
  };
  const close = (gone: (() => void)[]) => {
    if (!open) return;
    open = false;
    client.disconnected = true;
    setTimeout(() => gone.forEach((l) => l()), 0);
  };
  const client = {
    disconnected: false,
    received: [] as unknown[],
    postMessage: (m: unknown) => deliver(toBackground, m),
    onMessage: (l: (m: unknown) => void) => void toClient.push(l),
    onDisconnect: (l: () => void) => void clientGone.push(l),
    disconnect: () => close(backgroundGone),
  };
  toClient.push((m) => client.received.push(m));
  relay({
    name,
    sender: sender as Port['sender'],
    postMessage: (m) => deliver(toClient, m),
    onMessage: { addListener: (l) => void toBackground.push(l) },
    onDisconnect: { addListener: (l) => void backgroundGone.push(l) },
    disconnect: () => close(clientGone),
  });
  return client;
}

const DRAFT: EditorDraft = {
  quote: 'EXIM approved $1.25 billion',
  color: 'yellow',
  note: '',
  tags: [],
  fact: {
    figureText: '$1.25 billion',
    attributes: [{ id: 'exim.financing', label: 'EXIM financing' }],
    suggested: 'exim.financing',
  },
};

const RECT = { left: 10, top: 10, right: 100, bottom: 30, width: 90, height: 20 } as DOMRect;

/** The order things happened in: the host's store, the frame's share request. */
type Step = { store: EditorResult } | { share: AnnotationShareRequest };

function setUp(
  options: {
    frameTab?: number;
    readyTimeoutMs?: number;
    /** The background's answer to the frame's share request. */
    shareAnswer?: unknown;
  } = {},
) {
  document.body.replaceChildren();
  const pageHost = document.createElement('div');
  document.documentElement.append(pageHost);
  const shadow = pageHost.attachShadow({ mode: 'closed' });
  const relay = createEditorRelay({ extensionId: EXTENSION_ID, editorPage: EDITOR_PAGE });
  let hostPort: ReturnType<typeof connect> | null = null;
  const editor = new EditorFrame({
    shadow,
    pageUrl: EDITOR_URL,
    connect: () => (hostPort = connect(relay, EDITOR_HOST_PORT, HOST_SENDER)),
    readyTimeoutMs: options.readyTimeoutMs,
  });
  const frameRoot = document.createElement('main');
  document.body.append(frameRoot);
  const steps: Step[] = [];
  /** The host's store (annotations-feature.ts saves through the background): the id it got. */
  const store = async (result: EditorResult) => {
    await tick();
    steps.push({ store: result });
    return 'anno:stored-1';
  };
  /** The editor page in the frame, started as index.html does (its own URL, its own port). */
  const startFrame = (url: string) =>
    startEditor(
      frameRoot,
      new URL(url).hash.slice(1),
      () =>
        connect(relay, EDITOR_FRAME_PORT, {
          id: EXTENSION_ID,
          url,
          tab: { id: options.frameTab ?? TAB },
          frameId: 3,
        }),
      async (request) => {
        steps.push({ share: JSON.parse(JSON.stringify(request)) as AnnotationShareRequest });
        await tick();
        return options.shareAnswer ?? { ok: true, shared: request.shared, creator: 'alice' };
      },
    );
  return { shadow, editor, frameRoot, startFrame, hostPort: () => hostPort, store, steps };
}

afterEach(() => {
  document.documentElement.querySelectorAll(':scope > div').forEach((d) => d.remove());
  vi.useRealTimers();
});

describe('the editor in an extension frame', () => {
  it('opens the frame hidden, shows it when the form is ready, and resolves with what was saved', async () => {
    const { shadow, editor, frameRoot, startFrame, store, steps } = setUp();
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, store).then((r) => (result = r));
    const frame = shadow.querySelector('iframe');
    expect(frame?.classList.contains('pending')).toBe(true);
    const src = frame?.getAttribute('src') ?? '';
    expect(src).toMatch(
      /^chrome-extension:\/\/factmark-test-id\/src\/editor\/index\.html#[0-9a-f]{32}$/,
    );
    expect(editor.isOpen).toBe(true);

    startFrame(src);
    await until(() => frameRoot.querySelector('textarea') !== null, 'the form');
    await until(() => !frame?.classList.contains('pending'), 'the frame shown');
    expect(frame?.style.width).toBe('320px');

    const note = frameRoot.querySelector('textarea') as HTMLTextAreaElement;
    note.value = 'Source J.D. 555-0100';
    (frameRoot.querySelector('input[name="add-fact"]') as HTMLInputElement).checked = true;
    (frameRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => result !== undefined, 'the result');
    const saved: EditorResult = {
      color: 'yellow',
      note: 'Source J.D. 555-0100',
      tags: [],
      factAttribute: 'exim.financing',
      shared: false,
    };
    // Stored by the host; "Shared with the desk" not ticked: the frame asked nothing.
    expect(result).toEqual({ result: saved, id: 'anno:stored-1', desk: null });
    expect(steps).toEqual([{ store: saved }]);
    await frameGone(shadow);
    expect(editor.isOpen).toBe(false);
  });

  it('"Shared with the desk": the frame asks the background itself, after the host stored it', async () => {
    const { shadow, editor, frameRoot, startFrame, store, steps, hostPort } = setUp();
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, store).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => frameRoot.querySelector('textarea') !== null, 'the form');
    (frameRoot.querySelector('textarea') as HTMLTextAreaElement).value = 'for the desk';
    (frameRoot.querySelector('input[name="tags"]') as HTMLInputElement).value = 'exim, desk';
    (frameRoot.querySelector('input[name="shared"]') as HTMLInputElement).checked = true;
    (frameRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => result !== undefined, 'the result');
    const saved: EditorResult = {
      color: 'yellow',
      note: 'for the desk',
      tags: ['exim', 'desk'],
      factAttribute: null,
      shared: true,
    };
    // In this order: the host stores, then the frame asks to share the stored id, with what the
    // journalist saved; the host learns the outcome.
    expect(steps).toEqual([
      { store: saved },
      {
        share: {
          type: 'factmark/annotation-share',
          id: 'anno:stored-1',
          shared: true,
          saved: { color: 'yellow', note: 'for the desk', tags: ['exim', 'desk'] },
        },
      },
    ]);
    expect(result).toEqual({
      result: saved,
      id: 'anno:stored-1',
      desk: { shared: true, creator: 'alice' },
    });
    // The frame said `save`, then — after the host's `saved` — `done` with the outcome.
    const said = hostPort()?.received.map((m) => (m as { type: string }).type) ?? [];
    expect(said.filter((t) => t === 'save' || t === 'done')).toEqual(['save', 'done']);
    await frameGone(shadow);
  });

  it('a share the background refuses is said in the editor, shown again, until the journalist closes it', async () => {
    const { shadow, editor, frameRoot, startFrame, store, steps } = setUp({
      shareAnswer: { ok: false, error: 'desk sync is not available here' },
    });
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, store).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => frameRoot.querySelector('textarea') !== null, 'the form');
    (frameRoot.querySelector('input[name="shared"]') as HTMLInputElement).checked = true;
    (frameRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const problem = () => frameRoot.querySelector('[role="alert"]')?.textContent ?? '';
    await until(() => problem() !== '', 'the notice');
    expect(problem()).toBe(
      'Saved, but not shared with the desk: desk sync is not available here. You can share it from the Library.',
    );
    // The frame, hidden at the save, is shown again; the fields are locked (saved already).
    const frame = shadow.querySelector('iframe') as HTMLIFrameElement;
    await until(() => !frame.classList.contains('pending'), 'the frame shown again');
    expect((frameRoot.querySelector('textarea') as HTMLTextAreaElement).disabled).toBe(true);
    for (let i = 0; i < 10; i++) await tick();
    expect(result).toBeUndefined();
    const close = [...frameRoot.querySelectorAll('button')].find((b) => b.textContent === 'Close');
    expect(close).toBeDefined();
    close?.click();
    await until(() => result !== undefined, 'the result');
    expect(result).toMatchObject({ id: 'anno:stored-1', desk: null });
    expect(steps.length).toBe(2);
  });

  it('a share that takes closes the editor without a word', async () => {
    const { shadow, editor, frameRoot, startFrame, store } = setUp({
      shareAnswer: { ok: true, shared: true, creator: 'alice' },
    });
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, store).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => frameRoot.querySelector('textarea') !== null, 'the form');
    (frameRoot.querySelector('input[name="shared"]') as HTMLInputElement).checked = true;
    (frameRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => result !== undefined, 'the result');
    expect(result).toMatchObject({ desk: { shared: true, creator: 'alice' } });
    expect(frameRoot.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
  });

  it('a `saved` before the journalist saved is ignored: the frame shares nothing', async () => {
    const { shadow, editor, frameRoot, startFrame, steps, hostPort } = setUp();
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, { ...DRAFT, shared: true }, async () => null).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => frameRoot.querySelector('textarea') !== null, 'the form');
    // A host that says an annotation is stored before anything was saved (a compromised page).
    hostPort()?.postMessage({ type: 'saved', id: 'anno:someone-elses' });
    for (let i = 0; i < 10; i++) await tick();
    expect(steps).toEqual([]);
    expect(result).toBeUndefined();
    editor.close();
    await until(() => result !== undefined, 'the editor closed');
    expect(result).toBeNull();
  });

  it('nothing stored, nothing shared: the frame is not told `saved`', async () => {
    const { shadow, editor, frameRoot, startFrame, steps } = setUp();
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, async () => null).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => frameRoot.querySelector('textarea') !== null, 'the form');
    (frameRoot.querySelector('input[name="shared"]') as HTMLInputElement).checked = true;
    (frameRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => result !== undefined, 'the result');
    expect(result).toMatchObject({ id: null, desk: null });
    expect(steps).toEqual([]);
    await frameGone(shadow);
  });

  it('Cancel resolves null and removes the frame', async () => {
    const { shadow, editor, frameRoot, startFrame } = setUp();
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, async () => null).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => frameRoot.querySelector('textarea') !== null, 'the form');
    [...frameRoot.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')?.click();
    await until(() => result !== undefined, 'the result');
    expect(result).toBeNull();
    await frameGone(shadow);
  });

  it('a frame of another tab is not joined: nothing is shown to it', async () => {
    const { shadow, editor, frameRoot, startFrame, hostPort } = setUp({
      frameTab: TAB + 1,
      readyTimeoutMs: 200,
    });
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, async () => null).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => result !== undefined, 'the opening given up');
    expect(result).toBeNull();
    expect(frameRoot.querySelector('textarea')).toBeNull();
    expect(hostPort()?.received).toEqual([]);
  });

  it('a frame with another token is not joined', async () => {
    const { shadow, editor, frameRoot, startFrame } = setUp({ readyTimeoutMs: 200 });
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, async () => null).then((r) => (result = r));
    const src = shadow.querySelector('iframe')?.getAttribute('src') ?? '';
    startFrame(src.replace(/#.*/, `#${'0'.repeat(32)}`));
    await until(() => result !== undefined, 'the opening given up');
    expect(result).toBeNull();
    expect(frameRoot.querySelector('textarea')).toBeNull();
  });

  it('puts the caret in the note once the host has shown the frame, unless the journalist is elsewhere in it', () => {
    // A frame hidden while its form is made cannot focus the note (Firefox): the host's `shown`
    // does it. The frame's end alone, over a port the test drives: no host shares its document.
    for (const elsewhere of [false, true]) {
      document.body.replaceChildren();
      const root = document.createElement('main');
      document.body.append(root);
      let deliver: (message: unknown) => void = () => undefined;
      const sent: unknown[] = [];
      startEditor(
        root,
        'f'.repeat(32),
        () => ({
          postMessage: (m) => void sent.push(m),
          onMessage: (listener) => void (deliver = listener),
          onDisconnect: () => undefined,
        }),
        async () => ({ ok: true }),
      );
      deliver({ type: 'draft', draft: DRAFT });
      const note = root.querySelector('textarea') as HTMLTextAreaElement;
      const tags = root.querySelector('input[name="tags"]') as HTMLInputElement;
      expect(sent).toContainEqual(expect.objectContaining({ type: 'ready' }));
      if (elsewhere) tags.focus();
      else note.blur();
      expect(document.activeElement).toBe(elsewhere ? tags : document.body);
      deliver({ type: 'shown' });
      expect(document.activeElement).toBe(elsewhere ? tags : note);
    }
  });

  it('without a token, the editor page shows no form and opens no port', () => {
    const root = document.createElement('main');
    const open = vi.fn();
    startEditor(root, '', open, open);
    startEditor(root, 'not-a-token', open, open);
    expect(open).not.toHaveBeenCalled();
    expect(root.querySelector('form')).toBeNull();
  });

  it('a second load of the frame (a navigation away) closes the editor', async () => {
    const { shadow, editor } = setUp();
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, async () => null).then((r) => (result = r));
    const frame = shadow.querySelector('iframe') as HTMLIFrameElement;
    frame.dispatchEvent(new Event('load'));
    await tick();
    expect(result).toBeUndefined();
    frame.dispatchEvent(new Event('load'));
    await until(() => result !== undefined, 'the editor closed');
    expect(result).toBeNull();
    await frameGone(shadow);
  });

  it('a fact attribute the editor was not offered is not taken', async () => {
    const { shadow, editor, frameRoot, startFrame } = setUp();
    let result: EditorOutcome | null | undefined;
    void editor.open(RECT, DRAFT, async () => null).then((r) => (result = r));
    startFrame(shadow.querySelector('iframe')?.getAttribute('src') ?? '');
    await until(() => frameRoot.querySelector('select') !== null, 'the form');
    const select = frameRoot.querySelector('select') as HTMLSelectElement;
    const forged = document.createElement('option');
    forged.value = 'someone.else';
    select.append(forged);
    select.value = 'someone.else';
    (frameRoot.querySelector('input[name="add-fact"]') as HTMLInputElement).checked = true;
    (frameRoot.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => result !== undefined, 'the result');
    expect(result?.result.factAttribute).toBeNull();
  });
});

describe('the saving messages, as each end checks them', () => {
  it('saved: an annotation id', () => {
    expect(parseHostMessage({ type: 'shown', extra: 1 })).toEqual({ type: 'shown' });
    expect(parseHostMessage({ type: 'saved', id: 'anno:1' })).toEqual({
      type: 'saved',
      id: 'anno:1',
    });
    for (const id of ['', 'has space', 7, 'x'.repeat(2_001), undefined]) {
      expect(parseHostMessage({ type: 'saved', id })).toBeNull();
    }
  });

  it('notice: a height like size, nothing else', () => {
    expect(parseFrameMessage({ type: 'notice', height: 180 })).toEqual({
      type: 'notice',
      height: 180,
    });
    expect(parseFrameMessage({ type: 'notice' })).toBeNull();
    expect(parseFrameMessage({ type: 'notice', height: -1 })).toBeNull();
  });

  it('done: the desk switch as stored, or null', () => {
    expect(parseFrameMessage({ type: 'done', desk: null })).toEqual({ type: 'done', desk: null });
    expect(
      parseFrameMessage({ type: 'done', desk: { shared: true, creator: 'alice', extra: 1 } }),
    ).toEqual({ type: 'done', desk: { shared: true, creator: 'alice' } });
    expect(parseFrameMessage({ type: 'done', desk: { shared: false, creator: null } })).toEqual({
      type: 'done',
      desk: { shared: false, creator: null },
    });
    for (const desk of [
      undefined,
      { shared: 'yes', creator: null },
      { shared: true },
      { shared: true, creator: '' },
      { shared: true, creator: 'a\nb' },
      { shared: true, creator: 'x'.repeat(201) },
    ]) {
      expect(parseFrameMessage({ type: 'done', desk })).toBeNull();
    }
  });
});

describe('editor relay: who may be an end', () => {
  const deps = { extensionId: EXTENSION_ID, editorPage: EDITOR_PAGE };

  it("takes a content script in a tab's top frame, and the editor page in a tab", () => {
    expect(editorEndTab(HOST_SENDER, 'host', deps)).toBe(TAB);
    expect(
      editorEndTab(
        { id: EXTENSION_ID, url: `${EDITOR_URL}#${'a'.repeat(32)}`, tab: { id: TAB }, frameId: 9 },
        'frame',
        deps,
      ),
    ).toBe(TAB);
    // Chromium's per-session origin of a use_dynamic_url page.
    const dynamic = 'chrome-extension://0f8fad5b-d9cb-469f-a165-70867728950e/src/editor/index.html';
    expect(
      editorEndTab({ id: EXTENSION_ID, url: dynamic, tab: { id: TAB }, frameId: 9 }, 'frame', deps),
    ).toBe(TAB);
  });

  it('refuses anyone else', () => {
    const refused: [Sender, 'host' | 'frame'][] = [
      [{ ...HOST_SENDER, id: 'another-extension' }, 'host'],
      [{ ...HOST_SENDER, frameId: 4 }, 'host'],
      [{ ...HOST_SENDER, tab: undefined }, 'host'],
      [{ ...HOST_SENDER, url: EDITOR_URL }, 'host'],
      [{ ...HOST_SENDER, url: 'https://news.example/story' }, 'frame'],
      [
        { ...HOST_SENDER, url: 'chrome-extension://factmark-test-id/src/popup/index.html' },
        'frame',
      ],
      [{ id: EXTENSION_ID, url: EDITOR_URL }, 'frame'],
      [{ ...HOST_SENDER, url: 'https://evil.example/src/editor/index.html' }, 'frame'],
      [{ ...HOST_SENDER, url: `${EDITOR_URL}?x=1` }, 'frame'],
    ];
    for (const [sender, role] of refused) expect(editorEndTab(sender, role, deps)).toBeNull();
  });

  it('closes a port that says anything but hello first, and a second end of one kind', async () => {
    const relay = createEditorRelay(deps);
    const rude = connect(relay, EDITOR_HOST_PORT, HOST_SENDER);
    rude.postMessage({ type: 'draft', draft: DRAFT });
    await until(() => rude.disconnected, 'the port closed');

    const token = 'b'.repeat(32);
    const first = connect(relay, EDITOR_HOST_PORT, HOST_SENDER);
    first.postMessage({ type: 'hello', token });
    const second = connect(relay, EDITOR_HOST_PORT, HOST_SENDER);
    second.postMessage({ type: 'hello', token });
    await until(() => second.disconnected, 'the second host closed');
    expect(first.disconnected).toBe(false);
  });

  it('closes an end left alone', async () => {
    const relay = createEditorRelay({ ...deps, pairTimeoutMs: 20 });
    const alone = connect(relay, EDITOR_HOST_PORT, HOST_SENDER);
    alone.postMessage({ type: 'hello', token: 'c'.repeat(32) });
    await until(() => alone.disconnected, 'the lone end closed');
  });

  it('ignores ports of other names', () => {
    const relay = createEditorRelay(deps);
    const other = connect(relay, 'factmark/export-stream', HOST_SENDER);
    expect(other.disconnected).toBe(false);
  });
});
