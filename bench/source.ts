/**
 * The benchmark's "1 MB source" case (issue 10): one megabyte of news prose added as a source the
 * Library's way (factmark/source-add from an extension page), so that the background's engine
 * extracts its facts and writes them. Goals: under a second of background work, and the extension
 * page never blocked meanwhile (the work is the background's, src/background/sources.ts). The
 * source is removed again afterwards, so that later measurements see the store as before.
 */
import type { Page } from 'playwright-core';
import { megabyteOfNews } from '../tests/support/megabyte-of-news';
import { installBlockWatch, type BlockWatchGlobal, type WatchBlocking } from './block-watch';

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
type ApiGlobals = { browser?: RuntimeApi; chrome?: RuntimeApi };

export interface SourceResult {
  /** Characters of the source (UTF-16 code units; it is ASCII-heavy prose, about its bytes). */
  chars: number;
  facts: number | null;
  /** factmark/source-add, from the message sent to its answer (extraction and writes). */
  add_ms: number | null;
  /** The longest the extension page's main thread went without running a 0 ms timer meanwhile. */
  page_longest_block_ms: number | null;
  error: string | null;
}

export async function megabyteSource(control: Page): Promise<SourceResult> {
  const text = megabyteOfNews();
  await installBlockWatch(control);
  const measured = await control.evaluate(async (body: string) => {
    const g = globalThis as unknown as ApiGlobals;
    const api = (g.browser ?? g.chrome) as RuntimeApi;
    const stopWatch = (
      (globalThis as unknown as BlockWatchGlobal).__factmarkWatchBlocking as WatchBlocking
    )();
    const t0 = performance.now();
    const answer = (await api.runtime
      .sendMessage({
        type: 'factmark/source-add',
        source: { title: 'One megabyte of news', text: body, origin: 'paste' },
      })
      .catch((e: unknown) => ({ ok: false, error: String(e) }))) as {
      ok?: boolean;
      error?: string;
      source?: { id?: string; facts?: number };
    };
    const ms = performance.now() - t0;
    const block = stopWatch();
    const id = answer.source?.id;
    if (id) await api.runtime.sendMessage({ type: 'factmark/source-remove', id });
    return {
      ms,
      block,
      facts: answer.source?.facts ?? null,
      error: answer.ok === true ? null : (answer.error ?? 'no answer'),
    };
  }, text);
  return {
    chars: text.length,
    facts: measured.facts,
    add_ms: measured.error === null ? Math.round(measured.ms) : null,
    page_longest_block_ms: Math.round(measured.block),
    error: measured.error,
  };
}
