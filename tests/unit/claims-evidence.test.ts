/**
 * What counts as evidence that a page's figure speaks of a claim, beyond the words of its clause:
 * an exact, distinctive value; a day or month the source wrote without its year; an amount that
 * names a thing built. And what does not: a value agreeing with a lesser claim that the page's
 * words do not tell apart from a better one.
 */
import { describe, expect, it } from 'vitest';
import { figureContext } from '../../src/core/claims/context';
import { EXACT_DISTINCT, significantDigits } from '../../src/core/claims/matcher';
import { indexFacts } from '../../src/core/compare';
import { buildFactBase } from '../../src/core/facts/build';
import { datedReferences } from '../../src/core/facts/dated-references';
import { lexiconOfNames } from '../../src/core/entities';
import { analyzeText, buildReport, recognizeBlock } from '../../src/core/report/analyze';
import { sentenceSpans } from '../../src/core/text/sentences';
import { tokenize } from '../../src/core/claims/terms';
import type { Figure, ReportFigure } from '../../src/core/types';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';

const facts = indexFacts(BUNDLED_FACT_BASE.facts);
const STORY = 'Reko Diq: what the US loan means';

function figureIn(paragraphs: string[], text: string): ReportFigure {
  const page = paragraphs.join('\n\n');
  const report = buildReport(
    { url: 'https://example.org/', title: paragraphs[0] ?? '' },
    analyzeText(page, paragraphs[0] ?? '', facts),
    facts,
  );
  const found = report.figures.find((f) => f.text === text);
  if (!found) throw new Error(`no figure "${text}"`);
  return found;
}

describe('days and months a source writes without a year', () => {
  it('take the year of the source’s date: the latest such day or month on or before it', () => {
    const refs = (text: string, date: string) =>
      datedReferences(text, date).map((r) => [r.text, r.value, r.month]);
    expect(refs('The ministerial met on Wednesday in Washington.', '2026-02-06')).toEqual([
      ['Wednesday', 2026, 'february'],
    ]);
    // Thursday 1 January 2026: "on Wednesday" was the last day of 2025.
    expect(refs('It was signed on Wednesday.', '2026-01-01')).toEqual([
      ['Wednesday', 2025, 'december'],
    ]);
    expect(refs('Washington announced in December that', '2026-02-06')).toEqual([
      ['December', 2025, 'december'],
    ]);
    expect(refs('a memorandum signed in September', '2025-12-11')).toEqual([
      ['September', 2025, 'september'],
    ]);
  });
  it('leave dates that carry their year, and "may" the verb, alone', () => {
    expect(datedReferences('on December 10, 2025 it said', '2026-02-06')).toEqual([]);
    expect(datedReferences('in July 2025, Trump', '2026-02-06')).toEqual([]);
    expect(datedReferences('Production may be delayed.', '2026-02-06')).toEqual([]);
    expect(datedReferences('talks resume in May', '2026-02-06').map((r) => r.value)).toEqual([
      2025,
    ]);
  });
  it('become facts of the bundled base: the ministerial’s Wednesday is a 2026 fact', () => {
    const resolved = BUNDLED_FACT_BASE.facts.filter(
      (f) => f.kind === 'year' && !f.quote.includes(f.text),
    );
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.some((f) => f.value === 2026 && /Wednesday/.test(f.quote))).toBe(true);
  });
});

describe('an exact value as evidence', () => {
  it('counts significant digits as written', () => {
    expect(significantDigits(1_250_000_000)).toBe(3);
    expect(significantDigits(7_500)).toBe(2);
    expect(significantDigits(2_000_000_000)).toBe(1);
    expect(significantDigits(0.35)).toBe(2);
  });
  it('a claim stating exactly a distinctive value counts twice as similar; a round one does not', () => {
    const similarity = (text: string, figureText: string, claimValue: string): number => {
      const found = recognizeBlock(text);
      const i = found.figures.findIndex((f) => f.text === figureText);
      const sentences = sentenceSpans(text);
      const block = { text, sentences, figures: found.figures, mentions: found.mentions };
      const context = figureContext(block, i, 0);
      const figure = found.figures[i] as Figure;
      const scored = facts.matcher.score(figure, context, new Set(['reko-diq', 'exim']));
      return scored.find((s) => s.claim.facts.some((f) => f.text === claimValue))?.similarity ?? 0;
    };
    const line = (amount: string) =>
      `Reko Diq: the ${amount} covers a slice of the project total, and lenders will float the rest of the financing.`;
    const exact = similarity(line('$1.25 billion'), '$1.25 billion', '$1.25 billion');
    const other = similarity(line('$1.35 billion'), '$1.35 billion', '$1.25 billion');
    expect(exact).toBeGreaterThan(other * 1.5);
    expect(exact).toBeCloseTo(other * EXACT_DISTINCT, 6);
    const round = similarity(line('$2 billion'), '$2 billion', '$2 billion');
    const notRound = similarity(line('$3 billion'), '$3 billion', '$2 billion');
    expect(round).toBeCloseTo(notRound, 6);
  });
  it('a distinctive exact value beside the name the claim is about agrees, words or not', () => {
    expect(
      figureIn([STORY, 'Reko Diq at a glance: $1.25 bn from EXIM Bank'], '$1.25 bn').verdict,
    ).toBe('supported');
    // Not a round one: "$2 bn from EXIM Bank" could be anything EXIM gives.
    expect(figureIn([STORY, 'Reko Diq at a glance: $3 bn from EXIM Bank'], '$3 bn').verdict).toBe(
      'unverified',
    );
  });
  it('a round figure agreeing with a lesser claim is not supported when the words point at the better one', () => {
    // "loan" is the financing's word ($1.25 billion); the equipment's $2 billion is also
    // financed, but nothing here says equipment.
    const f = figureIn(
      [STORY, 'Ex-Im Bank’s $2 billion Reko Diq loan under scrutiny in Congress'],
      '$2 billion',
    );
    expect(f.verdict).not.toBe('supported');
  });
});

describe('an amount that names a thing built', () => {
  it('is what the thing costs', () => {
    const f = figureIn(
      [
        STORY,
        'Should a $7 billion project on the other side of the world get cheap credit from Washington while Reko Diq skeptics ask questions?',
      ],
      '$7 billion',
    );
    expect(f.verdict).toBe('supported');
  });
});

describe('another thing named in the figure’s own sentence', () => {
  it('takes the figure: a paragraph about the story does not make it the story’s', () => {
    const f = figureIn(
      [
        STORY,
        'Reko Diq is not the only bet in the region. The Tanami Ridge copper-gold project expects first production in 2028.',
      ],
      '2028',
    );
    expect(f.verdict).toBe('unverified');
    const own = figureIn(
      [
        STORY,
        'Reko Diq is not the only bet in the region. Reko Diq expects first production in 2028.',
      ],
      '2028',
    );
    expect(own.verdict).toBe('supported');
  });
  it('is not an attributive compound ("Toronto-based", "state-owned")', () => {
    const f = figureIn(
      [
        STORY,
        'Reko Diq is a bet on copper in Balochistan.',
        'So says a Toronto-based mining analyst. The mine’s cost has been put at around $7 billion.',
      ],
      '$7 billion',
    );
    expect(f.verdict).toBe('supported');
  });
  it('is not a place’s compound nor an ordinary word that opens a sentence', () => {
    const f = figureIn(
      [
        STORY,
        'Reko Diq is hardly new. The American lender says its loan will buy up to $2 billion of US-made mining equipment and services.',
      ],
      '$2 billion',
    );
    expect(f.verdict).toBe('supported');
  });
});

describe('shares', () => {
  it('"has half" is a stake; "each with a 25 per cent share" is a share each', () => {
    expect(
      figureIn([STORY, 'Barrick, the Canadian miner that runs Reko Diq, has half.'], 'half')
        .verdict,
    ).toBe('supported');
    expect(
      figureIn(
        [
          STORY,
          'The rest of Reko Diq belongs to Pakistan: the federal government and the Balochistan government, each with a 25 per cent share.',
        ],
        '25 per cent',
      ).verdict,
    ).toBe('supported');
  });
  it('"we own", "the trust\'s" before a percentage: a stake', () => {
    expect(
      figureIn(
        [STORY, 'Barrick’s chief was blunt: “We own fifty percent of Reko Diq.”'],
        'fifty percent',
      ).verdict,
    ).toBe('supported');
  });
  it('"keeps a token 20%": words that size a share may stand between', () => {
    const token = figureIn([STORY, 'Barrick keeps a token 20% of Reko Diq.'], '20%');
    expect(token.verdict).toBe('contradicted');
    expect(token.attribute).toBe('reko-diq.percent-canada-s-federal');
  });
  it('a sentence that names only countries no source names cannot contradict', () => {
    const f = figureIn(
      [
        STORY,
        'Reko Diq has a long history. In 2006 Barrick and Chile’s Antofagasta took over the licence holder, each holding half of the company.',
      ],
      'half',
    );
    expect(f.verdict).not.toBe('contradicted');
  });
});

describe('figures a source cannot prove wrong', () => {
  it('the writer’s own estimate', () => {
    const f = figureIn(
      [
        STORY,
        'Reko Diq will need workers. We project about 4,500 jobs at the peak of construction.',
      ],
      '4,500 jobs',
    );
    expect(f.verdict).toBe('unverified');
  });
  it('a count of another kind of jobs than the sources counted', () => {
    const f = figureIn(
      [STORY, 'Reko Diq will need a peak construction workforce of 4,500 workers in Balochistan.'],
      '4,500 workers',
    );
    expect(f.verdict).toBe('unverified');
    const plain = figureIn(
      [STORY, 'Reko Diq will create 4,500 jobs in Balochistan, the embassy said.'],
      '4,500 jobs',
    );
    expect(plain.verdict).toBe('contradicted');
  });
});

describe('the claim a figure may contradict', () => {
  // An invented story: a smelter whose sources count two kinds of jobs in two countries.
  const names = [
    { id: 'kestrel', name: 'Kestrel Smelter', aliases: [], bundled: false, enabled: true },
    { id: 'arvo', name: 'Arvo Metals', aliases: [], bundled: false, enabled: true },
  ];
  const lexicon = lexiconOfNames(names);
  const base = buildFactBase(
    [
      {
        file: 'a.txt',
        text: 'Arvo Metals approves Kestrel Smelter\ndate 2026-03-02\nArvo Metals said the Kestrel Smelter will create 900 permanent jobs in Chile once it runs. Arvo Metals said equipment orders for the Kestrel Smelter in Chile will support 420 jobs in Finland.',
      },
    ],
    { lexicon, idPrefix: 'source' },
  );
  const story = indexFacts(base.facts);
  const verdictOf = (sentence: string, text: string): string | undefined => {
    const paragraphs = ['Kestrel Smelter: Arvo Metals goes ahead', sentence];
    const page = paragraphs.join('\n\n');
    const report = buildReport(
      { url: 'https://example.org/', title: paragraphs[0] as string },
      analyzeText(page, paragraphs[0] as string, story, '', lexicon),
      story,
    );
    return report.figures.find((f) => f.text === text)?.verdict;
  };
  it('is the best one the figure’s words do not rule out: a kind of count the best lacks', () => {
    expect(
      verdictOf(
        'Arvo Metals promises only 500 permanent jobs in Chile, while the equipment orders that support jobs in Finland go abroad.',
        '500 permanent jobs',
      ),
    ).toBe('contradicted');
  });
  it('and none when every claim is ruled out', () => {
    expect(
      verdictOf(
        'Arvo Metals promises only 500 seasonal jobs in Chile, while the equipment orders that support jobs in Finland go abroad.',
        '500 seasonal jobs',
      ),
    ).toBe('unverified');
  });
});

describe('a common noun a filing defines', () => {
  const tokens = (text: string) =>
    tokenize(text, 0, text.length, [], new Set([0])).map((t) => [t.surface, t.term, t.proper]);
  it('is the ordinary word after "the" ("the Company\'s mine"), a name otherwise', () => {
    const defined = tokens('A loan for the Company’s mine and the Bank board');
    expect(defined).toContainEqual(['Company’s', 'compani', false]);
    expect(defined.filter(([, , proper]) => proper)).toEqual([]);
    expect(tokens('A loan for Tembo Company’s mine')).toContainEqual(['Company’s', '~cmpn', true]);
  });
});

describe('the subject of a copula', () => {
  const weightOf = (text: string, figureText: string, term: string): number => {
    const found = recognizeBlock(text);
    const i = found.figures.findIndex((f) => f.text === figureText);
    const block = {
      text,
      sentences: sentenceSpans(text),
      figures: found.figures,
      mentions: found.mentions,
    };
    return figureContext(block, i, 0).terms.get(term)?.weight ?? 0;
  };
  it('is what the figure measures, however far its words stand', () => {
    expect(
      weightOf(
        'The total cost of the whole copper and gold project in the province is around $7 billion.',
        '$7 billion',
        'cost',
      ),
    ).toBeGreaterThanOrEqual(0.9);
  });
  it('unless it names a number rather than a thing', () => {
    expect(
      weightOf(
        'The figure in the bank’s own announcement is $415 million.',
        '$415 million',
        'bank',
      ),
    ).toBeLessThan(0.9);
  });
});

describe('the page’s own date', () => {
  it('in a dateline gets no verdict', () => {
    const f = figureIn(
      [
        STORY,
        'WASHINGTON, Dec. 11, 2025 /PR Dispatch/ -- The association welcomed the US Export-Import Bank’s approval of financing for Reko Diq announced by the embassy in December.',
      ],
      '2025',
    );
    expect(f.verdict).toBe('unverified');
  });
});

describe('a date that opens its sentence', () => {
  it('dates the whole sentence, past the figures inside it', () => {
    const f = figureIn(
      [
        STORY,
        'Reko Diq was not the first step. In July 2025, weeks after imposing 25 per cent tariffs and additional penalties on India, Trump announced initiatives focused on developing Pakistan’s oil reserves.',
      ],
      '2025',
    );
    expect(f.verdict).toBe('supported');
  });
});
