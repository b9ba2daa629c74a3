/**
 * Classes of claim-matching error found on pages of a second, invented story, each fixed in the
 * engine for the class: words of other languages' mining and household vocabulary, a page's
 * ordinary word for a source's capitalized name, a copyright year, another amount's currency, a
 * "-ment" noun and its verb, a count of people by its noun alone, countries for a source's member states, a figure that restates an
 * earlier one, and a fact box of another thing on a page about it. The story here is invented for
 * this test (a smelter, its owner, its lender); none of it comes from the labelled corpus.
 */
import { describe, expect, it } from 'vitest';
import { figureContext } from '../../src/core/claims/context';
import { countClass, termOf, tokenize } from '../../src/core/claims/terms';
import { translate } from '../../src/core/claims/translations';
import { indexFacts } from '../../src/core/compare';
import { lexiconOfNames } from '../../src/core/entities';
import { buildFactBase } from '../../src/core/facts/build';
import { analyzeText, buildReport, recognizeBlock } from '../../src/core/report/analyze';
import { sentenceSpans } from '../../src/core/text/sentences';

const names = [
  { id: 'kestrel', name: 'Kestrel Smelter', aliases: [], bundled: false, enabled: true },
  { id: 'arvo', name: 'Arvo Metals', aliases: [], bundled: false, enabled: true },
];
const lexicon = lexiconOfNames(names);
const base = buildFactBase(
  [
    {
      file: 'a.txt',
      text:
        'Arvo Metals approves Kestrel Smelter\ndate 2026-03-02\n' +
        'Arvo Metals said the Kestrel Smelter will cost $640 million and start production in 2029. ' +
        'The smelter will produce nickel concentrate grading 8% nickel. ' +
        'Arvo Metals signed an offtake agreement with Sol Batteries covering 60% of the smelter’s output. ' +
        'Arvo Metals expects the smelter to employ 900 people permanently. ' +
        'The lender, Arvo Metals, is owned by 7 member states. ' +
        'The Kestrel Smelter loan from the bank is $300 million.',
    },
  ],
  { lexicon, idPrefix: 'source' },
);
const story = indexFacts(base.facts);

/** The verdict of the figure `text` on a page of these paragraphs (the first is the title). */
function verdictOf(paragraphs: string[], text: string): string | undefined {
  const page = paragraphs.join('\n\n');
  const report = buildReport(
    { url: 'https://example.org/', title: paragraphs[0] as string },
    analyzeText(page, paragraphs[0] as string, story, '', lexicon),
    story,
  );
  const found = report.figures.filter((f) => f.text === text);
  return found[found.length - 1]?.verdict;
}
const TITLE = 'Kestrel Smelter: Arvo Metals goes ahead';

/** The context of the figure `figureText` of a one-block text. */
function contextOf(text: string, figureText: string) {
  const found = recognizeBlock(text);
  const i = found.figures.findIndex((f) => f.text === figureText);
  const sentences = sentenceSpans(text);
  const figure = found.figures[i];
  if (!figure) throw new Error(`no figure "${figureText}"`);
  const s = sentences.findIndex((x) => x.start <= figure.start && figure.end <= x.end);
  return figureContext(
    { text, sentences, figures: found.figures, mentions: [] },
    i,
    Math.max(0, s),
  );
}

describe('words of other languages’ mining news', () => {
  it('read as the English words: spodumene, oxide, households, remaining', () => {
    expect(translate('espodumena')?.english).toBe('spodumene');
    expect(translate('óxido')?.english).toBe('oxide');
    expect(translate('agregados')?.english).toBe('household');
    expect(translate('restantes')?.english).toBe('remaining');
  });
  it('count what the English units count: delegates, households, tonnes, states', () => {
    expect(countClass('delegados')).toBe(countClass('delegates'));
    expect(countClass('agregados familiares')).toBe(countClass('households'));
    expect(countClass('ton')).toBe(countClass('tonnes'));
    expect(countClass('stater')).toBe(countClass('countries'));
  });
});

describe('a page’s ordinary word for the words of a source’s name', () => {
  it('carries the skeleton the word has as a name', () => {
    const tokens = tokenize('the community trust', 0, 19, [], new Set([0]));
    expect(tokens.find((t) => t.surface === 'community')?.alias).toBe(
      termOf('Community', true, true),
    );
    // A name is its skeleton already; a short word has none.
    expect(tokenize('a Community trust', 0, 17, [], new Set([0]))[0]?.alias).toBeUndefined();
    expect(tokenize('the trust', 0, 9, [], new Set([0]))[0]?.alias).toBeUndefined();
  });
});

describe('a copyright notice’s year', () => {
  it('is the page’s own date', () => {
    expect(contextOf('© 2026 Harbour Daily Media, Ltd.', '2026').dateline).toBe(true);
    expect(contextOf('Copyright 2019–2026 Harbour Daily', '2026').dateline).toBe(true);
    expect(contextOf('Production will start in 2026 at the smelter.', '2026').dateline).toBe(false);
  });
});

describe('another amount’s currency', () => {
  it('names no country the figure is of', () => {
    const context = contextOf(
      'The bank approved US$300m, about 45% of the US$640m capex, on Tuesday.',
      '45%',
    );
    expect(context.terms.has('united-states')).toBe(false);
    expect(context.near).toEqual([]);
  });
});

describe('a "-ment" noun and its verb', () => {
  it('read as one term', () => {
    expect(termOf('agreed', false)).toBe(termOf('agreement', false));
  });
});

describe('a count of people', () => {
  it('is not a claim’s count of people by the noun alone', () => {
    expect(
      verdictOf(
        [TITLE, 'A country with 30 million people cannot build its future on one mine, he said.'],
        '30 million people',
      ),
    ).toBe('unverified');
    expect(
      verdictOf(
        [TITLE, 'Arvo Metals will employ 700 people permanently at the smelter.'],
        '700 people',
      ),
    ).toBe('contradicted');
  });
});

describe('countries for a source’s member states', () => {
  it('agree with them, and are never called wrong by them', () => {
    expect(
      verdictOf(
        [TITLE, 'Arvo Metals is owned by seven countries, and each wants the smelter built.'],
        'seven countries',
      ),
    ).toBe('supported');
    expect(
      verdictOf(
        [TITLE, 'Arvo Metals is owned by nine countries, and each wants the smelter built.'],
        'nine countries',
      ),
    ).toBe('unverified');
  });
});

describe('a figure that restates an earlier one', () => {
  it('speaks of that one’s claim', () => {
    expect(
      verdictOf(
        [
          TITLE,
          'Early reports spoke of more; the figure in the bank’s own announcement for the Kestrel Smelter loan is $300 million, so call it roughly $0.3 billion.',
        ],
        '$0.3 billion',
      ),
    ).toBe('supported');
  });
});

describe('a page about another thing that names the story in passing', () => {
  it('keeps its own fact box’s figures', () => {
    expect(
      verdictOf(
        [
          'Lithium news',
          'The Tembo mine, owned by Sala Resources, is a big project.',
          'First production\t2029',
          'Elsewhere, Arvo Metals approved the Kestrel Smelter last week.',
        ],
        '2029',
      ),
    ).toBe('unverified');
  });
});
