/**
 * What loading the content script costs the page, before its pass: the renderer's
 * `EvaluateScript` of src/content/index.js (compiling the file, then running its top level), read
 * from a DevTools trace of the page's load. The pass's own numbers (bench/run.ts) start after it,
 * so a change that moves work from the pass to the load (vite.config.ts, the compile hint) shows
 * here.
 */
import type { BrowserContext } from 'playwright-core';
import { median, round } from './stats';

/** The content script's file, as the trace names it. */
const CONTENT_SCRIPT = '/src/content/index.js';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

export interface ScriptLoadResult {
  page_url: string;
  runs: number;
  /** Median time of the content script's EvaluateScript: compile and top level. */
  evaluate_ms: number;
  /** Of which compiling (v8.compile inside it). */
  compile_ms: number;
  evaluate_runs_ms: number[];
}

/** Load `url` `runs` times in the extension's context, tracing; `settled` waits for the pass. */
export async function contentScriptLoad(
  ext: BrowserContext,
  url: string,
  runs: number,
  settled: () => Promise<void>,
): Promise<ScriptLoadResult> {
  const evaluate: number[] = [];
  const compile: number[] = [];
  for (let r = 0; r < runs; r++) {
    const page = await ext.newPage();
    try {
      const cdp = await ext.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => {
        // The protocol types each event as a plain object; these are trace events.
        events.push(...(e.value as unknown as TraceEvent[]));
      });
      const complete = new Promise<void>((resolve) =>
        cdp.once('Tracing.tracingComplete', () => resolve()),
      );
      // playwright's CDP types leave out Tracing.start's transferMode.
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,v8',
        transferMode: 'ReportEvents',
      } as never);
      await page.goto(`${url}${url.includes('?') ? '&' : '?'}load=${r}`, { waitUntil: 'load' });
      await settled();
      await cdp.send('Tracing.end');
      await complete;
      const evaluations = events.filter(
        (e) =>
          e.name === 'EvaluateScript' &&
          e.ph === 'X' &&
          e.args?.data?.url?.endsWith(CONTENT_SCRIPT),
      );
      if (evaluations.length === 0)
        throw new Error(`no EvaluateScript of ${CONTENT_SCRIPT} in the trace`);
      let evaluated = 0;
      let compiled = 0;
      for (const run of evaluations) {
        const end = run.ts + (run.dur ?? 0);
        evaluated += (run.dur ?? 0) / 1000;
        for (const e of events) {
          if (e.name === 'v8.compile' && e.ph === 'X' && e.tid === run.tid) {
            if (e.ts >= run.ts && e.ts + (e.dur ?? 0) <= end) compiled += (e.dur ?? 0) / 1000;
          }
        }
      }
      evaluate.push(evaluated);
      compile.push(compiled);
    } finally {
      await page.close();
    }
  }
  return {
    page_url: url,
    runs,
    evaluate_ms: median(evaluate),
    compile_ms: median(compile),
    evaluate_runs_ms: evaluate.map((ms) => round(ms)),
  };
}
