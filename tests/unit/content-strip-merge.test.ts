import { describe, expect, it } from 'vitest';
import { mergeMark, mergesAway } from '../../src/content/overview-strip';
import type { Verdict } from '../../src/core/types';

const mark = (position: number, verdict: Verdict) => ({ position, verdict });

describe('strip marks merge', () => {
  it('keeps the most severe mark of a cluster and separate marks apart', () => {
    const merged: { position: number; verdict: Verdict }[] = [];
    for (const m of [
      mark(0.1, 'supported'),
      mark(0.101, 'contradicted'),
      mark(0.102, 'unverified'),
      mark(0.5, 'unverified'),
    ])
      mergeMark(merged, m);
    expect(merged).toEqual([mark(0.101, 'contradicted'), mark(0.5, 'unverified')]);
  });

  it('says when a mark would change nothing, so none is made for it', () => {
    const merged = [mark(0.2, 'contradicted')];
    expect(mergesAway(merged, 0.201, 'supported')).toBe(true);
    expect(mergesAway(merged, 0.201, 'contradicted')).toBe(true);
    expect(mergesAway(merged, 0.3, 'unverified')).toBe(false);
    expect(mergesAway([mark(0.2, 'supported')], 0.201, 'contradicted')).toBe(false);
    expect(mergesAway([], 0.2, 'supported')).toBe(false);
  });
});
