/**
 * A CPU profile of Factmark's first pass on one generated page (a tool for finding where the
 * pass's time goes; not part of `npm run bench`): `npx tsx bench/profile.ts 10000 [out.cpuprofile]`
 * after `npm run build`. Prints self time per function of the content script, heaviest first.
 * `PROFILE_STORY=1`: with the story case's 50 watched names and 2,000 facts (bench/story.ts) set
 * up first, from the options page, as `npm run bench` does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { newsPage } from './generate';
import { setUpStory } from './story';
// The e2e tests' Chromium and flags (Debian's build; no sandbox, GPU or background network).
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/e2e/chromium';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist', 'chrome');
const n = Number(process.argv[2] ?? 10_000);
const out = process.argv[3];
const STORY = process.env.PROFILE_STORY === '1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

async function main(): Promise<void> {
  const html = newsPage(n).html;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const profileDir = mkdtempSync(join(tmpdir(), 'factmark-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
  });
  try {
    // Warm the browser (service worker, first content script) on a small page.
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/warm`);
    await page.waitForTimeout(1500);
    if (STORY) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const control = await context.newPage();
      await control.goto(`chrome-extension://${new URL(worker.url()).host}/src/options/index.html`);
      const { setup } = await setUpStory(control);
      console.log(`story: ${setup.names} names, ${setup.facts} facts`);
      // The warm-up page again, so that the profiled page's content script is not the first.
      await page.goto(`http://127.0.0.1:${port}/warm2`);
      await page.waitForTimeout(1500);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`http://127.0.0.1:${port}/page?${Date.now()}`);
    await page.waitForTimeout(n >= 50_000 ? 8000 : 3000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (out) writeFileSync(out, JSON.stringify(profile));
    report(profile);
  } finally {
    await context.close();
    server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

function report(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const totals = new Map<string, number>();
  let contentTotal = 0;
  let all = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    all += us;
    const key = `${functionName || '(anon)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    if (url.startsWith('chrome-extension://')) contentTotal += us;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.log(
    `samples total ${(all / 1000).toFixed(1)} ms; content script self ${(contentTotal / 1000).toFixed(1)} ms`,
  );
  for (const [key, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
}

await main();
