/**
 * Debian's Chromium with the built extension (dist/chrome), driven by playwright-core. Headless:
 * there is no X server. A fresh profile per launch, under the OS temp dir, removed on close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { childFrameAnswers, type ExtensionBrowser, type TestPage } from './harness';
import { DIST_CHROME, assertBuilt } from './paths';

export const CHROMIUM = '/usr/bin/chromium';

// Flags: no sandbox (containers run as root), no GPU (none here), and nothing that reaches the
// network or changes under the test on its own (background networking, component updates, sync).
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium 156 may start its on-device model service (Vulkan probing, then "Unexpected
  // on_device_model service disconnect") while a text field has focus, and its browser process
  // stops answering input for minutes on this machine: typing into the annotation editor then hung
  // a test now and then. Without these features it never starts (15 of 15 runs, none before).
  '--disable-features=OptGuideOnDeviceModel,OptimizationGuideOnDeviceModel,OnDeviceModelService,AIPromptAPI,AIWriterAPI,AIRewriterAPI,AIProofreaderAPI,AIProofreadingAPI,AISummarizationAPI,AIClassifierAPI,Compose',
];

function wrap(page: Page): TestPage {
  return {
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      // playwright types the argument as it arrives in the page (unboxed handles); ours are
      // plain JSON values, which arrive as they are sent.
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
      await page.screenshot({ path, fullPage: options?.fullPage ?? false });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    setColorScheme: async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      return true;
    },
    bringToFront: () => page.bringToFront(),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (selector) => page.click(selector),
    close: () => page.close(),
  };
}

export async function launchChromium(): Promise<ExtensionBrowser> {
  assertBuilt(DIST_CHROME);
  const profile = mkdtempSync(join(tmpdir(), 'factmark-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...CHROMIUM_FLAGS,
        `--disable-extensions-except=${DIST_CHROME}`,
        `--load-extension=${DIST_CHROME}`,
      ],
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  // The extension's id is the host of its service worker's URL.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));

  return {
    name: 'chromium',
    extensionOrigin,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/${path}`, { waitUntil: 'load' });
      return wrap(page);
    },
    requestedUrls: () => [...requested],
    async allowHostPermission(pattern) {
      // chrome://extensions' own API (the "Site access" setting): the host is then granted at
      // run time, and the extension's permissions.request for it answers true without a prompt.
      const page = await context.newPage();
      try {
        await page.goto('chrome://extensions');
        await page.evaluate(
          async ([id, host]) => {
            const api = (
              globalThis as unknown as {
                chrome: {
                  developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
                };
              }
            ).chrome.developerPrivate;
            await api.addHostPermission(id, host);
          },
          [new URL(extensionOrigin).host, pattern] as const,
        );
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
