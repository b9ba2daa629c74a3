/**
 * The Library (the options page) over a very large store: by default 1,000,000 annotations
 * (design.md's scale goal is 100,000; the trust-boundaries issue asks that a million "can be
 * listed, searched and exported from the Library").
 *
 * - seed: the annotations are written straight into the extension's IndexedDB from one of its
 *   pages (same origin as the background), 25,000 per transaction: a bulk put, not a million
 *   messages. Timed, but it is set-up, not a measurement of Factmark.
 * - list: a fresh Library tab, from its navigation start to "Showing 1–200 of 1,000,000".
 * - search: words typed into the search box (one input event), until the list settles: a word
 *   on 1 annotation in 1,000 (a first page of 200 matches needs 200,000 records looked at), a
 *   word on none (every record looked at), and one tag (the tag filter).
 * - export: each format's button clicked, until the browser's download is complete; the file is
 *   read back in Node, line by line (a 1,000,000-annotation JSON-LD file is larger than the
 *   longest string V8 can hold, so it cannot be JSON.parse'd whole): every item line must parse,
 *   the head and tail must be the collection's, and every id must come out exactly once.
 *
 * For each, the Library page's longest main-thread task (PerformanceObserver `longtask`, tasks
 * of 50 ms and more) and the longest gap of a 0 ms timer chain (the UI's longest freeze, whatever
 * caused it); for the exports, the peak JS heap of the Library page (CDP Performance.getMetrics,
 * sampled every 250 ms) and the peak resident memory of the browser's processes (/proc, summed
 * over the browser's process tree, sampled every 250 ms).
 *
 * Standalone: `npx tsx bench/library.ts [count] [formats]` (after `npm run build:ext`), e.g.
 * `npx tsx bench/library.ts 100000 jsonld`; FACTMARK_DIST=<dir> runs another build. `npm run
 * bench` runs it as its last case (bench/run.ts), in a browser profile of its own.
 */
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/e2e/chromium';
import { round } from './stats';

export type LibraryFormat = 'jsonld' | 'csv' | 'md';

const LABELS: Record<LibraryFormat, string> = { jsonld: 'JSON-LD', csv: 'CSV', md: 'Markdown' };

/** Annotations per seeding transaction: large enough that the put rate is IndexedDB's own. */
const SEED_BATCH = 25_000;
/** Annotations per page of the Library's list (src/options/AnnotationLibrary.tsx PAGE_SIZE). */
const LIST_PAGE = 200;
/** A search word on every 1,000th annotation's note, and one on none. */
export const RARE_WORD = 'needle';
export const ABSENT_WORD = 'zzabsentzz';
/** How long any one step may take before the bench gives up on it (a hang, not a measurement). */
const STEP_DEADLINE_MS = 15 * 60_000;

export interface Interaction {
  ms: number | null;
  /** What the list's count line said at the end. */
  status: string;
  longest_task_ms: number;
  long_tasks: number;
  longest_block_ms: number;
}

export interface ExportRun extends Interaction {
  format: LibraryFormat;
  bytes: number | null;
  /** Items (JSON-LD), rows (CSV) or blockquotes (Markdown) in the file. */
  items: number | null;
  /** Every id of the store in the file exactly once (JSON-LD, CSV: ids or quotes; see check). */
  complete: boolean | null;
  /** The JSON-LD file is valid JSON (each line checked; see checkJsonLd). */
  valid: boolean | null;
  /**
   * The Library's main thread during the export, from a Chromium trace (every task, not only the
   * long ones): how many tasks ran, the longest, the 99th percentile, and how many took over 16 and
   * over 50 ms. Null when tracing failed.
   */
  main_thread: TaskSummary | null;
  page_heap_peak_mb: number | null;
  browser_rss_peak_mb: number | null;
  error: string | null;
}

export interface LibraryResult {
  annotations: number;
  seed_ms: number;
  list: Interaction;
  next_page: Interaction;
  /** Null when not measured (LibraryOptions.search false). */
  search_rare: Interaction | null;
  search_absent: Interaction | null;
  tag_filter: Interaction | null;
  exports: ExportRun[];
}

export interface LibraryOptions {
  /** The export formats to measure; all three by default. */
  formats?: readonly LibraryFormat[];
  /** Measure the searches and the tag filter (default true). */
  search?: boolean;
  log?: (message: string) => void;
}

// ---- in-page code (sent as source: only its argument and the page's globals) ----------------

/** Writes `count` annotations into the extension's database, from one of its pages. */
async function seedInPage(arg: { count: number; batch: number; rare: string }): Promise<number> {
  const t0 = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    // No version: the background has opened (and migrated) it already.
    const request = indexedDB.open('factmark');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const colors = ['yellow', 'green', 'blue', 'pink'];
  const make = (i: number) => {
    const t = 1_700_000_000_000 + i * 1000;
    let note = i % 3 === 0 ? `A note on item ${i}: check the source.` : '';
    if (i % 1000 === 500) note = `Item ${i}: the ${arg.rare} in the haystack.`;
    return {
      id: `anno:bench-${i}`,
      url: `https://news.example/story/${i % 5000}`,
      title: `Bench page ${i % 5000}`,
      quote: {
        type: 'TextQuoteSelector',
        exact: `financing package number ${i}`,
        prefix: 'The ',
        suffix: ' was reported',
      },
      position: { type: 'TextPositionSelector', start: 4 + (i % 97), end: 30 + (i % 97) },
      color: colors[i % 4],
      note,
      tags: i % 2 === 0 ? ['bench', `t${i % 10}`] : [],
      entities: i % 5 === 0 ? ['reko-diq'] : [],
      verdicts: i % 7 === 0 ? ['supported'] : [],
      created: t,
      updated: t,
    };
  };
  for (let from = 0; from < arg.count; from += arg.batch) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('annotations', 'readwrite');
      const store = tx.objectStore('annotations');
      for (let i = from; i < Math.min(arg.count, from + arg.batch); i++) store.put(make(i));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  db.close();
  return performance.now() - t0;
}

/**
 * Registered before the Library's scripts: its long tasks, and a 0 ms timer chain whose longest
 * gap is the longest the page could not run anything (`__lib.block()` reads and resets both).
 */
const WATCH_SCRIPT = `(() => {
  globalThis.__name = globalThis.__name || ((f) => f);
  const w = (window.__lib = { tasks: [], longest: 0, last: performance.now() });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.tasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const tick = () => {
    const now = performance.now();
    w.longest = Math.max(w.longest, now - w.last);
    w.last = now;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  w.reset = () => { w.tasks = []; w.longest = 0; w.last = performance.now(); };
  w.read = () => ({
    longest_task_ms: Math.round(Math.max(0, ...w.tasks)),
    long_tasks: w.tasks.length,
    longest_block_ms: Math.round(Math.max(w.longest, performance.now() - w.last)),
  });
})();`;

interface Watch {
  longest_task_ms: number;
  long_tasks: number;
  longest_block_ms: number;
}

async function resetWatch(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __lib: { reset(): void } }).__lib.reset());
}

async function readWatch(page: Page): Promise<Watch> {
  return page.evaluate(() => (window as unknown as { __lib: { read(): Watch } }).__lib.read());
}

function countLine(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector('#annotations .list-count')?.textContent?.trim() ?? '',
  );
}

/** Wait until the list's count line satisfies `done` (polled every 50 ms); the time it took. */
async function untilCount(
  page: Page,
  done: { prefix?: string; notPrefix?: string; differsFrom?: string },
): Promise<{ ms: number | null; status: string }> {
  const t0 = Date.now();
  const handle = await page
    .waitForFunction(
      (d) => {
        const text = document.querySelector('#annotations .list-count')?.textContent?.trim() ?? '';
        if (text === '') return false;
        if (d.prefix !== undefined && !text.startsWith(d.prefix)) return false;
        if (d.notPrefix !== undefined && text.startsWith(d.notPrefix)) return false;
        if (d.differsFrom !== undefined && text === d.differsFrom) return false;
        return text;
      },
      done,
      { polling: 50, timeout: STEP_DEADLINE_MS },
    )
    .catch(() => null);
  const ms = handle === null ? null : Date.now() - t0;
  return { ms, status: handle === null ? await countLine(page) : String(await handle.jsonValue()) };
}

// ---- memory ---------------------------------------------------------------------------------

/** Resident memory of the browser started with `profile` and all its descendants, in MB. */
function browserRssMb(profile: string): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  let root: number | null = null;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields after the last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(pid, Number(fields[1]));
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      if (root === null) {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmdline.includes(`--user-data-dir=${profile}`) && !cmdline.includes('--type=')) {
          root = pid;
        }
      }
    } catch {
      // The process ended while being read.
    }
  }
  if (root === null) return 0;
  let kb = 0;
  for (const [pid, value] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) {
        kb += value;
        break;
      }
    }
  }
  return Math.round(kb / 1024);
}

// ---- checking an exported file --------------------------------------------------------------

interface FileCheck {
  items: number;
  complete: boolean;
  valid: boolean | null;
  error: string | null;
}

/**
 * A JSON-LD export, line by line: the head up to `"items": [`, one item per line (each parses
 * as JSON once its separating comma is off; each an Annotation with an id), then the closing
 * lines. Together these are the whole file, so every line checked is the file valid JSON. Every
 * id `anno:bench-<i>` for i < count must come once.
 */
async function checkJsonLd(path: string, count: number): Promise<FileCheck> {
  const seen = new Uint8Array(count);
  let items = 0;
  let duplicates = 0;
  let strangers = 0;
  const head: string[] = [];
  const tail: string[] = [];
  let state: 'head' | 'items' | 'tail' = 'head';
  let error: string | null = null;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }) });
  for await (const line of lines) {
    if (state === 'head') {
      head.push(line);
      if (line.endsWith('"items": [')) state = 'items';
      else if (line.endsWith('"items": []')) state = 'tail';
      continue;
    }
    if (state === 'items' && line.startsWith('{')) {
      const json = line.endsWith(',') ? line.slice(0, -1) : line;
      try {
        const item = JSON.parse(json) as { id?: unknown; type?: unknown };
        if (item.type !== 'Annotation' || typeof item.id !== 'string')
          throw new Error('not an item');
        items += 1;
        const m = /^anno:bench-(\d+)$/.exec(item.id);
        const i = m ? Number(m[1]) : -1;
        if (i < 0 || i >= count) strangers += 1;
        else if (seen[i] === 1) duplicates += 1;
        else seen[i] = 1;
      } catch (e) {
        error ??= `item ${items + 1}: ${String(e)}`;
      }
      continue;
    }
    state = 'tail';
    tail.push(line);
  }
  // The head and the tail with an empty items list in between are a JSON document of their own.
  let valid = error === null;
  try {
    const skeleton = JSON.parse(
      `${head.join('\n').replace(/"items": \[$/, '"items": []')}\n${tail.slice(1).join('\n')}`,
    ) as { total?: unknown; type?: unknown; first?: { items?: unknown } };
    if (skeleton.type !== 'AnnotationCollection') throw new Error('not an AnnotationCollection');
    if (skeleton.total !== items)
      throw new Error(`total ${String(skeleton.total)}, ${items} items`);
    if (tail[0]?.trim() !== ']') throw new Error(`the items end with ${tail[0]}`);
  } catch (e) {
    valid = false;
    error ??= `head or tail: ${String(e)}`;
  }
  const complete = duplicates === 0 && strangers === 0 && items === count;
  return { items, complete, valid, error };
}

/** CSV rows (one per annotation; the bench's cells hold no line breaks) and their quotes. */
async function checkCsv(path: string, count: number): Promise<FileCheck> {
  const seen = new Uint8Array(count);
  let rows = -1;
  let bad = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }) });
  for await (const line of lines) {
    rows += 1;
    if (rows === 0) continue;
    const m = /,financing package number (\d+),/.exec(line);
    const i = m ? Number(m[1]) : -1;
    if (i < 0 || i >= count || seen[i] === 1) bad += 1;
    else seen[i] = 1;
  }
  return { items: rows, complete: bad === 0 && rows === count, valid: null, error: null };
}

/** Markdown blockquotes (one per annotation) and their quotes. */
async function checkMarkdown(path: string, count: number): Promise<FileCheck> {
  const seen = new Uint8Array(count);
  let quotes = 0;
  let bad = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }) });
  for await (const line of lines) {
    if (!line.startsWith('> ')) continue;
    quotes += 1;
    const m = /^> financing package number (\d+)$/.exec(line);
    const i = m ? Number(m[1]) : -1;
    if (i < 0 || i >= count || seen[i] === 1) bad += 1;
    else seen[i] = 1;
  }
  return { items: quotes, complete: bad === 0 && quotes === count, valid: null, error: null };
}

// ---- a trace of the page's main thread ------------------------------------------------------

export interface TaskSummary {
  /** Tasks from the click to the moment the download was handed to the browser. */
  tasks: number;
  longest_ms: number;
  p99_ms: number;
  over_16_ms: number;
  over_50_ms: number;
  /** The longest tasks: [start, ms after the click; duration, ms; CPU time of the thread, ms]. */
  top: [number, number, number][];
  /** The longest task by the thread's CPU time (on a busy machine, wall time waits for a core). */
  longest_cpu_ms: number;
  /** The tasks longest by CPU time: [start, ms after the click; duration; CPU time]. */
  top_cpu: [number, number, number][];
  /** When the Library had the whole file (its progress line gone), ms after the click. */
  done_at_ms: number | null;
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

async function startTrace(cdp: Cdp): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing,__metadata',
    transferMode: 'ReturnAsStream',
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (wall time `dur` counts time the thread waited for a core). */
  tdur?: number;
}

/**
 * Stop tracing; the tasks (ThreadControllerImpl::RunTask) of the Library's main thread — the
 * thread of its `fm-export-start` mark — from that mark on.
 */
async function stopTrace(cdp: Cdp): Promise<TaskSummary> {
  const complete = new Promise<{ stream?: string }>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event) => resolve(event as { stream?: string })),
  );
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (stream === undefined) throw new Error('no trace stream');
  const pieces: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = (await cdp.send('IO.read', { handle: stream })) as {
      data: string;
      eof: boolean;
      base64Encoded?: boolean;
    };
    pieces.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const trace = JSON.parse(pieces.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const start = events.find((e) => e.name === 'fm-export-start');
  if (start === undefined) throw new Error('no fm-export-start mark in the trace');
  const done = events.find((e) => e.name === 'fm-export-done' && e.pid === start.pid);
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ts + (e.dur ?? 0) >= start.ts,
    )
    .map((e): [number, number, number] => [
      (e.ts - start.ts) / 1000,
      (e.dur ?? 0) / 1000,
      (e.tdur ?? e.dur ?? 0) / 1000,
    ]);
  const durations = tasks.map(([, d]) => d).sort((a, b) => a - b);
  const at = (q: number) =>
    durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  return {
    tasks: durations.length,
    longest_ms: round(durations.at(-1) ?? 0),
    p99_ms: round(at(0.99)),
    over_16_ms: durations.filter((d) => d > 16).length,
    over_50_ms: durations.filter((d) => d > 50).length,
    top: [...tasks]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([t, d, cpu]): [number, number, number] => [Math.round(t), round(d), round(cpu)]),
    longest_cpu_ms: round(tasks.reduce((most, [, , cpu]) => Math.max(most, cpu), 0)),
    top_cpu: [...tasks]
      .sort((a, b) => b[2] - a[2])
      .slice(0, 3)
      .map(([t, d, cpu]): [number, number, number] => [Math.round(t), round(d), round(cpu)]),
    done_at_ms: done === undefined ? null : Math.round((done.ts - start.ts) / 1000),
  };
}

// ---- the measurements -----------------------------------------------------------------------

async function openLibrary(ext: BrowserContext, origin: string): Promise<Page> {
  const page = await ext.newPage();
  await page.addInitScript({ content: WATCH_SCRIPT });
  await page.goto(`${origin}/src/options/index.html`, { waitUntil: 'load' });
  return page;
}

async function interact(
  page: Page,
  act: () => Promise<void>,
  done: { prefix?: string; notPrefix?: string; differsFrom?: string },
): Promise<Interaction> {
  await resetWatch(page);
  await act();
  const { ms, status } = await untilCount(page, done);
  return { ms, status, ...(await readWatch(page)) };
}

/** Set the search box (or another field) the way typing does: one input and change event. */
async function setField(page: Page, label: string, value: string): Promise<void> {
  await page.evaluate(
    ({ label, value }) => {
      const labels = [...document.querySelectorAll('#annotations label')];
      const id = labels.find((l) => l.textContent?.trim() === label)?.getAttribute('for');
      const input = id ? document.getElementById(id) : null;
      if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) {
        throw new Error(`no field ${label}`);
      }
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { label, value },
  );
}

async function exportOne(
  page: Page,
  profile: string,
  format: LibraryFormat,
  count: number,
): Promise<ExportRun> {
  const run: ExportRun = {
    format,
    ms: null,
    status: '',
    longest_task_ms: 0,
    long_tasks: 0,
    longest_block_ms: 0,
    bytes: null,
    items: null,
    complete: null,
    valid: null,
    main_thread: null,
    page_heap_peak_mb: null,
    browser_rss_peak_mb: null,
    error: null,
  };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let heapPeak = 0;
  let rssPeak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      rssPeak = Math.max(rssPeak, browserRssMb(profile));
      const metrics = (await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))) as {
        metrics: { name: string; value: number }[];
      };
      const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      heapPeak = Math.max(heapPeak, heap / 2 ** 20);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const tracing = process.env.LIBRARY_TRACE !== '0';
  if (tracing) await startTrace(cdp);
  try {
    await resetWatch(page);
    const t0 = Date.now();
    const downloaded = page.waitForEvent('download', { timeout: STEP_DEADLINE_MS });
    await page.evaluate((label) => {
      // Marks for the trace: the click, and the moment the progress line goes (the Library has
      // the whole file and hands it to the browser).
      performance.mark('fm-export-start');
      const section = document.querySelector('#annotations');
      let seen = false;
      const watch = new MutationObserver(() => {
        const shown = section?.querySelector('.export-progress') !== null;
        if (shown) seen = true;
        else if (seen) {
          performance.mark('fm-export-done');
          watch.disconnect();
        }
      });
      if (section) watch.observe(section, { childList: true, subtree: true });
      const group = document.querySelector('#annotations [aria-label="Export all annotations"]');
      const button = [...(group?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === label,
      );
      if (!button) throw new Error(`no ${label} export button`);
      button.click();
    }, LABELS[format]);
    // The download starts once the Library has the whole file (a Blob); an error shows instead.
    const outcome = await Promise.race([
      downloaded.then((d) => ({ download: d })),
      page
        .waitForFunction(
          () => document.querySelector('#annotations .export .error')?.textContent ?? false,
          null,
          { polling: 100, timeout: STEP_DEADLINE_MS },
        )
        .then(async (h) => ({ error: String(await h.jsonValue()) })),
    ]);
    if ('error' in outcome) {
      run.error = outcome.error;
      return run;
    }
    const path = await outcome.download.path();
    run.ms = Date.now() - t0;
    Object.assign(run, await readWatch(page));
    if (tracing) run.main_thread = await stopTrace(cdp).catch(() => null);
    run.bytes = statSync(path).size;
    const check =
      format === 'jsonld'
        ? await checkJsonLd(path, count)
        : format === 'csv'
          ? await checkCsv(path, count)
          : await checkMarkdown(path, count);
    run.items = check.items;
    run.complete = check.complete;
    run.valid = check.valid;
    run.error = check.error;
    await outcome.download.delete();
  } catch (error) {
    run.error = String(error);
  } finally {
    sampling = false;
    await sampler;
    await cdp.detach().catch(() => undefined);
    run.page_heap_peak_mb = Math.round(heapPeak);
    run.browser_rss_peak_mb = rssPeak;
  }
  return run;
}

/**
 * Seed `count` annotations, then list, page, search and export them from the Library. `profile`
 * is the browser's user-data dir (for its memory).
 */
export async function libraryAtScale(
  ext: BrowserContext,
  extensionOrigin: string,
  profile: string,
  count: number,
  options: LibraryOptions = {},
): Promise<LibraryResult> {
  const { formats = ['jsonld', 'csv', 'md'], search = true, log = () => undefined } = options;
  const n = count.toLocaleString('en-US');
  // The Library's first load opens (and migrates) the database in the background.
  const setup = await openLibrary(ext, extensionOrigin);
  await setup.waitForFunction(
    () => {
      const section = document.querySelector('#annotations');
      return (
        section !== null &&
        (section.querySelector('.list-count') !== null ||
          (section.textContent ?? '').includes('No annotations yet'))
      );
    },
    null,
    { polling: 100, timeout: 60_000 },
  );
  // A profile kept from an earlier run (FACTMARK_PROFILE) may hold the annotations already.
  const stored = await setup.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('factmark');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const counted = db.transaction('annotations').objectStore('annotations').count();
          counted.onsuccess = () => {
            db.close();
            resolve(counted.result);
          };
          counted.onerror = () => reject(counted.error);
        };
      }),
  );
  const seedMs =
    stored === count
      ? 0
      : await setup.evaluate(seedInPage, { count, batch: SEED_BATCH, rare: RARE_WORD });
  // Written behind the background's back: stop its service worker, so that it reads the store
  // afresh (it keeps the count of annotations between its own writes: db.ts countAnnotations).
  // The next message wakes it, as after any idle time.
  const cdp = await ext.newCDPSession(setup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await setup.close();
  log(`seeded ${n} annotations in ${Math.round(seedMs)} ms`);

  const page = await openLibrary(ext, extensionOrigin);
  // From navigation start: the page's own clock, read when the count line first shows.
  const first = await untilCount(page, { prefix: `Showing 1–${LIST_PAGE} of ${n}` });
  const sinceNavigation = await page.evaluate(() => performance.now());
  const list: Interaction = {
    ...first,
    ms: first.ms === null ? null : Math.round(sinceNavigation),
    ...(await readWatch(page)),
  };
  log(`list: ${JSON.stringify(list)}`);

  const nextPage = await interact(
    page,
    () =>
      page.evaluate(() => {
        const button = [...document.querySelectorAll('#annotations .pager button')].find(
          (b) => b.textContent?.trim() === 'Next page',
        );
        (button as HTMLButtonElement | undefined)?.click();
      }),
    { prefix: `Showing ${(LIST_PAGE + 1).toLocaleString('en-US')}–` },
  );
  log(`next page: ${JSON.stringify(nextPage)}`);

  let searchRare: Interaction | null = null;
  let searchAbsent: Interaction | null = null;
  let tagFilter: Interaction | null = null;
  if (search) {
    const before = await countLine(page);
    searchRare = await interact(page, () => setField(page, 'Search', RARE_WORD), {
      notPrefix: 'Searching',
      differsFrom: before,
    });
    log(`search "${RARE_WORD}": ${JSON.stringify(searchRare)}`);
    searchAbsent = await interact(page, () => setField(page, 'Search', ABSENT_WORD), {
      notPrefix: 'Searching',
      differsFrom: searchRare.status,
    });
    log(`search "${ABSENT_WORD}": ${JSON.stringify(searchAbsent)}`);
    await setField(page, 'Search', '');
    await untilCount(page, { prefix: `Showing 1–${LIST_PAGE} of ${n}` });
    tagFilter = await interact(page, () => setField(page, 'Tag', 't4'), {
      notPrefix: 'Searching',
      differsFrom: `Showing 1–${LIST_PAGE} of ${n} annotations`,
    });
    log(`tag t4: ${JSON.stringify(tagFilter)}`);
    await setField(page, 'Tag', '');
    await untilCount(page, { prefix: `Showing 1–${LIST_PAGE} of ${n}` });
  }

  const exports: ExportRun[] = [];
  for (const format of formats) {
    const run = await exportOne(page, profile, format, count);
    exports.push(run);
    log(`export ${format}: ${JSON.stringify(run)}`);
  }
  await page.close();
  return {
    annotations: count,
    seed_ms: Math.round(seedMs),
    list,
    next_page: nextPage,
    search_rare: searchRare,
    search_absent: searchAbsent,
    tag_filter: tagFilter,
    exports,
  };
}

export interface LibraryGoal {
  goal: string;
  met: boolean;
  value: string;
}

/**
 * The "a million annotations can be listed, searched and exported from the Library", and
 * design.md's "no main-thread task over 50 ms" for the Library while it exports. Tasks are judged
 * by the thread's CPU time: on a machine whose two cores other processes share, a task's wall time
 * also counts the time it waited for a core (both are in the value).
 */
export function libraryGoals(result: LibraryResult | null): LibraryGoal[] {
  if (result === null) return [];
  const n = result.annotations.toLocaleString('en-US');
  const ms = (i: Interaction | null) => (i?.ms === null || i === null ? 'n/a' : `${i.ms} ms`);
  const goals: LibraryGoal[] = [
    {
      goal: `Library lists ${n} annotations (first page)`,
      met: result.list.ms !== null,
      value: `${ms(result.list)}: ${result.list.status}`,
    },
  ];
  if (result.search_absent !== null) {
    goals.push({
      goal: `Library searches ${n} annotations (a word on none: every one looked at)`,
      met: result.search_absent.status === 'No annotation matches.',
      value: `${ms(result.search_absent)}: ${result.search_absent.status}`,
    });
  }
  for (const run of result.exports) {
    goals.push({
      goal: `Library exports ${n} annotations as ${run.format}, each once${run.format === 'jsonld' ? ', valid JSON' : ''}`,
      met: run.complete === true && run.valid !== false,
      value:
        run.error ??
        `${ms(run)}, ${run.items?.toLocaleString('en-US') ?? '?'} items, ${run.bytes?.toLocaleString('en-US') ?? '?'} bytes`,
    });
  }
  const traced = result.exports.filter((r) => r.main_thread !== null);
  if (traced.length > 0) {
    const cpu = Math.max(...traced.map((r) => r.main_thread?.longest_cpu_ms ?? 0));
    const wall = Math.max(...traced.map((r) => r.main_thread?.longest_ms ?? 0));
    goals.push({
      goal: 'no Library main-thread task over 50 ms while exporting (CPU time)',
      met: cpu <= 50,
      value: `${cpu} ms CPU (${wall} ms wall)`,
    });
  }
  return goals;
}

/** Chromium with the extension in `dist`, in a fresh profile; closed and removed by `close`. */
export async function launchForLibrary(dist: string): Promise<{
  ext: BrowserContext;
  extensionOrigin: string;
  profile: string;
  close(): Promise<void>;
}> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built`);
  // FACTMARK_PROFILE: a profile kept between runs (its store seeded once; the extension's id,
  // and so its database, stays the same as long as `dist` is the same path).
  const kept = process.env.FACTMARK_PROFILE;
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'factmark-library-'));
  // Chromium keeps an unpacked extension's service worker script in the profile while its
  // version stays the same: a kept profile would go on running the build it first saw.
  if (kept !== undefined)
    rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  const ext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  const worker = ext.serviceWorkers()[0] ?? (await ext.waitForEvent('serviceworker'));
  return {
    ext,
    extensionOrigin: `chrome-extension://${new URL(worker.url()).host}`,
    profile,
    close: async () => {
      await ext.close().catch(() => undefined);
      if (kept === undefined) rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = process.env.FACTMARK_DIST ?? join(root, 'dist', 'chrome');
  const count = Number(process.argv[2] ?? 1_000_000);
  const formats = (process.argv[3]?.split(',').filter(Boolean) ?? [
    'jsonld',
    'csv',
    'md',
  ]) as LibraryFormat[];
  const browser = await launchForLibrary(dist);
  try {
    const result = await libraryAtScale(
      browser.ext,
      browser.extensionOrigin,
      browser.profile,
      count,
      {
        formats,
        search: process.env.LIBRARY_SEARCH !== '0',
        log: (m) => process.stderr.write(`[library] ${m}\n`),
      },
    );
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
