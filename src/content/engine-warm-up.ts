/**
 * The engine run once, end to end, over two sentences of its own while the content script waits
 * for the background's first answer (the facts, the names watched, the site's switch).
 *
 * Why: a page's first pass pays for the engine's cold start — V8 compiles a function at its first
 * call and a regular expression at its first executions — and on a page of 1,000 paragraphs that
 * start was a third of the pass. The content script asks the background for the facts before its
 * pass and waits some 15–20 ms for them (Chromium 156, 1,000-paragraph bench page), its page's
 * main thread idle. Reading two sentences there compiles what the pass runs first: the name and
 * number patterns, a look-alike check, a figure's clause, the claim matcher and the comparison.
 * The texts' facts are built as the background builds a source's (src/core/facts/build.ts), so
 * that their figures have claims to be matched with: with no facts, the matcher reads no figure's
 * clause, and the first paint would compile all of that.
 *
 * Measured (bench page of 1,000 paragraphs, 21 paired loads each, Chromium 156): recognition
 * alone warmed took the first paint from 28.5 to 24.6 ms; the whole engine warmed, from 25.3 to
 * 21.6 ms, its paint from 8.5 to 4.3 ms; the wait from the script's start to that paint did not
 * grow (−9 and −2 ms, paired medians). A background that answers before the warm-up ends costs
 * the difference, which the pass then does not pay.
 *
 * Not kept: warming a journalist's own names' patterns as soon as the background lists them
 * (before the facts): with 50 names, the pass was no shorter (21 paired loads, ±0.0 ms).
 *
 * Nothing is kept: no analysis cache, no page state; the texts are the engine's own, not the
 * page's, and their facts are dropped.
 */
import { indexFacts } from '../core/compare';
import type { Lexicon } from '../core/entities';
import { buildFactBase } from '../core/facts/build';
import { attributeBlock, recognizeBlock, reportFigure, scanBlock } from '../core/report/analyze';
import { blockRole } from '../core/text/labels';
import { PageContextTracker } from './page-context';

/**
 * Sentences of the kinds a news page holds: a watched name, an amount, a count of people, a stake,
 * a date and a year; the second has an amount in another currency and a year as a bound. (Naming
 * more of the watched names, to compile their look-alike checks too, and reading the texts for
 * captions made the first paint no sooner: 21 paired loads, +1.6 and −1.0 ms.)
 */
export function warmUpTexts(name: string): string[] {
  return [
    `${name} said on 3 March 2024 that it would invest $1.2 billion, hire 3,000 workers and hold a 25% stake.`,
    `The project, which ${name} expects to open by 2028, will cost 4.5 million euros.`,
  ];
}

/**
 * Read the warm-up texts as the pass reads a page's blocks — a first look, recognition,
 * attribution against their own facts, comparison — in the page's language with the names
 * watched; returns how many figures came out supported by their own facts (for tests: a warm-up
 * whose figures matched no claim did not run the matcher, and warmed less than it should).
 */
export function warmUpEngine(lang: string, lexicon: Lexicon): number {
  const texts = warmUpTexts(lexicon.entities[0]?.label ?? 'The company');
  const facts = indexFacts(
    buildFactBase([{ file: 'warm-up', text: texts.join('\n\n') }], { lexicon, idPrefix: 'warm-up' })
      .facts,
  );
  const context = new PageContextTracker('', facts.matcher, lang, lexicon);
  const blocks = texts.map((text) => {
    scanBlock(text, lang, lexicon);
    const recognition = recognizeBlock(text, lang, lexicon);
    blockRole(text, recognition.figures);
    context.add(recognition.mentions, text.length, false);
    return { text, recognition };
  });
  const page = context.current.page;
  let supported = 0;
  for (const { text, recognition } of blocks) {
    for (const figure of attributeBlock(text, recognition, page).figures) {
      if (reportFigure(figure, facts).verdict === 'supported') supported++;
    }
  }
  return supported;
}
