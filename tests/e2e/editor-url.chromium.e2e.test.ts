/**
 * Chromium only: a page cannot tell that Factmark is installed by loading the annotation editor's
 * page from the extension's fixed id. The editor is the one web-accessible resource
 * (manifest.json), declared with `use_dynamic_url`: Chromium then serves it to web pages only at
 * a per-session URL (runtime.getURL answers it, and the content script frames that), and refuses
 * `chrome-extension://<id>/src/editor/index.html` to them. The editor still opens and saves.
 *
 * Firefox has no such key (crxjs drops it from the Firefox manifest, and web-ext lint is clean): a
 * moz-extension:// origin is a random UUID per install already, so no fixed URL exists to probe.
 *
 * Driven through playwright directly rather than the two-browser harness: the test reads the
 * page's frames and the requests the browser made, which the harness does not expose.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_PAGE } from '../../src/shared/editor-protocol';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';
import { WAIT_DEADLINE_MS } from './harness';
import { DIST_CHROME, assertBuilt } from './paths';
import { startServer, type StaticServer } from './server';

/** The few extension API calls made from the extension's own page, typed for page functions. */
interface ExtensionApi {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
}
type ProbeGlobals = { chrome: ExtensionApi; pending?: Promise<unknown> };

const PAGE = '/annotate-v1.html';
const PASSAGE = 'start producing copper concentrate by 2028';

describe('the annotation editor’s URL (Chromium, use_dynamic_url)', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let profile: string;
  /** chrome-extension://<id>: the fixed origin a page would probe. */
  let fixedOrigin: string;
  /** Every request made since launch (redirects followed are not new requests). */
  const requested: string[] = [];

  beforeAll(async () => {
    assertBuilt(DIST_CHROME);
    server = await startServer();
    profile = mkdtempSync(join(tmpdir(), 'factmark-editor-url-'));
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
    fixedOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    // Requests as made, not the redirects Chromium follows: it serves the session URL's
    // document from the fixed origin (the frame's own URL and subresources), out of the page's
    // sight (a cross-origin frame in a closed shadow root).
    context.on('request', (request) => {
      if (request.redirectedFrom() === null) requested.push(request.url());
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.close();
  });

  /** An extension page, from which the tests talk to the background and the tab. */
  async function openProbe(): Promise<Page> {
    const probe = await context.newPage();
    await probe.goto(`${fixedOrigin}/src/options/index.html`, { waitUntil: 'load' });
    return probe;
  }

  /** The id of the tab whose content script reports `url` (it is ready then). */
  async function tabIdOf(probe: Page, url: string): Promise<number> {
    const handle = await probe.waitForFunction(
      async (wanted) => {
        const { chrome: api } = globalThis as unknown as ProbeGlobals;
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          try {
            const report = (await api.tabs.sendMessage(tab.id, { type: 'factmark/report' })) as {
              url?: string;
            } | null;
            if (report?.url === wanted) return tab.id;
          } catch {
            // No content script in that tab.
          }
        }
        return null;
      },
      url,
      { timeout: WAIT_DEADLINE_MS, polling: 100 },
    );
    return (await handle.jsonValue()) as number;
  }

  it('a page cannot load the editor from the fixed URL; the editor still opens and saves', async () => {
    const page = await context.newPage();
    await page.goto(server.url(PAGE), { waitUntil: 'load' });
    const probe = await openProbe();
    try {
      const tabId = await tabIdOf(probe, server.url(PAGE));
      const fixedUrl = `${fixedOrigin}/${EDITOR_PAGE}`;

      // 1. What a page would try. fetch() is refused (it answered 200 without use_dynamic_url).
      const fetched = await page.evaluate(async (url) => {
        try {
          return `answered ${(await fetch(url)).status}`;
        } catch {
          return 'refused';
        }
      }, fixedUrl);
      expect(fetched).toBe('refused');
      // A frame of it shows Chromium's "blocked" page, not the editor (which it showed without).
      await page.evaluate(
        (url) =>
          new Promise<void>((resolve) => {
            const frame = document.createElement('iframe');
            frame.id = 'probe';
            frame.addEventListener('load', () => resolve(), { once: true });
            frame.src = url;
            document.body.append(frame);
          }),
        fixedUrl,
      );
      const probeFrame = await (await page.$('#probe'))?.contentFrame();
      expect(probeFrame).toBeTruthy();
      expect(probeFrame?.url()).not.toMatch(/^chrome-extension:/);
      await page.evaluate(() => document.getElementById('probe')?.remove());

      // 2. The editor opens, as the context menu opens it, from the per-session URL.
      await page.evaluate((quote) => {
        const text = (document.getElementById('passage') as HTMLElement).firstChild as Text;
        const at = text.data.indexOf(quote);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + quote.length);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      }, PASSAGE);
      const requestsBefore = requested.length;
      await probe.evaluate((id) => {
        const g = globalThis as unknown as ProbeGlobals;
        g.pending = g.chrome.tabs.sendMessage(id, { type: 'factmark/annotate' });
      }, tabId);
      await page.bringToFront();
      // Open and focused: the page sees Factmark's host (beside <head> and <body>) as active.
      await page.waitForFunction(
        () => {
          const active = document.activeElement;
          return (
            active !== null &&
            active.parentElement === document.documentElement &&
            active !== document.head &&
            active !== document.body
          );
        },
        undefined,
        { timeout: WAIT_DEADLINE_MS, polling: 100 },
      );
      // Framed from the per-session origin (the one runtime.getURL answers), never the fixed one.
      const editorUrl = new URL(
        await probe.evaluate(
          (path) => (globalThis as unknown as ProbeGlobals).chrome.runtime.getURL(path),
          EDITOR_PAGE,
        ),
      );
      // Not URL.origin: Node gives "null" for the chrome-extension scheme.
      const sessionOrigin = `${editorUrl.protocol}//${editorUrl.host}`;
      expect(sessionOrigin).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}$/);
      expect(sessionOrigin).not.toBe(fixedOrigin);
      const framedFrom = requested
        .slice(requestsBefore)
        .filter((url) => url.includes(`/${EDITOR_PAGE}`))
        .map((url) => url.slice(0, url.indexOf(`/${EDITOR_PAGE}`)));
      expect(framedFrom.length).toBeGreaterThan(0);
      expect(new Set(framedFrom)).toEqual(new Set([sessionOrigin]));
      // Nothing of the extension's URLs shows in the page's own performance timeline.
      expect(
        await page.evaluate(() =>
          performance
            .getEntries()
            .map((e) => e.name)
            .filter((name) => name.startsWith('chrome-extension:')),
        ),
      ).toEqual([]);

      const note = 'dynamic URL check';
      await page.keyboard.type(note);
      await page.keyboard.press('Control+Enter');
      expect(await probe.evaluate(() => (globalThis as unknown as ProbeGlobals).pending)).toEqual({
        ok: true,
      });
      const stored = (await probe.evaluate(() =>
        (globalThis as unknown as ProbeGlobals).chrome.runtime.sendMessage({
          type: 'factmark/annotations',
        }),
      )) as { annotations: { id: string; note: string; quote: { exact: string } }[] };
      const saved = stored.annotations.filter((a) => a.note === note);
      expect(saved.map((a) => a.quote.exact)).toEqual([PASSAGE]);
      await probe.evaluate(
        (ids) =>
          (globalThis as unknown as ProbeGlobals).chrome.runtime.sendMessage({
            type: 'factmark/annotations-delete',
            ids,
          }),
        saved.map((a) => a.id),
      );
    } finally {
      await probe.close();
      await page.close();
    }
  });
});
