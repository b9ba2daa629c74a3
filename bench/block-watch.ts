/**
 * The freeze of an extension page's main thread during a measured step: the longest it went
 * without running a 0 ms timer. Installed once into the page (installBlockWatch), then started
 * and stopped from the functions the benchmark evaluates there (store.ts, source.ts), which can
 * share no code otherwise: each is sent to the page as its own text.
 */
import type { Page } from 'playwright-core';

/** Starts watching; the returned function stops and gives the longest block in ms. */
export type WatchBlocking = () => () => number;
export type BlockWatchGlobal = { __factmarkWatchBlocking?: WatchBlocking };

export async function installBlockWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as BlockWatchGlobal).__factmarkWatchBlocking = () => {
      let last = performance.now();
      let longest = 0;
      let on = true;
      const tick = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        if (on) setTimeout(tick, 0);
      };
      setTimeout(tick, 0);
      return () => {
        on = false;
        return Math.max(longest, performance.now() - last);
      };
    };
  });
}
