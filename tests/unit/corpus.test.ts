/**
 * The engine scored on the labelled corpus (tests/corpus): mentions F1, figure F1 and verdict
 * accuracy, printed, with design.md's goals as the bar. The same pages are scored again through
 * the live extension by the end-to-end tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportForHtml } from '../../src/cli/annotate';
import { extractVisibleText } from '../../src/cli/html-text';
import { indexFacts } from '../../src/core/compare';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';
import { GOALS, formatScore, scoreCorpus, scorePage, type ExpectedPage } from '../corpus/score';

const corpus = join(__dirname, '..', 'corpus');
const facts = indexFacts(BUNDLED_FACT_BASE.facts);

function scoreAll() {
  const pages = readdirSync(join(corpus, 'expected'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(
        readFileSync(join(corpus, 'expected', f), 'utf8'),
      ) as ExpectedPage;
      const html = readFileSync(join(corpus, 'pages', expected.page), 'utf8');
      const report = reportForHtml(html, `http://127.0.0.1/${expected.page}`, facts);
      return scorePage(extractVisibleText(html).text, report, expected);
    });
  return scoreCorpus(pages);
}

describe('labelled corpus', () => {
  const score = scoreAll();
  console.log(formatScore(score));

  it('has at least ten labelled pages, every label found in the visible text', () => {
    expect(score.pages.length).toBeGreaterThanOrEqual(10);
    expect(score.pages.flatMap((p) => p.unlocated.map((t) => `${p.page}: ${t}`))).toEqual([]);
  });

  it('reaches the mentions F1 goal', () => {
    expect(score.mentionsF1).toBeGreaterThanOrEqual(GOALS.mentionsF1);
  });

  it('reaches the figure F1 goal', () => {
    expect(score.figuresF1).toBeGreaterThanOrEqual(GOALS.figuresF1);
  });

  it('reaches the verdict accuracy goal', () => {
    expect(score.verdictAccuracy).toBeGreaterThanOrEqual(GOALS.verdictAccuracy);
  });

  it('reports no look-alike as a mention (China Exim, a street named Barrick…)', () => {
    const lookalikes = score.pages.flatMap((p) =>
      p.errors.filter((e) => e.startsWith('extra mention')).map((e) => `${p.page}: ${e}`),
    );
    expect(lookalikes).toEqual([]);
  });
});
