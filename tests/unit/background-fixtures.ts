/** Facts, fact bases and annotations for the background's unit tests. */
import type { Annotation } from '../../src/core/annotations/types';
import type { FactBase } from '../../src/core/facts/build';
import type { Fact } from '../../src/core/types';

let dbCounter = 0;
/** A database name no other test uses: fake-indexeddb keeps databases for the whole run. */
export function freshDbName(): string {
  dbCounter += 1;
  return `factmark-test-${dbCounter}-${Math.random().toString(36).slice(2)}`;
}

export function fact(id: string, extra: Partial<Fact> = {}): Fact {
  return {
    id,
    attribute: 'exim.financing',
    kind: 'money',
    value: 1_250_000_000,
    unit: 'USD',
    precision: 5_000_000,
    qualifier: null,
    text: '$1.25 billion',
    quote: 'EXIM approved $1.25 billion for Reko Diq.',
    quoteStart: 0,
    quoteEnd: 41,
    start: 13,
    end: 26,
    source: id.startsWith('user:')
      ? { type: 'user', url: 'https://example.org/a', title: 'A page', date: null }
      : { type: 'seed', file: 'a.txt', title: 'Seed A', date: '2026-02-06' },
    ...extra,
  };
}

export function factBase(facts: Fact[]): FactBase {
  return { version: 1, seeds: [{ file: 'a.txt', title: 'Seed A', date: '2026-02-06' }], facts };
}

export function annotation(id: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    url: 'https://example.org/story',
    title: 'The story',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'EXIM approved $1.25 billion',
      prefix: 'On Tuesday ',
      suffix: ' for Reko Diq.',
    },
    position: { type: 'TextPositionSelector', start: 11, end: 38 },
    color: 'yellow',
    note: 'Check against the board minutes.',
    tags: ['exim', 'financing'],
    entities: ['exim', 'reko-diq'],
    verdicts: ['supported'],
    created: 1_760_000_000_000,
    updated: 1_760_000_000_000,
    ...extra,
  };
}
