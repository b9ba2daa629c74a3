/**
 * One megabyte of news prose for the "1 MB source" measurements (issue 10: its facts extracted in
 * under a second of background work): every source article the repository holds (the Tembo and
 * the second story's sources, the seeds' facts' quotes), over and over, figures varied so that
 * the claims are not one repeated claim. The unit test (tests/unit/background-sources.test.ts)
 * prints the engine's part in Node; `npm run bench` times the request in Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';

const TESTS = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** At least `bytes` characters (1 MiB unless told) of news prose, lines of whole articles. */
export function megabyteOfNews(bytes = 1024 * 1024): string {
  const articles = [
    ...sourcesOf(join(TESTS, 'fixtures', 'story-tembo')),
    ...sourcesOf(join(TESTS, 'corpus', 'story2', 'sources')),
    [...new Set(BUNDLED_FACT_BASE.facts.map((f) => f.quote))].join('\n'),
  ].join('\n');
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = articles.replace(
      /\b(\d{3}) million\b/g,
      (_m, n: string) => `${Number(n) + (i % 40)} million`,
    );
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n');
}
