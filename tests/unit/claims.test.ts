/**
 * Claim matching (src/core/claims): a page's figure is matched to the fact base's claims by the
 * words of its own clause. These sentences are paraphrases written for the test, not the seeds'
 * sentences; the expected claim is named by a seed fact's text and quote, never by a hand-written id.
 */
import { describe, expect, it } from 'vitest';
import { buildFactBase, describedFactsFromSeed } from '../../src/core/facts/build';
import { lexiconOfNames } from '../../src/core/entities';
import { indexFacts } from '../../src/core/compare';
import { ClaimMatcher } from '../../src/core/claims/matcher';
import { factTerms } from '../../src/core/claims/describe';
import { fact } from './background-fixtures';
import { analyzeText, buildReport } from '../../src/core/report/analyze';
import type { ReportFigure } from '../../src/core/types';
import { BUNDLED_FACT_BASE } from '../../src/shared/fact-base';

const facts = indexFacts(BUNDLED_FACT_BASE.facts);

/** The claim id of the seed fact whose quote contains `words` and whose text is `figure`. */
function claimOf(figure: string, words: string): string {
  const fact = BUNDLED_FACT_BASE.facts.find((f) => f.text === figure && f.quote.includes(words));
  if (!fact) throw new Error(`no seed fact "${figure}" in a quote with "${words}"`);
  return fact.attribute;
}

/** The report's figure written `text` in a page made of `paragraphs` (title: the first). */
function figureIn(paragraphs: string[], text: string, nth = 0): ReportFigure {
  const page = paragraphs.join('\n');
  const report = buildReport(
    { url: 'https://example.org/', title: paragraphs[0] ?? '' },
    analyzeText(page, paragraphs[0] ?? '', facts),
    facts,
  );
  const found = report.figures.filter((f) => f.text === text)[nth];
  if (!found)
    throw new Error(`no figure "${text}" in ${JSON.stringify(report.figures.map((f) => f.text))}`);
  return found;
}

const STORY = 'Reko Diq: what the US loan means';

describe('one fact base, pages of different stories', () => {
  // The matcher keeps, per kind and set of names a page gives, the claims a figure is scored
  // against (ClaimMatcher.candidates): a page of one story must not be scored against the list
  // made for a page of another. Two invented stories, one fact base, pages in turn.
  const names = [
    { id: 'kestrel', name: 'Kestrel Smelter', aliases: [], bundled: false, enabled: true },
    { id: 'pellam', name: 'Pellam Graphite', aliases: [], bundled: false, enabled: true },
  ];
  const lexicon = lexiconOfNames(names);
  const both = indexFacts(
    buildFactBase(
      [
        {
          file: 'a.txt',
          text:
            'Kestrel Smelter approved\ndate 2026-03-02\n' +
            'The Kestrel Smelter will cost $640 million to build, its owner said.',
        },
        {
          file: 'b.txt',
          text:
            'Pellam Graphite approved\ndate 2026-03-04\n' +
            'The Pellam Graphite mine will cost $210 million to build, its owner said.',
        },
      ],
      { lexicon, idPrefix: 'source' },
    ).facts,
  );
  const verdict = (title: string, paragraph: string, text: string) => {
    const page = `${title}\n\n${paragraph}`;
    const report = buildReport(
      { url: 'https://example.org/', title },
      analyzeText(page, title, both, '', lexicon),
      both,
    );
    return report.figures.find((f) => f.text === text)?.verdict;
  };

  it('scores each page’s figures against the claims of the stories that page names', () => {
    const kestrel = () =>
      verdict(
        'Kestrel Smelter goes ahead',
        'The Kestrel Smelter will cost $640 million to build.',
        '$640 million',
      );
    const pellam = () =>
      verdict(
        'Pellam Graphite goes ahead',
        'The Pellam Graphite mine will cost $210 million to build.',
        '$210 million',
      );
    expect(kestrel()).toBe('supported');
    expect(pellam()).toBe('supported');
    expect(kestrel()).toBe('supported');
    // And a figure of one story on the other's page is not checked against it.
    expect(
      verdict(
        'Pellam Graphite goes ahead',
        'The Pellam Graphite mine will cost $640 million to build.',
        '$640 million',
      ),
    ).not.toBe('supported');
  });
});

describe('the stories of claims', () => {
  // Claims whose sources name the same entities share one set of them (StorySets in
  // matcher.ts); a claim that a second source, naming more, states too gets a set of its own.
  const terms = { approv: 1, loan: 0.8 };
  const matcher = new ClaimMatcher(
    [
      fact('source:a:1', { attribute: 'loan', story: ['kestrel'], terms }),
      fact('source:a:2', { attribute: 'cost', story: ['kestrel'], terms }),
      fact('source:b:1', { attribute: 'loan', story: ['kestrel', 'pellam'], terms }),
      fact('source:c:1', { attribute: 'jobs', story: ['kestrel', 'pellam'], terms }),
      fact('source:c:2', { attribute: 'jobs', terms }),
    ],
    factTerms,
  );
  const storyOf = (id: string) => {
    const story = matcher.claims.find((c) => c.id === id)?.story;
    return story === null ? null : [...(story ?? [])].sort();
  };

  it('a claim’s story is what all its sources name, and no other claim’s grows with it', () => {
    expect(storyOf('loan')).toEqual(['kestrel', 'pellam']);
    expect(storyOf('cost')).toEqual(['kestrel']);
    // A fact of unknown story (a user's) makes its claim's story unknown: any watched name.
    expect(storyOf('jobs')).toBeNull();
  });

  it('lists each set of names once, however many claims have it', () => {
    expect(matcher.stories().map((s) => [...s].sort())).toEqual([
      ['kestrel', 'pellam'],
      ['kestrel'],
    ]);
    // The list is the caller's: changing it changes nothing of the matcher's.
    matcher.stories().pop();
    expect(matcher.stories()).toHaveLength(2);
  });
});

describe('facts that describe themselves', () => {
  it('every figure of every seed is a fact with its clause, subject, story and terms', () => {
    for (const f of BUNDLED_FACT_BASE.facts) {
      expect(f.about?.length).toBeGreaterThan(10);
      expect(f.story).toContain('reko-diq');
      expect(Object.keys(f.terms ?? {}).length).toBeGreaterThan(3);
      // A day or month written without its year is the year of the source's date: the fact reads
      // as that year, its quote as the source wrote it.
      const written = /^\d{4}$/.test(f.text) && !f.quote.includes(f.text);
      if (written)
        expect(f.quote).toMatch(
          /day\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/,
        );
      else expect(f.quote).toContain(f.text);
    }
  });

  it('groups the same claim across seeds, with all its quotes', () => {
    const financing = claimOf('$1.25 billion', 'has approved $1.25 billion in financing');
    const sameClaim = BUNDLED_FACT_BASE.facts.filter((f) => f.attribute === financing);
    expect(
      new Set(sameClaim.map((f) => f.source.type === 'seed' && f.source.file)).size,
    ).toBeGreaterThanOrEqual(4);
    // "up to $1.3 billion in financing" (another seed) is the same claim, rounded.
    expect(sameClaim.map((f) => f.text)).toContain('$1.3 billion');
  });

  it('keeps the facts the old attribute table had no place for', () => {
    for (const [text, words] of [
      ['43 foreign ministers', 'brought together'],
      ['$100 billion', 'Jovanovic'],
      ['$500 million', 'memorandum'],
      ['25 per cent', 'tariffs'],
      ['$30 billion', 'mobilised'],
    ] as const) {
      expect(() => claimOf(text, words)).not.toThrow();
    }
  });

  it('building twice gives the same ids', () => {
    const seed = { file: 'x.txt', text: 'EXIM approved $1.25 billion for Reko Diq.' };
    expect(describedFactsFromSeed(seed).map((d) => d.fact.id)).toEqual(
      describedFactsFromSeed(seed).map((d) => d.fact.id),
    );
  });
});

describe('claim matching on paraphrases', () => {
  it('a loan in other words is the financing claim, supported', () => {
    const f = figureIn(
      [STORY, 'The US lender signed off on a $1.25 billion loan for the Reko Diq copper mine.'],
      '$1.25 billion',
    );
    expect(f.attribute).toBe(claimOf('$1.25 billion', 'has approved $1.25 billion in financing'));
    expect(f.verdict).toBe('supported');
    expect(f.matched).toContain('loan');
  });

  it('a wrong loan amount is contradicted', () => {
    const f = figureIn(
      [STORY, 'EXIM approved a $1.5 billion loan for the Reko Diq mine in Balochistan.'],
      '$1.5 billion',
    );
    expect(f.verdict).toBe('contradicted');
    expect(f.attribute).toBe(claimOf('$1.25 billion', 'has approved $1.25 billion in financing'));
  });

  it('"up to" states the amount: up to $2.5 billion of equipment is contradicted', () => {
    const f = figureIn(
      [
        STORY,
        'The financing will pay for up to $2.5 billion of American mining equipment and services for Reko Diq.',
      ],
      '$2.5 billion',
    );
    expect(f.verdict).toBe('contradicted');
    expect(f.attribute).toBe(claimOf('$2 billion', 'high quality US mining equipment'));
  });

  it('jobs with a carried country: "American jobs" is the US jobs claim', () => {
    const f = figureIn(
      [STORY, 'Reko Diq should support 6,000 American jobs among suppliers.'],
      '6,000 American jobs',
    );
    expect(f.verdict).toBe('supported');
    expect(f.attribute).toBe(claimOf('6,000 jobs', '6,000 jobs in the US'));
  });

  it('people counted where the clause speaks of jobs; not people counted in a population', () => {
    const hired = figureIn(
      [STORY, 'The Reko Diq mine will create jobs for 7,500 people in Balochistan.'],
      '7,500 people',
    );
    expect(hired.verdict).toBe('supported');
    const population = figureIn(
      [STORY, 'Pakistan, a country of 240 million people, needs Reko Diq.'],
      '240 million people',
    );
    expect(population.verdict).toBe('unverified');
  });

  it('a share "each" is compared with shares "each"; a total split between two is not', () => {
    const each = figureIn(
      [
        STORY,
        'Barrick owns half of Reko Diq; the federal and Balochistan governments hold 25% each.',
      ],
      '25%',
    );
    expect(each.verdict).toBe('supported');
  });
});

describe('no confident match, no verdict', () => {
  it('a page that names no watched entity gets no verdict', () => {
    const f = figureIn(
      [
        'Airline sells stake',
        'The airline sold a 25 per cent stake for $1.25 billion in financing.',
      ],
      '25 per cent',
    );
    expect(f.verdict).toBe('unverified');
    expect(f.attribute).toBeNull();
  });

  it('another project’s stake beside its name is not Reko Diq’s', () => {
    const f = figureIn(
      [STORY, 'Barrick also holds 61.5% of Nevada Gold Mines, its biggest asset.'],
      '61.5%',
    );
    expect(f.verdict).toBe('unverified');
  });

  it('jobs in another country are not the US jobs', () => {
    const f = figureIn(
      [
        STORY,
        'In Australia, a cobalt project backed by EXIM letters will create 400 construction jobs.',
      ],
      '400 construction jobs',
    );
    expect(f.verdict).toBe('unverified');
  });

  it('a figure whose clause shares only names and dates with a claim is not matched', () => {
    const f = figureIn([STORY, 'Islamabad, December 11, 2025'], '2025');
    expect(f.verdict).toBe('unverified');
  });
});

describe('years written as bounds', () => {
  it('"by 2030 at the latest" is satisfied by 2028; "not expected before 2031" is not', () => {
    const latest = figureIn(
      [STORY, 'Reko Diq production is expected to begin by 2030 at the latest.'],
      '2030',
    );
    expect(latest.qualifier).toBe('at the latest');
    expect(latest.verdict).toBe('supported');
    const notBefore = figureIn(
      [STORY, 'Reko Diq first production is not expected before 2031, officials now say.'],
      '2031',
    );
    expect(notBefore.qualifier).toBe('not expected before');
    expect(notBefore.verdict).toBe('contradicted');
  });

  it('a plain year is a point: production in 2027 is contradicted', () => {
    expect(
      figureIn([STORY, 'Reko Diq production is expected to begin in 2027.'], '2027').verdict,
    ).toBe('contradicted');
  });
});

describe('fact boxes', () => {
  it('a lone figure is read with its caption', () => {
    // A paragraph ends the headline's run: a title right above a stat card would read as its
    // caption (label-then-value), as a run's first short block does.
    const lead =
      'The Export-Import Bank of the United States approved the financing for the Reko Diq copper and gold mine this week. The numbers:';
    const f = figureIn(
      [STORY, lead, '$2bn', 'Ceiling on US mining equipment and services the loan will buy'],
      '$2bn',
    );
    expect(f.verdict).toBe('supported');
    expect(f.attribute).toBe(claimOf('$2 billion', 'high quality US mining equipment'));
    const wrong = figureIn([STORY, lead, '$9bn', 'Total cost of the project'], '$9bn');
    expect(wrong.verdict).toBe('contradicted');
  });
});

describe('other languages', () => {
  it('a Spanish page’s shares "cada uno" and its words for owning', () => {
    const page = [
      'Reko Diq: EE. UU. financia la mina',
      'Barrick posee el 50% de Reko Diq; el gobierno federal y el de Baluchistán tienen el 25% cada uno.',
    ].join('\n');
    const report = buildReport(
      { url: 'https://example.org/', title: 'Reko Diq' },
      analyzeText(page, 'Reko Diq', facts, 'es'),
      facts,
    );
    expect(report.figures.map((f) => [f.text, f.verdict])).toEqual([
      ['50%', 'supported'],
      ['25%', 'supported'],
    ]);
  });
});

describe('no wrong figure blessed', () => {
  it('a wrong cost that equals another claim’s value is not supported by it', () => {
    const f = figureIn(
      [STORY, 'The Reko Diq mine will cost $2 billion to build and operate, officials say.'],
      '$2 billion',
    );
    expect(f.verdict).not.toBe('supported');
  });
});
