/**
 * The corpus's splits, scored with the CLI's engine:
 * - `own`: the team's fourteen pages (pages/, expected/), written with the engine in view;
 * - `heldout`: story pages written blind (heldout/), scored on every change, never tuned against;
 * - `offstory`: pages about no watched story, written blind (offstory/): no verdict may be given.
 *
 *   npx tsx tests/corpus/splits.ts [split…]   prints each split's score and its errors
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportForHtml } from '../../src/cli/annotate';
import { extractVisibleText } from '../../src/cli/html-text';
import { indexFacts, type FactIndex } from '../../src/core/compare';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';
import { formatScore, scoreCorpus, scorePage, type CorpusScore, type ExpectedPage } from './score';

const HERE = dirname(fileURLToPath(import.meta.url));

export const SPLITS = {
  own: HERE,
  heldout: join(HERE, 'heldout'),
  offstory: join(HERE, 'offstory'),
} as const;

export type SplitName = keyof typeof SPLITS;

export function scoreSplit(
  name: SplitName,
  facts: FactIndex = indexFacts(BUNDLED_FACT_BASE.facts),
): CorpusScore {
  const dir = SPLITS[name];
  const expectedDir = join(dir, 'expected');
  const files = existsSync(expectedDir)
    ? readdirSync(expectedDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  return scoreCorpus(
    files.map((f) => {
      const expected = JSON.parse(readFileSync(join(expectedDir, f), 'utf8')) as ExpectedPage;
      const html = readFileSync(join(dir, 'pages', expected.page), 'utf8');
      const report = reportForHtml(html, `http://127.0.0.1/${expected.page}`, facts);
      return scorePage(extractVisibleText(html).text, report, expected);
    }),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = (
    process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(SPLITS)
  ) as SplitName[];
  const facts = indexFacts(BUNDLED_FACT_BASE.facts);
  for (const name of names)
    console.log(formatScore(scoreSplit(name, facts), name, !process.env.BRIEF));
}
