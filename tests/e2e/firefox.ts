/**
 * Debian's Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core over
 * WebDriver BiDi (Debian 12 has no geckodriver). Headless; a fresh profile per launch, under the
 * OS temp dir, removed on close.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import type { ExtensionBrowser, TestPage } from './harness';
import { childFrameAnswers, waitFor } from './harness';
import { DIST_FIREFOX, GECKO_ID, assertBuilt } from './paths';

const FIREFOX = '/usr/bin/firefox-esr';
// A page's size when the test does not set one, as Chromium's default.
const VIEWPORT = { width: 1280, height: 720 };

function wrap(page: Page): TestPage {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      // As in chromium.ts: our arguments are plain JSON values, not handles.
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
    addScript: async (source) => {
      await page.evaluate(source);
    },
    inFrames: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      // Our arguments are plain JSON values, as for evaluate.
      childFrameAnswers(page, (frame) =>
        frame.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
      ),
    screenshot: async (path, options) => {
      await page.screenshot({
        path: path as `${string}.png`,
        fullPage: options?.fullPage ?? false,
      });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    setColorScheme: async (scheme) => {
      try {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        return true;
      } catch {
        return false; // not every BiDi build supports it
      }
    },
    bringToFront: () => page.bringToFront(),
    type: (text) => page.keyboard.type(text),
    press: async (chord) => {
      // Puppeteer presses one key at a time: hold the modifiers of "Control+Enter" around it.
      const keys = chord.split('+') as KeyInput[];
      const key = keys.pop() as KeyInput;
      for (const k of keys) await page.keyboard.down(k);
      await page.keyboard.press(key);
      for (const k of keys.reverse()) await page.keyboard.up(k);
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (selector) => page.click(selector),
    close: () => page.close(),
  };
}

export async function launchFirefox(): Promise<ExtensionBrowser> {
  assertBuilt(DIST_FIREFOX);
  const profile = mkdtempSync(join(tmpdir(), 'factmark-firefox-'));
  // A fixed UUID for the extension's origin, so its pages have a URL the test knows.
  const uuid = randomUUID();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      defaultViewport: VIEWPORT,
      // moz-extension:// pages are reachable over BiDi only with system access allowed.
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        // permissions.request grants without a prompt (a headless browser cannot show one); it
        // still needs the user's input (a trusted click).
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  await browser.installExtension(DIST_FIREFOX);
  const extensionOrigin = `moz-extension://${uuid}`;
  const requested: string[] = [];
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('request', (request) => void requested.push(request.url()));
    return page;
  };
  return {
    name: 'firefox',
    extensionOrigin,
    async openPage(url) {
      const page = await newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await newPage();
      const url = `${extensionOrigin}/${path}`;
      // goto() of a moz-extension:// page may never resolve although the page loads: start it,
      // ignore its promise, and wait for the page itself.
      page.goto(url).catch(() => undefined);
      const wrapped = wrap(page);
      await waitFor(
        wrapped,
        (expected) => location.href === expected && document.readyState === 'complete',
        url,
        `${url} to load`,
      );
      return wrapped;
    },
    requestedUrls: () => [...requested],
    // The launch pref above lets every permissions.request through.
    allowHostPermission: async () => undefined,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
