/**
 * Why a figure got its verdict: the words of its clause and every claim it was scored against.
 * A tool for reading error classes; it changes nothing.
 *
 *   npx tsx tests/corpus/why.ts SPLIT PAGE.html "figure text" [more figure texts…]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportForHtml } from '../../src/cli/annotate';
import { ClaimMatcher, type Scored } from '../../src/core/claims/matcher';
import type { FigureContext } from '../../src/core/claims/context';
import type { Figure } from '../../src/core/types';
import { SPLITS, storyOf, type SplitName } from './splits';

const [split, page, ...wanted] = process.argv.slice(2) as [SplitName, string, ...string[]];
const story = storyOf(split);
const html = readFileSync(join(SPLITS[split], 'pages', page), 'utf8');

const original = ClaimMatcher.prototype.match;
ClaimMatcher.prototype.match = function (
  this: ClaimMatcher,
  figure: Figure,
  context: FigureContext,
  pageEntities: ReadonlySet<string>,
  aboutEntities?: ReadonlySet<string>,
) {
  const result = original.call(this, figure, context, pageEntities, aboutEntities);
  if (wanted.length === 0 || wanted.some((w) => figure.text.includes(w))) {
    const terms = [...context.terms]
      .sort((a, b) => b[1].weight - a[1].weight)
      .map(([t, { weight }]) => `${t}:${weight.toFixed(2)}`)
      .join(' ');
    console.log(`\n== ${figure.text} (${figure.kind} ${figure.value} ${figure.unit})`);
    console.log(`   terms: ${terms}`);
    console.log(
      `   subjects: ${[...context.subjects].join(',')}  near: ${context.near.join(',')}  modifiers: ${context.modifiers.join(',')}  about: ${[...(aboutEntities ?? [])].join(',')}`,
    );
    console.log(
      `   block entities: ${[...context.block.entities].join(',')}  block names: ${[...context.block.names].join(',')}  local: ${[...context.local].join(',')}`,
    );
    for (const s of this.score(figure, context, pageEntities).slice(0, 5) as Scored[]) {
      const values = s.claim.facts.map((f) => f.text).join(' | ');
      console.log(
        `   ${s.similarity.toFixed(3)} ${s.strong ? 'strong' : 'weak  '} ${s.inBlock ? 'inBlock' : '       '} ${s.foreign ? 'FOREIGN' : ''} ${s.claim.id}: ${values}`,
      );
    }
    console.log(`   -> ${result ? result.claim.id : 'none'}`);
  }
  return result;
};

reportForHtml(html, `http://127.0.0.1/${page}`, story.facts, story.lexicon);
