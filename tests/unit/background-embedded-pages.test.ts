/**
 * Extension documents a web page holds (src/shared/protocol.ts callerOf, docs/contracts.md "Who
 * may call"): the annotation editor framed into a web page's tab has the extension's origin, but
 * not the Library's rights. It is an `embedded extension page`, which may send one request only —
 * the editor's "Shared with the desk", `factmark/annotation-share`, scoped to the page that frames
 * it (tests/unit/background-share-decision.test.ts) — and open neither transfer port; the popup
 * and the Library, in Chromium and Firefox, keep every right.
 * The senders are as the browsers report them (Chromium 156, Firefox ESR 153: frameId and tab.url
 * seen in tests/e2e/isolated-world.chromium.e2e.test.ts and embedded-editor.firefox.e2e.test.ts).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageListener, Port } from '../../src/background/browser-api';
import { openFactmarkDb, type FactmarkDb } from '../../src/background/db';
import { createRouter } from '../../src/background/router';
import { sampleRequests } from '../support/request-samples';
import { syncStub } from '../support/sync-stub';
import { createTransfer } from '../../src/background/transfer';
import { BACKUP_EXPORT_PORT, BACKUP_IMPORT_PORT } from '../../src/shared/backup-protocol';
import { EDITOR_PAGE } from '../../src/shared/editor-protocol';
import { EXPORT_STREAM_PORT, IMPORT_STREAM_PORT } from '../../src/shared/messages';
import {
  BACKGROUND_CALLERS,
  callerOf,
  mayCall,
  WEB_ACCESSIBLE_PAGES,
  type BackgroundRequestType,
  type CallerKind,
  type SenderInfo,
} from '../../src/shared/protocol';
import { annotation, fact, freshDbName } from './background-fixtures';

const OWN_ID = 'own-extension-id';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const FIREFOX_ORIGIN = 'moz-extension://0b7c3b55-2f49-4c1e-9d1a-1c0ffee00001/';
const WEB_TAB = { id: 4, url: 'https://news.example/story' };

/** Each sender, as the browser reports it, and its kind. */
const SENDERS: readonly [string, SenderInfo, CallerKind, string?][] = [
  // Full rights.
  [
    'the toolbar popup (no tab)',
    { id: OWN_ID, url: `${ORIGIN}src/popup/index.html` },
    'extension page',
  ],
  [
    'the Library in its own tab',
    {
      id: OWN_ID,
      url: `${ORIGIN}src/options/index.html`,
      frameId: 0,
      tab: { id: 2, url: `${ORIGIN}src/options/index.html` },
    },
    'extension page',
  ],
  [
    'the popup page open in a tab (as the end-to-end tests open it)',
    {
      id: OWN_ID,
      url: `${ORIGIN}src/popup/index.html?tab=4`,
      frameId: 0,
      tab: { id: 3, url: `${ORIGIN}src/popup/index.html?tab=4` },
    },
    'extension page',
  ],
  [
    "the Library in Firefox (moz-extension, the tab's URL given)",
    {
      id: OWN_ID,
      url: `${FIREFOX_ORIGIN}src/options/index.html`,
      frameId: 0,
      tab: { id: 2, url: `${FIREFOX_ORIGIN}src/options/index.html` },
    },
    'extension page',
    FIREFOX_ORIGIN,
  ],
  [
    'the Library in a tab whose URL the browser does not give (frameId 0 decides)',
    { id: OWN_ID, url: `${ORIGIN}src/options/index.html`, frameId: 0, tab: { id: 2 } },
    'extension page',
  ],
  // Embedded.
  [
    "the editor framed into a web page's tab (Chromium)",
    { id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}#${'a'.repeat(32)}`, frameId: 7, tab: WEB_TAB },
    'embedded extension page',
  ],
  [
    "the editor framed into a web page's tab (Firefox: a large frame id)",
    {
      id: OWN_ID,
      url: `${FIREFOX_ORIGIN}${EDITOR_PAGE}#abc`,
      frameId: 17179869185,
      tab: WEB_TAB,
    },
    'embedded extension page',
    FIREFOX_ORIGIN,
  ],
  [
    'the editor page that a web page opened in a tab or window of its own (top frame)',
    {
      id: OWN_ID,
      url: `${ORIGIN}${EDITOR_PAGE}`,
      frameId: 0,
      tab: { id: 5, url: `${ORIGIN}${EDITOR_PAGE}` },
    },
    'embedded extension page',
  ],
  [
    'the editor page with no tab at all',
    { id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}` },
    'embedded extension page',
  ],
  [
    "the editor at Chromium's per-session URL (use_dynamic_url): our id, another extension root",
    {
      id: OWN_ID,
      url: `chrome-extension://4f1b2c3d-0000-4000-8000-000000000000/${EDITOR_PAGE}#abc`,
      frameId: 7,
      tab: WEB_TAB,
    },
    'embedded extension page',
  ],
  [
    "any other extension page in a frame of a web page's tab",
    { id: OWN_ID, url: `${ORIGIN}src/options/index.html`, frameId: 3, tab: WEB_TAB },
    'embedded extension page',
  ],
  [
    "an extension page in a frame whose tab's URL the browser does not give",
    { id: OWN_ID, url: `${ORIGIN}src/options/index.html`, frameId: 3, tab: { id: 4 } },
    'embedded extension page',
  ],
  [
    'a top-frame extension document in a tab showing a web page (tab.url decides)',
    { id: OWN_ID, url: `${ORIGIN}src/options/index.html`, frameId: 0, tab: WEB_TAB },
    'embedded extension page',
  ],
];

describe('callerOf tells the Library and the popup from an embedded extension page', () => {
  it.each(SENDERS)('%s', (_name, sender, kind, origin = ORIGIN) => {
    expect(callerOf(sender, OWN_ID, origin)).toMatchObject({ kind });
  });

  it("knows the editor page, and the origin of the web page framing it (the browser's tab)", () => {
    const caller = (sender: SenderInfo, origin = ORIGIN) => callerOf(sender, OWN_ID, origin);
    const kind = 'embedded extension page';
    const framed = { frameId: 7, tab: WEB_TAB };
    expect(caller({ id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}#abc`, ...framed })).toEqual({
      kind,
      editor: true,
      tabOrigin: 'https://news.example',
    });
    expect(
      caller({ id: OWN_ID, url: `${FIREFOX_ORIGIN}${EDITOR_PAGE}`, ...framed }, FIREFOX_ORIGIN),
    ).toEqual({ kind, editor: true, tabOrigin: 'https://news.example' });
    expect(
      caller({
        id: OWN_ID,
        url: `chrome-extension://4f1b2c3d-0000-4000-8000-000000000000/${EDITOR_PAGE}`,
        ...framed,
      }),
    ).toEqual({ kind, editor: true, tabOrigin: 'https://news.example' });
    // Not the editor; or not framed into a web page's tab: no page to scope it to.
    expect(caller({ id: OWN_ID, url: `${ORIGIN}src/options/index.html`, ...framed })).toEqual({
      kind,
      editor: false,
      tabOrigin: 'https://news.example',
    });
    expect(caller({ id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}?x`, ...framed })).toEqual({
      kind,
      editor: false,
      tabOrigin: 'https://news.example',
    });
    for (const sender of [
      { id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}` },
      { id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}`, frameId: 7, tab: { id: 4 } },
      { id: OWN_ID, url: `${ORIGIN}${EDITOR_PAGE}`, frameId: 0, tab: WEB_TAB },
      {
        id: OWN_ID,
        url: `${ORIGIN}${EDITOR_PAGE}`,
        frameId: 7,
        tab: { id: 4, url: 'file:///home/x.html' },
      },
    ]) {
      expect(caller(sender)).toEqual({ kind, editor: true, tabOrigin: null });
    }
  });

  it('the editor is the one web-accessible page', () => {
    expect(WEB_ACCESSIBLE_PAGES).toEqual([EDITOR_PAGE]);
  });

  it("an embedded extension page may send no request type but the editor's share", () => {
    for (const type of Object.keys(BACKGROUND_CALLERS) as BackgroundRequestType[]) {
      const share = type === 'factmark/annotation-share';
      expect(mayCall('embedded extension page', type)).toBe(share);
      expect(mayCall('extension page', type)).toBe(!share);
    }
  });
});

let db: FactmarkDb;
let route: MessageListener;

beforeEach(async () => {
  db = await openFactmarkDb({ name: freshDbName() });
  await db.put('facts', fact('seed:a.txt:10'));
  await db.put('facts', fact('user:1', { attribute: 'barrick.stake' }));
  await db.put('annotations', annotation('anno:1'));
  await db.put('imports', { id: 'import:1', at: 0, added: ['anno:1'], replaced: [] });
  route = createRouter({
    extensionId: OWN_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    newAnnotationId: () => 'anno:imported',
    // Sync's own behaviour is tests/unit/sync-*.test.ts's; here, who may send its requests.
    sync: syncStub(),
  });
});

// One valid request of every type (tests/support/request-samples.ts), naming what the tests store:
// anno:1 (example.org's; the editor frame is in news.example's tab), user:1, import:1, own-1 and
// tembo-hills (ownStory).
const REQUESTS = sampleRequests({
  ownUrl: 'https://news.example/story',
  undoId: 'import:1',
  factId: 'user:1',
  otherHost: 'example.org',
  sourceId: 'own-1',
  entityId: 'tembo-hills',
});

/** A source and a watched name of the journalist's own, for the requests that name them. */
async function ownStory(): Promise<void> {
  await db.put('sources', {
    id: 'own-1',
    title: 'Own source',
    origin: 'paste',
    date: null,
    text: 'Tembo Hills costs $640 million.',
    addedAt: 1,
    enabled: true,
    dropped: [],
  });
  await db.put('entities', {
    id: 'tembo-hills',
    name: 'Tembo Hills',
    aliases: [],
    bundled: false,
    enabled: true,
  });
}
const TYPES = Object.keys(BACKGROUND_CALLERS) as BackgroundRequestType[];

async function everything() {
  return {
    facts: await db.getAll('facts'),
    annotations: await db.getAll('annotations'),
    sites: await db.getAll('sites'),
    imports: await db.getAll('imports'),
    sources: await db.getAll('sources'),
    entities: await db.getAll('entities'),
  };
}

const editorFrame: SenderInfo = {
  id: OWN_ID,
  url: `${ORIGIN}${EDITOR_PAGE}#${'b'.repeat(32)}`,
  frameId: 7,
  tab: WEB_TAB,
};
const library: SenderInfo = {
  id: OWN_ID,
  url: `${ORIGIN}src/options/index.html`,
  frameId: 0,
  tab: { id: 2, url: `${ORIGIN}src/options/index.html` },
};
const popup: SenderInfo = { id: OWN_ID, url: `${ORIGIN}src/popup/index.html` };

describe('every request type', () => {
  it('has a request here', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...TYPES].sort());
  });

  it.each(TYPES)(
    '%s from the editor frame is refused or out of scope, and writes nothing',
    async (type) => {
      await ownStory();
      const before = await everything();
      expect(await route(REQUESTS[type], editorFrame)).toEqual({
        ok: false,
        error: 'not allowed from embedded extension page',
      });
      expect(await everything()).toEqual(before);
    },
  );

  it('is refused before the message is read: a malformed import says "not allowed"', async () => {
    expect(await route({ type: 'factmark/import', text: 42 }, editorFrame)).toEqual({
      ok: false,
      error: 'not allowed from embedded extension page',
    });
  });

  it.each(TYPES.filter((t) => t !== 'factmark/annotation-share'))(
    '%s from the Library in its tab and from the popup is answered',
    async (type) => {
      for (const sender of [library, popup]) {
        // Each answered request may have changed what the next one finds: start afresh.
        await db.clear('annotations');
        await db.put('annotations', annotation('anno:1'));
        await db.put('facts', fact('user:1', { attribute: 'barrick.stake' }));
        await db.put('imports', { id: 'import:1', at: 0, added: ['anno:1'], replaced: [] });
        await ownStory();
        expect(await route(REQUESTS[type], sender)).toMatchObject({ ok: true });
      }
    },
  );

  it('factmark/annotation-share from the Library and the popup is refused (theirs is factmark/share)', async () => {
    for (const sender of [library, popup]) {
      expect(await route(REQUESTS['factmark/annotation-share'], sender)).toEqual({
        ok: false,
        error: 'not allowed from extension page',
      });
    }
  });
});

/** The background's end of a port, recording what it is told. */
function fakePort(name: string, sender: SenderInfo) {
  const posted: unknown[] = [];
  let listeners = 0;
  let disconnected = false;
  const port: Port = {
    name,
    sender,
    postMessage: (message) => void posted.push(message),
    onMessage: { addListener: () => void (listeners += 1) },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => {
      disconnected = true;
    },
  };
  return { port, posted, listening: () => listeners > 0, disconnected: () => disconnected };
}

describe('the export and import ports (transfer.ts, which asks callerOf)', () => {
  const transfer = () =>
    createTransfer({ extensionId: OWN_ID, extensionOrigin: ORIGIN, db: async () => db });

  it.each([EXPORT_STREAM_PORT, IMPORT_STREAM_PORT, BACKUP_EXPORT_PORT, BACKUP_IMPORT_PORT])(
    '%s from the editor frame is closed unanswered',
    (name) => {
      const end = fakePort(name, editorFrame);
      transfer()(end.port);
      expect(end.disconnected()).toBe(true);
      expect(end.listening()).toBe(false);
      expect(end.posted).toEqual([]);
    },
  );

  it.each([EXPORT_STREAM_PORT, IMPORT_STREAM_PORT, BACKUP_EXPORT_PORT, BACKUP_IMPORT_PORT])(
    '%s from the Library is served',
    (name) => {
      const end = fakePort(name, library);
      transfer()(end.port);
      expect(end.disconnected()).toBe(false);
      expect(end.listening()).toBe(true);
    },
  );
});
