/**
 * Desk sync's benchmark (issue 11, "Scale"): in the built extension in headless Chromium, against
 * pouchdb-server on 127.0.0.1 (tests/support/desk-server.ts):
 * - the first sync of 10,000 shared annotations (a teammate's, put on the server) into an empty
 *   profile — wall-clock of `factmark/sync-set` (the connection test and the first sync), and the
 *   longest main-thread task of the Library page open meanwhile (the sync itself runs in the
 *   service worker);
 * - the cost of one change reaching the other profile: profile A saves a shared annotation, syncs,
 *   profile B syncs and has it (two one-shot syncs, as the alarm or an open page would run them).
 *
 * `npm run build:ext && npx tsx bench/sync.ts [annotations]`; writes bench/results/sync-latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/chromium';
import type { ExtensionBrowser, TestPage } from '../tests/e2e/harness';
import { startDeskServer, type DeskUser } from '../tests/support/desk-server';
import { deskOriginPattern } from '../src/shared/sync-protocol';

const COUNT = Number(process.argv[2] ?? 10_000);
const HERE = dirname(fileURLToPath(import.meta.url));

function annotationItem(i: number) {
  return {
    id: `anno:bench-${i}`,
    url: `https://news.example/story-${i % 100}`,
    title: `Story ${i % 100}`,
    quote: {
      type: 'TextQuoteSelector',
      exact: `EXIM approved $1.25 billion (${i})`,
      prefix: 'On Tuesday ',
      suffix: ' for Reko Diq.',
    },
    position: { type: 'TextPositionSelector', start: 11, end: 38 },
    color: 'yellow',
    note: `Teammate's note ${i}: check against the board minutes.`,
    tags: ['exim', `batch-${i % 10}`],
    entities: ['exim'],
    verdicts: ['supported'],
    created: 1_760_000_000_000 + i,
    updated: 1_760_000_000_000 + i,
  };
}

function send(page: TestPage, message: unknown): Promise<unknown> {
  return page.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(m),
    message,
  );
}

/** Long tasks of the page from now on (PerformanceObserver 'longtask'). */
async function watchLongTasks(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
}

async function longestTask(page: TestPage): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { __longest: number }).__longest);
}

/**
 * A profile with the Library open and the host permission for the desk's server granted as the
 * journalist grants it: permissions.request in a click (the harness answers the prompt).
 */
async function profile(url: string): Promise<{ browser: ExtensionBrowser; library: TestPage }> {
  const browser = await launchChromium();
  const pattern = deskOriginPattern(url);
  await browser.allowHostPermission(pattern);
  const library = await browser.openExtensionPage('src/options/index.html');
  await library.evaluate((origin) => {
    const button = document.createElement('button');
    button.id = 'bench-grant';
    button.textContent = 'grant';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:99999';
    button.addEventListener('click', () => {
      const w = globalThis as unknown as {
        chrome: { permissions: { request(p: unknown): Promise<boolean> } };
        __granted?: boolean;
      };
      void w.chrome.permissions.request({ origins: [origin] }).then((ok) => (w.__granted = ok));
    });
    document.body.append(button);
  }, pattern);
  await library.click('#bench-grant');
  for (let i = 0; i < 100; i++) {
    const granted = await library.evaluate(
      () => (globalThis as unknown as { __granted?: boolean }).__granted,
    );
    if (granted === true) return { browser, library };
    if (granted === false) throw new Error('host permission refused');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('host permission: no answer');
}

const server = await startDeskServer();
const opened: ExtensionBrowser[] = [];
try {
  for (let start = 0; start < COUNT; start += 1_000) {
    const docs = [];
    for (let i = start; i < Math.min(COUNT, start + 1_000); i++) {
      docs.push({
        _id: `annotation:anno:bench-${i}`,
        kind: 'annotation',
        author: 'bob',
        created: '2026-12-02T09:00:00.000Z',
        modified: '2026-12-02T09:00:00.000Z',
        item: annotationItem(i),
      });
    }
    const answer = await server.request(`/${server.db}/_bulk_docs`, {
      method: 'POST',
      body: { docs },
    });
    if (answer.status !== 201) throw new Error(`bulk docs: ${answer.status}`);
  }

  const a = await profile(server.url);
  opened.push(a.browser);
  const settings = (user: DeskUser) => ({
    type: 'factmark/sync-set',
    url: server.url,
    db: server.db,
    user: user.name,
    password: user.password,
  });
  await watchLongTasks(a.library);
  let t0 = performance.now();
  const first = await send(a.library, settings(server.users.alice));
  const firstMs = performance.now() - t0;
  const firstLongest = await longestTask(a.library);
  const status = (await send(a.library, { type: 'factmark/sync-status' })) as { state: string };
  const here = (await send(a.library, { type: 'factmark/annotations' })) as {
    annotations: unknown[];
  };

  const b = await profile(server.url);
  opened.push(b.browser);
  await send(b.library, settings(server.users.bob));
  const change = { ...annotationItem(COUNT + 1), id: 'anno:bench-change', shared: true };
  t0 = performance.now();
  await send(a.library, { type: 'factmark/annotation-save', annotation: change });
  const pushed = await send(a.library, { type: 'factmark/sync-now' });
  const pushMs = performance.now() - t0;
  const t1 = performance.now();
  const pulled = await send(b.library, { type: 'factmark/sync-now' });
  const pullMs = performance.now() - t1;
  const changeMs = performance.now() - t0;
  const arrived = (await send(b.library, { type: 'factmark/annotations', url: change.url })) as {
    annotations: { id: string }[];
  };

  const result = {
    date: new Date().toISOString(),
    annotations: COUNT,
    firstSync: {
      answer: first,
      ms: Math.round(firstMs),
      annotationsStored: here.annotations.length,
      state: status.state,
      libraryLongestTaskMs: Math.round(firstLongest),
    },
    oneChange: {
      saveAndPushMs: Math.round(pushMs),
      pullMs: Math.round(pullMs),
      totalMs: Math.round(changeMs),
      pushed,
      pulled,
      arrived: arrived.annotations.some((x) => x.id === change.id),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  const out = join(HERE, 'results', 'sync-latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  for (const browser of opened) await browser.close().catch(() => undefined);
  await server.close();
}
