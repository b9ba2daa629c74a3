/**
 * What the content script's first look at a page (src/content/analysis-cache.ts `firstLook`, the
 * walk's per-block work) pays for its regular expressions the first time it runs, in Node
 * (`npx tsx bench/regex-cold.ts [paragraphs]`): the generated page's blocks are looked at once,
 * cold, with every `RegExp.prototype.exec` timed (String methods with a pattern go through it too),
 * and again, warm.
 *
 * V8 compiles a pattern at its first execution to bytecode and runs it in its interpreter, then
 * compiles it to machine code at its second (regexp tier-up): a pattern's first two executions are
 * mostly compiling, the more so the longer its alternations. This is the part of the cold pass
 * that the pass's size does not amortize, measured here because a CPU profile of Chromium spreads it
 * over the callers. Node's V8 is older than Chromium's: the figures orient, the bench measures.
 */
import { htmlTextBlocks } from '../src/cli/html-text';
import { newsPage } from './generate';
import { round } from './stats';

const PARAGRAPHS = Number(process.argv[2] ?? 1_000);
const SHOWN = 15;

interface PatternCost {
  runs: number;
  first: number;
  second: number;
  rest: number;
}

async function main(): Promise<void> {
  // The page's blocks as the CLI reads them (the same visible text as the walk's).
  const texts = htmlTextBlocks(newsPage(PARAGRAPHS).html);
  // The parse's garbage collected first, where Node allows it (`--expose-gc`): else a collection
  // lands in some pattern's first execution (2–4 ms) and is read as its compiling.
  (globalThis as { gc?: () => void }).gc?.();
  const { firstLook } = await import('../src/content/analysis-cache');
  const exec = RegExp.prototype.exec;
  const costs = new Map<RegExp, PatternCost>();
  let timing = false;
  RegExp.prototype.exec = function timedExec(this: RegExp, subject: string) {
    if (timing) return exec.call(this, subject);
    timing = true;
    const t0 = performance.now();
    const result = exec.call(this, subject);
    const ms = performance.now() - t0;
    timing = false;
    let cost = costs.get(this);
    if (!cost) costs.set(this, (cost = { runs: 0, first: 0, second: 0, rest: 0 }));
    cost.runs++;
    if (cost.runs === 1) cost.first = ms;
    else if (cost.runs === 2) cost.second = ms;
    else cost.rest += ms;
    return result;
  };
  const t0 = performance.now();
  for (const text of texts) firstLook(text);
  const coldMs = performance.now() - t0;
  RegExp.prototype.exec = exec;
  const t1 = performance.now();
  for (const text of texts) firstLook(text);
  const warmMs = performance.now() - t1;

  const all = [...costs].map(([re, cost]) => ({ pattern: `/${re.source}/${re.flags}`, ...cost }));
  const sum = (key: 'first' | 'second' | 'rest') => round(all.reduce((a, c) => a + c[key], 0));
  console.log(
    `${texts.length} blocks: first look cold ${round(coldMs)} ms (timed), warm ${round(warmMs)} ms; ` +
      `${all.length} pattern objects executed; their first executions ${sum('first')} ms, ` +
      `second ${sum('second')} ms, all later ${sum('rest')} ms`,
  );
  all.sort((a, b) => b.first + b.second - (a.first + a.second));
  for (const c of all.slice(0, SHOWN)) {
    console.log(
      `${round(c.first + c.second, 3)} ms (${c.runs} runs, later ${round(c.rest)} ms) ` +
        c.pattern.slice(0, 100),
    );
  }
}

await main();
