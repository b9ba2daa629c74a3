import { describe, expect, it } from 'vitest';
import { agrees, compareFigure, indexFacts } from '../../src/core/compare';
import type { AttributedFigure, Fact, QualifierSense } from '../../src/core/types';

const q = (sense: QualifierSense, text: string = sense) => ({ text, sense });

function fact(id: string, value: number, precision: number, extra: Partial<Fact> = {}): Fact {
  return {
    id,
    attribute: 'exim.financing',
    kind: 'money',
    value,
    unit: 'USD',
    precision,
    qualifier: null,
    text: String(value),
    quote: '',
    quoteStart: 0,
    quoteEnd: 0,
    start: 0,
    end: 0,
    source: { type: 'seed', file: 'x.txt', title: 'x', date: null },
    ...extra,
  };
}

function figure(
  value: number,
  precision: number,
  extra: Partial<AttributedFigure> = {},
): AttributedFigure {
  return {
    kind: 'money',
    text: '',
    start: 0,
    end: 0,
    value,
    unit: 'USD',
    precision,
    attribute: 'exim.financing',
    ...extra,
  };
}

const index = indexFacts([
  fact('a', 1.25e9, 5e6),
  fact('b', 1.3e9, 5e7, { qualifier: q('max', 'up to') }),
]);

describe('agreement by rounding', () => {
  it('accepts "$1.3 billion" for 1.25 billion (design.md)', () => {
    expect(agrees({ value: 1.3e9, precision: 5e7 }, { value: 1.25e9, precision: 5e6 })).toBe(true);
  });
  it('accepts "$1.2 billion" for 1.25 billion (the boundary rounds either way)', () => {
    expect(agrees({ value: 1.2e9, precision: 5e7 }, { value: 1.25e9, precision: 5e6 })).toBe(true);
  });
  it('refuses "$1 billion" for 1.25 billion: one significant figure is 20 % off', () => {
    expect(agrees({ value: 1e9, precision: 5e8 }, { value: 1.25e9, precision: 5e6 })).toBe(false);
  });
  it('refuses "$1.5 billion" for 1.25 billion', () => {
    expect(agrees({ value: 1.5e9, precision: 5e7 }, { value: 1.25e9, precision: 5e6 })).toBe(false);
  });
  it('accepts "about 6,000" for 6,000 and refuses "5,000" for 6,000', () => {
    expect(
      agrees(
        { value: 6000, precision: 500, qualifier: q('approx') },
        { value: 6000, precision: 500 },
      ),
    ).toBe(true);
    expect(agrees({ value: 5000, precision: 500 }, { value: 6000, precision: 500 })).toBe(false);
  });
  it('widens "about" to 5 %: about 6,250 agrees with 6,000, about 6,500 does not', () => {
    expect(
      agrees(
        { value: 6250, precision: 25, qualifier: q('approx') },
        { value: 6000, precision: 500 },
      ),
    ).toBe(true);
    expect(
      agrees(
        { value: 6500, precision: 250, qualifier: q('approx') },
        { value: 6000, precision: 500 },
      ),
    ).toBe(false);
  });
  it('reads a bound on the page as an inequality', () => {
    expect(
      agrees(
        { value: 2e9, precision: 5e8, qualifier: q('max') },
        { value: 1.25e9, precision: 5e6 },
      ),
    ).toBe(true);
    expect(
      agrees(
        { value: 1e9, precision: 5e8, qualifier: q('max') },
        { value: 1.25e9, precision: 5e6 },
      ),
    ).toBe(false);
    expect(
      agrees({ value: 5000, precision: 500, qualifier: q('min') }, { value: 6000, precision: 500 }),
    ).toBe(true);
    expect(
      agrees({ value: 7000, precision: 500, qualifier: q('min') }, { value: 6000, precision: 500 }),
    ).toBe(false);
  });
  it('compares exact years and percentages exactly', () => {
    expect(agrees({ value: 2028, precision: 0 }, { value: 2028, precision: 0 })).toBe(true);
    expect(agrees({ value: 2030, precision: 0 }, { value: 2028, precision: 0 })).toBe(false);
    expect(agrees({ value: 50, precision: 0 }, { value: 50, precision: 0.5 })).toBe(true);
    expect(agrees({ value: 75, precision: 0.5 }, { value: 50, precision: 0.5 })).toBe(false);
  });
});

describe('compareFigure', () => {
  it('supported: lists the agreeing facts only', () => {
    expect(compareFigure(figure(1.25e9, 5e6), index)).toEqual({
      verdict: 'supported',
      facts: ['a', 'b'],
    });
    expect(compareFigure(figure(1.3e9, 5e7), index)).toEqual({
      verdict: 'supported',
      facts: ['a', 'b'],
    });
  });
  it('does not let a source\'s "up to" pass any smaller figure', () => {
    expect(compareFigure(figure(0.5e9, 5e7), index)).toEqual({
      verdict: 'contradicted',
      facts: ['a', 'b'],
    });
  });
  it('contradicted: lists all facts of the attribute', () => {
    expect(compareFigure(figure(1.5e9, 5e7), index).verdict).toBe('contradicted');
  });
  it('unverified: no attribute, no fact, or another currency', () => {
    expect(compareFigure(figure(1.25e9, 5e6, { attribute: null }), index)).toEqual({
      verdict: 'unverified',
      facts: [],
    });
    expect(compareFigure(figure(1, 0, { attribute: 'reko-diq.total-cost' }), index).verdict).toBe(
      'unverified',
    );
    expect(compareFigure(figure(1.25e9, 5e6, { unit: 'PKR' }), index).verdict).toBe('unverified');
  });
});
