import { describe, expect, it } from 'vitest';
import { ownerTops } from '../../src/content/strip-positions';

// Stand-ins for elements: only their identity matters to ownerTops.
const elements = (n: number): Element[] =>
  Array.from({ length: n }, (_, i) => ({ id: i }) as unknown as Element);

describe('ownerTops', () => {
  it('measures every element of a short list', () => {
    const els = elements(5);
    const measured: Element[] = [];
    const tops = ownerTops(els, (el) => {
      measured.push(el);
      return els.indexOf(el) * 100;
    });
    expect(tops).toEqual([0, 100, 200, 300, 400]);
    expect(measured).toEqual(els);
  });

  it('measures at most `samples` elements of a long list, first and last included, and interpolates the rest', () => {
    const els = elements(10_001);
    let reads = 0;
    // Blocks 30 px apart, except a 5,000 px figure after block 5,000.
    const yOf = (i: number) => i * 30 + (i > 5_000 ? 5_000 : 0);
    const tops = ownerTops(
      els,
      (el) => {
        reads++;
        return yOf(els.indexOf(el));
      },
      101,
    );
    expect(reads).toBe(101);
    expect(tops).toHaveLength(els.length);
    expect(tops[0]).toBe(0);
    expect(tops[10_000]).toBe(yOf(10_000));
    // Between two samples the error is at most the jump inside that interval.
    for (let i = 0; i < els.length; i++) {
      expect(Math.abs((tops[i] as number) - yOf(i))).toBeLessThanOrEqual(5_000);
      if (i > 0) expect(tops[i] as number).toBeGreaterThanOrEqual(tops[i - 1] as number);
    }
    // Away from the jump, exact (uniform spacing).
    expect(tops[1_234]).toBeCloseTo(yOf(1_234), 6);
  });
});
