/**
 * The annotation editor in Firefox: an extension page framed into a web page's tab is an
 * `embedded extension page` (src/shared/protocol.ts callerOf) that may send no request — but its
 * share of an annotation saved in it, refused here as out of scope — and open neither transfer
 * port, while the Library and the popup page, each at the top of its own tab,
 * keep every right. Firefox reports such a frame with the extension's moz-extension URL, the web
 * page's tab (its URL) and a frame id other than 0 — as Chromium does, with other numbers.
 *
 * The Chromium twin, which also sends every request type from the content script's isolated
 * world, is isolated-world.chromium.e2e.test.ts. Driven with puppeteer-core over WebDriver BiDi
 * directly (tests/e2e/firefox.ts does not hand out frames).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_PAGE } from '../../src/shared/editor-protocol';
import {
  ask,
  expectEveryTypeRefused,
  expectFullRights,
  openEditor,
  seed,
  tabIdOf,
  until,
  type ApiGlobals,
  type Realm,
  type Seeded,
} from './callers';
import { assertBuilt, DIST_FIREFOX, GECKO_ID } from './paths';
import { startServer, type StaticServer } from './server';

const FIREFOX = '/usr/bin/firefox-esr';

function realmOf(target: Page | Frame): Realm {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      // puppeteer types the argument as it arrives; ours are plain JSON values.
      target.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
  };
}

let server: StaticServer;
let browser: Browser;
let profile: string;
let extensionOrigin: string;
let library: Realm;
let seeded: Seeded;

/** One of the extension's pages in a new tab, loaded. */
async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${extensionOrigin}/${path}`;
  // As in firefox.ts: goto() of a moz-extension:// page may never resolve although the page
  // loads. Start it, and wait for the page itself.
  page.goto(url).catch(() => undefined);
  await until(`${url} to load`, async () =>
    (await page.evaluate(
      (expected) => location.href === expected && document.readyState === 'complete',
      url,
    ))
      ? true
      : null,
  );
  return page;
}

/**
 * The editor page's frame in `page`, once loaded. Over BiDi a cross-origin frame's url() may still
 * say about:blank after it has loaded: each frame is asked where it is.
 */
function editorFrameIn(page: Page): Promise<Frame> {
  return until('the editor frame', async () => {
    for (const frame of page.mainFrame().childFrames()) {
      const here = await frame.evaluate(() => ({
        protocol: location.protocol,
        path: location.pathname,
        ready: document.readyState === 'complete',
      }));
      if (here.protocol === 'moz-extension:' && here.path === `/${EDITOR_PAGE}` && here.ready) {
        return frame;
      }
    }
    return null;
  });
}

beforeAll(async () => {
  assertBuilt(DIST_FIREFOX);
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'factmark-firefox-embedded-'));
  // A fixed UUID for the extension's origin, so its pages have a URL the test knows.
  const uuid = randomUUID();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // moz-extension:// pages are reachable over BiDi only with system access allowed.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  extensionOrigin = `moz-extension://${uuid}`;
  library = realmOf(await openExtensionPage('src/options/index.html'));
  seeded = await seed(library, server.url('/story.html'));
});

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

describe('Firefox: the annotation editor, an embedded extension page, may send nothing but its share', () => {
  it('framed into the page by the content script', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(seeded.ownUrl, { waitUntil: 'load' });
      const tabId = await tabIdOf(library, seeded.ownUrl);
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('lead') as HTMLElement);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      });
      await openEditor(library, tabId);
      await page.bringToFront();
      const frame = await editorFrameIn(page);
      expect(
        await frame.evaluate(
          () => typeof (globalThis as unknown as ApiGlobals).browser?.runtime.sendMessage,
        ),
      ).toBe('function');
      await expectEveryTypeRefused(realmOf(frame), library, seeded);
    } finally {
      await page.close();
    }
  });

  it('framed by a web page itself (it is web-accessible)', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(server.url('/quiet.html'), { waitUntil: 'load' });
      // The moz-extension UUID is random per install: a real page would have to learn it first.
      await page.evaluate(
        (src) => {
          const frame = document.createElement('iframe');
          frame.src = src;
          document.body.append(frame);
        },
        `${extensionOrigin}/${EDITOR_PAGE}#${'0'.repeat(32)}`,
      );
      await expectEveryTypeRefused(realmOf(await editorFrameIn(page)), library, seeded);
    } finally {
      await page.close();
    }
  });
});

describe('Firefox: the extension pages at the top of their own tabs', () => {
  it('the Library and the popup page keep every right', async () => {
    const popup = await openExtensionPage('src/popup/index.html');
    try {
      await expectFullRights(library, seeded);
      await expectFullRights(realmOf(popup), seeded);
      expect(await ask(library, { type: 'factmark/import-undo', id: seeded.undoId })).toEqual({
        ok: true,
        removed: 1,
        restored: 0,
      });
    } finally {
      await popup.close();
    }
  });
});
