import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/core/figures';
import type { Figure } from '../../src/core/types';

function only(text: string): Figure {
  const figures = findFigures(text);
  expect(figures, `figures in ${JSON.stringify(text)}`).toHaveLength(1);
  return figures[0] as Figure;
}

function summary(text: string): [string, string, number, string][] {
  return findFigures(text).map((f) => [f.text, f.kind, f.value, f.unit]);
}

describe('money', () => {
  it.each([
    ['$1.25 billion', 1.25e9, 'USD'],
    ['$1.25bn', 1.25e9, 'USD'],
    ['US$1.25 billion', 1.25e9, 'USD'],
    ['US $1.25 billion', 1.25e9, 'USD'],
    ['USD 1.25 billion', 1.25e9, 'USD'],
    ['1.25 billion dollars', 1.25e9, 'USD'],
    ['$1,250 million', 1.25e9, 'USD'],
    ['$1.25-billion', 1.25e9, 'USD'],
    ['$500m', 5e8, 'USD'],
    ['$500,000', 5e5, 'USD'],
    ['Rs 5 billion', 5e9, 'PKR'],
    ['Rs. 5 billion', 5e9, 'PKR'],
    ['Rs15bn', 1.5e10, 'PKR'],
    ['PKR 249 billion', 2.49e11, 'PKR'],
    ['Rs 10 crore', 1e8, 'PKR'],
    ['5 billion rupees', 5e9, 'PKR'],
    ['€2 million', 2e6, 'EUR'],
    ['£3.4bn', 3.4e9, 'GBP'],
    ['one and a quarter billion dollars', 1.25e9, 'USD'],
    ['one point two five billion dollars', 1.25e9, 'USD'],
    ['ten billion dollar', 1e10, 'USD'],
  ])('%s', (text, value, unit) => {
    const f = only(`EXIM said ${text} would follow.`);
    expect([f.text, f.kind, f.value, f.unit]).toEqual([text, 'money', value, unit]);
  });

  it('computes decimal values exactly', () => {
    expect(only('$1.3 billion').value).toBe(1300000000);
    expect(only('$2.8bn').value).toBe(2800000000);
    expect(only('0.8%').value).toBe(0.8);
  });

  it('states precision as half the last stated place', () => {
    expect(only('$1.3 billion').precision).toBe(5e7);
    expect(only('$1.25 billion').precision).toBe(5e6);
    expect(only('$7 billion').precision).toBe(5e8);
    expect(only('6,000 jobs').precision).toBe(500);
    expect(only('7,500 jobs').precision).toBe(50);
    expect(only('50%').precision).toBe(0.5);
    expect(only('by 2028').precision).toBe(0);
  });
});

describe('counts', () => {
  it.each([
    ['6,000 jobs', 6000, 'jobs'],
    ['6 000 jobs', 6000, 'jobs'],
    ['six thousand jobs', 6000, 'jobs'],
    ['7.5k jobs', 7500, 'jobs'],
    ['7,500 new jobs', 7500, 'jobs'],
    ['6,000 American jobs', 6000, 'jobs'],
    ['6,000 U.S. jobs', 6000, 'jobs'],
    ['seven and a half thousand jobs', 7500, 'jobs'],
    ['54 countries', 54, 'countries'],
    ['Fifty-four countries', 54, 'countries'],
    ['55-nation', 55, 'countries'],
    ['60-country', 60, 'countries'],
    ['54 nations', 54, 'countries'],
    ['two hundred and forty million people', 2.4e8, 'people'],
    ['11 new bilateral agreements', 11, 'agreements'],
    ['2000 jobs', 2000, 'jobs'],
  ])('%s', (text, value, unit) => {
    const f = only(`They spoke of ${text} yesterday.`);
    expect([f.text, f.kind, f.value, f.unit]).toEqual([text, 'count', value, unit]);
  });
});

describe('percentages and stakes', () => {
  it.each([
    ['50%', 50],
    ['25 per cent', 25],
    ['25 percent', 25],
    ['25pc', 25],
    ['fifty percent', 50],
    ['twenty-five percent', 25],
    ['0.8%', 0.8],
  ])('%s', (text, value) => {
    const f = only(`Barrick holds ${text} of it.`);
    expect([f.text, f.kind, f.value, f.unit]).toEqual([text, 'percent', value, '%']);
  });

  it('reads "half" as a share but not as a time', () => {
    expect(
      summary('Barrick owns half of the project; the other half is held by Pakistan.'),
    ).toEqual([
      ['half', 'percent', 50, '%'],
      ['half', 'percent', 50, '%'],
    ]);
    expect(
      summary('It took half an hour in the first half of the session, half a dozen times.'),
    ).toEqual([]);
  });

  it('keeps "a 15 per cent stake" to the figure itself', () => {
    expect(only('acquire a 15 per cent stake').text).toBe('15 per cent');
  });
});

describe('years', () => {
  it('reads a bare four-digit year', () => {
    expect(summary('Production is expected by 2028, said a report on March 5, 2026.')).toEqual([
      ['2028', 'year', 2028, 'year'],
      ['2026', 'year', 2026, 'year'],
    ]);
  });

  it('does not read other four-digit numbers or year-like counts of other things as years', () => {
    expect(summary('Code 1234 and 3456 and 2025 elections.')).toEqual([
      ['2025', 'year', 2025, 'year'],
    ]);
  });
});

describe('qualifiers', () => {
  it.each([
    ['up to $1.3 billion', 'up to', 'max'],
    ['about 6,000 jobs', 'about', 'approx'],
    ['around 6,000 jobs', 'around', 'approx'],
    ['an estimated 6,000 jobs', 'an estimated', 'approx'],
    ['nearly $15 billion', 'nearly', 'approx'],
    ['more than 5,000 jobs', 'more than', 'min'],
    ['at least 5,000 jobs', 'at least', 'min'],
  ])('%s', (text, qualifier, sense) => {
    const f = only(`They promised ${text}.`);
    expect(f.qualifier).toEqual({ text: qualifier, sense });
    expect(text.endsWith(f.text)).toBe(true);
  });
});

describe('what is not a figure', () => {
  it.each([
    'Section 7 on page 12',
    'EXIM-200 and G20 and 3D and the 21st',
    'COVID-19 measures',
    'one of the two',
    'call +92 21 1234 5678',
    '5m away and clause 5b',
  ])('%s', (text) => {
    expect(summary(text)).toEqual([]);
  });
});

describe('text forms', () => {
  it('finds figures through non-breaking spaces and soft hyphens, with offsets in the original', () => {
    const text = 'EXIM lent $1.25\u00a0bil\u00adlion and 6,000\u00a0jobs.';
    const figures = findFigures(text);
    expect(figures.map((f) => [f.text, f.value])).toEqual([
      ['$1.25 billion', 1.25e9],
      ['6,000 jobs', 6000],
    ]);
    for (const f of figures) {
      expect(
        text
          .slice(f.start, f.end)
          .replace(/\u00ad/g, '')
          .replace(/\s/g, ' '),
      ).toBe(f.text);
    }
  });
});

describe('robustness (property tests)', () => {
  const alphabet = fc.constantFrom(
    ...'0123456789,. $%-–\u00a0\u00adkmbnUSDRsPKR€£halfonetwentyper centbillion jobs countries\n'.split(
      '',
    ),
  );

  it('never throws and returns well-formed, ordered, non-overlapping figures', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 200 })), (text) => {
        const figures = findFigures(text);
        let last = 0;
        for (const f of figures) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(Number.isFinite(f.value)).toBe(true);
          expect(Number.isFinite(f.precision)).toBe(true);
          last = f.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Adversarial inputs for the patterns: long runs that a backtracking regex would take
  // exponential or quadratic time on. No timing assertion here (benchmarks measure speed); the
  // test's own timeout is the bound, and each of these completes in milliseconds when linear.
  it.each([
    ['digits and commas', () => '1,'.repeat(500_000)],
    ['grouped digits', () => '1' + ',000'.repeat(250_000) + ',00'],
    ['space-grouped digits', () => '000 '.repeat(250_000)],
    ['one long number', () => '9'.repeat(1_000_000)],
    ['dots and digits', () => '1.'.repeat(500_000)],
    ['number words', () => 'one '.repeat(250_000)],
    ['dollar signs', () => '$'.repeat(1_000_000)],
    ['figures everywhere', () => '$1.25 billion, 6,000 jobs, 50%; '.repeat(30_000)],
  ])(
    'finishes on 1 MB of %s',
    (_name, make) => {
      const text = make();
      expect(() => findFigures(text)).not.toThrow();
    },
    5_000,
  );
});
