/**
 * Checks a split's labels without running the engine: every expected mention and figure must be
 * found, in order, in its page's visible text (the CLI's extraction, the same the scorer uses).
 *
 *   npx tsx tests/corpus/check-labels.ts tests/corpus/heldout
 *
 * Prints each page's unlocated labels and the split's totals; exits 1 when any label is unlocated
 * or a file does not parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractVisibleText } from '../../src/cli/html-text';
import { scorePage, type ExpectedPage } from './score';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx tests/corpus/check-labels.ts <split folder>');
  process.exit(2);
}

let bad = 0;
let mentions = 0;
let figures = 0;
const verdicts = new Map<string, number>();
for (const file of readdirSync(join(dir, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  let expected: ExpectedPage;
  let html: string;
  try {
    expected = JSON.parse(readFileSync(join(dir, 'expected', file), 'utf8')) as ExpectedPage;
    html = readFileSync(join(dir, 'pages', expected.page), 'utf8');
  } catch (e) {
    console.log(`${file}: ${(e as Error).message}`);
    bad++;
    continue;
  }
  const empty = { version: 1 as const, url: '', title: '', mentions: [], figures: [] };
  const score = scorePage(extractVisibleText(html).text, empty, expected);
  mentions += expected.mentions.length;
  figures += expected.figures.length;
  for (const f of expected.figures) verdicts.set(f.verdict, (verdicts.get(f.verdict) ?? 0) + 1);
  for (const text of score.unlocated) {
    console.log(`${file}: label not found in order in the visible text: "${text}"`);
    bad++;
  }
}
console.log(
  `${dir}: ${mentions} mentions, ${figures} figures (${[...verdicts]
    .map(([v, n]) => `${n} ${v}`)
    .join(', ')}); ${bad} problems`,
);
process.exit(bad > 0 ? 1 : 0);
