/**
 * The corpus's splits, scored with the CLI's engine:
 * - `own`: the team's fourteen pages (pages/, expected/), written with the engine in view;
 * - `heldout`: story pages written blind (heldout/), scored on every change, never tuned against;
 * - `offstory`: pages about no watched story, written blind (offstory/): no verdict may be given;
 * - `story2`: a second story the engine was not written for (story2/: its own sources and watched
 *   names, written blind), checked with the bundled story watched too, as the CLI's `--sources`
 *   and `--entities` do.
 *
 *   npx tsx tests/corpus/splits.ts [split…]   prints each split's score and its errors
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportForHtml } from '../../src/cli/annotate';
import { extractVisibleText } from '../../src/cli/html-text';
import { loadStory } from '../../src/cli/story';
import { indexFacts, type FactIndex } from '../../src/core/compare';
import { BUNDLED_LEXICON, type Lexicon } from '../../src/core/entities';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';
import { formatScore, scoreCorpus, scorePage, type CorpusScore, type ExpectedPage } from './score';

const HERE = dirname(fileURLToPath(import.meta.url));

export const SPLITS = {
  own: HERE,
  heldout: join(HERE, 'heldout'),
  offstory: join(HERE, 'offstory'),
  story2: join(HERE, 'story2'),
} as const;

export type SplitName = keyof typeof SPLITS;

/** The fact base and names a split is checked against: the bundled ones, and its own if it has them. */
export function storyOf(name: SplitName): { facts: FactIndex; lexicon: Lexicon } {
  const dir = SPLITS[name];
  const sources = join(dir, 'sources');
  if (!existsSync(sources)) {
    return { facts: indexFacts(BUNDLED_FACT_BASE.facts), lexicon: BUNDLED_LEXICON };
  }
  const story = loadStory({
    sources: readdirSync(sources)
      .filter((f) => f.endsWith('.txt') || f.endsWith('.html'))
      .sort()
      .map((f) => join(sources, f)),
    entities: join(dir, 'entities.json'),
    noBundled: false,
  });
  return { facts: indexFacts(story.base.facts), lexicon: story.lexicon };
}

export function scoreSplit(name: SplitName, given?: FactIndex): CorpusScore {
  const dir = SPLITS[name];
  const story = given ? { facts: given, lexicon: BUNDLED_LEXICON } : storyOf(name);
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
      const report = reportForHtml(
        html,
        `http://127.0.0.1/${expected.page}`,
        story.facts,
        story.lexicon,
      );
      return scorePage(extractVisibleText(html).text, report, expected);
    }),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = (
    process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(SPLITS)
  ) as SplitName[];
  for (const name of names) console.log(formatScore(scoreSplit(name), name, !process.env.BRIEF));
}
