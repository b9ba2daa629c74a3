/**
 * A compromised content script, and the annotation editor framed into a web page, against the
 * background's contract (docs/contracts.md, "Who may call"; src/shared/protocol.ts).
 *
 * A page that has compromised its renderer can run code in Factmark's content script's isolated
 * world: Chromium's DevTools protocol evaluates there for this test (Runtime.evaluate with the
 * context's id). From there every background request type is sent with chrome.runtime.sendMessage
 * — the cases are a Record over the contract's request types, so a type added later without a
 * case here fails to compile and fails this run — and each must be answered only within the
 * sending frame's origin, or refused with no effect. What is stored is read before and after
 * from the Library (an extension page in its own tab), where another site's annotations, a
 * journalist's fact, a site switch and an import to undo were put first (callers.ts).
 *
 * The editor frame (src/editor/, an extension page in the web page's tab) is an `embedded
 * extension page`: it may send no request (but its share of an annotation saved in it, refused
 * here as out of scope) and open neither transfer port, whether the content
 * script framed it or the page framed the web-accessible editor page itself. The same in Firefox:
 * embedded-editor.firefox.e2e.test.ts (whose driver cannot evaluate in a content script's sandbox).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD_SOURCE_TITLE } from '../../src/background/scope';
import { toJsonLd } from '../../src/core/annotations';
import { backupOfAnnotations } from '../support/request-samples';
import { BACKUP_EXPORT_PORT, BACKUP_IMPORT_PORT } from '../../src/shared/backup-protocol';
import type { Annotation } from '../../src/core/annotations/types';
import type { Fact } from '../../src/core/types';
import { EDITOR_PAGE } from '../../src/shared/editor-protocol';
import {
  EXPORT_STREAM_PORT,
  IMPORT_STREAM_PORT,
  type BackgroundRequest,
} from '../../src/shared/messages';
import { mayCall, type BackgroundRequestType } from '../../src/shared/protocol';
import { annotation, fact } from '../unit/background-fixtures';
import {
  ask,
  expectEveryTypeRefused,
  expectFullRights,
  openEditor,
  OTHER_HOST,
  OTHER_URL,
  overPort,
  refused,
  SECRET_QUOTE,
  SECRET_SOURCE,
  seed,
  stored,
  tabIdOf,
  TYPES,
  until,
  type ApiGlobals,
  type Realm,
  type Seeded,
} from './callers';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';
import { assertBuilt, DIST_CHROME } from './paths';
import { startServer, type StaticServer } from './server';

function realmOf(target: Page | Frame): Realm {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      // playwright types the argument as it arrives (unboxed handles); ours are JSON values.
      target.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
  };
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/**
 * The isolated world of Factmark's content script in the page's top frame, through the DevTools
 * protocol: Chromium names the world after the extension and gives it the extension's origin.
 */
async function contentScriptWorld(
  context: BrowserContext,
  page: Page,
  extensionOrigin: string,
): Promise<Realm> {
  const cdp = await context.newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => {
    contexts.push(event.context);
  });
  // Enabling reports every context that exists already, then each new one.
  await cdp.send('Runtime.enable');
  const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const topFrame = tree.frameTree.frame.id;
  const world = await until('the content script’s isolated world', async () =>
    contexts.findLast(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === topFrame &&
        c.origin === extensionOrigin &&
        c.name === 'Factmark',
    ),
  );
  return {
    async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      const result = (await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (result.exceptionDetails) {
        const { text, exception } = result.exceptionDetails;
        throw new Error(`in the isolated world: ${exception?.description ?? text}`);
      }
      return result.result.value as R;
    },
  };
}

/**
 * Whether `url` is the editor page of this extension: at its root, or at the per-session origin
 * Chromium serves a web-accessible page from when the manifest asks for `use_dynamic_url`.
 */
function isEditorUrl(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'chrome-extension:' && parsed.pathname === `/${EDITOR_PAGE}`;
}

/** The editor page's frame in `target`, once its document has loaded. */
function editorFrameIn(target: Page): Promise<Frame> {
  return until('the editor frame', async () => {
    const frame = target.frames().find((f) => isEditorUrl(f.url()));
    if (!frame) return null;
    const ready = await frame.evaluate(() => document.readyState === 'complete');
    return ready ? frame : null;
  });
}

let server: StaticServer;
let context: BrowserContext;
let profile: string;
let extensionOrigin: string;
let libraryPage: Page;
let library: Realm;
let seeded: Seeded;

beforeAll(async () => {
  assertBuilt(DIST_CHROME);
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'factmark-isolated-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${DIST_CHROME}`,
      `--load-extension=${DIST_CHROME}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  libraryPage = await context.newPage();
  await libraryPage.goto(`${extensionOrigin}/src/options/index.html`, { waitUntil: 'load' });
  library = realmOf(libraryPage);
  seeded = await seed(library, server.url('/story.html'));
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

describe("a content script's isolated world sends every request type", () => {
  let page: Page;
  let world: Realm;

  beforeAll(async () => {
    page = await context.newPage();
    await page.goto(seeded.ownUrl, { waitUntil: 'load' });
    await tabIdOf(library, seeded.ownUrl);
    world = await contentScriptWorld(context, page, extensionOrigin);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("evaluates in Factmark's content script: the extension's API, which the page's own world lacks", async () => {
    expect(
      await world.evaluate(() => {
        const g = globalThis as unknown as ApiGlobals;
        const runtime = (g.chrome ?? g.browser)?.runtime;
        return { id: runtime?.id, send: typeof runtime?.sendMessage };
      }, null),
    ).toEqual({ id: new URL(extensionOrigin).host, send: 'function' });
    expect(
      await page.evaluate(() => {
        const g = globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } };
        return typeof g.chrome?.runtime?.sendMessage;
      }),
    ).toBe('undefined');
  });

  /**
   * Each request type, as a compromised content script would send it. `refused`: requests of a
   * type content scripts may not send, each answered "not allowed" with no effect. `scoped`: a
   * type they may send, tried inside and outside the frame's origin; whatever it was allowed to
   * write, it undoes from the Library, so that what is stored after equals what was before.
   */
  type Case = { refused: () => BackgroundRequest[] } | { scoped: () => Promise<void> };

  const CS = refused('content script');

  const CASES: { readonly [T in BackgroundRequestType]: Case } = {
    'factmark/facts': {
      scoped: async () => {
        const answer = (await ask(world, { type: 'factmark/facts' })) as {
          ok: boolean;
          facts: Fact[];
        };
        expect(answer.ok).toBe(true);
        const full = ((await ask(library, { type: 'factmark/facts' })) as { facts: Fact[] }).facts;
        // Seed facts whole, as the Library gets them.
        const seeds = (facts: Fact[]) => facts.filter((f) => f.source.type === 'seed');
        expect(seeds(answer.facts)).toEqual(seeds(full));
        expect(seeds(answer.facts).length).toBeGreaterThan(0);
        // The journalist's fact: its value, never its page, title, date or sentence.
        const mine = answer.facts.find((f) => f.id === seeded.userFact.id);
        expect(mine).toMatchObject({
          value: 50,
          unit: '%',
          text: '50 per cent',
          quote: '50 per cent',
          source: { type: 'user', url: '', title: WITHHELD_SOURCE_TITLE, date: null },
        });
        const text = JSON.stringify(answer);
        for (const secret of [SECRET_SOURCE, SECRET_QUOTE, 'Private memo', '2026-01-02']) {
          expect(text).not.toContain(secret);
        }
      },
    },
    'factmark/facts-get': {
      refused: () => [{ type: 'factmark/facts-get', ids: [seeded.userFact.id] }],
    },
    'factmark/site-get': {
      scoped: async () => {
        expect(await ask(world, { type: 'factmark/site-get', host: seeded.ownHost })).toEqual({
          ok: true,
          enabled: true,
        });
        expect(await ask(world, { type: 'factmark/site-get', host: OTHER_HOST })).toEqual(CS);
      },
    },
    'factmark/site-set': {
      refused: () => [
        { type: 'factmark/site-set', host: OTHER_HOST, enabled: true },
        // Not even its own site's: the switch is the journalist's, in the popup.
        { type: 'factmark/site-set', host: seeded.ownHost, enabled: false },
      ],
    },
    'factmark/annotations': {
      scoped: async () => {
        expect(await ask(world, { type: 'factmark/annotations', url: seeded.ownUrl })).toEqual({
          ok: true,
          annotations: [seeded.own],
        });
        // Another page of its own origin: allowed, and empty.
        expect(
          await ask(world, { type: 'factmark/annotations', url: server.url('/quiet.html') }),
        ).toEqual({ ok: true, annotations: [] });
        // Another site's page, every annotation at once, the same host over https: refused.
        expect(await ask(world, { type: 'factmark/annotations', url: OTHER_URL })).toEqual(CS);
        expect(await ask(world, { type: 'factmark/annotations' })).toEqual(CS);
        const https = seeded.ownUrl.replace(/^http:/, 'https:');
        expect(await ask(world, { type: 'factmark/annotations', url: https })).toEqual(CS);
      },
    },
    'factmark/annotations-page': {
      refused: () => [
        { type: 'factmark/annotations-page', limit: 100 },
        { type: 'factmark/annotations-page', limit: 10, query: { text: 'phone' } },
      ],
    },
    'factmark/annotation-save': {
      scoped: async () => {
        // A write claiming another site's page: refused.
        const claimed = annotation('anno:e2e-claimed', { url: OTHER_URL, note: 'planted' });
        expect(await ask(world, { type: 'factmark/annotation-save', annotation: claimed })).toEqual(
          CS,
        );
        // Another site's annotation, by its id, moved under this page: refused.
        const hijack = { ...seeded.others[0]!, url: seeded.ownUrl, note: 'mine now' };
        expect(await ask(world, { type: 'factmark/annotation-save', annotation: hijack })).toEqual(
          CS,
        );
        // Its own page: saved there, as the Library then sees it — private, whatever it says
        // of sharing (the desk switch is the journalist's, in the extension's own UI).
        const mine = annotation('anno:e2e-cs-new', { url: seeded.ownUrl, note: 'from the page' });
        expect(
          await ask(world, {
            type: 'factmark/annotation-save',
            annotation: { ...mine, shared: true, creator: 'mallory' },
          }),
        ).toEqual({ ok: true, annotation: mine });
        const listed = (await ask(library, {
          type: 'factmark/annotations',
          url: seeded.ownUrl,
        })) as {
          annotations: Annotation[];
        };
        expect(listed.annotations.find((a) => a.id === mine.id)).toEqual(mine);
        await ask(library, { type: 'factmark/annotations-delete', ids: [mine.id] });
      },
    },
    'factmark/annotations-delete': {
      scoped: async () => {
        // Another site's ids are, to it, unknown ids; its own is deleted.
        const answer = await ask(world, {
          type: 'factmark/annotations-delete',
          ids: [...seeded.others.map((a) => a.id), 'anno:e2e-imported', seeded.own.id],
        });
        expect(answer).toEqual({ ok: true, deleted: [seeded.own] });
        await ask(library, { type: 'factmark/annotations-restore', annotations: [seeded.own] });
      },
    },
    'factmark/annotations-restore': {
      refused: () => [
        {
          type: 'factmark/annotations-restore',
          annotations: [{ ...seeded.others[0]!, note: 'overwritten' }],
        },
        // Not even its own page's: restore writes whatever it is given.
        {
          type: 'factmark/annotations-restore',
          annotations: [annotation('anno:e2e-restored', { url: seeded.ownUrl })],
        },
      ],
    },
    'factmark/export': {
      refused: () => [
        { type: 'factmark/export', format: 'jsonld' },
        { type: 'factmark/export', format: 'csv', url: OTHER_URL },
        { type: 'factmark/export', format: 'md', url: seeded.ownUrl },
      ],
    },
    'factmark/import': {
      refused: () => [
        {
          type: 'factmark/import',
          text: toJsonLd([{ ...seeded.others[0]!, note: 'replaced', updated: Date.now() }]),
        },
        {
          type: 'factmark/import',
          text: toJsonLd([annotation('anno:e2e-cs-import', { url: seeded.ownUrl })]),
        },
      ],
    },
    'factmark/import-undo': {
      refused: () => [{ type: 'factmark/import-undo', id: seeded.undoId }],
    },
    // The backup of everything: every annotation, fact, source and name of every site.
    'factmark/backup-export': { refused: () => [{ type: 'factmark/backup-export' }] },
    'factmark/backup-import': {
      refused: () => [
        {
          type: 'factmark/backup-import',
          text: backupOfAnnotations([
            { ...seeded.others[0]!, note: 'replaced', updated: Date.now() },
          ]),
        },
      ],
    },
    // Desk sync: the desk's settings, its password, sharing and conflicts are the Library's.
    'factmark/sync-set': {
      refused: () => [
        {
          type: 'factmark/sync-set',
          url: 'http://127.0.0.1:5984',
          db: 'desk',
          user: 'alice',
          password: 'secret',
        },
        { type: 'factmark/sync-set', off: true },
      ],
    },
    'factmark/sync-now': { refused: () => [{ type: 'factmark/sync-now' }] },
    'factmark/sync-status': { refused: () => [{ type: 'factmark/sync-status' }] },
    'factmark/sync-test': {
      refused: () => [
        {
          type: 'factmark/sync-test',
          url: 'http://127.0.0.1:5984',
          db: 'desk',
          user: 'alice',
          password: 'secret',
        },
      ],
    },
    'factmark/sync-conflicts': { refused: () => [{ type: 'factmark/sync-conflicts' }] },
    'factmark/sync-resolve': {
      refused: () => [{ type: 'factmark/sync-resolve', id: seeded.own.id, keep: '1-abc' }],
    },
    'factmark/share': {
      refused: () => [
        { type: 'factmark/share', ids: [seeded.own.id], shared: true },
        { type: 'factmark/share', url: seeded.ownUrl, shared: true },
      ],
    },
    'factmark/desk-items': { refused: () => [{ type: 'factmark/desk-items' }] },
    // The annotation editor frame's alone.
    'factmark/annotation-share': {
      refused: () => [
        {
          type: 'factmark/annotation-share',
          id: seeded.own.id,
          shared: true,
          saved: { color: seeded.own.color, note: seeded.own.note, tags: seeded.own.tags },
        },
      ],
    },
    'factmark/fact-save': {
      scoped: async () => {
        // A new fact claiming another site's page is filed under the frame's own page.
        const claimed = fact('user:e2e-cs-new', {
          source: { type: 'user', url: SECRET_SOURCE, title: 'Planted', date: null },
        });
        const filed = { ...claimed, source: { ...claimed.source, url: seeded.ownUrl } };
        expect(await ask(world, { type: 'factmark/fact-save', fact: claimed })).toEqual({
          ok: true,
          fact: filed,
        });
        expect(await ask(library, { type: 'factmark/facts-get', ids: [claimed.id] })).toEqual({
          ok: true,
          facts: [filed],
        });
        // The journalist's fact is never replaced.
        expect(
          await ask(world, { type: 'factmark/fact-save', fact: { ...seeded.userFact, value: 99 } }),
        ).toEqual(CS);
        await ask(library, { type: 'factmark/fact-delete', id: claimed.id });
      },
    },
    'factmark/fact-delete': {
      refused: () => [{ type: 'factmark/fact-delete', id: seeded.userFact.id }],
    },
    // A journalist's own story: the Library's, but the watched names the page highlights.
    'factmark/sources': { refused: () => [{ type: 'factmark/sources' }] },
    'factmark/source-add': {
      refused: () => [
        {
          type: 'factmark/source-add',
          source: { title: 'Planted', text: 'Tembo Hills costs $1 billion.', origin: 'paste' },
        },
      ],
    },
    'factmark/source-remove': {
      refused: () => [{ type: 'factmark/source-remove', id: '000_b86a0c93525f4882.txt' }],
    },
    'factmark/source-enable': {
      refused: () => [
        { type: 'factmark/source-enable', id: '000_b86a0c93525f4882.txt', enabled: false },
      ],
    },
    'factmark/source-facts': {
      refused: () => [{ type: 'factmark/source-facts', id: '000_b86a0c93525f4882.txt' }],
    },
    'factmark/entities': {
      scoped: async () => {
        // The names switched on, as the Library lists them: what the page sees highlighted.
        const own = (await ask(world, { type: 'factmark/entities' })) as {
          ok: boolean;
          entities: { id: string; enabled: boolean }[];
        };
        const all = (await ask(library, { type: 'factmark/entities' })) as typeof own;
        expect(own.ok).toBe(true);
        expect(own.entities).toEqual(all.entities.filter((e) => e.enabled));
        expect(own.entities.map((e) => e.id)).toEqual(['reko-diq', 'exim', 'barrick']);
      },
    },
    'factmark/entity-save': {
      refused: () => [
        { type: 'factmark/entity-save', entity: { id: 'planted', name: 'Planted', aliases: [] } },
      ],
    },
    'factmark/entity-remove': { refused: () => [{ type: 'factmark/entity-remove', id: 'exim' }] },
    'factmark/entity-enable': {
      refused: () => [{ type: 'factmark/entity-enable', id: 'exim', enabled: false }],
    },
  };

  it('has a case for every request type of the contract, scoped exactly where the contract allows', () => {
    expect(Object.keys(CASES).sort()).toEqual([...TYPES].sort());
    for (const type of TYPES) {
      // A type content scripts may send needs scoped checks; any other, refusals only.
      expect('scoped' in CASES[type], type).toBe(mayCall('content script', type));
    }
  });

  it.each(TYPES)(
    '%s from the isolated world: scoped to its origin, or refused with no effect',
    async (type) => {
      const before = await stored(library, seeded);
      const c = CASES[type];
      if ('scoped' in c) {
        await c.scoped();
      } else {
        const requests = c.refused();
        expect(requests.length).toBeGreaterThan(0);
        for (const request of requests) {
          expect(request.type).toBe(type);
          expect(await ask(world, request), JSON.stringify(request).slice(0, 120)).toEqual(CS);
        }
      }
      expect(await stored(library, seeded)).toEqual(before);
    },
  );

  it('the export and import ports from the isolated world are closed unanswered', async () => {
    // The Library's export port works (so silence below is a refusal, not a broken port).
    const served = await overPort(library, EXPORT_STREAM_PORT, [{ format: 'csv' }], 'end');
    expect(served.received.map((m) => m.type)).toContain('chunk');

    const before = await stored(library, seeded);
    expect(await overPort(world, EXPORT_STREAM_PORT, [{ format: 'jsonld' }])).toEqual({
      received: [],
      closed: true,
    });
    const planted = annotation('anno:e2e-port-import', { url: seeded.ownUrl });
    expect(
      await overPort(world, IMPORT_STREAM_PORT, [
        { type: 'begin', total: 1 },
        { type: 'batch', annotations: [planted] },
        { type: 'commit' },
      ]),
    ).toEqual({ received: [], closed: true });
    // The backup's ports, every annotation, fact, source and name of every site: the same.
    expect(await overPort(world, BACKUP_EXPORT_PORT, [{ type: 'begin' }])).toEqual({
      received: [],
      closed: true,
    });
    expect(await overPort(world, BACKUP_IMPORT_PORT, [{ type: 'begin', chars: 1 }])).toEqual({
      received: [],
      closed: true,
    });
    expect(await stored(library, seeded)).toEqual(before);
  });
});

describe('the annotation editor, an embedded extension page, may send nothing but its share', () => {
  it('framed into the page by the content script', async () => {
    const editorPage = await context.newPage();
    try {
      const url = server.url('/story.html?editor');
      await editorPage.goto(url, { waitUntil: 'load' });
      const tabId = await tabIdOf(library, url);
      // Select a passage and open the editor as the context menu does.
      await editorPage.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('lead') as HTMLElement);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      });
      await openEditor(library, tabId);
      await editorPage.bringToFront();
      const frame = await editorFrameIn(editorPage);
      // One of the extension's documents, with the extension's API.
      expect(
        await frame.evaluate(() => ({
          scheme: location.protocol,
          api: typeof (globalThis as unknown as ApiGlobals).chrome?.runtime.sendMessage,
        })),
      ).toEqual({ scheme: 'chrome-extension:', api: 'function' });
      await expectEveryTypeRefused(realmOf(frame), library, seeded);
    } finally {
      await editorPage.close();
      await libraryPage.bringToFront();
    }
  });

  it('framed by a web page itself (it is web-accessible)', async () => {
    // With `use_dynamic_url` (manifest.json) a page cannot load it at the extension's fixed URL,
    // which is all it knows; without, it can, and the page it holds may then send nothing.
    const manifest = JSON.parse(readFileSync(join(DIST_CHROME, 'manifest.json'), 'utf8')) as {
      web_accessible_resources?: { resources: string[]; use_dynamic_url?: boolean }[];
    };
    const dynamic =
      manifest.web_accessible_resources?.some(
        (r) => r.resources.includes(EDITOR_PAGE) && r.use_dynamic_url === true,
      ) ?? false;
    const hostilePage = await context.newPage();
    try {
      await hostilePage.goto(server.url('/quiet.html'), { waitUntil: 'load' });
      await hostilePage.evaluate(
        (src) => {
          const frame = document.createElement('iframe');
          frame.src = src;
          document.body.append(frame);
        },
        `${extensionOrigin}/${EDITOR_PAGE}#${'0'.repeat(32)}`,
      );
      // The frame ends up either as the editor's document or as Chromium's error page.
      const outcome = await until('the framed editor page to load or be refused', async () => {
        for (const frame of hostilePage.mainFrame().childFrames()) {
          if (frame.url().startsWith('chrome-error:')) return { loaded: false, frame };
          if (
            isEditorUrl(frame.url()) &&
            (await frame.evaluate(() => document.readyState === 'complete'))
          ) {
            return { loaded: true, frame };
          }
        }
        return null;
      });
      expect(outcome.loaded).toBe(!dynamic);
      if (outcome.loaded) await expectEveryTypeRefused(realmOf(outcome.frame), library, seeded);
    } finally {
      await hostilePage.close();
    }
  });
});

describe('the extension pages at the top of their own tabs', () => {
  it('the Library and the popup page keep every right', async () => {
    const popupPage = await context.newPage();
    try {
      await popupPage.goto(`${extensionOrigin}/src/popup/index.html`, { waitUntil: 'load' });
      await expectFullRights(library, seeded);
      await expectFullRights(realmOf(popupPage), seeded);
      // The import no other caller could undo is still the latest, and the Library's to undo.
      expect(await ask(library, { type: 'factmark/import-undo', id: seeded.undoId })).toEqual({
        ok: true,
        removed: 1,
        restored: 0,
      });
    } finally {
      await popupPage.close();
    }
  });
});
